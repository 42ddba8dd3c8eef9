package org.morgue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.http.MorgueServer;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.search.ArchiveSearcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Reading an article on the search page (issue 13), in Debian's chromium as {@link SearchPageIT}
 * drives it, over the search and API corpora indexed without names (the reading tools need none):
 * the search's matches marked and stepped through, the previous and next result, wire copies by
 * title, the citation copied in one click, "Back to the results" after a related article, and an
 * unknown article.
 */
class ReadingPageIT {
  @TempDir static Path tmp;

  private static ArchiveSearcher searcher;
  private static MorgueServer server;
  private static ChromeDriver driver;
  private static String base;

  @BeforeAll
  static void serveAndOpenTheBrowser() throws IOException {
    if (!Browser.present()) {
      return;
    }
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    Path extra =
        TestArchives.write(
            tmp.resolve("extra"),
            "n1.txt",
            TestArchives.house(
                "2021-06-01", "Harbour reopens", null, null, "AP", "The harbour reopened."));
    TestArchives.ingest(
        layout, TestArchives.searchCorpus(), TestArchives.apiCorpus(), extra.getParent());
    searcher = ArchiveSearcher.open(layout);
    server = new MorgueServer(searcher, Path.of("web")).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port() + "/";
    driver = Browser.start(tmp);
    driver.executeCdpCommand(
        "Browser.grantPermissions",
        Map.of(
            "origin",
            base.substring(0, base.length() - 1),
            "permissions",
            List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
  }

  @AfterAll
  static void close() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
    if (searcher != null) {
      searcher.close();
    }
  }

  @BeforeEach
  void needsTheBrowser() {
    Browser.needed(driver);
  }

  private static void open(String query) {
    driver.get(base + query);
    ready();
  }

  private static void ready() {
    Browser.ready(driver);
  }

  private static void clickAndWait(WebElement e) {
    Browser.clickAndWait(driver, e);
  }

  private static String query() {
    return Browser.query(driver);
  }

  private static String articleId() {
    return java.net.URLDecoder.decode(
        query().replaceAll(".*article=([^&]+).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void screenshot(String name) throws IOException {
    Browser.screenshot(driver, name);
  }

  private static long scrollY() {
    return ((Number) driver.executeScript("return Math.round(window.scrollY);")).longValue();
  }

  @Test
  void theSearchsMatchesAreMarkedInTheArticleAndSteppedThrough() throws IOException {
    open("?q=ceasefire&sort=newest");
    List<String> ids =
        driver.findElements(By.cssSelector("#hits .hit h3 a")).stream()
            .map(a -> a.getDomAttribute("data-focus-id"))
            .toList();
    clickAndWait(driver.findElement(By.cssSelector("#hits .hit h3 a")));
    List<WebElement> marks = driver.findElements(By.cssSelector("#article-view mark.q-mark"));
    assertFalse(marks.isEmpty(), "the query's words are marked");
    for (WebElement m : marks) {
      assertTrue(m.getText().toLowerCase(Locale.ROOT).startsWith("ceasefire"), m.getText());
    }
    driver.findElement(By.className("match-next")).click();
    assertEquals(
        "Match 1 of " + marks.size(), driver.findElement(By.className("match-count")).getText());
    WebElement current = driver.findElement(By.cssSelector("mark.q-mark.current"));
    assertEquals(current, driver.switchTo().activeElement(), "the match has the focus");
    driver.findElement(By.className("match-prev")).click();
    assertEquals(
        "Match " + marks.size() + " of " + marks.size(),
        driver.findElement(By.className("match-count")).getText(),
        "previous from the first goes round to the last");
    screenshot("article-marks");

    // the next and previous result of the list
    assertEquals(ids.get(0), articleId());
    assertTrue(driver.findElements(By.className("result-prev")).isEmpty(), "the first has none");
    clickAndWait(driver.findElement(By.className("result-next")));
    assertEquals(ids.get(1), articleId());
    assertTrue(query().contains("q=ceasefire"), "the search stays: " + query());
    clickAndWait(driver.findElement(By.className("result-prev")));
    assertEquals(ids.get(0), articleId());
  }

  @Test
  void aWireCopyListsItsCopiesAndOriginalByTitleDateAndSource() throws IOException {
    open("?article=k1");
    String k1 = driver.findElement(By.id("article-title")).getText();
    open("?article=k3");
    String k3 = driver.findElement(By.id("article-title")).getText();
    open("?article=k2");
    String meta = driver.findElement(By.className("article-meta")).getText();
    assertFalse(meta.contains("Copy of k1"), "no raw id: " + meta);
    assertTrue(meta.contains(k1 + " 2021-11-18 · AP"), meta);
    List<String> copies =
        driver.findElements(By.cssSelector(".copy-list li")).stream()
            .map(WebElement::getText)
            .toList();
    assertEquals(List.of(k1 + " 2021-11-18 · AP", k3 + " 2021-11-19 · Reuters"), copies);
    screenshot("article-copies");
    clickAndWait(driver.findElement(By.cssSelector(".copy-list li .brief-title")));
    assertEquals("k1", articleId());
  }

  @Test
  void aCitationIsCopiedInOneClick() throws Exception {
    open("?article=k2");
    String title = driver.findElement(By.id("article-title")).getText();
    String expected = "“" + title + ".” AFP, 2021-11-18. " + base + "?article=k2";
    assertEquals(expected, driver.findElement(By.className("citation-text")).getText());
    driver.findElement(By.className("copy-citation")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> d.findElement(By.className("copy-result")).getText().equals("Copied."));
    Object copied =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + " navigator.clipboard.readText().then(done, (e) => done('failed: ' + e));");
    assertEquals(expected, copied);
  }

  @Test
  void backToTheResultsAfterARelatedArticleReturnsToTheSameScrollPosition() {
    driver.manage().window().setSize(new Dimension(1280, 500));
    open("?q=ceasefire");
    driver.executeScript("window.scrollTo(0, 120);");
    long y = scrollY();
    assertTrue(y > 0, "the list scrolls");
    WebElement hit = driver.findElements(By.cssSelector("#hits .hit h3 a")).get(1);
    String before = driver.getCurrentUrl();
    driver.executeScript("arguments[0].click();", hit); // as a reader clicks: without scrolling
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before));
    ready();
    WebElement related = driver.findElement(By.cssSelector("#article-view .related a"));
    clickAndWait(related);
    assertTrue(query().contains("article="), query());
    clickAndWait(driver.findElement(By.cssSelector("#article-view .back")));
    assertEquals("q=ceasefire", query());
    assertEquals(y, scrollY(), "the same place in the list");
    driver.navigate().forward();
    ready();
    assertTrue(
        query().contains("article="),
        "the results' own history entry: forward goes to the article opened from it");
  }

  @Test
  void anUnknownArticleSaysSoWithoutAUselessTryAgain() {
    open("?article=no-such-article");
    String text = driver.findElement(By.id("article-view")).getText();
    assertTrue(text.contains("There is no article “no-such-article” in this archive"), text);
    assertTrue(
        driver.findElements(By.xpath("//*[@id='article-view']//button")).isEmpty(), "no Try again");
  }

  @Test
  void theSavedSearchesOpenFromTheHeaderShowTheirQueryAndASecondUseOfANameIsAsked()
      throws IOException {
    open("?q=ceasefire&section=WORLD");
    WebElement menu = driver.findElement(By.className("saved-menu-button"));
    assertEquals("false", menu.getDomAttribute("aria-expanded"));
    menu.click();
    WebElement section = driver.findElement(By.id("saved"));
    assertTrue(section.getDomAttribute("class").contains("as-menu"));
    assertTrue(section.getRect().getY() < 200, "over the page, under the header");
    assertEquals(driver.findElement(By.id("saved-title")), driver.switchTo().activeElement());

    String name = "Truce watch " + System.nanoTime();
    driver.findElement(By.id("save-name")).sendKeys(name);
    driver.findElement(By.cssSelector("#save-form button[type=submit]")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.id("saved-link")).isEmpty());
    assertEquals(List.of("“ceasefire”, section WORLD"), savedItem(name, 1));

    // the same name again: asked first, saved only when confirmed
    driver.findElement(By.id("save-name")).sendKeys(name);
    driver.findElement(By.cssSelector("#save-form button[type=submit]")).click();
    WebElement ask =
        new WebDriverWait(driver, Duration.ofSeconds(10))
            .until(d -> d.findElement(By.className("save-ask")));
    assertTrue(ask.getText().contains("already named “" + name + "”"), ask.getText());
    assertEquals(1, savedQueries(name).size(), "nothing saved before the answer");
    screenshot("saved-menu-ask");
    driver.findElement(By.className("save-anyway")).click();
    savedItem(name, 2);

    new org.openqa.selenium.interactions.Actions(driver)
        .sendKeys(org.openqa.selenium.Keys.ESCAPE)
        .perform();
    assertFalse(section.getDomAttribute("class").contains("as-menu"), "Escape closes it");
  }

  /** The descriptions of the queries of the saved searches named {@code name}, in list order. */
  @SuppressWarnings("unchecked")
  private static List<String> savedQueries(String name) {
    return (List<String>)
        driver.executeScript(
            "return [...document.querySelectorAll('#saved-list .saved-item')]"
                + ".filter((li) => li.querySelector('.saved-name')"
                + " && li.querySelector('.saved-name').textContent === arguments[0])"
                + ".map((li) => li.querySelector('.saved-query').textContent);",
            name);
  }

  /** Waits until {@code n} saved searches are named {@code name}; gives their queries. */
  private static List<String> savedItem(String name, int n) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> savedQueries(name).size() == n);
    return savedQueries(name);
  }

  @Test
  void anUnknownShortLinkIsAPage() {
    driver.get(base + "s/no-such-search");
    assertEquals(
        "No saved search “no-such-search”", driver.findElement(By.tagName("h1")).getText());
    assertEquals(
        base, driver.findElement(By.linkText("Search the archive")).getDomProperty("href"));
  }

  @Test
  void onAPhoneTheFiltersAreADrawerAtTheTopWithTapTargetsOf44Pixels() throws IOException {
    driver.manage().window().setSize(new Dimension(390, 844));
    open("?q=ceasefire");
    WebElement button = driver.findElement(By.className("filters-button"));
    assertTrue(button.isDisplayed());
    assertEquals("Filters", button.getText());
    assertTrue(button.getRect().getY() < 500, "above the results: " + button.getRect().getY());
    assertFalse(driver.findElement(By.id("facets")).isDisplayed(), "closed until asked for");
    button.click();
    WebElement drawer = driver.findElement(By.id("filters-drawer"));
    assertTrue(drawer.isDisplayed());
    assertEquals(
        driver.findElement(By.className("filters-close")), driver.switchTo().activeElement());
    for (WebElement target :
        driver.findElements(By.cssSelector("#facets .facet-exclude, #facets .facet-value"))) {
      if (target.isDisplayed()) {
        assertTrue(
            target.getSize().getHeight() >= 44 && target.getSize().getWidth() >= 44,
            target.getDomAttribute("aria-label") + " is " + target.getSize());
      }
    }
    screenshot("phone-filters");
    clickAndWait(
        driver.findElement(
            By.cssSelector("#facets .facet-value[data-dim='section'][data-value='WORLD']")));
    assertTrue(query().contains("section=WORLD"), query());
    assertFalse(drawer.isDisplayed(), "choosing a value closes the drawer");
    assertEquals("Filters (1)", driver.findElement(By.className("filters-button")).getText());
    for (WebElement chip : driver.findElements(By.cssSelector("#chips .chip-remove"))) {
      assertTrue(chip.getSize().getHeight() >= 44 && chip.getSize().getWidth() >= 44);
    }

    driver.manage().window().setSize(new Dimension(1280, 1000));
    assertFalse(driver.findElement(By.className("filters-button")).isDisplayed());
    assertTrue(driver.findElement(By.id("facets")).isDisplayed(), "a column on a wide screen");
  }

  @Test
  void theDateFieldsTakeTheAddressesFormatAndABadDateIsSaidOnce() {
    open("?q=ceasefire&from=2021-11");
    WebElement from = driver.findElement(By.id("from"));
    assertEquals("2021-11", from.getDomProperty("value"), "a month, as in the chip");
    assertEquals("text", from.getDomAttribute("type"), "not the browser's locale format");
    WebElement to = driver.findElement(By.id("to"));
    to.sendKeys("2021-11-20");
    clickAndWait(driver.findElement(By.cssSelector("#dates button[type=submit]")));
    assertTrue(query().contains("to=2021-11-20"), query());
    assertTrue(
        driver.findElement(By.id("chips")).getText().contains("to 2021-11-20"),
        driver.findElement(By.id("chips")).getText());

    open("?q=ceasefire&from=2021-13-45");
    String message = driver.findElement(By.id("empty")).getText();
    assertFalse(message.isBlank());
    assertFalse(driver.findElement(By.id("query-error")).isDisplayed(), "said once, not twice");
    assertEquals(1, driver.findElements(By.cssSelector("#empty .failure")).size());
    assertEquals(
        "0px",
        driver.findElement(By.cssSelector("#empty .failure")).getCssValue("border-left-width"),
        "no border inside the border");
  }

  @Test
  void theSectionsAddUpWithTheArticlesWithoutOne() {
    open("");
    List<String> sections =
        driver.findElements(By.cssSelector("#facets .facet[data-dim='section'] li")).stream()
            .map(e -> e.getText().replaceAll("\\s+", " "))
            .toList();
    assertEquals("(no section) 1", sections.get(sections.size() - 1), sections.toString());
    open("?section=WORLD");
    assertTrue(driver.findElements(By.className("facet-none")).isEmpty(), "not under a filter");
  }
}

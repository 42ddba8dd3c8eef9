package org.morgue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.http.MorgueServer;
import org.morgue.index.CoverageCorpus;
import org.morgue.index.IndexLayout;
import org.morgue.search.ArchiveSearcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Coverage analysis on the search page (issue 11) in a real browser, as {@link SearchPageIT}: the
 * chart's axes, its gap (drawn, not a link, with a note), the share of a filtered desk, the
 * interval control, a comparison built on the page and restored from its URL, the "all of" toggle
 * of a facet and the chart at phone width, over the {@link CoverageCorpus} (seven articles, no
 * article from April to June 2021).
 */
class CoveragePageIT {
  @TempDir static Path tmp;

  private static ArchiveSearcher searcher;
  private static MorgueServer server;
  private static ChromeDriver driver;
  private static String base;

  @BeforeAll
  static void serveAndOpenTheBrowser() throws IOException {
    if (!Browser.present()) {
      return; // each test then skips or fails in @BeforeEach
    }
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    CoverageCorpus.ingest(layout, tmp.resolve("corpus"));
    searcher = ArchiveSearcher.open(layout);
    server = new MorgueServer(searcher, Path.of("web")).start("127.0.0.1", 0);
    base = "http://127.0.0.1:" + server.port() + "/";

    driver = Browser.start(tmp);
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

  // --- helpers ---------------------------------------------------------------------------------

  /**
   * Opens the page at {@code pathAndQuery} (relative to {@code /}) and waits until it has painted.
   */
  private static void open(String query) {
    driver.get(base + query);
    ready();
  }

  /** Waits until the page says it is ready (html[data-state=ready]) and its URL is settled. */
  private static void ready() {
    Browser.ready(driver);
  }

  /** Clicks and waits until the address has changed and the page has painted the new state. */
  private static void clickAndWait(WebElement e) {
    Browser.clickAndWait(driver, e);
  }

  /**
   * The results' summary without its time ("7 articles (5 stories) in 3 ms" → "7 articles (5
   * stories)").
   */
  private static String summary() {
    return Browser.summary(driver);
  }

  private static List<String> titles() {
    return Browser.titles(driver);
  }

  private static String query() {
    return Browser.query(driver);
  }

  private static WebElement facetValue(String dim, String value) {
    return Browser.facetValue(driver, dim, value);
  }

  private static void screenshot(String name) throws IOException {
    Browser.screenshot(driver, name);
  }

  private static void assertNoAlert() {
    Browser.assertNoAlert(driver);
  }

  // --- the tests -------------------------------------------------------------------------------

  private static List<String> texts(String css) {
    return driver.findElements(By.cssSelector(css)).stream()
        .map(e -> e.getDomProperty("textContent").strip())
        .toList();
  }

  private static String readout() {
    return driver.findElement(By.id("chart-readout")).getText();
  }

  private static void focus(WebElement e) {
    driver.executeScript("arguments[0].focus()", e);
  }

  @Test
  void theChartHasAxesAndDrawsTheArchivesGapAsNoLink() throws IOException {
    open("?interval=month");
    List<String> starts =
        driver.findElements(By.cssSelector("#bars a.bar")).stream()
            .map(e -> e.getDomAttribute("data-start"))
            .toList();
    assertEquals(
        List.of("2021-01-01", "2021-02-01", "2021-03-01", "2021-07-01", "2021-08-01"),
        starts,
        "April to June are no links");
    assertEquals(3, driver.findElements(By.cssSelector("#bars .gap")).size());
    assertEquals(
        "The archive holds no article in Apr 2021 to Jun 2021 (hatched): a gap in the archive, not"
            + " a lack of coverage.",
        driver.findElement(By.id("chart-note")).getText());
    List<String> yTicks = texts("#bars .y-tick");
    assertEquals("0", yTicks.get(0));
    assertTrue(yTicks.size() >= 3, yTicks.toString());
    assertEquals("Jan 2021", texts("#bars .x-label").get(0));
    focus(driver.findElement(By.cssSelector("#bars a.bar[data-start='2021-07-01']")));
    assertEquals("Jul 2021: 2 articles (2 in the archive)", readout());
    screenshot("coverage-gap");
  }

  @Test
  void theChartDownloadsAsAStandaloneSvgAndAPng() throws Exception {
    open("?interval=month");
    driver.findElement(By.id("download-svg")).click();
    Path svg = Browser.downloaded(tmp, "morgue-timeline.svg");
    javax.xml.parsers.DocumentBuilderFactory xml =
        javax.xml.parsers.DocumentBuilderFactory.newInstance();
    xml.setNamespaceAware(true);
    org.w3c.dom.Document doc = xml.newDocumentBuilder().parse(svg.toFile());
    org.w3c.dom.Element root = doc.getDocumentElement();
    assertEquals("svg", root.getLocalName());
    assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
    List<String> labels = new java.util.ArrayList<>();
    int gaps = 0;
    int hits = 0;
    org.w3c.dom.NodeList all = doc.getElementsByTagName("*");
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
      List<String> classes = List.of(e.getAttribute("class").split(" "));
      if (classes.contains("x-label")) {
        labels.add(e.getTextContent());
      }
      gaps += classes.contains("gap") ? 1 : 0;
      hits += classes.contains("hits") ? 1 : 0;
    }
    assertEquals("Jan 2021", labels.get(0), labels.toString());
    assertEquals(3, gaps, "the archive's gap, April to June, drawn in the file too");
    assertEquals(0, hits, "no links or hit areas in a downloaded chart");

    driver.findElement(By.id("download-png")).click();
    java.awt.image.BufferedImage png =
        javax.imageio.ImageIO.read(Browser.downloaded(tmp, "morgue-timeline.png").toFile());
    assertEquals(
        2 * Integer.parseInt(root.getAttribute("width")), png.getWidth(), "twice as sharp");
    assertEquals(2 * Integer.parseInt(root.getAttribute("height")), png.getHeight());
  }

  @Test
  void theShareOfAFilteredDeskDividesByThatDesksArticles() throws IOException {
    open("?q=ceasefire&section=WORLD&interval=month&chart=share");
    assertEquals(
        "Coverage by month: share of the articles with section WORLD",
        driver.findElement(By.id("timeline-title")).getText());
    focus(driver.findElement(By.cssSelector("#bars a.bar[data-start='2021-01-01']")));
    assertEquals("Jan 2021: 1 article, 50% of 2 filtered articles (2 in the archive)", readout());
    focus(driver.findElement(By.cssSelector("#bars a.bar[data-start='2021-07-01']")));
    assertEquals(
        "Jul 2021: 0 articles, no filtered article in this period (2 in the archive)", readout());
    screenshot("coverage-share");
  }

  @Test
  void theIntervalControlChangesTheBuckets() {
    open("");
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("interval")))
        .selectByValue("quarter");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> query().equals("interval=quarter"));
    ready();
    assertEquals(
        List.of("2021-01-01", "2021-07-01"),
        driver.findElements(By.cssSelector("#bars a.bar")).stream()
            .map(e -> e.getDomAttribute("data-start"))
            .toList());
    assertEquals(List.of("Q1 2021", "Q2", "Q3"), texts("#bars .x-label"));
  }

  @Test
  void aComparisonIsBuiltOnThePageAndRestoredFromItsAddress() throws IOException {
    open("?q=ceasefire&interval=month");
    driver.findElement(By.id("compare-name")).sendKeys("Ceasefire");
    clickAndWait(driver.findElement(By.id("compare-add")));
    assertEquals("q=ceasefire&interval=month&compare=q%3Dceasefire%26name%3DCeasefire", query());
    WebElement box = driver.findElement(By.id("q"));
    box.clear();
    box.sendKeys("truce");
    clickAndWait(driver.findElement(By.cssSelector("#search-form button[type=submit]")));
    ready();
    assertEquals(
        List.of("Ceasefire (4)×", "This search (2) the current search"),
        texts("#legend .series-item"));
    assertEquals(2, driver.findElements(By.cssSelector("#bars path.line")).size());
    focus(driver.findElement(By.cssSelector("#bars a.bar[data-start='2021-03-01']")));
    assertEquals(
        "Mar 2021: Ceasefire: 1 article; This search: 1 article (1 in the archive)", readout());
    String csv = driver.findElement(By.id("download-csv")).getDomProperty("href");
    assertEquals(
        base
            + "api/compare.csv?s=q%3Dceasefire%26name%3DCeasefire&s=q%3Dtruce%26name%3DThis%2520search&interval=month",
        csv);
    screenshot("coverage-compare");

    driver.navigate().refresh();
    ready();
    assertEquals(
        List.of("Ceasefire (4)×", "This search (2) the current search"),
        texts("#legend .series-item"));

    clickAndWait(driver.findElement(By.cssSelector("#legend .series-remove")));
    assertEquals("q=truce&interval=month", query());
    assertTrue(driver.findElement(By.id("legend")).getText().isEmpty());
  }

  @Test
  void allOfAFacetsValuesIsAToggleOnceTwoAreChosen() throws IOException {
    open("?person=Anna+Berg");
    assertTrue(driver.findElements(By.cssSelector(".any-all")).isEmpty(), "one value: no toggle");
    clickAndWait(facetValue("person", "Carl Dorn"));
    assertEquals("6 articles", summary());
    assertEquals(
        "Of the 6 results: Anna Berg 4 · Carl Dorn 4",
        driver.findElement(By.cssSelector(".facet[data-dim=person] .in-results")).getText());
    clickAndWait(driver.findElement(By.cssSelector(".any-all input[value=all]")));
    assertEquals("person=Anna+Berg&person=Carl+Dorn&all=person", query());
    assertEquals("2 articles", summary());
    assertTrue(
        driver
            .findElement(By.cssSelector(".facet[data-dim=person] .facet-note"))
            .getText()
            .startsWith("Counted among the 2 results"));
    screenshot("coverage-all-of");
    driver.navigate().refresh();
    ready();
    assertEquals("2 articles", summary());
    assertTrue(driver.findElement(By.cssSelector(".any-all input[value=all]")).isSelected());
  }

  @Test
  void theChartIsUsableAtPhoneWidth() throws IOException {
    driver.manage().window().setSize(new Dimension(390, 844));
    open("?interval=day");
    Number page =
        (Number)
            driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
    assertTrue(page.intValue() <= 0, "the page does not scroll sideways: " + page);
    WebElement svg = driver.findElement(By.cssSelector("#bars svg"));
    assertEquals(7, driver.findElements(By.cssSelector("#bars a.bar")).size(), "the seven days");
    assertEquals(199, driver.findElements(By.cssSelector("#bars .gap")).size(), "of 206");
    assertTrue(
        Integer.parseInt(svg.getDomAttribute("width")) >= 206 * 9,
        "at least 9 px a period, the chart scrolls in its box");
    assertTrue(texts("#bars .x-label").size() >= 2);
    screenshot("coverage-phone");
  }

  @Test
  void anEntityPageOpensFromAFacetAndFromAnArticle() throws IOException {
    open("");
    clickAndWait(
        driver.findElement(
            By.cssSelector("#facets .facet-about[data-type=person][data-name='Anna Berg']")));
    assertEquals("view=entity&type=person&name=Anna+Berg", query());
    assertEquals("Anna Berg", driver.findElement(By.id("entity-title")).getText());
    assertEquals("4 articles", driver.findElement(By.cssSelector(".entity-count")).getText());
    assertEquals(
        "4 articles. First named 2021-01-10 in Anna Berg and Carl Dorn meet in Oslo; last named"
            + " 2021-07-01 in Anna Berg back in Oslo.",
        driver.findElement(By.cssSelector(".entity-summary")).getText());
    assertEquals(
        List.of("Carl Dorn 2 both"), texts(".entity-col[data-dim=person] li"), "itself left out");
    assertEquals(List.of("Oslo 3 both", "Lima 2 both"), texts(".entity-col[data-dim=place] li"));
    assertEquals(List.of("WORLD 3", "POLITICS 1"), texts(".entity-col[data-dim=section] li"));
    assertEquals(
        List.of("Anna Berg84", "Berg22"),
        texts(".surface-forms tbody tr"),
        "text, mentions, articles");
    assertEquals(
        5,
        driver.findElements(By.cssSelector("#entity-view a.bar")).size(),
        "by week: the five weeks with archive articles, from hers to hers");
    screenshot("coverage-entity");

    clickAndWait(driver.findElement(By.cssSelector(".entity-col[data-dim=person] .entity-both")));
    assertEquals("person=Anna+Berg&person=Carl+Dorn&all=person", query());
    assertEquals("2 articles", summary());

    open("?article=c7");
    clickAndWait(
        driver.findElement(
            By.cssSelector(
                ".article-entities .entity-link[data-type=person][data-name='Carl Dorn']")));
    assertEquals("Carl Dorn", driver.findElement(By.id("entity-title")).getText());
    assertEquals("4 articles", driver.findElement(By.cssSelector(".entity-count")).getText());
    clickAndWait(driver.findElement(By.cssSelector(".entity-filter")));
    assertEquals("person=Carl+Dorn", query());
    assertEquals("4 articles", summary());
    driver.navigate().back();
    ready();
    clickAndWait(driver.findElement(By.cssSelector(".entity-query")));
    assertEquals("4 articles", summary(), "the query form gives the filter's articles");
  }

  @Test
  void aMatrixCellOpensItsArticles() throws IOException {
    open("?q=ceasefire");
    driver.findElement(By.cssSelector("#matrix summary")).click();
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#matrix .matrix-cell")).isEmpty());
    assertEquals("q=ceasefire&matrix=person.place", query());
    assertEquals(List.of("Anna Berg 3", "Carl Dorn 3"), texts("#matrix tbody th"));
    assertEquals(List.of("Oslo", "Lima"), texts("#matrix thead th").subList(1, 3));
    assertEquals(List.of("3", "1", "2", "2"), texts("#matrix tbody td"));
    screenshot("coverage-matrix");
    clickAndWait(
        driver.findElement(
            By.cssSelector("#matrix .matrix-cell[data-row='Anna Berg'][data-col='Lima']")));
    assertEquals("q=ceasefire&person=Anna+Berg&place=Lima", query());
    assertEquals("1 article", summary());
    assertEquals(List.of("Anna Berg and Carl Dorn agree on a ceasefire"), titles());
  }

  @Test
  void aMatrixCellOfAChosenValueOpensExactlyItsCount() throws IOException {
    // two places chosen (any of them): a cell's link keeps its own place alone, so that it opens
    // the articles the cell counts, not those naming either place
    open("?q=ceasefire&place=Oslo&place=Lima&matrix=person.place");
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> !d.findElements(By.cssSelector("#matrix .matrix-cell")).isEmpty());
    assertEquals(List.of("3", "1", "2", "2"), texts("#matrix tbody td"));
    clickAndWait(
        driver.findElement(
            By.cssSelector("#matrix .matrix-cell[data-row='Anna Berg'][data-col='Lima']")));
    assertEquals("q=ceasefire&person=Anna+Berg&place=Lima", query());
    assertEquals("1 article", summary());
  }
}

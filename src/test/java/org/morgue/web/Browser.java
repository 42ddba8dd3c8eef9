package org.morgue.web;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the page's browser tests share: Debian's {@code chromium}, headless, through its {@code
 * chromedriver} (elsewhere: {@code MORGUE_CHROMIUM}, {@code MORGUE_CHROMEDRIVER}), started with the
 * flags that keep it off the network; the skip (or, with {@code CI=true}, the failure) when it is
 * missing; and the waits and readings every page test uses.
 */
final class Browser {
  private Browser() {}

  static final Path CHROMIUM = Path.of(env("MORGUE_CHROMIUM", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER = Path.of(env("MORGUE_CHROMEDRIVER", "/usr/bin/chromedriver"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static String env(String name, String otherwise) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? otherwise : v;
  }

  /** Whether chromium and chromedriver are there. */
  static boolean present() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** Where the browser started under {@code tmp} puts what it downloads. */
  static Path downloads(Path tmp) {
    return tmp.resolve("downloads");
  }

  /**
   * The file the browser started under {@code tmp} downloaded as {@code name}, once it is whole.
   */
  static Path downloaded(Path tmp, String name) throws InterruptedException {
    Path file = downloads(tmp).resolve(name);
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!(Files.isRegularFile(file) && !Files.exists(file.resolveSibling(name + ".crdownload")))
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (!Files.isRegularFile(file)) {
      fail("nothing downloaded as " + name + " in 10 s");
    }
    return file;
  }

  /** A headless chromium with a fresh profile under {@code tmp}, its console log kept. */
  static ChromeDriver start(Path tmp) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--user-data-dir=" + Files.createTempDirectory(tmp, "chromium"),
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost");
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    options.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            Files.createDirectories(downloads(tmp)).toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    Files.createDirectories(SCREENSHOTS);
    return new ChromeDriver(service, options);
  }

  /**
   * Before each test: skips it, with what to install, when the browser is missing (fails it in CI);
   * else puts the window back to the desktop size.
   */
  static void needed(ChromeDriver driver) {
    if (!present()) {
      String message =
          "the browser tests need Debian's chromium and chromedriver ("
              + CHROMIUM
              + ", "
              + CHROMEDRIVER
              + "): apt-get install -y --no-install-recommends chromium chromium-driver";
      if ("true".equals(System.getenv("CI"))) {
        fail("in CI " + message);
      }
      org.junit.jupiter.api.Assumptions.abort("skipped: " + message);
    }
    driver.manage().window().setSize(new Dimension(1280, 1000));
  }

  /** Waits until the page says it is ready (html[data-state=ready]) and its URL is settled. */
  static void ready(ChromeDriver driver) {
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(
            d -> "ready".equals(d.findElement(By.tagName("html")).getDomAttribute("data-state")));
  }

  /** Clicks and waits until the address has changed and the page has painted the new state. */
  static void clickAndWait(ChromeDriver driver, WebElement e) {
    String before = driver.getCurrentUrl();
    e.click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().equals(before));
    ready(driver);
  }

  /**
   * The results' summary without its time ("7 articles (5 stories) in 3 ms" → "7 articles (5
   * stories)").
   */
  static String summary(ChromeDriver driver) {
    return driver.findElement(By.id("summary")).getText().replaceFirst(" in \\d+ ms.*", "");
  }

  /** The titles of the results shown. */
  static List<String> titles(ChromeDriver driver) {
    return driver.findElements(By.cssSelector("#hits .hit h3")).stream()
        .map(WebElement::getText)
        .toList();
  }

  /** The page's query string, without the {@code ?}. */
  static String query(ChromeDriver driver) {
    String url = driver.getCurrentUrl();
    int q = url.indexOf('?');
    return q < 0 ? "" : url.substring(q + 1);
  }

  /** One value of a facet on the page. */
  static WebElement facetValue(ChromeDriver driver, String dim, String value) {
    return driver.findElement(
        By.cssSelector("#facets .facet-value[data-dim='" + dim + "'][data-value='" + value + "']"));
  }

  /** Saves the page as {@code target/screenshots/NAME.png}. */
  static void screenshot(ChromeDriver driver, String name) throws IOException {
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  /** Fails if a script of the page opened an alert (a script from an article ran). */
  static void assertNoAlert(ChromeDriver driver) {
    try {
      String text = driver.switchTo().alert().getText();
      fail("a script ran and opened an alert: " + text);
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }
}

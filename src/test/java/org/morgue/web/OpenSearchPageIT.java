package org.morgue.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.http.MorgueServer;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.opensearch.OpenSearchClient;
import org.morgue.opensearch.OpenSearchIndex;
import org.morgue.opensearch.TestNode;
import org.morgue.search.Archive;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.OpenSearchArchive;
import org.morgue.search.OpenSearchMigration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The search page in chromium over the OpenSearch backend shows what it shows over the embedded
 * index: the same saved URLs give the same summary, titles, facet counts and marked words, and an
 * article opens with its matches marked. Without {@link TestNode}'s node, or without the browser,
 * the test is skipped (fails in CI).
 */
class OpenSearchPageIT {
  @TempDir static Path tmp;

  private static Archive embedded;
  private static Archive cluster;
  private static OpenSearchIndex index;
  private static MorgueServer embeddedServer;
  private static MorgueServer clusterServer;
  private static ChromeDriver driver;

  @BeforeAll
  static void serveBothAndOpenTheBrowser() throws IOException {
    if (!Browser.present()) {
      return;
    }
    OpenSearchClient client = TestNode.connect();
    if (client == null) {
      return; // each test says so
    }
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus(), TestArchives.apiCorpus());
    index = new OpenSearchIndex(client, "morgue-page-" + ProcessHandle.current().pid());
    index.delete();
    index.create(1, 0);
    OpenSearchMigration.copy(layout, index, 100, s -> {});
    embedded = ArchiveSearcher.open(layout);
    cluster = new OpenSearchArchive(layout, index);
    embeddedServer = new MorgueServer(embedded, Path.of("web")).start("127.0.0.1", 0);
    clusterServer = new MorgueServer(cluster, Path.of("web")).start("127.0.0.1", 0);
    driver = Browser.start(tmp);
  }

  @AfterAll
  static void close() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    for (MorgueServer s : new MorgueServer[] {embeddedServer, clusterServer}) {
      if (s != null) {
        s.close();
      }
    }
    if (embedded != null) {
      embedded.close();
    }
    if (index != null) {
      index.delete();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @BeforeEach
  void needsTheBrowserAndANode() {
    Browser.needed(driver);
    if (index == null) {
      TestNode.missing();
    }
  }

  /** What the page shows for a query string: summary, titles, marked words, one facet. */
  private static List<String> page(MorgueServer server, String query) {
    driver.get("http://127.0.0.1:" + server.port() + "/" + query);
    Browser.ready(driver);
    Browser.assertNoAlert(driver);
    List<String> out = new java.util.ArrayList<>();
    out.add(Browser.summary(driver));
    out.addAll(Browser.titles(driver));
    for (WebElement m : driver.findElements(By.cssSelector("#hits mark"))) {
      out.add("mark " + m.getText());
    }
    for (WebElement v : driver.findElements(By.cssSelector("#facets .facet-value"))) {
      out.add("facet " + v.getDomAttribute("data-dim") + " " + v.getText());
    }
    return out;
  }

  @Test
  void theSameUrlsShowTheSamePage() {
    for (String query :
        List.of(
            "?q=ceasefire&sort=newest",
            "?q=%22foreign+minister%22&sort=oldest",
            "?q=truce+OR+ceasefire&sort=newest&section=WORLD",
            "?sort=newest",
            "?q=nothingatallhere")) {
      List<String> a = page(embeddedServer, query);
      List<String> b = page(clusterServer, query);
      assertFalse(a.isEmpty());
      assertEquals(a, b, query);
    }
  }

  @Test
  void anArticleOpensWithItsMatchesMarked() {
    String query = "?q=ceasefire&sort=newest";
    List<List<String>> marks = new java.util.ArrayList<>();
    for (MorgueServer server : List.of(embeddedServer, clusterServer)) {
      driver.get("http://127.0.0.1:" + server.port() + "/" + query);
      Browser.ready(driver);
      Browser.clickAndWait(driver, driver.findElement(By.cssSelector("#hits .hit h3 a")));
      marks.add(
          driver.findElements(By.cssSelector("#article-view mark.q-mark")).stream()
              .map(WebElement::getText)
              .toList());
    }
    assertFalse(marks.get(0).isEmpty(), "the query's words are marked");
    assertEquals(marks.get(0), marks.get(1));
  }
}

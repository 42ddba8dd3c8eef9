package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.TestCsv;
import org.w3c.dom.Document;

/**
 * The API over real HTTP: a server on a free port over the search and API corpora (17 articles, 15
 * stories; their READMEs list what each holds), called with the JDK's HTTP client, JSON read with
 * Jackson, CSV and JSON Lines read back, the Atom feed parsed by the JDK's XML parser.
 */
class MorgueServerTest {
  @TempDir static Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static IndexLayout layout;
  private static ArchiveSearcher searcher;
  private static MorgueServer server;

  @BeforeAll
  static void serveTheCorpora() throws IOException {
    layout = new IndexLayout(tmp.resolve("archive"));
    assertEquals(
        17,
        TestArchives.ingest(layout, TestArchives.searchCorpus(), TestArchives.apiCorpus()).added());
    Path web = tmp.resolve("web");
    TestArchives.write(
        web,
        "index.html",
        "<!doctype html><title>Morgue</title><script type=module src=app.js></script>");
    TestArchives.write(web, "app.js", "export const page = 1;\n");
    searcher = ArchiveSearcher.open(layout);
    server = new MorgueServer(searcher, web).start(MorgueServer.DEFAULT_HOST, 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  @Test
  void theIconBrowsersAskForIsTheSvgIcon() throws Exception {
    HttpResponse<String> r = get("/favicon.ico");
    assertEquals(301, r.statusCode());
    assertEquals("/favicon.svg", r.headers().firstValue("Location").orElse(""));
  }

  // --- helpers ---------------------------------------------------------------------------------

  static HttpResponse<String> get(MorgueServer on, String pathAndQuery)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> get(String pathAndQuery)
      throws IOException, InterruptedException {
    return get(server, pathAndQuery);
  }

  /** The JSON of a 200 response. */
  private static JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(
        "application/json",
        r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
    return JSON.readTree(r.body());
  }

  /** The error of a response that must fail with {@code status}. */
  private static JsonNode error(String pathAndQuery, int status)
      throws IOException, InterruptedException {
    HttpResponse<String> r = get(pathAndQuery);
    assertEquals(status, r.statusCode(), r.body());
    assertEquals(
        "application/json",
        r.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""),
        r.body());
    assertSecurityHeaders(r);
    JsonNode body = JSON.readTree(r.body());
    List<String> keys = new ArrayList<>();
    body.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("error"), keys);
    JsonNode error = body.get("error");
    List<String> fields = new ArrayList<>();
    error.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("status", "message", "parameter", "position"), fields, "one error shape");
    assertEquals(status, error.get("status").asInt());
    assertFalse(error.get("message").asText().isBlank());
    return error;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static List<String> ids(JsonNode result) {
    List<String> out = new ArrayList<>();
    result.get("hits").forEach(h -> out.add(h.get("id").asText()));
    return out;
  }

  private static String facet(JsonNode result, String dim) {
    List<String> out = new ArrayList<>();
    result
        .get("facets")
        .get(dim)
        .forEach(v -> out.add(v.get("value").asText() + "=" + v.get("count").asLong()));
    return String.join(", ", out);
  }

  static void assertSecurityHeaders(HttpResponse<?> r) {
    String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
    assertEquals("no-referrer", r.headers().firstValue("Referrer-Policy").orElse(""));
    assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
  }

  // --- search ----------------------------------------------------------------------------------

  @Test
  void theReadingToolsOverHttp() throws Exception {
    JsonNode none = json("/api/search?q=ceasfire+AND+marathon");
    assertEquals("ceasefire AND marathon", none.get("didYouMean").get("q").asText());
    assertEquals("AND marathon", none.get("nothing").get("clauses").get(1).get("text").asText());
    assertEquals(0, none.get("nothing").get("clauses").get(1).get("running").asLong());

    JsonNode c = json("/api/concordance?q=ceasefire&section=WORLD&order=before&size=3&page=2");
    assertEquals(6, c.get("articles").asLong());
    assertEquals(8, c.get("lines").asLong());
    assertEquals(3, c.get("items").size());
    assertEquals("before", c.get("order").asText());

    HttpResponse<String> csv = get("/api/concordance.csv?q=ceasefire&section=WORLD");
    assertEquals(200, csv.statusCode());
    assertEquals(9, csv.body().split("\r\n").length, "a header and 8 lines");

    for (String bad :
        List.of(
            "/api/concordance?q=%22open",
            "/api/concordance?q=a&order=sideways",
            "/api/concordance?q=a&size=500",
            "/api/concordance.csv?q=a+W/+b",
            "/api/search?q=" + "(".repeat(40) + "a" + ")".repeat(40))) {
      HttpResponse<String> r = get(bad);
      assertEquals(400, r.statusCode(), bad + " " + r.body());
      assertTrue(r.body().startsWith("{\"error\":{\"status\":400"), r.body());
    }
  }

  @Test
  void aSearchGivesExactTotalsStoriesAndItsShape() throws Exception {
    JsonNode r = json("/api/search?q=ceasefire&sort=newest");
    List<String> keys = new ArrayList<>();
    r.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "query",
            "total",
            "stories",
            "tookMs",
            "timedOut",
            "hits",
            "facets",
            "histogram",
            "inResults",
            "warnings",
            "didYouMean",
            "nothing"),
        keys);
    assertTrue(r.get("didYouMean").isNull());
    assertTrue(r.get("nothing").isNull());
    assertEquals(7, r.get("total").asLong());
    assertEquals(5, r.get("stories").asLong());
    assertFalse(r.get("timedOut").asBoolean());
    assertEquals(List.of("j1", "w2", "k3", "w1", "r1"), ids(r));
    assertEquals("ceasefire", r.get("query").get("q").asText());
    assertEquals("newest", r.get("query").get("sort").asText());
    assertEquals("q=ceasefire&sort=newest", r.get("query").get("queryString").asText());
    JsonNode w2 = r.get("hits").get(1);
    assertEquals("2021-11-20", w2.get("date").asText());
    assertEquals(JSON.readTree("[\"Alican Tekingunduz\", \"Jane Roe\"]"), w2.get("authors"));
    assertEquals(
        JSON.readTree("{\"person\":[],\"org\":[],\"place\":[]}"),
        w2.get("entities"),
        "indexed without entities");
    assertEquals("[]", r.get("warnings").toString());
  }

  @Test
  void wireCopiesAppearOnceWithTheirIds() throws Exception {
    JsonNode k3 = json("/api/search?q=ceasefire&sort=newest").get("hits").get(2);
    assertEquals("k3", k3.get("id").asText());
    assertEquals(2, k3.get("copies").asInt());
    assertEquals(JSON.readTree("[\"k1\", \"k2\"]"), k3.get("copyIds"));
    JsonNode noReuters = json("/api/search?q=ceasefire&sort=newest&not.source=Reuters");
    assertEquals(List.of("w2", "k1", "w1", "r1"), ids(noReuters));
    assertEquals(5, noReuters.get("total").asLong());
    assertEquals(4, noReuters.get("stories").asLong());
    assertEquals(JSON.readTree("[\"k2\"]"), noReuters.get("hits").get(1).get("copyIds"));
  }

  @Test
  void facetsFollowEveryFilterButTheirOwn() throws Exception {
    JsonNode all = json("/api/search");
    assertEquals(17, all.get("total").asLong());
    assertEquals(15, all.get("stories").asLong());
    assertEquals("WORLD=8, POLITICS=3, SPORT=3, TECH=2, Press Releases=1", facet(all, "section"));

    JsonNode worldReuters = json("/api/search?section=WORLD&source=Reuters&sort=newest");
    assertEquals(3, worldReuters.get("total").asLong());
    assertEquals(List.of("j1", "k3", "w4"), ids(worldReuters));
    assertEquals(
        "WORLD=3, POLITICS=2, SPORT=1", facet(worldReuters, "section"), "Reuters' sections");
    assertEquals(
        "Reuters=3, AA=1, AFP=1, AP=1, TRTWorld and agencies=1",
        facet(worldReuters, "source"),
        "WORLD's sources");
    assertEquals("Jane Roe=2", facet(worldReuters, "author"));

    JsonNode twoSections = json("/api/search?section=WORLD&section=SPORT");
    assertEquals(11, twoSections.get("total").asLong(), "either section");
    assertEquals(
        "WORLD=8, POLITICS=3, SPORT=3, TECH=2, Press Releases=1", facet(twoSections, "section"));
  }

  @Test
  void facetSizeAsksForMoreValues() throws Exception {
    assertEquals(2, json("/api/search?facetSize=2").get("facets").get("author").size());
    assertEquals(8, json("/api/search?facetSize=1000").get("facets").get("author").size());
  }

  @Test
  void theHistogramHasItsBuckets() throws Exception {
    JsonNode h = json("/api/search?q=ceasefire&interval=week").get("histogram");
    assertEquals("week", h.get("interval").asText());
    assertEquals(
        JSON.readTree(
            "[{\"start\":\"2021-11-01\",\"count\":1,\"all\":1,\"base\":1},{\"start\":\"2021-11-08\",\"count\":0,\"all\":0,\"base\":0},"
                + "{\"start\":\"2021-11-15\",\"count\":5,\"all\":5,\"base\":5},{\"start\":\"2021-11-22\",\"count\":1,\"all\":1,\"base\":1}]"),
        h.get("buckets"));
    JsonNode byMonth = json("/api/search").get("histogram");
    assertEquals("month", byMonth.get("interval").asText(), "chosen from the span");
    assertEquals(35, byMonth.get("buckets").size());
    assertEquals(1, byMonth.get("undated").asInt());
  }

  @Test
  void snippetsAreMarkedAndEscaped() throws Exception {
    JsonNode x1 = json("/api/search?q=script").get("hits").get(0);
    assertEquals("x1", x1.get("id").asText());
    assertEquals(
        "Editors find <script>alert(\"x\")</script> in a headline",
        x1.get("title").asText(),
        "text, for textContent");
    assertEquals(
        "Editors find &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; in a headline",
        x1.get("titleHtml").asText());
    String snippet = x1.get("snippet").asText();
    assertEquals(
        "A reader sent &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; &amp; other"
            + " &lt;b&gt;tags&lt;/b&gt;; the filter caught the <mark>script</mark>. Nothing ran in the browser.",
        snippet);
    assertFalse(
        snippet.replace("<mark>", "").replace("</mark>", "").contains("<"), "no tag but mark");
  }

  @Test
  void unknownParametersAreIgnoredWithAWarning() throws Exception {
    JsonNode r = json("/api/search?q=ceasefire&colour=red");
    assertEquals(7, r.get("total").asLong());
    assertEquals("[\"unknown parameter 'colour' was ignored\"]", r.get("warnings").toString());
  }

  // --- exports ---------------------------------------------------------------------------------

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "q=ceasefire | 7",
        " | 17",
        "section=WORLD&not.author=Jane+Roe | 5",
        "q=volcano | 0"
      })
  void csvAndJsonLinesGiveEveryMatchingArticle(String query, int total) throws Exception {
    String q = query == null ? "" : query;
    assertEquals(total, json("/api/search?" + q).get("total").asLong());

    HttpResponse<String> csv = get("/api/search.csv?" + q);
    assertEquals(200, csv.statusCode());
    assertEquals(
        "text/csv; charset=utf-8; header=present",
        csv.headers().firstValue("Content-Type").orElse(""));
    assertTrue(
        csv.headers()
            .firstValue("Content-Disposition")
            .orElse("")
            .matches(
                "attachment; filename=\"morgue-"
                    + (q.contains("ceasefire")
                        ? "ceasefire"
                        : q.contains("volcano") ? "volcano" : "search")
                    + "-\\d{8}-\\d{6}Z\\.csv\""),
        csv.headers().firstValue("Content-Disposition").orElse(""));
    assertSecurityHeaders(csv);
    List<List<String>> rows = TestCsv.parse(csv.body());
    assertEquals(total + 1, rows.size(), "a header row and a row an article");

    HttpResponse<String> jsonl = get("/api/search.jsonl?" + q);
    assertEquals(200, jsonl.statusCode());
    assertEquals(
        "application/x-ndjson; charset=utf-8",
        jsonl.headers().firstValue("Content-Type").orElse(""));
    List<String> lines = jsonl.body().lines().toList();
    assertEquals(total, lines.size());
    for (String line : lines) {
      assertTrue(JSON.readTree(line).get("id").isTextual(), line);
    }
  }

  @Test
  void aCsvExportTakesItsColumnsAByteOrderMarkAndSaysWhatSearchAndWhen() throws Exception {
    Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    HttpResponse<String> csv =
        get(
            "/api/search.csv?q=ceasefire&sort=newest&fields="
                + enc("id, title,snippet,body")
                + "&bom=1");
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.body().startsWith("\uFEFFid,title,snippet,body\r\n"), csv.body());
    List<List<String>> rows = TestCsv.parse(csv.body().substring(1));
    assertEquals(8, rows.size());
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(4, row.size(), row.toString());
      JsonNode article = json("/api/articles/" + enc(row.get(0)));
      assertEquals(article.get("title").asText(), row.get(1));
      assertFalse(row.get(2).isBlank(), row.get(2));
      assertFalse(row.get(2).contains("<mark>"), row.get(2));
      List<String> paragraphs = new ArrayList<>();
      article.get("paragraphs").forEach(n -> paragraphs.add(n.asText()));
      assertEquals(String.join("\n\n", paragraphs), row.get(3));
    }
    assertEquals(
        "http://127.0.0.1:" + server.port() + "/?q=ceasefire&sort=newest",
        csv.headers().firstValue("Morgue-Search").orElse(""));
    Instant exported = Instant.parse(csv.headers().firstValue("Morgue-Exported").orElseThrow());
    assertFalse(exported.isBefore(before), exported.toString());
    assertFalse(exported.isAfter(Instant.now()), exported.toString());

    // without bom, no mark; a bad column or flag is a 400 naming its parameter
    assertTrue(get("/api/search.csv?q=ceasefire&fields=id").body().startsWith("id\r\n"));
    assertEquals(
        "fields", error("/api/search.csv?fields=id,secret", 400).get("parameter").asText());
    assertEquals("fields", error("/api/search.csv?fields=id,id", 400).get("parameter").asText());
    assertEquals("bom", error("/api/search.csv?bom=maybe", 400).get("parameter").asText());
  }

  @Test
  void aBadQueryIsRefusedBeforeAnExportStarts() throws Exception {
    JsonNode e = error("/api/search.csv?q=" + enc("title:(foo"), 400);
    assertEquals("q", e.get("parameter").asText());
    assertNull(
        get("/api/search.csv?q=" + enc("title:(foo"))
            .headers()
            .firstValue("Content-Disposition")
            .orElse(null));
    error("/api/search.jsonl?page=0", 400);
  }

  @Test
  void theAtomFeedIsWellFormed() throws Exception {
    HttpResponse<String> r = get("/api/search.atom?q=ceasefire");
    assertEquals(200, r.statusCode());
    assertEquals(
        "application/atom+xml; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    assertSecurityHeaders(r);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    Document feed =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    assertEquals("http://www.w3.org/2005/Atom", feed.getDocumentElement().getNamespaceURI());
    assertEquals(
        5,
        feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength(),
        "one entry a story");
    assertTrue(
        r.body()
            .contains(
                "href=\"http://127.0.0.1:" + server.port() + "/api/search.atom?q=ceasefire\""),
        r.body());

    // each entry: a summary, and the article's page first among its alternates (what readers open)
    String atom = "http://www.w3.org/2005/Atom";
    org.w3c.dom.NodeList entries = feed.getElementsByTagNameNS(atom, "entry");
    for (int i = 0; i < entries.getLength(); i++) {
      org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
      org.w3c.dom.NodeList summary = entry.getElementsByTagNameNS(atom, "summary");
      assertEquals(1, summary.getLength(), "a summary");
      assertFalse(summary.item(0).getTextContent().isBlank());
      assertFalse(summary.item(0).getTextContent().contains("<mark>"));
      org.w3c.dom.Element first =
          (org.w3c.dom.Element) entry.getElementsByTagNameNS(atom, "link").item(0);
      assertEquals("alternate", first.getAttribute("rel"));
      assertEquals("text/html", first.getAttribute("type"));
      String id = entry.getElementsByTagNameNS(atom, "id").item(0).getTextContent();
      assertTrue(
          first.getAttribute("href").startsWith("http://127.0.0.1:" + server.port() + "/?article="),
          first.getAttribute("href"));
      String articleId =
          java.net.URLDecoder.decode(
              first.getAttribute("href").replaceFirst(".*\\?article=", ""), StandardCharsets.UTF_8);
      assertEquals(org.morgue.search.AtomFeed.entryId(articleId), id);
    }

    HttpResponse<String> tech = get("/api/search.atom?section=TECH");
    Document techFeed =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(tech.body().getBytes(StandardCharsets.UTF_8)));
    assertEquals(0, techFeed.getElementsByTagName("script").getLength());
    assertTrue(
        tech.body()
            .contains("Editors find &lt;script&gt;alert(\"x\")&lt;/script&gt; in a headline"),
        tech.body());
  }

  // --- articles, facets, stats, health ---------------------------------------------------------

  @Test
  void anArticleWithItsCopiesAndRelatedArticles() throws Exception {
    JsonNode k2 = json("/api/articles/k2");
    assertEquals("k2", k2.get("id").asText());
    assertEquals("AFP", k2.get("source").asText());
    assertEquals(2, k2.get("paragraphs").size());
    assertEquals("k1", k2.get("copyOf").asText());
    assertEquals(JSON.readTree("[\"k1\", \"k3\"]"), k2.get("copies"));
    assertTrue(
        k2.get("related").size() > 0 && k2.get("related").size() <= 5,
        k2.get("related").toString());
    k2.get("related")
        .forEach(rel -> assertFalse(List.of("k1", "k2", "k3").contains(rel.get("id").asText())));
  }

  @Test
  void anArticleSaysWhereItWasReadRelativeToTheIngestedFolderNeverTheServersFolders()
      throws Exception {
    JsonNode k2 = json("/api/articles/k2");
    assertEquals("wire-copies.jsonl:2", k2.get("origin").asText());
    JsonNode all = json("/api/search?q=&size=100");
    for (JsonNode hit : all.get("hits")) {
      String origin = json("/api/articles/" + hit.get("id").asText()).get("origin").asText();
      assertFalse(origin.startsWith("/") || origin.contains(tmp.toString()), origin);
      assertFalse(
          origin.contains(TestArchives.searchCorpus().getParent().toString()), "no server path");
    }
  }

  @Test
  void eachRequestIsOneLineOfTheRequestLog() throws Exception {
    List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
    try (MorgueServer logged =
        new MorgueServer(searcher, null)
            .requestLog(lines::add)
            .start(MorgueServer.DEFAULT_HOST, 0)) {
      assertEquals(200, get(logged, "/api/search?q=ceasefire").statusCode());
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (lines.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertEquals(1, lines.size(), lines.toString());
      assertTrue(
          lines.get(0).matches("\\S+Z GET /api/search\\?q=ceasefire 200 \\d+\\.\\d ms"),
          lines.get(0));
    }
  }

  @Test
  void aClientThatLeavesDuringAnExportIsToldApartFromAFault() {
    assertTrue(
        MorgueServer.clientGone(
            new java.io.UncheckedIOException(
                new org.eclipse.jetty.io.EofException("Broken pipe"))));
    assertFalse(MorgueServer.clientGone(new IOException("disk full")));
  }

  @Test
  void anArticleListsItsCopiesAndOriginalByTitleAndMarksTheQuery() throws Exception {
    JsonNode k2 = json("/api/articles/k2?q=" + enc("ceasefire OR monitors"));
    assertEquals("k1", k2.get("original").get("id").asText());
    assertEquals("AP", k2.get("original").get("source").asText());
    assertEquals("2021-11-18", k2.get("original").get("date").asText());
    assertFalse(k2.get("original").get("title").asText().isBlank());
    List<String> copies = new ArrayList<>();
    k2.get("copyList")
        .forEach(c -> copies.add(c.get("id").asText() + " " + c.get("source").asText()));
    assertEquals(List.of("k1 AP", "k3 Reuters"), copies);
    assertTrue(k2.get("marks").size() >= 2, k2.get("marks").toString());
    String body = k2.get("body").asText();
    String title = k2.get("title").asText();
    for (JsonNode m : k2.get("marks")) {
      String field = m.get("field").asText();
      String text =
          field.equals("body") ? body : field.equals("title") ? title : k2.get("lede").asText();
      String marked =
          text.substring(m.get("start").asInt(), m.get("end").asInt())
              .toLowerCase(java.util.Locale.ROOT);
      assertTrue(marked.startsWith("ceasefire") || marked.startsWith("monitor"), marked);
    }
    assertNull(json("/api/articles/k2").get("marks"), "no query, no marks");
    assertTrue(json("/api/articles/k1").get("original").isNull());
    assertEquals(
        "q", error("/api/articles/k2?q=" + enc("title:(foo"), 400).get("parameter").asText());
  }

  @Test
  void anUnknownIdIsNotFound() throws Exception {
    JsonNode e = error("/api/articles/nope", 404);
    assertEquals("id", e.get("parameter").asText());
    assertEquals("no article with id 'nope'", e.get("message").asText());
  }

  @Test
  void facetValuesByPrefixUnderTheSearch() throws Exception {
    JsonNode mar = json("/api/facets/author?prefix=mar");
    assertEquals("author", mar.get("dimension").asText());
    assertEquals(
        JSON.readTree(
            "[{\"value\":\"Maria Calder\",\"count\":2},{\"value\":\"Zoë Martín\",\"count\":2}]"),
        mar.get("values"));
    JsonNode underSearch =
        json("/api/facets/author?q=ceasefire&author=" + enc("Jane Roe") + "&prefix=");
    assertEquals(
        4, underSearch.get("values").size(), "the author filter left out of its own counts");
    assertEquals(
        "[\"unknown parameter 'bogus' was ignored\"]",
        json("/api/facets/author?prefix=mar&bogus=1").get("warnings").toString());
    JsonNode e = error("/api/facets/colour", 404);
    assertEquals("dimension", e.get("parameter").asText());
  }

  @Test
  void statsAndHealth() throws Exception {
    JsonNode stats = json("/api/stats");
    assertEquals(17, stats.get("articles").asLong());
    assertEquals("2019-05-05", stats.get("firstDate").asText());
    assertEquals("2022-03-02", stats.get("lastDate").asText());
    assertEquals(1, stats.get("undated").asLong());
    assertEquals(0, stats.get("noSection").asLong());
    assertEquals(1, stats.get("noSource").asLong());
    assertEquals(8, stats.get("sourceValues").asLong());
    assertEquals("Reuters", stats.get("sources").get(0).get("value").asText());
    assertEquals(6, stats.get("sources").get(0).get("count").asLong());
    long sections = 0;
    for (JsonNode v : stats.get("sections")) {
      sections += v.get("count").asLong();
    }
    assertEquals(17, sections + stats.get("noSection").asLong(), "the sections add up");
    assertTrue(stats.get("indexBytes").asLong() > 0);
    // the time of the last ingest, an ISO instant
    assertTrue(stats.get("lastIngest").isTextual(), stats.toString());
    assertDoesNotThrow(() -> Instant.parse(stats.get("lastIngest").asText()), stats.toString());
    JsonNode health = json("/api/health");
    assertEquals("ok", health.get("status").asText());
    assertTrue(health.get("ready").asBoolean(), "ready: this searcher was not asked to warm");
    assertEquals("lucene", health.get("backend").asText());
    assertEquals(17, health.get("articles").asLong());
  }

  @Test
  void healthSaysNotReadyWhileWarmingAndSearchesStillAnswer() throws Exception {
    String q = "/api/search?q=" + enc("ceasefire");
    JsonNode warm = json(q);
    java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
    try (ArchiveSearcher s = ArchiveSearcher.open(layout);
        MorgueServer on = new MorgueServer(s, null).start(MorgueServer.DEFAULT_HOST, 0)) {
      s.startWarming(
          () -> {
            try {
              hold.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
      try {
        JsonNode health = JSON.readTree(get(on, "/api/health").body());
        assertFalse(health.get("ready").asBoolean(), health.toString());
        assertEquals(17, health.get("articles").asLong());
        // a search while warming answers, and the same as a warm server's
        JsonNode during = JSON.readTree(get(on, q).body());
        assertEquals(warm.get("total"), during.get("total"));
        assertEquals(warm.get("hits"), during.get("hits"));
        assertEquals(warm.get("facets"), during.get("facets"));
      } finally {
        hold.countDown();
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (!JSON.readTree(get(on, "/api/health").body()).get("ready").asBoolean()) {
        assertTrue(System.nanoTime() < deadline, "not ready within 30 s");
        Thread.onSpinWait();
      }
      assertTrue(s.isReady());
      assertEquals(warm.get("total"), JSON.readTree(get(on, q).body()).get("total"));
    }
  }

  // --- the page and the headers ----------------------------------------------------------------

  @Test
  void theWebFolderIsServedAtTheRootWithSecurityHeaders() throws Exception {
    HttpResponse<String> page = get("/");
    assertEquals(200, page.statusCode());
    assertTrue(page.body().contains("<title>Morgue</title>"), page.body());
    assertSecurityHeaders(page);
    HttpResponse<String> pageWithQuery = get("/?q=ceasefire&section=WORLD");
    assertEquals(page.body(), pageWithQuery.body(), "the page reads its query string itself");
    HttpResponse<String> js = get("/app.js");
    assertEquals(200, js.statusCode());
    assertTrue(
        js.headers().firstValue("Content-Type").orElse("").contains("javascript"),
        js.headers().toString());
    assertSecurityHeaders(js);
    assertSecurityHeaders(get("/api/search?q=ceasefire"));
  }

  // --- bad input -------------------------------------------------------------------------------

  @Test
  void aQueryThatDoesNotParseGivesTheMessageAndPosition() throws Exception {
    JsonNode e = error("/api/search?q=" + enc("title:(foo"), 400);
    assertEquals("q", e.get("parameter").asText());
    assertEquals(10, e.get("position").asInt());
    assertTrue(e.get("message").asText().contains("position 10"), e.toString());
    JsonNode dangling = error("/api/search?q=" + enc("ceasefire AND"), 400);
    assertEquals(13, dangling.get("position").asInt());
    JsonNode leading = error("/api/search?q=" + enc("ceasefire *fire"), 400);
    assertEquals(10, leading.get("position").asInt());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page=0 | page",
        "page=abc | page",
        "size=0 | size",
        "size=101 | size",
        "sort=best | sort",
        "from=yesterday | from",
        "to=2021-13-01 | to",
        "from=2022-01-02&to=2022-01-01 | from",
        "interval=hour | interval",
        "facetSize=0 | facetSize",
        "page=101&size=100 | page",
        "q=*fire | q",
        "q=date%3A2021-13 | q",
      })
  void aBadParameterIsA400NamingIt(String query, String parameter) throws Exception {
    JsonNode e = error("/api/search?" + query, 400);
    assertEquals(parameter, e.get("parameter").asText(), e.toString());
    error("/api/search.atom?" + query, 400);
    error("/api/facets/section?" + query, 400);
  }

  @Test
  void aDeepPageIsRefused() throws Exception {
    JsonNode e = error("/api/search?page=1001", 400);
    assertEquals("page", e.get("parameter").asText());
    assertEquals(
        "page 1001 of size 10 is deeper than the first 10000 hits; narrow the search",
        e.get("message").asText());
  }

  @Test
  void oversizedRequestsAre413() throws Exception {
    JsonNode longQ = error("/api/search?q=" + "a".repeat(1001), 413);
    assertEquals("q", longQ.get("parameter").asText());
    JsonNode many = error("/api/search?" + "section=A&".repeat(101), 413);
    assertTrue(many.get("parameter").isNull());
    JsonNode huge =
        error("/api/search?q=" + "a".repeat(20_000), 414); // refused by Jetty, in the same shape
    assertTrue(
        huge.get("message").asText().startsWith("the request is too large"), huge.toString());
  }

  @Test
  void hugeExpansionsAreRefusedWithAClearMessage() throws Exception {
    try (ArchiveSearcher small = ArchiveSearcher.open(layout);
        MorgueServer on = new MorgueServer(small, null).start(MorgueServer.DEFAULT_HOST, 0)) {
      small.setMaxExpansion(
          3); // the corpus has a few words of each start; an archive has thousands
      assertEquals(200, get(on, "/api/search?q=" + enc("cease*")).statusCode());
      HttpResponse<String> r = get(on, "/api/search?q=" + enc("s*"));
      assertEquals(400, r.statusCode(), r.body());
      JsonNode e = JSON.readTree(r.body()).get("error");
      assertEquals("q", e.get("parameter").asText());
      assertTrue(
          e.get("message")
              .asText()
              .matches(
                  "'s\\*' matches more than 3 words in (title|lede|body); make the pattern longer or more precise"),
          e.toString());
    }
  }

  @Test
  void unknownRoutesAndBadEncodingAreErrorsInTheOneShape() throws Exception {
    assertEquals("nothing at /api/nope", error("/api/nope", 404).get("message").asText());
    error("/nope.html", 404);
    String raw = rawGet("/api/search?q=%ZZ");
    assertTrue(raw.startsWith("HTTP/1.1 400"), raw);
    assertTrue(
        raw.contains("\"parameter\":\"q\"") && raw.contains("not valid percent-encoding"), raw);
  }

  /** A request the JDK's client would refuse to send; the whole response as text. */
  private static String rawGet(String pathAndQuery) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // --- a server of its own ---------------------------------------------------------------------

  @Test
  void anIngestWhileServingIsSearchableWithinTwoSeconds(@TempDir Path dir) throws Exception {
    IndexLayout fresh = new IndexLayout(dir.resolve("archive"));
    TestArchives.ingest(fresh, TestArchives.searchCorpus());
    try (ArchiveSearcher s = ArchiveSearcher.open(fresh);
        MorgueServer on = new MorgueServer(s, null).start(MorgueServer.DEFAULT_HOST, 0)) {
      s.startRefreshing(Duration.ofMillis(500));
      assertEquals(
          0, JSON.readTree(get(on, "/api/search?q=zebracorn").body()).get("total").asLong());
      Path late =
          TestArchives.write(
              dir.resolve("late"),
              "late1.txt",
              TestArchives.house(
                  "2022-05-01 WORLD",
                  "A zebracorn is seen",
                  "Witnesses were surprised.",
                  null,
                  "AA",
                  "The zebracorn crossed the road at dawn."));
      TestArchives.ingest(fresh, late); // returns once committed
      long committed = System.nanoTime();
      long total = 0;
      while (System.nanoTime() - committed < Duration.ofSeconds(2).toNanos()) {
        total = JSON.readTree(get(on, "/api/search?q=zebracorn").body()).get("total").asLong();
        if (total == 1) {
          break;
        }
        Thread.sleep(50);
      }
      assertEquals(1, total, "searchable within 2 s of the commit");
      assertEquals(13, JSON.readTree(get(on, "/api/health").body()).get("articles").asLong());
    }
  }

  @Test
  void aSearchPastTheTimeLimitSaysSoAndAnExportIsRefused() throws Exception {
    try (ArchiveSearcher slow = ArchiveSearcher.open(layout);
        MorgueServer on = new MorgueServer(slow, null).start(MorgueServer.DEFAULT_HOST, 0)) {
      slow.setTimeLimit(Duration.ZERO);
      JsonNode r = JSON.readTree(get(on, "/api/search?q=ceasefire&section=WORLD").body());
      assertTrue(r.get("timedOut").asBoolean());
      assertTrue(
          r.get("warnings").toString().contains("took longer than its time limit"), r.toString());
      HttpResponse<String> csv = get(on, "/api/search.csv?q=ceasefire");
      assertEquals(503, csv.statusCode(), csv.body());
      assertTrue(
          JSON.readTree(csv.body())
              .get("error")
              .get("message")
              .asText()
              .startsWith("the export stopped after 0 articles"));
    }
  }

  @Test
  void itListensOnThisMachineOnly() {
    assertEquals("127.0.0.1", MorgueServer.DEFAULT_HOST);
    assertTrue(server.port() > 0);
  }
}

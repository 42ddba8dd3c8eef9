package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.search.ArchiveSearcher;

/**
 * Distinctive terms and the batch table over HTTP, on the terms corpus ({@code corpora/terms},
 * whose README says what each article holds): exact terms and counts, and the refusals.
 */
class AnalysisApiTest {
  @TempDir static Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ArchiveSearcher searcher;
  private static MorgueServer server;

  @BeforeAll
  static void serve() throws IOException, URISyntaxException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    Path corpus = Path.of(AnalysisApiTest.class.getResource("/corpora/terms").toURI());
    assertEquals(12, TestArchives.ingest(layout, corpus).added());
    searcher = ArchiveSearcher.open(layout);
    server = new MorgueServer(searcher, null).start(MorgueServer.DEFAULT_HOST, 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return MorgueServerTest.get(server, path);
  }

  private static JsonNode json(String path) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  private static JsonNode error(String path, int status) throws IOException, InterruptedException {
    HttpResponse<String> r = get(path);
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("error");
  }

  private static String s(String... lines) {
    StringBuilder out = new StringBuilder();
    for (String l : lines) {
      out.append("&s=").append(URLEncoder.encode(l, StandardCharsets.UTF_8));
    }
    return out.substring(1);
  }

  private static List<String> keys(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void distinctiveTerms() throws Exception {
    JsonNode r = json("/api/terms?q=drought&size=3");
    assertEquals(
        List.of(
            "queryString",
            "against",
            "foreground",
            "background",
            "sampled",
            "analysed",
            "tookMs",
            "timedOut",
            "terms",
            "warnings"),
        keys(r));
    assertEquals("q=drought", r.get("queryString").asText());
    assertEquals("archive", r.get("against").asText());
    assertEquals(4, r.get("foreground").asLong());
    assertEquals(12, r.get("background").asLong());
    assertEquals(false, r.get("sampled").asBoolean());
    assertEquals(
        "[{\"term\":\"irrigation\",\"kind\":\"word\",\"fg\":4,\"bg\":4,\"score\":15.28},"
            + "{\"term\":\"farmers\",\"kind\":\"word\",\"fg\":2,\"bg\":2,\"score\":5.27},"
            + "{\"term\":\"crop\",\"kind\":\"word\",\"fg\":3,\"bg\":4,\"score\":4.75}]",
        r.get("terms").toString());

    JsonNode f = json("/api/terms?q=drought&from=2020-01&to=2020-01&background=filters&size=2");
    assertEquals("filters", f.get("against").asText());
    assertEquals(6, f.get("background").asLong());
    assertEquals("irrigation", f.get("terms").get(0).get("term").asText());
    assertEquals("crop", f.get("terms").get(1).get("term").asText());

    JsonNode month = json("/api/terms?from=2020-02&to=2020-03");
    assertEquals(6, month.get("foreground").asLong());
    assertEquals("budget", month.get("terms").get(0).get("term").asText());

    assertEquals("size", error("/api/terms?q=drought&size=0", 400).get("parameter").asText());
    assertEquals(
        "background", error("/api/terms?q=drought&background=all", 400).get("parameter").asText());
    assertEquals("q", error("/api/terms?q=%22open", 400).get("parameter").asText());
  }

  /** Each row as "name: total [counts]". */
  private static List<String> rows(JsonNode table) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : table.get("rows")) {
      out.add(r.get("name").asText() + ": " + r.get("total").asLong() + " " + r.get("counts"));
    }
    return out;
  }

  private static List<String> labels(JsonNode table) {
    List<String> out = new ArrayList<>();
    table.get("columns").forEach(c -> out.add(c.get("label").asText()));
    return out;
  }

  private static final String BATCH =
      s("drought", "Budget\tbudget", "\"crop failure\"", "officials, valley", "officials valley");

  @Test
  void aBatchByMonthYearAndFacet() throws Exception {
    JsonNode m = json("/api/batch?" + BATCH + "&by=month");
    assertEquals(List.of("by", "columns", "rows", "tookMs", "timedOut", "warnings"), keys(m));
    assertEquals(List.of("2020-01", "2020-02", "2020-03"), labels(m));
    assertEquals(
        "{\"label\":\"2020-02\",\"from\":\"2020-02-01\",\"to\":\"2020-02-29\",\"dimension\":null,"
            + "\"value\":null,\"total\":2}",
        m.get("columns").get(1).toString());
    assertEquals(
        List.of(
            "drought: 4 [4,0,0]",
            "Budget: 2 [0,2,0]",
            "\"crop failure\": 4 [3,0,1]",
            "officials, valley: 1 [1,0,0]",
            "officials valley: 1 [1,0,0]"),
        rows(m),
        "a comma is no operator and makes no phrase");
    assertEquals("q=budget", m.get("rows").get(1).get("queryString").asText());

    JsonNode y = json("/api/batch?" + BATCH);
    assertEquals("year", y.get("by").asText());
    assertEquals(List.of("2020"), labels(y));
    assertEquals("drought: 4 [4]", rows(y).get(0));

    JsonNode sec = json("/api/batch?" + BATCH + "&by=section");
    assertEquals(List.of("FARMING", "POLITICS", "MARKETS"), labels(sec));
    assertEquals(
        List.of(
            "drought: 4 [4,0,0]",
            "Budget: 2 [0,2,0]",
            "\"crop failure\": 4 [3,0,1]",
            "officials, valley: 1 [0,1,0]",
            "officials valley: 1 [0,1,0]"),
        rows(sec));
    assertEquals(List.of("FARMING"), labels(json("/api/batch?" + BATCH + "&by=section&values=1")));

    JsonNode narrowed = json("/api/batch?" + BATCH + "&by=month&from=2020-02-15");
    assertEquals(List.of("2020-02", "2020-03"), labels(narrowed));
    assertEquals("2020-02-15", narrowed.get("columns").get(0).get("from").asText());
    assertEquals("\"crop failure\": 1 [0,1]", rows(narrowed).get(2));
    assertEquals(
        "q=%22crop%20failure%22&from=2020-02-15",
        narrowed.get("rows").get(2).get("queryString").asText());
  }

  @Test
  void theTableAsCsv() throws Exception {
    HttpResponse<String> r = get("/api/batch.csv?" + BATCH + "&by=month");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals(
        "name,query,total,2020-01,2020-02,2020-03\r\n"
            + "drought,drought,4,4,0,0\r\n"
            + "Budget,budget,2,0,2,0\r\n"
            + "\"\"\"crop failure\"\"\",\"\"\"crop failure\"\"\",4,3,0,1\r\n"
            + "\"officials, valley\",\"officials, valley\",1,1,0,0\r\n"
            + "officials valley,officials valley,1,1,0,0\r\n",
        r.body());
  }

  @Test
  void badBatchesAreRefusedInWords() throws Exception {
    String[] many = new String[101];
    java.util.Arrays.fill(many, "a");
    JsonNode tooMany = error("/api/batch?" + s(many), 413);
    assertEquals("s", tooMany.get("parameter").asText());
    assertEquals(
        "the batch has 101 searches; at most 100 are taken: split it into several batches",
        tooMany.get("message").asText());
    String[] huge = new String[10_000];
    java.util.Arrays.fill(huge, "ceasefire");
    HttpResponse<String> r = get("/api/batch?" + s(huge));
    assertEquals(414, r.statusCode(), "a URL over 8 KB");
    assertTrue(r.body().contains("\"status\":414"), r.body());
    assertEquals(
        "the batch has no search: give one s=QUERY for each search",
        error("/api/batch?by=year", 400).get("message").asText());
    JsonNode bad = error("/api/batch?" + s("drought", "\"open"), 400);
    assertEquals("s", bad.get("parameter").asText());
    assertTrue(
        bad.get("message")
            .asText()
            .startsWith("search 2 (\"open): cannot parse the query: the quote"),
        bad.toString());
    assertEquals("by", error("/api/batch?s=a&by=colour", 400).get("parameter").asText());
    assertEquals(
        "values", error("/api/batch?s=a&by=section&values=0", 400).get("parameter").asText());
    assertEquals("q", error("/api/batch?s=a&q=b", 400).get("parameter").asText());
  }
}

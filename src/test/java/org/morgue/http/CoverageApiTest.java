package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.CoverageCorpus;
import org.morgue.index.IndexLayout;
import org.morgue.search.ArchiveSearcher;

/**
 * Coverage analysis over HTTP (issue 11): the histogram's base, quarters, "all of" a dimension,
 * comparisons and their CSV, over the {@link CoverageCorpus} (seven articles, a gap from April to
 * June 2021), every count exact.
 */
class CoverageApiTest {
  @TempDir static Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ArchiveSearcher searcher;
  private static MorgueServer server;

  @BeforeAll
  static void serve() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    assertEquals(7, CoverageCorpus.ingest(layout, tmp.resolve("corpus")).added());
    searcher = ArchiveSearcher.open(layout);
    server = new MorgueServer(searcher, null).start(MorgueServer.DEFAULT_HOST, 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  static JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = MorgueServerTest.get(server, pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  static JsonNode error(String pathAndQuery, int status) throws IOException, InterruptedException {
    HttpResponse<String> r = MorgueServerTest.get(server, pathAndQuery);
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body()).get("error");
  }

  /** Buckets as {@code start=count/base/all}, every one. */
  static String buckets(JsonNode buckets) {
    List<String> out = new ArrayList<>();
    for (JsonNode b : buckets) {
      out.add(
          b.get("start").asText()
              + "="
              + b.get("count").asLong()
              + "/"
              + b.get("base").asLong()
              + "/"
              + b.get("all").asLong());
    }
    return String.join(" ", out);
  }

  // --- the histogram's base --------------------------------------------------------------------

  @Test
  void withoutFiltersTheBaseIsTheArchive() throws Exception {
    JsonNode h = json("/api/search?q=ceasefire&interval=month").get("histogram");
    assertEquals("month", h.get("interval").asText());
    assertEquals("", h.get("baseQuery").asText());
    assertEquals(
        "2021-01-01=1/2/2 2021-02-01=0/1/1 2021-03-01=1/1/1 2021-04-01=0/0/0 2021-05-01=0/0/0"
            + " 2021-06-01=0/0/0 2021-07-01=1/2/2 2021-08-01=1/1/1",
        buckets(h.get("buckets")));
  }

  @Test
  void theBaseFollowsTheFiltersButNotTheWords() throws Exception {
    JsonNode r = json("/api/search?q=ceasefire&section=WORLD&interval=month");
    assertEquals(3, r.get("total").asLong());
    JsonNode h = r.get("histogram");
    assertEquals("section=WORLD", h.get("baseQuery").asText());
    assertEquals(
        "2021-01-01=1/2/2 2021-02-01=0/0/1 2021-03-01=1/1/1 2021-04-01=0/0/0 2021-05-01=0/0/0"
            + " 2021-06-01=0/0/0 2021-07-01=0/0/2 2021-08-01=1/1/1",
        buckets(h.get("buckets")));
    JsonNode excluded =
        json("/api/search?q=ceasefire&not.source=Reuters&interval=quarter").get("histogram");
    assertEquals("not.source=Reuters", excluded.get("baseQuery").asText());
    assertEquals("2021-01-01=2/4/4", buckets(excluded.get("buckets")), "the span of the matches");
  }

  @Test
  void quartersStartInJanuaryAprilJulyAndOctober() throws Exception {
    JsonNode h = json("/api/search?interval=quarter").get("histogram");
    assertEquals("quarter", h.get("interval").asText());
    assertEquals("2021-01-01=4/4/4 2021-04-01=0/0/0 2021-07-01=3/3/3", buckets(h.get("buckets")));
  }

  // --- all of a dimension -----------------------------------------------------------------------

  @Test
  void allOfADimensionKeepsTheArticlesNamingEveryValue() throws Exception {
    String both = "person=Anna%20Berg&person=Carl%20Dorn";
    JsonNode any = json("/api/search?" + both);
    assertEquals(6, any.get("total").asLong(), "c1 c2 c3 c4 c5 c7");
    assertEquals(both, any.get("query").get("queryString").asText(), "old URLs keep any");
    JsonNode all = json("/api/search?" + both + "&all=person");
    assertEquals(2, all.get("total").asLong(), "c1 and c4");
    assertEquals(both + "&all=person", all.get("query").get("queryString").asText());
    JsonNode people = all.get("facets").get("person");
    assertEquals("Anna Berg", people.get(0).get("value").asText());
    assertEquals(2, people.get(0).get("count").asLong(), "counted among the results");
    assertEquals(
        "section=WORLD&person=Anna%20Berg&person=Carl%20Dorn&all=person",
        json("/api/search?q=ceasefire&section=WORLD&" + both + "&all=person&all=place")
            .get("histogram")
            .get("baseQuery")
            .asText(),
        "an all= of a dimension without values is dropped");
    assertEquals(
        "all", error("/api/search?person=Anna%20Berg&all=colour", 400).get("parameter").asText());
    HttpResponse<String> csv =
        MorgueServerTest.get(server, "/api/search.csv?" + both + "&all=person");
    assertEquals(3, csv.body().split("\r\n").length, "a header and c1, c4: " + csv.body());
  }

  @Test
  void whyNothingMatchedCountsAllOfAsAllOf() throws Exception {
    JsonNode r = json("/api/search?person=Anna%20Berg&person=Carl%20Dorn&all=person&section=SPORT");
    assertEquals(0, r.get("total").asLong());
    JsonNode filters = r.get("nothing").get("filters");
    assertEquals("section=SPORT", filters.get(0).get("text").asText());
    assertEquals(1, filters.get(0).get("alone").asLong(), "c6");
    assertEquals("person=Anna Berg&Carl Dorn", filters.get(1).get("text").asText());
    assertEquals(2, filters.get(1).get("alone").asLong(), "c1 and c4, not the six of any");
    assertEquals(0, filters.get(1).get("running").asLong());
  }

  @Test
  void theResultsSayHowManyOfThemCarryEachChosenValue() throws Exception {
    JsonNode r = json("/api/search?person=Anna%20Berg&person=Carl%20Dorn&q=ceasefire");
    assertEquals(4, r.get("total").asLong());
    JsonNode people = r.get("inResults").get("person");
    assertEquals("Anna Berg", people.get(0).get("value").asText());
    assertEquals(3, people.get(0).get("count").asLong(), "c1 c4 c5");
    assertEquals("Carl Dorn", people.get(1).get("value").asText());
    assertEquals(3, people.get(1).get("count").asLong(), "c1 c4 c7");
    assertEquals(0, json("/api/search?q=ceasefire").get("inResults").size());
  }

  @Test
  void aSavedSearchKeepsAllOf() throws Exception {
    java.net.http.HttpRequest post =
        java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/saved"))
            .header("Content-Type", "application/json")
            .POST(
                java.net.http.HttpRequest.BodyPublishers.ofString(
                    "{\"name\": \"Both\", \"query\":"
                        + " \"person=Anna%20Berg&person=Carl%20Dorn&all=person\"}"))
            .build();
    HttpResponse<String> r =
        java.net.http.HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
    assertEquals(201, r.statusCode(), r.body());
    JsonNode saved = JSON.readTree(r.body());
    assertEquals("person=Anna%20Berg&person=Carl%20Dorn&all=person", saved.get("query").asText());
    assertEquals(2, saved.get("total").asLong());
    HttpResponse<String> redirect =
        MorgueServerTest.get(server, "/s/" + saved.get("slug").asText() + ".csv");
    assertEquals(3, redirect.body().split("\r\n").length, redirect.body());
  }

  // --- comparisons ------------------------------------------------------------------------------

  @Test
  void aComparisonGivesEverySeriesInTheSameBuckets() throws Exception {
    JsonNode c =
        json(
            "/api/compare?s=q%3Dceasefire%26name%3DCeasefire&s=q%3Dtruce&s=section%3DPOLITICS"
                + "&interval=month");
    assertEquals("month", c.get("interval").asText());
    JsonNode s = c.get("series");
    assertEquals(3, s.size());
    assertEquals("Ceasefire", s.get(0).get("name").asText());
    assertEquals("q=ceasefire", s.get(0).get("query").asText());
    assertEquals(4, s.get(0).get("total").asLong());
    assertEquals(
        "2021-01-01=1/2/2 2021-02-01=0/1/1 2021-03-01=1/1/1 2021-04-01=0/0/0 2021-05-01=0/0/0"
            + " 2021-06-01=0/0/0 2021-07-01=1/2/2 2021-08-01=1/1/1",
        buckets(s.get(0).get("buckets")));
    assertEquals("q=truce", s.get(1).get("name").asText(), "unnamed: its query string");
    assertEquals(
        "2021-01-01=1/2/2 2021-02-01=0/1/1 2021-03-01=1/1/1 2021-04-01=0/0/0 2021-05-01=0/0/0"
            + " 2021-06-01=0/0/0 2021-07-01=0/2/2 2021-08-01=0/1/1",
        buckets(s.get(1).get("buckets")),
        "the span of all series, though truce's ends in March");
    assertEquals("section=POLITICS", s.get(2).get("baseQuery").asText());
    assertEquals(
        "2021-01-01=0/0/2 2021-02-01=1/1/1 2021-03-01=0/0/1 2021-04-01=0/0/0 2021-05-01=0/0/0"
            + " 2021-06-01=0/0/0 2021-07-01=1/1/2 2021-08-01=0/0/1",
        buckets(s.get(2).get("buckets")));
  }

  @Test
  void aComparisonChoosesOneIntervalForTheWholeSpanAndWarns() throws Exception {
    JsonNode c = json("/api/compare?s=q%3Dtruce&s=q%3Dmarathon&colour=red");
    assertEquals("week", c.get("interval").asText(), "2021-01-20 to 2021-07-20: 182 days");
    assertEquals(
        c.get("series").get(0).get("buckets").size(), c.get("series").get(1).get("buckets").size());
    assertEquals("unknown parameter 'colour' was ignored", c.get("warnings").get(0).asText());
  }

  @Test
  void aBadComparisonIsRefusedNamingItsParameter() throws Exception {
    assertEquals("s", error("/api/compare", 400).get("parameter").asText());
    StringBuilder nine = new StringBuilder("/api/compare?");
    for (int i = 0; i < 9; i++) {
      nine.append("s=q%3Dx").append(i).append('&');
    }
    assertEquals("s", error(nine.toString(), 400).get("parameter").asText());
    JsonNode bad = error("/api/compare?s=q%3Dceasefire&s=q%3D%2522unclosed", 400);
    assertEquals("q", bad.get("parameter").asText());
    assertTrue(bad.get("message").asText().startsWith("series 2: "), bad.toString());
    assertEquals(
        "interval", error("/api/compare?s=q%3Dx&interval=decade", 400).get("parameter").asText());
  }

  @Test
  void aComparisonDownloadsAsCsv() throws Exception {
    HttpResponse<String> r =
        MorgueServerTest.get(
            server,
            "/api/compare.csv?s=q%3Dceasefire%26name%3DCeasefire&s=q%3Dtruce&interval=quarter");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals(
        "series,name,query,start,end,count,base,share,all\r\n"
            + "1,Ceasefire,q=ceasefire,2021-01-01,2021-03-31,2,4,0.500000,4\r\n"
            + "1,Ceasefire,q=ceasefire,2021-04-01,2021-06-30,0,0,,0\r\n"
            + "1,Ceasefire,q=ceasefire,2021-07-01,2021-09-30,2,3,0.666667,3\r\n"
            + "2,q=truce,q=truce,2021-01-01,2021-03-31,2,4,0.500000,4\r\n"
            + "2,q=truce,q=truce,2021-04-01,2021-06-30,0,0,,0\r\n"
            + "2,q=truce,q=truce,2021-07-01,2021-09-30,0,3,0.000000,3\r\n",
        r.body());
  }

  // --- entity pages -----------------------------------------------------------------------------

  private static String values(JsonNode list) {
    List<String> out = new ArrayList<>();
    for (JsonNode v : list) {
      out.add(v.get("value").asText() + "=" + v.get("count").asLong());
    }
    return String.join(", ", out);
  }

  @Test
  void anEntityPageCountsAmongItsOwnArticles() throws Exception {
    JsonNode e = json("/api/entities/person/Anna%20Berg?interval=month");
    assertEquals("person", e.get("dimension").asText());
    assertEquals("Anna Berg", e.get("name").asText());
    assertEquals(4, e.get("articles").asLong(), "c1 c2 c4 c5");
    assertEquals("c1", e.get("first").get("id").asText());
    assertEquals("2021-01-10", e.get("first").get("date").asText());
    assertEquals("Anna Berg and Carl Dorn meet in Oslo", e.get("first").get("title").asText());
    assertEquals("c5", e.get("last").get("id").asText());
    assertEquals("2021-07-01", e.get("last").get("date").asText());
    assertEquals(
        "2021-01-01=2/2/2 2021-02-01=0/1/1 2021-03-01=1/1/1 2021-04-01=0/0/0 2021-05-01=0/0/0"
            + " 2021-06-01=0/0/0 2021-07-01=1/2/2",
        buckets(e.get("timeline").get("buckets")));
    assertEquals("Carl Dorn=2", values(e.get("coMentioned").get("person")), "itself left out");
    assertEquals("Nordic Council=1", values(e.get("coMentioned").get("org")));
    assertEquals("Oslo=3, Lima=2", values(e.get("coMentioned").get("place")));
    assertEquals("WORLD=3, POLITICS=1", values(e.get("sections")));
    assertEquals("AA=3, Reuters=1", values(e.get("sources")));
    assertEquals("Jane Roe=2, John Doe=2", values(e.get("authors")));
    assertEquals(
        "[{\"text\":\"Anna Berg\",\"mentions\":8,\"articles\":4},"
            + "{\"text\":\"Berg\",\"mentions\":2,\"articles\":2}]",
        e.get("surfaceForms").toString());
    assertEquals(4, e.get("surfaceFormsRead").asLong());
    assertEquals("person=Anna%20Berg", e.get("links").get("filter").asText());
    assertEquals("q=person%3A%22Anna%20Berg%22", e.get("links").get("query").asText());
  }

  @Test
  void theFilterAndTheQueryFormOfAnEntityGiveTheSameArticles() throws Exception {
    assertEquals(4, json("/api/search?person=Anna%20Berg").get("total").asLong());
    assertEquals(
        4, json("/api/search?q=person%3A%22Anna%20Berg%22").get("total").asLong(), "the name");
    assertEquals(
        4,
        json("/api/search?q=person%3A%22anna%20BERG%22").get("total").asLong(),
        "case and accents aside");
    JsonNode words = json("/api/search?q=person%3A%22Dorn%20Anna%22");
    assertEquals(0, words.get("total").asLong(), "no such name: searched as words");
    assertEquals(
        json("/api/search?place=Oslo&q=ceasefire").get("total").asLong(),
        json("/api/search?q=ceasefire%20place%3A%22Oslo%22").get("total").asLong());
  }

  @Test
  void anUnknownEntityIsA404() throws Exception {
    assertEquals("dimension", error("/api/entities/section/WORLD", 404).get("parameter").asText());
    assertEquals("name", error("/api/entities/person/Nobody", 404).get("parameter").asText());
    assertEquals(
        "top", error("/api/entities/person/Anna%20Berg?top=0", 400).get("parameter").asText());
  }

  // --- matrices ----------------------------------------------------------------------------------

  @Test
  void aMatrixCrossesTwoDimensionsOfTheResults() throws Exception {
    JsonNode m = json("/api/matrix?rows=person&cols=place");
    assertEquals(7, m.get("total").asLong());
    assertEquals("person", m.get("rows").get("dimension").asText());
    assertEquals("Anna Berg=4, Carl Dorn=4", values(m.get("rows").get("values")));
    assertEquals("Oslo=4, Lima=3", values(m.get("cols").get("values")));
    assertEquals("[[3,2],[3,2]]", m.get("cells").toString());
    JsonNode ceasefire = json("/api/matrix?q=ceasefire");
    assertEquals("q=ceasefire", ceasefire.get("query").asText());
    assertEquals(4, ceasefire.get("total").asLong());
    assertEquals("Anna Berg=3, Carl Dorn=3", values(ceasefire.get("rows").get("values")));
    assertEquals("Oslo=3, Lima=2", values(ceasefire.get("cols").get("values")));
    assertEquals("[[3,1],[2,2]]", ceasefire.get("cells").toString(), "c4 is Anna Berg's in Lima");
    JsonNode one = json("/api/matrix?q=ceasefire&rows=section&cols=person&n=1");
    assertEquals("WORLD=3", values(one.get("rows").get("values")));
    assertEquals("Anna Berg=3", values(one.get("cols").get("values")));
    assertEquals("[[2]]", one.get("cells").toString(), "c1 and c4");
    // the page's link of a cell whose value the filters cannot require exactly: the names quoted
    // in the query, beside the search's own filters, find the cell's articles
    assertEquals(
        1,
        json("/api/search?q=(ceasefire)%20person:%22Anna%20Berg%22%20place:%22Lima%22"
                + "&place=Oslo&place=Lima")
            .get("total")
            .asLong(),
        "c4, as the cell [Anna Berg][Lima] of q=ceasefire counts");
  }

  @Test
  void aMatrixDownloadsAsCsvAndRefusesBadParameters() throws Exception {
    HttpResponse<String> r = MorgueServerTest.get(server, "/api/matrix.csv?q=ceasefire");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals("person \\ place,Oslo,Lima\r\nAnna Berg,3,1\r\nCarl Dorn,2,2\r\n", r.body());
    assertEquals("rows", error("/api/matrix?rows=colour", 404).get("parameter").asText());
    assertEquals("n", error("/api/matrix?n=51", 400).get("parameter").asText());
  }
}

package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.FacetValues;
import org.morgue.search.SearchRequest;

/**
 * One accent folding for the query and the facet prefix: {@code q=soren} finds Søren, and so does
 * {@code /api/facets/person?prefix=sor} (it did not when the prefix was folded by Unicode
 * decomposition, which leaves {@code ø} as it is). Four articles: Søren Kierkegaard named in two,
 * Ole Sørensen in one, nobody in the fourth.
 */
class AccentFoldingApiTest {
  @TempDir static Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ArchiveSearcher searcher;
  private static MorgueServer server;

  @BeforeAll
  static void serve() throws IOException {
    Path in = tmp.resolve("in");
    TestArchives.write(
        in,
        "s1.txt",
        TestArchives.house(
            "2021-11-17 WORLD",
            "A philosopher remembered",
            null,
            null,
            null,
            "Søren Kierkegaard was born in Copenhagen."));
    TestArchives.write(
        in,
        "s2.txt",
        TestArchives.house(
            "2021-11-18 WORLD",
            "Readers gather",
            null,
            null,
            null,
            "Readers of Søren Kierkegaard gathered in the library."));
    TestArchives.write(
        in,
        "s3.txt",
        TestArchives.house(
            "2021-11-19 SPORT", "Two goals", null, null, null, "Ole Sørensen scored twice."));
    TestArchives.write(
        in,
        "s4.txt",
        TestArchives.house(
            "2021-11-20 WORLD", "Rain", null, null, null, "It rained over the harbour."));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    assertEquals(
        4,
        TestArchives.ingestWithPeople(layout, List.of("Søren Kierkegaard", "Ole Sørensen"), in)
            .added());
    searcher = ArchiveSearcher.open(layout);
    server = new MorgueServer(searcher, null).start(MorgueServer.DEFAULT_HOST, 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  private static JsonNode json(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = MorgueServerTest.get(server, pathAndQuery);
    assertEquals(200, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /** The values of a facet answer as {@code value=count, ...}. */
  private static String values(JsonNode facet) {
    StringBuilder b = new StringBuilder();
    facet
        .get("values")
        .forEach(
            v ->
                b.append(b.isEmpty() ? "" : ", ")
                    .append(v.get("value").asText())
                    .append('=')
                    .append(v.get("count").asInt()));
    return b.toString();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void theQueryFindsSorenWithoutItsAccent() throws Exception {
    assertEquals(2, json("/api/search?q=soren").get("total").asInt());
    assertEquals(2, json("/api/search?q=" + enc("Søren")).get("total").asInt());
    assertEquals(1, json("/api/search?q=sorensen").get("total").asInt());
  }

  @Test
  void theFacetPrefixFindsSorenWithoutItsAccent() throws Exception {
    JsonNode sor = json("/api/facets/person?prefix=sor");
    assertEquals("Søren Kierkegaard=2, Ole Sørensen=1", values(sor));
    assertEquals(2, sor.get("matching").asInt());
    assertEquals(
        "Søren Kierkegaard=2, Ole Sørensen=1", values(json("/api/facets/person?prefix=SOREN")));
    assertEquals(
        "Søren Kierkegaard=2, Ole Sørensen=1",
        values(json("/api/facets/person?prefix=" + enc("Sø"))));
    assertEquals("Ole Sørensen=1", values(json("/api/facets/person?prefix=sorens")));
    assertEquals("Søren Kierkegaard=2", values(json("/api/facets/person?prefix=kierk")));
    assertEquals("", values(json("/api/facets/person?prefix=sx")));
  }

  @Test
  void theFacetPrefixFollowsTheSearch() throws Exception {
    assertEquals(
        "Ole Sørensen=1", values(json("/api/facets/person?q=goals&prefix=sor")), "only s3");
  }

  @Test
  void theSearcherMatchesFacetValuesAsTheQueryMatchesWords() throws IOException {
    SearchRequest all = SearchRequest.of("");
    FacetValues sor = searcher.facetValues(all, "person", "sor");
    assertEquals(
        "Søren Kierkegaard=2, Ole Sørensen=1",
        sor.values().stream()
            .map(v -> v.value() + "=" + v.count())
            .collect(Collectors.joining(", ")));
    assertEquals(2, sor.matching());
    assertEquals(2, searcher.search(SearchRequest.of("soren")).total());
  }
}

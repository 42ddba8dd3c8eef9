package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.saved.SavedSearches;
import org.morgue.search.ArchiveSearcher;
import org.w3c.dom.Document;

/**
 * Saved searches over real HTTP: a server with a token over the search corpus; each test saves its
 * own searches (names unique to the test), so they run in any order.
 */
class SavedSearchesApiTest {
  @TempDir static Path tmp;

  private static final String TOKEN = "s3cret-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static IndexLayout layout;
  private static ArchiveSearcher searcher;
  private static MorgueServer server;

  @BeforeAll
  static void serve() throws IOException {
    layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus());
    searcher = ArchiveSearcher.open(layout);
    server =
        new MorgueServer(searcher, null, new SavedSearches(layout.saved()), TOKEN)
            .start(MorgueServer.DEFAULT_HOST, 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  private static HttpResponse<String> send(
      MorgueServer on, String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws IOException, InterruptedException {
    return send(server, method, path, body, TOKEN);
  }

  private static JsonNode ok(HttpResponse<String> r, int status) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /** The error of a response that must fail with {@code status}, in the one envelope. */
  private static JsonNode error(HttpResponse<String> r, int status) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    assertTrue(
        r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.body());
    JsonNode error = JSON.readTree(r.body()).get("error");
    List<String> fields = new ArrayList<>();
    error.fieldNames().forEachRemaining(fields::add);
    assertEquals(List.of("status", "message", "parameter", "position"), fields);
    assertEquals(status, error.get("status").asInt());
    return error;
  }

  private static String body(String name, String query) throws IOException {
    return JSON.writeValueAsString(Map.of("name", name, "query", query));
  }

  private static long total(String query) throws IOException, InterruptedException {
    return ok(send("GET", "/api/search?" + query, null), 200).get("total").asLong();
  }

  @Test
  void roundTripRedirectFeedAndExport() throws Exception {
    long ceasefire = total("q=ceasefire&sort=newest");
    assertTrue(ceasefire > 1);
    // the page's own parameters are dropped; the query string is made canonical
    JsonNode s =
        ok(
            send(
                "POST",
                "/api/saved",
                body("Round trip: ceasefire", "?sort=newest&q=ceasefire&article=w1")),
            201);
    String slug = s.get("slug").asText();
    assertEquals("round-trip-ceasefire", slug);
    assertEquals("q=ceasefire&sort=newest", s.get("query").asText());
    assertEquals("/s/" + slug, s.get("link").asText());
    assertEquals(ceasefire, s.get("totalAtSave").asLong());
    assertEquals(ceasefire, s.get("total").asLong());
    assertEquals(0, s.get("newSince").asLong());
    assertEquals(searcher.version().version(), s.get("indexVersion").asLong());
    assertFalse(s.get("savedAt").asText().isEmpty());

    assertEquals(
        "Round trip: ceasefire",
        ok(send("GET", "/api/saved/" + slug, null), 200).get("name").asText());
    JsonNode list = ok(send(server, "GET", "/api/saved", null, null), 200);
    assertTrue(list.get("tokenRequired").asBoolean());
    assertTrue(list.get("saved").findValuesAsText("slug").contains(slug));

    // rename keeps the slug
    JsonNode renamed =
        ok(send("PATCH", "/api/saved/" + slug, "{\"name\": \"Ceasefires, newest\"}"), 200);
    assertEquals("Ceasefires, newest", renamed.get("name").asText());
    assertEquals(slug, renamed.get("slug").asText());
    assertEquals(
        "Again",
        ok(send("PUT", "/api/saved/" + slug, "{\"name\": \"Again\"}"), 200).get("name").asText());

    // the short link redirects to the full search and changes nothing
    byte[] before = java.nio.file.Files.readAllBytes(layout.saved().resolve("saved-searches.json"));
    HttpResponse<String> redirect = send(server, "GET", "/s/" + slug, null, null);
    assertEquals(302, redirect.statusCode());
    assertEquals("/?q=ceasefire&sort=newest", redirect.headers().firstValue("Location").orElse(""));
    assertTrue(
        java.util.Arrays.equals(
            before,
            java.nio.file.Files.readAllBytes(layout.saved().resolve("saved-searches.json"))),
        "a GET writes nothing");
    assertTrue(ok(send("GET", "/api/saved/" + slug, null), 200).get("lastOpenedAt").isNull());
    // marking as seen is a write behind the token
    error(send(server, "POST", "/api/saved/" + slug + "/seen", "{}", null), 401);
    assertTrue(ok(send("GET", "/api/saved/" + slug, null), 200).get("lastOpenedAt").isNull());
    JsonNode marked = ok(send("POST", "/api/saved/" + slug + "/seen", "{}"), 200);
    assertEquals(0, marked.get("newSince").asLong());
    error(send("POST", "/api/saved/no-such-search/seen", "{}"), 404);
    JsonNode opened = ok(send("GET", "/api/saved/" + slug, null), 200);
    assertEquals(ceasefire, opened.get("totalAtLastOpen").asLong());
    assertFalse(opened.get("lastOpenedAt").isNull());

    // its feed and its export
    HttpResponse<String> atom = send(server, "GET", "/s/" + slug + ".atom", null, null);
    assertEquals(200, atom.statusCode(), atom.body());
    assertTrue(
        atom.headers().firstValue("Content-Type").orElse("").startsWith("application/atom+xml"));
    Document feed =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new java.io.ByteArrayInputStream(atom.body().getBytes(StandardCharsets.UTF_8)));
    assertEquals(Math.min(ceasefire, 50), feed.getElementsByTagName("entry").getLength());
    assertTrue(
        atom.body().contains("/s/" + slug + ".atom"), "the feed's self link is the short one");
    assertEquals(
        "Again",
        feed.getDocumentElement().getElementsByTagName("title").item(0).getTextContent(),
        "the feed is titled with the saved search's name");
    HttpResponse<String> csv = send(server, "GET", "/s/" + slug + ".csv", null, null);
    assertEquals(200, csv.statusCode(), csv.body());
    assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals(
        ceasefire + 1,
        csv.body().lines().filter(l -> !l.isEmpty()).count(),
        "a header and a row an article");

    assertEquals(204, send("DELETE", "/api/saved/" + slug, null).statusCode());
    error(send("GET", "/api/saved/" + slug, null), 404);
    error(send(server, "GET", "/s/" + slug, null, null), 404);
  }

  @Test
  void newMatchesSinceSavedAreCounted() throws Exception {
    JsonNode s = ok(send("POST", "/api/saved", body("Marathons", "q=marathon")), 201);
    long before = s.get("totalAtSave").asLong();
    Path more = tmp.resolve("more");
    TestArchives.write(
        more,
        "m1.txt",
        TestArchives.house(
            "2022-03-01 SPORT",
            "Another marathon",
            "A marathon again.",
            "By Zoë Martín",
            "AA",
            "The marathon was run again."));
    TestArchives.ingest(layout, more);
    searcher.refresh();
    JsonNode now = ok(send("GET", "/api/saved/" + s.get("slug").asText(), null), 200);
    assertEquals(before + 1, now.get("total").asLong());
    assertEquals(1, now.get("newSince").asLong());
    assertEquals(before, now.get("totalAtSave").asLong(), "what it found when saved stays");
  }

  @Test
  void newMatchesAreListedByIdExactly() throws Exception {
    long ceasefire = total("q=ceasefire");
    JsonNode s =
        ok(send("POST", "/api/saved", body("Quokkas or ceasefires", "q=ceasefire+OR+quokka")), 201);
    String slug = s.get("slug").asText();
    assertEquals(ceasefire, s.get("totalAtSave").asLong());
    assertEquals(0, s.get("newSince").asLong());
    JsonNode none = ok(send(server, "GET", "/api/saved/" + slug + "/new", null, null), 200);
    assertEquals(0, none.get("newSince").asLong());
    assertTrue(none.get("exact").asBoolean());
    assertEquals(0, none.get("articles").size());

    Path more = tmp.resolve("quokkas");
    TestArchives.write(
        more,
        "q1.txt",
        TestArchives.house(
            "2022-04-01 WORLD",
            "A quokka smiles",
            "The quokka again.",
            "By Zoë Martín",
            "AA",
            "A quokka was seen on the island."));
    TestArchives.write(
        more,
        "q2.txt",
        TestArchives.house(
            "2022-05-01 WORLD",
            "Quokka census",
            "Counting quokkas.",
            null,
            "AA",
            "The quokka count rose this spring, said the rangers."));
    TestArchives.ingest(layout, more);
    searcher.refresh();
    JsonNode hits = ok(send("GET", "/api/search?q=quokka&sort=newest", null), 200).get("hits");
    assertEquals(2, hits.size());
    List<String> newIds = List.of(hits.get(0).get("id").asText(), hits.get(1).get("id").asText());

    JsonNode now = ok(send("GET", "/api/saved/" + slug, null), 200);
    assertEquals(ceasefire + 2, now.get("total").asLong());
    assertEquals(2, now.get("newSince").asLong());
    JsonNode listed = ok(send(server, "GET", "/api/saved/" + slug + "/new", null, null), 200);
    assertEquals(2, listed.get("newSince").asLong());
    assertEquals(ceasefire + 2, listed.get("total").asLong());
    assertTrue(listed.get("exact").asBoolean());
    assertEquals(
        newIds, listed.get("articles").findValuesAsText("id"), "exactly the two, newest first");
    assertEquals(
        List.of("Quokka census", "A quokka smiles"),
        listed.get("articles").findValuesAsText("title"));
    assertEquals("2022-05-01", listed.get("articles").get(0).get("date").asText());
    JsonNode first =
        ok(send(server, "GET", "/api/saved/" + slug + "/new?limit=1", null, null), 200);
    assertEquals(2, first.get("newSince").asLong(), "the count is whole when the list is cut");
    assertEquals(List.of(newIds.get(0)), first.get("articles").findValuesAsText("id"));
    error(send(server, "GET", "/api/saved/" + slug + "/new?limit=0", null, null), 400);
    error(send(server, "GET", "/api/saved/no-such-search/new", null, null), 404);
    JsonNode inList = null;
    for (JsonNode e : ok(send(server, "GET", "/api/saved", null, null), 200).get("saved")) {
      if (e.get("slug").asText().equals(slug)) {
        inList = e;
      }
    }
    assertEquals(2, inList.get("newSince").asLong(), "the list counts by the same rule");

    // opening it records nothing; marking it as seen records what it matches now
    assertEquals(302, send(server, "GET", "/s/" + slug, null, null).statusCode());
    assertEquals(2, ok(send("GET", "/api/saved/" + slug, null), 200).get("newSince").asLong());
    ok(send("POST", "/api/saved/" + slug + "/seen", "{}"), 200);
    assertEquals(0, ok(send("GET", "/api/saved/" + slug, null), 200).get("newSince").asLong());
    assertEquals(
        0,
        ok(send(server, "GET", "/api/saved/" + slug + "/new", null, null), 200)
            .get("articles")
            .size());

    // an article replaced under the same id is not new, even though something else was deleted
    TestArchives.write(
        more,
        "q1.txt",
        TestArchives.house(
            "2022-04-01 WORLD",
            "A quokka smiles (corrected)",
            "The quokka again.",
            "By Zoë Martín",
            "AA",
            "A quokka was seen on the island, twice."));
    TestArchives.ingest(layout, more);
    searcher.refresh();
    JsonNode replaced = ok(send("GET", "/api/saved/" + slug, null), 200);
    assertEquals(ceasefire + 2, replaced.get("total").asLong(), "replaced, not added");
    assertEquals(0, replaced.get("newSince").asLong());

    // without a full record of ids (over the cap), new matches are counted: the total less the
    // total seen
    new SavedSearches(layout.saved()).opened(slug, java.time.Instant.now(), ceasefire + 1, null);
    JsonNode counted = ok(send(server, "GET", "/api/saved/" + slug + "/new", null, null), 200);
    assertEquals(1, counted.get("newSince").asLong());
    assertFalse(counted.get("exact").asBoolean());
    assertEquals(0, counted.get("articles").size());
    assertEquals(1, ok(send("GET", "/api/saved/" + slug, null), 200).get("newSince").asLong());
  }

  @Test
  void changesNeedTheTokenReadingDoesNot() throws Exception {
    String slug =
        ok(send("POST", "/api/saved", body("Token rule", "q=border")), 201).get("slug").asText();
    for (String token : new String[] {null, "wrong", ""}) {
      assertEquals(
          "Authorization",
          error(send(server, "POST", "/api/saved", body("x", "q=x"), token), 401)
              .get("parameter")
              .asText());
      error(send(server, "PATCH", "/api/saved/" + slug, "{\"name\": \"x\"}", token), 401);
      error(send(server, "DELETE", "/api/saved/" + slug, null, token), 401);
    }
    assertEquals(200, send(server, "GET", "/api/saved/" + slug, null, null).statusCode());
    assertEquals(200, send(server, "GET", "/api/saved", null, null).statusCode());
    assertEquals(302, send(server, "GET", "/s/" + slug, null, null).statusCode());
    assertEquals(
        "Token rule", ok(send("GET", "/api/saved/" + slug, null), 200).get("name").asText());

    // off by default: a server built without a token lets anyone change them
    try (MorgueServer open = new MorgueServer(searcher, null).start(MorgueServer.DEFAULT_HOST, 0)) {
      JsonNode list = ok(send(open, "GET", "/api/saved", null, null), 200);
      assertFalse(list.get("tokenRequired").asBoolean());
      assertEquals(
          201,
          send(open, "POST", "/api/saved", body("Open archive", "q=border"), null).statusCode());
    }
  }

  @Test
  void badRequestsNameTheField() throws Exception {
    assertEquals(
        "body", error(send("POST", "/api/saved", "{not json"), 400).get("parameter").asText());
    assertEquals(
        "body", error(send("POST", "/api/saved", "[1, 2]"), 400).get("parameter").asText());
    assertEquals(
        "body",
        error(send("POST", "/api/saved", "{\"name\": \"" + "x".repeat(40_000) + "\"}"), 400)
            .get("parameter")
            .asText());
    assertEquals(
        "name",
        error(send("POST", "/api/saved", "{\"query\": \"q=a\"}"), 400).get("parameter").asText());
    assertEquals(
        "name",
        error(send("POST", "/api/saved", body("n".repeat(201), "q=a")), 400)
            .get("parameter")
            .asText());
    assertEquals(
        "name",
        error(send("POST", "/api/saved", "{\"name\": 7, \"query\": \"q=a\"}"), 400)
            .get("parameter")
            .asText());
    assertEquals(
        "query",
        error(send("POST", "/api/saved", body("Long", "q=" + "a".repeat(9_000))), 400)
            .get("parameter")
            .asText());
    assertEquals(
        "query",
        error(send("POST", "/api/saved", body("Bad date", "from=yesterday")), 400)
            .get("parameter")
            .asText());
    assertEquals(
        "query",
        error(send("POST", "/api/saved", body("Bad query", "q=%22open")), 400)
            .get("parameter")
            .asText());
    assertEquals(
        "query",
        error(send("POST", "/api/saved", body("Bad escape", "q=%zz")), 400)
            .get("parameter")
            .asText());
    String slug =
        ok(send("POST", "/api/saved", body("Rename me", "q=truce")), 201).get("slug").asText();
    assertEquals(
        "name",
        error(send("PATCH", "/api/saved/" + slug, "{\"name\": \" \"}"), 400)
            .get("parameter")
            .asText());
    assertEquals(
        "body", error(send("PATCH", "/api/saved/" + slug, "nope"), 400).get("parameter").asText());
  }

  @Test
  void aBrowserFollowingAnUnknownShortLinkGetsAPage() throws Exception {
    for (String slug : List.of("no-such-search", "%3Cb%3Ebold")) {
      HttpResponse<String> r =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/s/" + slug))
                  .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(404, r.statusCode());
      assertTrue(
          r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
          r.headers().toString());
      assertTrue(r.headers().firstValue("Content-Security-Policy").isPresent());
      String shown = slug.equals("no-such-search") ? slug : "&lt;b&gt;bold";
      assertTrue(r.body().contains("<h1>No saved search “" + shown + "”</h1>"), r.body());
      assertFalse(r.body().contains("<b>"), "the slug is text");
      assertTrue(r.body().contains("<a href=\"/\">Search the archive</a>"), r.body());
    }
  }

  @Test
  void unknownSlugsAndPathEscapesAre404() throws Exception {
    for (String slug :
        List.of(
            "no-such-search", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "UPPER", "saved-searches.json")) {
      error(send("GET", "/api/saved/" + slug, null), 404);
      error(send("DELETE", "/api/saved/" + slug, null), 404);
      error(send("PATCH", "/api/saved/" + slug, "{\"name\": \"x\"}"), 404);
      error(send(server, "GET", "/s/" + slug, null, null), 404);
      error(send(server, "GET", "/s/" + slug + ".atom", null, null), 404);
      error(send(server, "GET", "/s/" + slug + ".csv", null, null), 404);
    }
  }

  @Test
  void collidingNamesGetDistinctSlugs() throws Exception {
    String a =
        ok(send("POST", "/api/saved", body("Same ../name", "q=truce")), 201).get("slug").asText();
    String b =
        ok(send("POST", "/api/saved", body("Same ../name", "q=border")), 201).get("slug").asText();
    assertEquals("same-name", a);
    assertTrue(b.matches("same-name-[a-z0-9]{4}"), b);
    assertEquals(
        "/?q=truce",
        send(server, "GET", "/s/" + a, null, null).headers().firstValue("Location").orElse(""));
    assertEquals(
        "/?q=border",
        send(server, "GET", "/s/" + b, null, null).headers().firstValue("Location").orElse(""));
  }

  @Test
  void savedSearchesSurviveARestart() throws Exception {
    String slug =
        ok(send("POST", "/api/saved", body("Restart", "q=election")), 201).get("slug").asText();
    server.close();
    searcher.close();
    searcher = ArchiveSearcher.open(layout);
    server =
        new MorgueServer(searcher, null, new SavedSearches(layout.saved()), TOKEN)
            .start(MorgueServer.DEFAULT_HOST, 0);
    assertEquals(
        "q=election", ok(send("GET", "/api/saved/" + slug, null), 200).get("query").asText());
  }
}

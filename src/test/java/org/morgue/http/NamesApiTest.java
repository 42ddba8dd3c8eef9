package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.curation.NameCuration;
import org.morgue.curation.NamesFixtures;
import org.morgue.index.IndexLayout;
import org.morgue.index.Ingester;
import org.morgue.saved.SavedSearches;
import org.morgue.search.ArchiveSearcher;

/**
 * The names routes over real HTTP, each test on its own small archive (the names fixture, built
 * with a fake model): the report, and rules added behind the token.
 */
class NamesApiTest {
  @TempDir Path tmp;

  private static final String TOKEN = "n4mes-token";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String MERGE = "ORG: Harbour Authority => Velmora Harbour Authority";

  private IndexLayout layout;
  private ArchiveSearcher searcher;
  private MorgueServer server;

  private void serve(String token) throws IOException {
    layout = NamesFixtures.archive(tmp);
    searcher = ArchiveSearcher.open(layout);
    server =
        new MorgueServer(
                searcher,
                null,
                new SavedSearches(layout.saved()),
                new NameCuration(searcher, NamesFixtures::finder),
                token)
            .start(MorgueServer.DEFAULT_HOST, 0);
  }

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
    if (searcher != null) {
      searcher.close();
    }
  }

  private HttpResponse<String> send(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
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

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return send("GET", path, null, null);
  }

  private static String rule(String rule) {
    return JSON.createObjectNode().put("rule", rule).toString();
  }

  private static JsonNode json(HttpResponse<String> r, int status) throws IOException {
    assertEquals(status, r.statusCode(), r.body());
    return JSON.readTree(r.body());
  }

  /** The {@code error} of a failed response, as {@code status parameter: message}. */
  private static String error(HttpResponse<String> r) throws IOException {
    JsonNode e = JSON.readTree(r.body()).get("error");
    return r.statusCode() + " " + e.get("parameter").asText() + ": " + e.get("message").asText();
  }

  @Test
  void theReportIsOpenToRead() throws Exception {
    serve(TOKEN);
    assertEquals(
        "{\"top\":100,\"splits\":[{\"type\":\"org\",\"value\":\"Harbour Authority\","
            + "\"count\":2,\"into\":\"Velmora Harbour Authority\",\"intoCount\":1,"
            + "\"rule\":\"ORG: Harbour Authority => Velmora Harbour Authority\"}],"
            + "\"junk\":[{\"type\":\"person\",\"value\":\"Trump Brakka Trump\",\"count\":1,"
            + "\"why\":\"a word repeated (Trump)\",\"rule\":\"block PERSON: Trump Brakka Trump\"},"
            + "{\"type\":\"org\",\"value\":\"VelmoraQuillon\",\"count\":1,"
            + "\"why\":\"words run together (Velmora + Quillon)\","
            + "\"rule\":\"block ORG: VelmoraQuillon\"}]}",
        json(get("/api/entities/report"), 200).toString());
    assertEquals(1, json(get("/api/entities/report?top=1"), 200).get("junk").size());
    assertEquals(
        "400 top: top must be a whole number from 1 to 10000, not 0",
        error(get("/api/entities/report?top=0")));
    assertEquals(
        "400 top: top must be a whole number from 1 to 10000, not many",
        error(get("/api/entities/report?top=many")));
  }

  @Test
  void aMergeWithTheTokenIsWrittenAndAppliedAndTheFacetsCountIt() throws Exception {
    serve(TOKEN);
    JsonNode applied = json(send("POST", "/api/entities/rules", rule(MERGE), TOKEN), 200);
    assertEquals(
        "{\"rule\":\"" + MERGE + "\",\"line\":1,\"articles\":8,\"changed\":2}", applied.toString());
    assertEquals(MERGE + "\n", Files.readString(layout.authorityFile(), StandardCharsets.UTF_8));
    JsonNode facet = json(get("/api/facets/org?prefix=harbour"), 200);
    assertEquals(
        "[{\"value\":\"Velmora Harbour Authority\",\"count\":3}]", facet.get("values").toString());
    String org = URLEncoder.encode("Velmora Harbour Authority", StandardCharsets.UTF_8);
    assertEquals(3, json(get("/api/search?org=" + org), 200).get("total").asInt());
    assertEquals(0, json(get("/api/entities/report"), 200).get("splits").size());
  }

  @Test
  void withATokenSetAChangeWithoutItIsRefused() throws Exception {
    serve(TOKEN);
    HttpResponse<String> none = send("POST", "/api/entities/rules", rule(MERGE), null);
    assertEquals(
        "401 Authorization: changing the authority file needs the server's token"
            + " (Authorization: Bearer TOKEN)",
        error(none));
    assertEquals("Bearer realm=\"morgue\"", none.headers().firstValue("WWW-Authenticate").get());
    assertEquals(
        "401 Authorization: wrong token for changing the authority file",
        error(send("POST", "/api/entities/rules", rule(MERGE), "guess")));
    assertFalse(Files.exists(layout.authorityFile()));
    assertEquals(1, json(get("/api/entities/report"), 200).get("splits").size());
  }

  @Test
  void aBadRuleOrBodyIsA400NamingTheProblem() throws Exception {
    serve(TOKEN);
    assertEquals(
        "400 rule: authority.txt line 1: 'block' takes one name, without '=>': block A => B",
        error(send("POST", "/api/entities/rules", rule("block A => B"), TOKEN)));
    assertEquals(
        "400 rule: a rule is needed, such as \"PERSON: Obama => Barack Obama\"",
        error(send("POST", "/api/entities/rules", "{}", TOKEN)));
    assertEquals(
        "400 rule: rule must be a string",
        error(send("POST", "/api/entities/rules", "{\"rule\": 3}", TOKEN)));
    assertEquals(
        400, send("POST", "/api/entities/rules", "block A", TOKEN).statusCode(), "not JSON");
    assertFalse(Files.exists(layout.authorityFile()));
  }

  @Test
  void whileAnIngestRunsAChangeIsA409() throws Exception {
    serve(null);
    try (Ingester ingest = new Ingester(layout, Ingester.Options.defaults())) {
      HttpResponse<String> r = send("POST", "/api/entities/rules", rule(MERGE), null);
      assertEquals(409, r.statusCode(), r.body());
      assertEquals(
          "the archive is being written (an ingest or entities apply holds the index);"
              + " nothing was changed: try again when it ends",
          JSON.readTree(r.body()).get("error").get("message").asText());
      assertEquals(layout, ingest.layout());
    }
    assertFalse(Files.exists(layout.authorityFile()));
    // once it ends, the same request goes through, without a token on a server that has none
    assertEquals(
        2,
        json(send("POST", "/api/entities/rules", rule(MERGE), null), 200).get("changed").asInt());
  }
}

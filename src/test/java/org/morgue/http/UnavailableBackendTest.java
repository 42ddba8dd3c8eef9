package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.opensearch.OpenSearchClient;
import org.morgue.opensearch.OpenSearchIndex;
import org.morgue.search.OpenSearchArchive;

/** A cluster that does not answer is a 503 that says so, not a 500. */
class UnavailableBackendTest {
  @TempDir Path dir;

  @Test
  void aClusterThatDoesNotAnswerIs503() throws Exception {
    // nothing listens on port 9 of loopback (discard, never run here)
    OpenSearchIndex index =
        new OpenSearchIndex(OpenSearchClient.connect("http://127.0.0.1:9"), "morgue");
    try (OpenSearchArchive archive = new OpenSearchArchive(new IndexLayout(dir), index);
        MorgueServer server = new MorgueServer(archive, Path.of("web")).start("127.0.0.1", 0)) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://127.0.0.1:" + server.port() + "/api/search?q=ceasefire"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(503, r.statusCode(), r.body());
      assertEquals("5", r.headers().firstValue("Retry-After").orElse(""));
      JsonNode error = new ObjectMapper().readTree(r.body()).path("error");
      assertTrue(
          error.path("message").asText().startsWith("the OpenSearch cluster does not answer"),
          r.body());
    }
  }
}

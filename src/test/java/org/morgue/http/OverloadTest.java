package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.search.ArchiveSearcher;

/**
 * Under overload searches wait in a bounded queue; past it they get a 503 with {@code Retry-After}
 * at once, and the health route answers all along. The search slots are held by the test itself, so
 * that "every slot busy" is exact.
 */
class OverloadTest {
  @TempDir Path tmp;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static HttpRequest get(MorgueServer on, String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path))
        .timeout(Duration.ofSeconds(60))
        .build();
  }

  @Test
  void pastTheQueueSearchesGet503WithRetryAfterAndHealthAnswers() throws Exception {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout);
        MorgueServer on =
            new MorgueServer(searcher, null)
                .limitSearches(1, 1)
                .start(MorgueServer.DEFAULT_HOST, 0)) {
      searcher.setTimeLimit(Duration.ofSeconds(30)); // the queued one waits while the test holds
      on.searchSlots().acquire(); // every slot busy
      CompletableFuture<HttpResponse<String>> queued =
          HTTP.sendAsync(get(on, "/api/search?q=ceasefire"), HttpResponse.BodyHandlers.ofString());
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (on.waitingSearches() < 1 && System.nanoTime() < deadline) {
        Thread.sleep(5); // polled, with a deadline
      }
      assertEquals(1, on.waitingSearches(), "one search waits");

      HttpResponse<String> refused =
          HTTP.send(get(on, "/api/search?q=border"), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, refused.statusCode(), refused.body());
      assertEquals("1", refused.headers().firstValue("Retry-After").orElse(""));
      assertTrue(refused.body().contains("the server is busy (too many searches are waiting)"));
      assertEquals(
          503,
          HTTP.send(get(on, "/api/facets/section"), HttpResponse.BodyHandlers.ofString())
              .statusCode());
      assertEquals(
          200,
          HTTP.send(get(on, "/api/health"), HttpResponse.BodyHandlers.ofString()).statusCode(),
          "health answers while searches queue");

      on.searchSlots().release();
      assertEquals(200, queued.get().statusCode(), "the queued search runs once a slot is free");
      assertEquals(
          200,
          HTTP.send(get(on, "/api/search?q=border"), HttpResponse.BodyHandlers.ofString())
              .statusCode());
    }
  }

  @Test
  void aSearchThatWaitsPastTheTimeLimitGets503() throws IOException, InterruptedException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout);
        MorgueServer on =
            new MorgueServer(searcher, null)
                .limitSearches(1, 5)
                .start(MorgueServer.DEFAULT_HOST, 0)) {
      searcher.setTimeLimit(Duration.ofMillis(50));
      on.searchSlots().acquire();
      HttpResponse<String> r =
          HTTP.send(get(on, "/api/search?q=border"), HttpResponse.BodyHandlers.ofString());
      assertEquals(503, r.statusCode(), r.body());
      assertTrue(r.body().contains("no search ended within the time limit"), r.body());
      on.searchSlots().release();
    }
  }
}

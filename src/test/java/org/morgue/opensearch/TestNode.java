package org.morgue.opensearch;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import org.junit.jupiter.api.Assumptions;

/**
 * The OpenSearch node the tests use: the one {@code .ci/opensearch start} runs, at {@code
 * MORGUE_OPENSEARCH_URL} (default {@code http://127.0.0.1:9250}). Without one a test is skipped,
 * and in CI ({@code CI=true}) it fails, as the browser tests do without chromium.
 */
public final class TestNode {
  /** The node's address. */
  public static final String URL =
      System.getenv().getOrDefault("MORGUE_OPENSEARCH_URL", "http://127.0.0.1:9250");

  private TestNode() {}

  /** A client of the node, or {@code null} (with {@link #why} set) when it does not answer. */
  public static OpenSearchClient connect() {
    OpenSearchClient client = OpenSearchClient.connect(URL);
    try {
      client.send("GET", "/_cluster/health", null);
      return client;
    } catch (IOException | RuntimeException e) {
      why = "no OpenSearch node at " + URL + " (start one: .ci/opensearch start): " + e;
      try {
        client.close();
      } catch (IOException ignored) {
        // it never connected
      }
      return null;
    }
  }

  private static volatile String why = "no OpenSearch node at " + URL;

  /** Skips the running test for want of a node, or fails it in CI. */
  public static void missing() {
    if ("true".equals(System.getenv("CI"))) {
      fail("in CI " + why);
    }
    Assumptions.abort(why);
  }

  /** A client of the node; skips the test (fails it in CI) when the node does not answer. */
  public static OpenSearchClient connectOrSkip() {
    OpenSearchClient client = connect();
    if (client == null) {
      missing();
    }
    return client;
  }
}

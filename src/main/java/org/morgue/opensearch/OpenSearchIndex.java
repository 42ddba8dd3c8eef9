package org.morgue.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.morgue.index.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An archive's index in an OpenSearch cluster: creates it (and its words index) with {@link
 * OpenSearchMapping}, and writes articles in bulk. Writes are idempotent (the article's id is the
 * document's {@code _id}), so a re-run after a failure writes the same documents again; a bulk
 * request the cluster refuses for load (429, 503) or that fails on the way is sent again after a
 * pause that doubles, up to {@link #RETRIES} times, so nothing the caller was told is written is
 * lost and a node that goes away mid-write only slows the writer.
 */
public final class OpenSearchIndex {
  private static final Logger LOG = LoggerFactory.getLogger(OpenSearchIndex.class);

  /** How many times a refused or failed bulk request is sent again. */
  static final int RETRIES = 8;

  private final OpenSearchClient client;
  private final String name;

  /** The words already written by this writer (a set per field, to send each word once). */
  private final Set<String> wordsSent = ConcurrentHashMap.newKeySet();

  public OpenSearchIndex(OpenSearchClient client, String name) {
    this.client = client;
    this.name = checkName(name);
  }

  /** An index name OpenSearch accepts: lower case, no spaces or {@code \ / * ? " < > | , #}. */
  static String checkName(String name) {
    if (name == null
        || name.isEmpty()
        || !name.equals(name.toLowerCase(java.util.Locale.ROOT))
        || name.startsWith("_")
        || name.startsWith("-")
        || !name.matches("[a-z0-9][a-z0-9._-]{0,200}")) {
      throw new IllegalArgumentException(
          "--index: '"
              + name
              + "' is not an OpenSearch index name (lower-case letters, digits, '.', '_', '-')");
    }
    return name;
  }

  public String name() {
    return name;
  }

  /** The name of the index of the archive's words. */
  public String wordsName() {
    return name + "-words";
  }

  public OpenSearchClient client() {
    return client;
  }

  /** Whether the archive's index exists. */
  public boolean exists() throws IOException {
    return client.sendOrNull("GET", "/" + name + "/_mapping", null) != null;
  }

  /**
   * Creates the archive's index and its words index unless they exist.
   *
   * @return whether it created them
   */
  public boolean create(int shards, int replicas) throws IOException {
    if (shards < 1 || replicas < 0) {
      throw new IllegalArgumentException(
          "--shards must be 1 or more and --replicas 0 or more, not " + shards + ", " + replicas);
    }
    if (exists()) {
      return false;
    }
    try {
      client.send("PUT", "/" + name, OpenSearchMapping.archive(shards, replicas));
      client.send("PUT", "/" + wordsName(), OpenSearchMapping.words(shards, replicas));
    } catch (OpenSearchException e) {
      if (!"resource_already_exists_exception".equals(e.type())) {
        throw e;
      }
    }
    client.send(
        "GET",
        "/_cluster/health/" + name + "," + wordsName() + "?wait_for_status=yellow&timeout=60s",
        null);
    return true;
  }

  /** Deletes the archive's index and its words index (tests, and a migration started over). */
  public void delete() throws IOException {
    client.sendOrNull("DELETE", "/" + name, null);
    client.sendOrNull("DELETE", "/" + wordsName(), null);
  }

  /**
   * Records in the index's {@code _meta} when an ingest or a migration last wrote to it, as the
   * embedded index records it in its commit.
   */
  public void markIngest(java.time.Instant when) throws IOException {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode();
    ObjectNode meta = body.putObject("_meta");
    meta.put("morgue_mapping", OpenSearchMapping.VERSION);
    meta.put("last_ingest", when.toString());
    client.send("PUT", "/" + name + "/_mapping", body);
  }

  /** When an ingest or a migration last wrote to the index (an ISO instant), or {@code null}. */
  public String lastIngest() throws IOException {
    JsonNode m = client.send("GET", "/" + name + "/_mapping", null);
    JsonNode last = m.path(name).path("mappings").path("_meta").path("last_ingest");
    return last.isTextual() ? last.asText() : null;
  }

  /** Makes what was written visible to searches. */
  public void refresh() throws IOException {
    client.send("POST", "/" + name + "," + wordsName() + "/_refresh", null);
  }

  /**
   * Writes documents ({@link OpenSearchDocuments#of}) and the new words of their text fields.
   *
   * @return the documents the cluster refused, by id, with its reason (a malformed value, say); the
   *     others are written
   * @throws IOException when the cluster cannot be reached or keeps refusing after {@link #RETRIES}
   *     tries: nothing of this call is then known to be written
   */
  public Map<String, String> write(List<ObjectNode> docs) throws IOException {
    StringBuilder bulk = new StringBuilder();
    Map<String, ObjectNode> pending = new LinkedHashMap<>();
    for (ObjectNode d : docs) {
      pending.put(d.path(Fields.ID).asText(), d);
    }
    List<String> newWords = new ArrayList<>();
    for (ObjectNode d : docs) {
      for (String field : Fields.TEXT) {
        String words = d.path(OpenSearchDocuments.wordField(field)).asText("");
        if (words.isEmpty()) {
          continue;
        }
        for (String w : words.split(" ")) {
          String key = field + '/' + w;
          if (wordsSent.add(key)) {
            newWords.add(key);
          }
        }
      }
    }
    Map<String, String> refused = new LinkedHashMap<>();
    for (int attempt = 0; ; attempt++) {
      bulk.setLength(0);
      for (Map.Entry<String, ObjectNode> e : pending.entrySet()) {
        bulk.append("{\"index\":{\"_index\":")
            .append(OpenSearchClient.JSON.writeValueAsString(name))
            .append(",\"_id\":")
            .append(OpenSearchClient.JSON.writeValueAsString(e.getKey()))
            .append("}}\n")
            .append(OpenSearchClient.JSON.writeValueAsString(e.getValue()))
            .append('\n');
      }
      if (attempt == 0) {
        for (String key : newWords) {
          int slash = key.indexOf('/');
          ObjectNode w = OpenSearchClient.JSON.createObjectNode();
          w.put("f", key.substring(0, slash));
          w.put("w", key.substring(slash + 1));
          bulk.append("{\"index\":{\"_index\":")
              .append(OpenSearchClient.JSON.writeValueAsString(wordsName()))
              .append(",\"_id\":")
              .append(OpenSearchClient.JSON.writeValueAsString(wordId(key)))
              .append("}}\n")
              .append(OpenSearchClient.JSON.writeValueAsString(w))
              .append('\n');
        }
      }
      if (bulk.isEmpty()) {
        return refused;
      }
      JsonNode answer;
      try {
        answer = client.send("POST", "/_bulk", bulk.toString());
      } catch (OpenSearchException e) {
        if ((e.status() == 429 || e.status() >= 500) && attempt < RETRIES) {
          pause(attempt, e.getMessage());
          continue;
        }
        newWords.forEach(wordsSent::remove);
        throw e;
      } catch (IOException e) { // the node went away: the client tries the others next time
        if (attempt < RETRIES) {
          pause(attempt, e.toString());
          continue;
        }
        newWords.forEach(wordsSent::remove);
        throw e;
      }
      boolean again = false;
      for (JsonNode item : answer.path("items")) {
        JsonNode r = item.path("index");
        if (!name.equals(r.path("_index").asText())) {
          continue; // a word: a refused one is only sent again by a later article
        }
        String id = r.path("_id").asText();
        int status = r.path("status").asInt();
        if (status < 300) {
          pending.remove(id);
        } else if (status == 429 || status >= 500) {
          again = true; // stays pending
        } else {
          pending.remove(id);
          JsonNode err = r.path("error");
          refused.put(id, err.path("type").asText() + ": " + err.path("reason").asText());
        }
      }
      newWords.clear();
      if (pending.isEmpty()) {
        return refused;
      }
      if (!again || attempt >= RETRIES) {
        throw new IOException(
            "OpenSearch kept refusing " + pending.size() + " articles under load; try again");
      }
      pause(attempt, "some articles refused under load");
    }
  }

  private static void pause(int attempt, String why) throws IOException {
    long ms = Math.min(30_000, 250L << attempt);
    LOG.warn("OpenSearch: {}; trying again in {} ms", why, ms);
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while waiting for OpenSearch");
    }
  }

  /** The id of a word: {@code field/word}, hashed when longer than OpenSearch's 512 bytes. */
  static String wordId(String key) {
    byte[] utf8 = key.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= 500) {
      return key;
    }
    try {
      return "#" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(utf8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

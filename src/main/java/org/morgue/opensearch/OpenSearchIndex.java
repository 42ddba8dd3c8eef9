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

  /** The most words a writer remembers having sent, to bound its memory. */
  static final int MAX_WORDS_REMEMBERED = 2_000_000;

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
    mappingVersion = 0;
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
    mappingVersion = 0;
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
    meta.put("morgue_mapping", mappingVersion()); // what the index was created with
    meta.put("last_ingest", when.toString());
    client.send("PUT", "/" + name + "/_mapping", body);
  }

  private volatile int mappingVersion;

  /**
   * The version of {@link OpenSearchMapping} the index was created with (1 when it says none), read
   * once: what its documents hold.
   */
  public int mappingVersion() throws IOException {
    int v = mappingVersion;
    if (v == 0) {
      JsonNode m = client.send("GET", "/" + name + "/_mapping", null);
      v = m.path(name).path("mappings").path("_meta").path("morgue_mapping").asInt(1);
      mappingVersion = v;
    }
    return v;
  }

  /**
   * Whether the index holds the sentence and paragraph marks ({@code /s}, {@code /p}): created with
   * mapping version {@value OpenSearchMapping#MARKS} or later.
   */
  public boolean hasMarks() throws IOException {
    return mappingVersion() >= OpenSearchMapping.MARKS;
  }

  /** When an ingest or a migration last wrote to the index (an ISO instant), or {@code null}. */
  public String lastIngest() throws IOException {
    JsonNode m = client.send("GET", "/" + name + "/_mapping", null);
    JsonNode last = m.path(name).path("mappings").path("_meta").path("last_ingest");
    return last.isTextual() ? last.asText() : null;
  }

  /**
   * Every article the index holds, by id, with its content hash ({@code ""} when it has none): read
   * in pages of 10,000 over a point in time, from doc values only.
   */
  public Map<String, String> contentHashes() throws IOException {
    Map<String, String> out = new java.util.HashMap<>();
    ObjectNode body = OpenSearchClient.JSON.createObjectNode();
    body.put("size", 10_000);
    body.put("_source", false);
    body.put("track_total_hits", false);
    body.putArray("docvalue_fields").add(Fields.ID).add(Fields.CONTENT_HASH);
    body.putArray("sort").addObject().put(Fields.ID, "asc");
    pages(
        body,
        client::send,
        answer -> {
          for (JsonNode h : answer.path("hits").path("hits")) {
            out.put(
                h.path("fields").path(Fields.ID).path(0).asText(),
                h.path("fields").path(Fields.CONTENT_HASH).path(0).asText(""));
          }
        });
    return out;
  }

  /**
   * The {@code _source} of each of the articles {@code ids} (its stored fields and content hash
   * only), by id, in one request; an id the index does not hold is left out.
   */
  public Map<String, JsonNode> sources(java.util.Collection<String> ids) throws IOException {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode();
    com.fasterxml.jackson.databind.node.ArrayNode values = body.putArray("ids");
    ids.forEach(values::add);
    JsonNode answer =
        client.send(
            "POST", "/" + name + "/_mget?_source_includes=stored," + Fields.CONTENT_HASH, body);
    Map<String, JsonNode> out = new java.util.LinkedHashMap<>();
    for (JsonNode doc : answer.path("docs")) {
      if (doc.path("found").asBoolean()) {
        out.put(doc.path("_id").asText(), doc.path("_source"));
      }
    }
    return out;
  }

  /** How {@link #pages} sends its requests (a caller may map the cluster's errors its own way). */
  @FunctionalInterface
  public interface Sender {
    JsonNode send(String method, String path, Object body) throws IOException;
  }

  /** What {@link #pages} gives each page's answer. */
  @FunctionalInterface
  public interface Page {
    void visit(JsonNode answer) throws IOException;
  }

  /**
   * Runs a search ({@code body}, with its {@code size} and a {@code sort} that ends on a unique
   * field) page after page over one point in time, each page after the last hit of the one before,
   * until a page is short; the point in time is closed however it ends.
   */
  public void pages(ObjectNode body, Sender sender, Page page) throws IOException {
    int size = body.path("size").asInt();
    JsonNode pit = sender.send("POST", "/" + name + "/_search/point_in_time?keep_alive=5m", null);
    String pitId = pit.path("pit_id").asText();
    try {
      while (true) {
        body.putObject("pit").put("id", pitId).put("keep_alive", "5m");
        JsonNode answer = sender.send("POST", "/_search", body);
        pitId = answer.path("pit_id").asText(pitId);
        page.visit(answer);
        JsonNode hits = answer.path("hits").path("hits");
        if (hits.size() < size) {
          return;
        }
        body.set("search_after", hits.get(hits.size() - 1).path("sort"));
      }
    } finally {
      ObjectNode del = OpenSearchClient.JSON.createObjectNode();
      del.putArray("pit_id").add(pitId);
      try {
        sender.send("DELETE", "/_search/point_in_time", del);
      } catch (IOException | RuntimeException e) {
        // the point in time expires by itself
      }
    }
  }

  /** Deletes the articles {@code ids} (a bulk request of 1,000 at a time). */
  public void delete(java.util.Collection<String> ids) throws IOException {
    StringBuilder bulk = new StringBuilder();
    int n = 0;
    for (String id : ids) {
      bulk.append("{\"delete\":{\"_index\":")
          .append(OpenSearchClient.JSON.writeValueAsString(name))
          .append(",\"_id\":")
          .append(OpenSearchClient.JSON.writeValueAsString(id))
          .append("}}\n");
      if (++n % 1000 == 0) {
        client.send("POST", "/_bulk", bulk.toString());
        bulk.setLength(0);
      }
    }
    if (!bulk.isEmpty()) {
      client.send("POST", "/_bulk", bulk.toString());
    }
  }

  /**
   * Readies the index for a bulk load: no refresh and no replicas while it runs (each replica would
   * index every article again); {@link #endBulk} puts back what was there.
   *
   * @return the settings to put back
   */
  public ObjectNode startBulk() throws IOException {
    JsonNode settings =
        client.send(
            "GET", "/" + name + "/_settings/index.number_of_replicas,index.refresh_interval", null);
    JsonNode index = settings.path(name).path("settings").path("index");
    ObjectNode before = OpenSearchClient.JSON.createObjectNode();
    ObjectNode b = before.putObject("index");
    b.put("number_of_replicas", index.path("number_of_replicas").asInt(0));
    if (index.has("refresh_interval")) {
      b.put("refresh_interval", index.path("refresh_interval").asText());
    } else {
      b.putNull("refresh_interval");
    }
    ObjectNode bulk = OpenSearchClient.JSON.createObjectNode();
    bulk.putObject("index").put("number_of_replicas", 0).put("refresh_interval", "-1");
    client.send("PUT", "/" + name + "/_settings", bulk);
    return before;
  }

  /** Puts back the settings {@link #startBulk} changed, and waits for the replicas. */
  public void endBulk(ObjectNode before) throws IOException {
    client.send("PUT", "/" + name + "/_settings", before);
    client.send("GET", "/_cluster/health/" + name + "?wait_for_status=yellow&timeout=600s", null);
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
    if (wordsSent.size() > MAX_WORDS_REMEMBERED) {
      wordsSent
          .clear(); // forgetting only costs sending a word again (its id makes it one document)
    }
    List<String> newWords = new ArrayList<>();
    for (ObjectNode d : docs) {
      for (String field : Fields.TEXT) {
        JsonNode value = d.path(OpenSearchDocuments.wordField(field));
        for (JsonNode v : value.isArray() ? value : List.of(value)) { // a value or several
          String words = v.asText("");
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
      for (String dim : Fields.ENTITIES) { // the names, by their folded form
        for (JsonNode v : d.path(OpenSearchDocuments.valueField(dim))) {
          String key = OpenSearchWords.namesField(dim) + '/' + OpenSearchWords.nameWord(v.asText());
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

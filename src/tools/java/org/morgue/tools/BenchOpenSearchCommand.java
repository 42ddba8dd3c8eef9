package org.morgue.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.morgue.http.MorgueServer;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.opensearch.OpenSearchClient;
import org.morgue.opensearch.OpenSearchIndex;
import org.morgue.search.Archive;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.OpenSearchArchive;
import org.morgue.search.OpenSearchMigration;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The same archive embedded and on an OpenSearch cluster of this machine, side by side: starts
 * {@code --nodes} nodes on loopback ({@code .ci/opensearch}), copies the archive into them ({@code
 * migrate}, timed), serves both through {@code /api/search} in this JVM and times the bench-search
 * queries over HTTP, one client, rounds interleaved; reports each node's heap and RSS; then, with
 * two nodes or more, kills one with kill -9, keeps searching (every answer's total must equal the
 * embedded one), brings it back and times the cluster's return to green.
 */
@Command(
    name = "bench-opensearch",
    mixinStandardHelpOptions = true,
    description =
        "Embedded index against an OpenSearch cluster on loopback: migrate time, /api/search p50 /"
            + " p95 / p99, node heap and RSS, and a node killed with kill -9 mid-search.")
public final class BenchOpenSearchCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(index = "0", paramLabel = "ARCHIVE", description = "An embedded archive folder.")
  Path archive;

  @Option(names = "--nodes", description = "Nodes of the cluster (default: 3).")
  int nodes = 3;

  @Option(names = "--rounds", description = "Rounds of the queries (default: 3).")
  int rounds = 3;

  @Option(names = "--kill-seconds", description = "How long to search with a node killed (20).")
  int killSeconds = 20;

  @Option(names = "--keep", description = "Leave the cluster running at the end.")
  boolean keep;

  @Option(
      names = "--reuse",
      description =
          "Use the cluster already running (.ci/opensearch restart I of each node keeps its data)"
              + " and its index: the migration then sends only what changed.")
  boolean reuse;

  @Override
  public Integer call() throws Exception {
    IndexLayout layout = new IndexLayout(archive);
    if (!layout.hasIndex()) {
      throw new IllegalArgumentException("no archive in " + archive);
    }
    Path script = DevMain.home().resolve(".ci/opensearch");
    if (!reuse) {
      run(script.toString(), "start", Integer.toString(nodes));
    }
    String urls = runOut(script.toString(), "url").strip();
    int failures = 0;
    try (OpenSearchClient client = OpenSearchClient.connect(urls)) {
      OpenSearchIndex index = new OpenSearchIndex(client, "morgue-bench");
      if (!reuse) {
        index.delete();
      }
      int shards = nodes;
      int replicas = nodes > 1 ? 1 : 0;
      index.create(shards, replicas);
      long t0 = System.nanoTime();
      OpenSearchMigration.Result copied = OpenSearchMigration.copy(layout, index, 1000, 2, s -> {});
      double migrateS = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "cluster: %d node(s), %d shard(s), %d replica(s); migrate: %,d articles in %.1f s, %.0f"
              + " articles/s%n",
          nodes,
          shards,
          replicas,
          copied.copied(),
          migrateS,
          copied.copied() / migrateS);
      green(client, "after the migration");
      List<String> queries;
      try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
        Map<String, List<SearchResult.FacetValue>> f = s.search(SearchRequest.of("")).facets();
        queries =
            BenchQueries.all(
                values(f, Fields.SECTION), values(f, Fields.SOURCE), values(f, Fields.AUTHOR));
      }
      Archive embedded = ArchiveSearcher.open(layout);
      Archive cluster =
          new OpenSearchArchive(
              layout, new OpenSearchIndex(OpenSearchClient.connect(urls), index.name()));
      Path web = DevMain.home().resolve("web");
      MorgueServer a = new MorgueServer(embedded, web).start("127.0.0.1", 0);
      MorgueServer b = new MorgueServer(cluster, web).start("127.0.0.1", 0);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      try {
        // totals of the embedded index, and the queries the cluster answers (not a 501)
        Map<String, Long> totals = new HashMap<>();
        List<String> common = new ArrayList<>();
        int refused = 0;
        for (String q : queries) {
          HttpResponse<String> ra = get(http, a.port(), q);
          HttpResponse<String> rb = get(http, b.port(), q);
          if (rb.statusCode() == 501) {
            refused++;
            continue;
          }
          long ta = JSON.readTree(ra.body()).path("total").asLong();
          long tb = JSON.readTree(rb.body()).path("total").asLong();
          if (ta != tb) {
            System.out.printf("total differs: %s embedded %d cluster %d%n", q, ta, tb);
            failures++;
          }
          totals.put(q, ta);
          common.add(q);
        }
        long[][] times = new long[2][];
        List<Long> ta = new ArrayList<>();
        List<Long> tb = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
          for (String q : common) {
            ta.add(time(http, a.port(), q));
            tb.add(time(http, b.port(), q));
          }
        }
        times[0] = sorted(ta);
        times[1] = sorted(tb);
        System.out.printf(
            Locale.ROOT,
            "%d queries (%d refused by the cluster: operators), %d rounds, one client, load %s%n",
            common.size(),
            refused,
            rounds,
            Files.readString(Path.of("/proc/loadavg")).strip());
        System.out.printf(
            Locale.ROOT, "%-28s %8s %8s %8s%n", "/api/search ms", "p50", "p95", "p99");
        row("embedded", times[0]);
        row("opensearch " + nodes + " node(s)", times[1]);
        nodeStats(client);
        if (nodes > 1) {
          failures += killOne(script, client, http, b.port(), common, totals);
        }
      } finally {
        a.close();
        b.close();
        embedded.close();
        cluster.close();
        if (!keep) {
          index.delete();
        }
      }
    } finally {
      if (!keep) {
        run(script.toString(), "stop");
      }
    }
    System.out.println(failures == 0 ? "no loss" : failures + " failures");
    return failures == 0 ? 0 : 1;
  }

  /** Kills node 1, searches meanwhile, restarts it: errors, totals, time back to green. */
  private int killOne(
      Path script,
      OpenSearchClient client,
      HttpClient http,
      int port,
      List<String> queries,
      Map<String, Long> totals)
      throws Exception {
    run(script.toString(), "kill", "1");
    long killed = System.nanoTime();
    int answered = 0;
    int errors = 0;
    int wrong = 0;
    List<Long> during = new ArrayList<>();
    long end = killed + killSeconds * 1_000_000_000L;
    for (int i = 0; System.nanoTime() < end; i++) {
      String q = queries.get(i % queries.size());
      long t = System.nanoTime();
      HttpResponse<String> r = get(http, port, q);
      during.add(System.nanoTime() - t);
      if (r.statusCode() != 200) {
        errors++;
        continue;
      }
      answered++;
      if (JSON.readTree(r.body()).path("total").asLong() != totals.get(q)) {
        wrong++;
      }
    }
    String health = client.send("GET", "/_cluster/health", null).path("status").asText();
    System.out.printf(
        Locale.ROOT,
        "node 1 killed (kill -9): %d searches in %d s, %d answered, %d errors, %d totals differ;"
            + " cluster %s meanwhile%n",
        answered + errors,
        killSeconds,
        answered,
        errors,
        wrong,
        health);
    row("opensearch, a node down", sorted(during));
    long restart = System.nanoTime();
    run(script.toString(), "restart", "1");
    green(client, "after the restart");
    System.out.printf(
        Locale.ROOT,
        "node 1 back: cluster green %.1f s after its restart%n",
        (System.nanoTime() - restart) / 1e9);
    int after = 0;
    for (String q : queries) {
      HttpResponse<String> r = get(http, port, q);
      if (r.statusCode() != 200
          || JSON.readTree(r.body()).path("total").asLong() != totals.get(q)) {
        after++;
      }
    }
    System.out.printf("after healing: %d of %d totals differ%n", after, queries.size());
    return errors + wrong + after;
  }

  /**
   * Waits for the cluster to be green (its replicas copied: minutes for gigabytes), up to an hour,
   * and says how long it took.
   */
  private static void green(OpenSearchClient client, String when) throws IOException {
    long start = System.nanoTime();
    for (int i = 0; i < 60; i++) {
      JsonNode h = client.send("GET", "/_cluster/health", null);
      if ("green".equals(h.path("status").asText())) {
        System.out.printf(
            Locale.ROOT, "cluster green %s in %.1f s%n", when, (System.nanoTime() - start) / 1e9);
        return;
      }
      try {
        client.send("GET", "/_cluster/health?wait_for_status=green&timeout=60s", null);
      } catch (org.morgue.opensearch.OpenSearchException e) {
        if (e.status() != 408) {
          throw e;
        }
      }
    }
    throw new IOException("the cluster was not green within an hour " + when);
  }

  private static void nodeStats(OpenSearchClient client) throws IOException {
    JsonNode stats = client.send("GET", "/_nodes/stats/jvm", null).path("nodes");
    JsonNode info = client.send("GET", "/_nodes/process", null).path("nodes");
    for (var it = stats.properties().iterator(); it.hasNext(); ) {
      var e = it.next();
      JsonNode n = e.getValue();
      long pid = info.path(e.getKey()).path("process").path("id").asLong(-1);
      System.out.printf(
          Locale.ROOT,
          "  %s: heap %d MB used of %d MB, RSS %s%n",
          n.path("name").asText(),
          n.path("jvm").path("mem").path("heap_used_in_bytes").asLong() >> 20,
          n.path("jvm").path("mem").path("heap_max_in_bytes").asLong() >> 20,
          rss(pid));
    }
  }

  private static String rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return (Long.parseLong(line.replaceAll("\\D", "")) >> 10) + " MB";
        }
      }
    } catch (IOException | RuntimeException e) {
      // not this machine's process
    }
    return "?";
  }

  /** The dimension's top values, repeated to at least three (a small archive may have fewer). */
  private static List<String> values(Map<String, List<SearchResult.FacetValue>> f, String dim) {
    List<String> out =
        new ArrayList<>(f.get(dim).stream().map(SearchResult.FacetValue::value).toList());
    if (out.isEmpty()) {
      out.add("none");
    }
    while (out.size() < 3) {
      out.add(out.get(0));
    }
    return out;
  }

  private static long time(HttpClient http, int port, String q) throws Exception {
    long t = System.nanoTime();
    get(http, port, q);
    return System.nanoTime() - t;
  }

  private static HttpResponse<String> get(HttpClient http, int port, String q) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?" + q))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long[] sorted(List<Long> values) {
    long[] out = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(out);
    return out;
  }

  private static void row(String label, long[] sorted) {
    if (sorted.length == 0) {
      System.out.printf(Locale.ROOT, "%-28s %8s%n", label, "no search");
      return;
    }
    System.out.printf(
        Locale.ROOT,
        "%-28s %8.1f %8.1f %8.1f%n",
        label,
        BenchSearchCommand.percentile(sorted, 50) / 1e6,
        BenchSearchCommand.percentile(sorted, 95) / 1e6,
        BenchSearchCommand.percentile(sorted, 99) / 1e6);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }

  private static String runOut(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out);
    }
    return out;
  }
}

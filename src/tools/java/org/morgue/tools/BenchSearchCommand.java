package org.morgue.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.morgue.cli.Main;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.CoreNlpExtractor;
import org.morgue.entity.EntityExtractor;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.Mention;
import org.morgue.entity.NameTables;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.index.IngestReport;
import org.morgue.index.Ingester;
import org.morgue.index.Schema;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code morgue dev bench-search CORPUS.jsonl.gz}: the search API's latency over an archive of
 * 100,000 articles, measured through HTTP with one client against a server in its own JVM with a
 * 512 MB heap, beside the same queries on a bare Lucene searcher over the same index.
 *
 * <p>The archive is the corpus repeated until it holds {@code --articles} articles: repeat k has
 * its ids suffixed {@code -rk}, its dates moved k × 9 years back, and a last body paragraph naming
 * the repeat, so that the repeats are stories of their own rather than wire copies of the first. It
 * is built once in {@code --work} and reused.
 */
@Command(
    name = "bench-search",
    mixinStandardHelpOptions = true,
    description =
        "Measures /api/search (facets, histogram, snippets) over HTTP against a bare Lucene searcher.")
public final class BenchSearchCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "CORPUS",
      description = "A JSON Lines file (may be gzipped) to repeat into the archive.")
  Path corpus;

  @Option(
      names = "--articles",
      description = "Articles in the archive (default: ${DEFAULT-VALUE}).")
  int articles = 100_000;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Where the archive is built and kept (default: ${DEFAULT-VALUE}).")
  Path work = Path.of(System.getProperty("java.io.tmpdir"), "morgue-bench-search");

  @Option(
      names = "--server-heap",
      paramLabel = "SIZE",
      description = "The server JVM's -Xmx (default: ${DEFAULT-VALUE}).")
  String serverHeap = "512m";

  @Option(
      names = "--entities",
      description =
          "Build the archive with people, organisations and places (each repeat reuses the first"
              + " extraction of its text; the first pass runs the extractor).")
  boolean entities;

  @Option(
      names = "--rounds",
      description =
          "Timed passes over the queries, after one to warm up (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    IndexLayout layout = new IndexLayout(work.resolve("archive"));
    build(layout);
    List<String> queries = queries(layout);
    System.out.printf(
        Locale.ROOT,
        "%,d queries, %d timed rounds, %s%n",
        queries.size(),
        rounds,
        Runtime.version());

    long[] bare = bare(layout, queries);
    long[] inProcess = inProcess(layout, queries);
    Process server = startServer(layout);
    try {
      int port = port(server);
      long[] http = http(port, queries);
      long[] compare = httpPaths("compare", port, comparePaths(queries));
      long[] entity = httpPaths("entity", port, entityPaths(layout));
      long[] matrix = httpPaths("matrix", port, matrixPaths(queries));
      JsonNode health = JSON.readTree(get(HttpClient.newHttpClient(), port, "/api/health").body());
      System.out.println();
      System.out.printf(
          Locale.ROOT, "%-44s %8s %8s %8s %8s%n", "", "p50 ms", "p90 ms", "p99 ms", "max ms");
      row("bare Lucene (top 10 and count, no facets)", bare);
      row("ArchiveSearcher in process (all of it)", inProcess);
      row("/api/search over HTTP, one client", http);
      row("/api/compare, 8 series, over HTTP", compare);
      row("/api/entities/{dim}/{name} over HTTP", entity);
      row("/api/matrix 10 x 10 over HTTP", matrix);
      System.out.printf(
          Locale.ROOT,
          "server heap: -Xmx%s; used %s MB now, peak %s MB (sum of pool peaks) of %s MB%n",
          serverHeap,
          health.path("heap").path("usedMb").asText(),
          health.path("heap").path("peakMb").asText(),
          health.path("heap").path("maxMb").asText());
      System.out.printf(
          Locale.ROOT,
          "targets: /api/search p50 <= 15 ms (%s), p99 <= 100 ms (%s)%n",
          percentile(http, 50) <= 15_000_000 ? "met" : "missed",
          percentile(http, 99) <= 100_000_000 ? "met" : "missed");
      for (Object[] t :
          new Object[][] {{"compare", compare}, {"entity", entity}, {"matrix", matrix}}) {
        long[] times = (long[]) t[1];
        System.out.printf(
            Locale.ROOT,
            "targets: %s p50 <= 100 ms (%s), p99 <= 300 ms (%s)%n",
            t[0],
            percentile(times, 50) <= 100_000_000 ? "met" : "missed",
            percentile(times, 99) <= 300_000_000 ? "met" : "missed");
      }
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
    return 0;
  }

  // --- the archive ----------------------------------------------------------------------------

  /**
   * The benchmark archive of {@code articles} articles repeated from {@code corpus} in {@code
   * work}: built as {@code bench-search} builds it, or reused when it is there, so that other
   * benchmarks measure the same archive.
   */
  static IndexLayout archive(Path corpus, int articles, Path work, boolean entities)
      throws IOException {
    BenchSearchCommand bench = new BenchSearchCommand();
    bench.corpus = corpus;
    bench.articles = articles;
    bench.work = work;
    bench.entities = entities;
    IndexLayout layout = new IndexLayout(work.resolve("archive"));
    bench.build(layout);
    return layout;
  }

  private void build(IndexLayout layout) throws IOException {
    if (layout.hasIndex()) {
      try (FSDirectory dir = FSDirectory.open(layout.lucene());
          DirectoryReader r = DirectoryReader.open(dir)) {
        if (r.numDocs() >= articles) {
          System.out.printf(
              Locale.ROOT,
              "archive: %s, %,d articles (built before), %.0f MB%n",
              layout.root(),
              r.numDocs(),
              layout.indexBytes() / 1e6);
          return;
        }
      }
    }
    Files.createDirectories(work);
    Path repeated = work.resolve("repeated.jsonl.gz");
    long written = repeat(repeated);
    long t0 = System.nanoTime();
    IngestReport report;
    Ingester.Options options = Ingester.Options.defaults();
    if (entities) {
      options =
          options.withEntities(
              new EntityFinder(
                  repeatsOnce(CoreNlpExtractor.shared()),
                  NameTables.shipped(),
                  AuthorityFile.EMPTY,
                  true));
    }
    try (Ingester ingester = new Ingester(layout, options)) {
      report = ingester.ingest(List.of(repeated), Ingester.Progress.NONE);
    }
    System.out.printf(
        Locale.ROOT,
        "archive: %s, %,d articles written, %,d in the index, %,d rejected; built in %.0f s, %.0f MB%n",
        layout.root(),
        written,
        report.docsInIndex(),
        report.rejected(),
        (System.nanoTime() - t0) / 1e9,
        layout.indexBytes() / 1e6);
  }

  private static final java.util.regex.Pattern REPEAT_MARK =
      java.util.regex.Pattern.compile("\n\nArchive repeat \\d+\\.$");

  /**
   * An extractor that runs {@code model} once for each text and its repeats: a repeat differs only
   * by the closing "Archive repeat k." line, which names nothing, so the first text's mentions
   * (offsets before that line) hold for it too.
   */
  private static EntityExtractor repeatsOnce(EntityExtractor model) {
    Map<String, List<Mention>> seen = new java.util.concurrent.ConcurrentHashMap<>();
    return text -> {
      String key = REPEAT_MARK.matcher(text).replaceFirst("");
      List<Mention> known = seen.get(key);
      if (known == null) {
        known = model.extract(key);
        seen.put(key, known);
      }
      return known;
    };
  }

  /** Writes the corpus repeated to {@code articles} records; returns how many. */
  private long repeat(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(open(corpus), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    }
    long n = 0;
    try (Writer w =
        new BufferedWriter(
            new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(out)), StandardCharsets.UTF_8))) {
      for (int k = 0; n < articles; k++) {
        for (String line : lines) {
          if (n == articles) {
            break;
          }
          JsonNode node = JSON.readTree(line);
          if (!(node instanceof ObjectNode record)) {
            continue;
          }
          if (k > 0) {
            record.put("id", record.path("id").asText() + "-r" + k);
            String date = record.path("date").asText("");
            try {
              record.put("date", LocalDate.parse(date).minusYears(9L * k).toString());
            } catch (java.time.DateTimeException e) {
              // an undated or oddly dated article stays so
            }
            record.put("body", record.path("body").asText("") + "\n\nArchive repeat " + k + ".");
          }
          w.write(JSON.writeValueAsString(record));
          w.write('\n');
          n++;
        }
      }
    }
    return n;
  }

  private static java.io.InputStream open(Path p) throws IOException {
    java.io.InputStream in = Files.newInputStream(p);
    return p.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /** The fixed queries, with filter values from the archive's top facet values. */
  private static List<String> queries(IndexLayout layout) throws IOException {
    try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
      Map<String, List<SearchResult.FacetValue>> facets = s.search(SearchRequest.of("")).facets();
      return BenchQueries.all(
          values(facets, Fields.SECTION),
          values(facets, Fields.SOURCE),
          values(facets, Fields.AUTHOR));
    }
  }

  private static List<String> values(
      Map<String, List<SearchResult.FacetValue>> facets, String dim) {
    return facets.get(dim).stream().map(SearchResult.FacetValue::value).toList();
  }

  // --- the three ways ---------------------------------------------------------------------------

  /**
   * The baseline: Lucene's classic parser over title, lede and body with the index analyzer (no
   * stemming), the same date range, filters and exclusions as plain clauses, the same order; the
   * top ten with their stored fields and the exact count. No facets, histogram, snippets or copies.
   */
  private long[] bare(IndexLayout layout, List<String> queries) throws Exception {
    try (FSDirectory dir = FSDirectory.open(layout.lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Query> parsed = new ArrayList<>();
      List<SearchRequest> requests = new ArrayList<>();
      for (String qs : queries) {
        SearchRequest r = SearchParameters.parse(SearchParameters.decode(qs)).request();
        requests.add(r);
        parsed.add(bareQuery(r));
      }
      return time(
          "bare Lucene",
          queries.size(),
          i -> {
            SearchRequest r = requests.get(i);
            int n = r.page() * r.size();
            TopFieldDocs top =
                searcher.search(
                    parsed.get(i),
                    new TopFieldCollectorManager(bareSort(r), n, null, Integer.MAX_VALUE));
            StoredFields stored = searcher.storedFields();
            for (int d = (r.page() - 1) * r.size(); d < top.scoreDocs.length; d++) {
              ScoreDoc sd = top.scoreDocs[d];
              stored.document(sd.doc);
            }
            return top.totalHits.value();
          });
    }
  }

  private static Query bareQuery(SearchRequest r) throws Exception {
    MultiFieldQueryParser parser =
        new MultiFieldQueryParser(
            Fields.TEXT.toArray(String[]::new),
            Analyzers.exact(),
            Map.of(Fields.TITLE, 3f, Fields.LEDE, 2f, Fields.BODY, 1f));
    parser.setDefaultOperator(QueryParser.Operator.AND);
    Query q =
        r.q().isEmpty()
            ? MatchAllDocsQuery.INSTANCE
            : parser.parse(r.q().replaceAll("date:\\S+( TO \\S+)?", ""));
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(q, BooleanClause.Occur.MUST);
    if (r.from() != null || r.to() != null) {
      b.add(
          LongField.newRangeQuery(
              Fields.DATE,
              r.from() == null ? Long.MIN_VALUE : r.from().toEpochDay(),
              r.to() == null ? Long.MAX_VALUE : r.to().toEpochDay()),
          BooleanClause.Occur.FILTER);
    }
    var config = Schema.facetsConfig();
    r.filters()
        .forEach(
            (dim, values) -> {
              BooleanQuery.Builder any = new BooleanQuery.Builder();
              for (String v : values) {
                any.add(
                    new TermQuery(
                        DrillDownQuery.term(config.getDimConfig(dim).indexFieldName, dim, v)),
                    BooleanClause.Occur.SHOULD);
              }
              b.add(any.build(), BooleanClause.Occur.FILTER);
            });
    r.excludes()
        .forEach(
            (dim, values) ->
                values.forEach(
                    v ->
                        b.add(
                            new TermQuery(
                                DrillDownQuery.term(
                                    config.getDimConfig(dim).indexFieldName, dim, v)),
                            BooleanClause.Occur.MUST_NOT)));
    return b.build();
  }

  private static Sort bareSort(SearchRequest r) {
    SortField newest =
        LongField.newSortField(Fields.DATE, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE);
    return switch (r.sort()) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newest);
      case NEWEST -> new Sort(newest);
      case OLDEST ->
          new Sort(
              LongField.newSortField(
                  Fields.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE));
    };
  }

  /** Morgue's searcher in this JVM: everything the API does but HTTP and JSON. */
  private long[] inProcess(IndexLayout layout, List<String> queries) throws Exception {
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      List<SearchRequest> requests = new ArrayList<>();
      for (String qs : queries) {
        requests.add(SearchParameters.parse(SearchParameters.decode(qs)).request());
      }
      return time("ArchiveSearcher", queries.size(), i -> searcher.search(requests.get(i)).total());
    }
  }

  private long[] http(int port, List<String> queries) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return time(
        "HTTP",
        queries.size(),
        i -> {
          HttpResponse<String> r = get(client, port, "/api/search?" + queries.get(i));
          if (r.statusCode() != 200) {
            throw new IllegalStateException(
                queries.get(i) + " gave " + r.statusCode() + ": " + r.body());
          }
          return r.body().length();
        });
  }

  /** Comparisons of eight of the fixed queries each, in order (page and order are ignored). */
  static List<String> comparePaths(List<String> queries) {
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i + 8 <= queries.size(); i += 8) {
      StringBuilder b = new StringBuilder("/api/compare?interval=month");
      for (int j = i; j < i + 8; j++) {
        b.append("&s=")
            .append(
                java.net.URLEncoder.encode(
                    queries.get(j), java.nio.charset.StandardCharsets.UTF_8));
      }
      out.add(b.toString());
    }
    return out;
  }

  /** The pages of the 20 most named people, organisations and places. */
  private static List<String> entityPaths(IndexLayout layout) throws IOException {
    List<String> out = new java.util.ArrayList<>();
    try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
      for (String dim : Fields.ENTITIES) {
        List<SearchResult.FacetValue> all = s.allValues(dim);
        for (SearchResult.FacetValue v : all.subList(0, Math.min(20, all.size()))) {
          out.add(
              "/api/entities/"
                  + dim
                  + "/"
                  + java.net.URLEncoder.encode(v.value(), java.nio.charset.StandardCharsets.UTF_8)
                      .replace("+", "%20"));
        }
      }
    }
    return out;
  }

  /** The people by places of each of the first 60 fixed queries, 10 by 10. */
  private static List<String> matrixPaths(List<String> queries) {
    return queries.subList(0, Math.min(60, queries.size())).stream()
        .map(q -> "/api/matrix?" + q + (q.isEmpty() ? "" : "&") + "rows=person&cols=place&n=10")
        .toList();
  }

  private long[] httpPaths(String what, int port, List<String> paths) throws Exception {
    if (paths.isEmpty()) {
      throw new IllegalStateException("no " + what + " requests: the archive has no entities?");
    }
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    return time(
        what,
        paths.size(),
        i -> {
          HttpResponse<String> r = get(client, port, paths.get(i));
          if (r.statusCode() != 200) {
            throw new IllegalStateException(
                paths.get(i) + " gave " + r.statusCode() + ": " + r.body());
          }
          return r.body().length();
        });
  }

  private interface Run {
    long run(int query) throws Exception;
  }

  /**
   * One pass to warm up, then {@link #rounds} timed passes; the nanoseconds of each timed query.
   */
  private long[] time(String what, int n, Run run) throws Exception {
    for (int i = 0; i < n; i++) {
      run.run(i);
    }
    long[] times = new long[n * rounds];
    int t = 0;
    long wall = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        run.run(i);
        times[t++] = System.nanoTime() - start;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: %,d searches in %.1f s%n",
        what,
        times.length,
        (System.nanoTime() - wall) / 1e9);
    Arrays.sort(times);
    return times;
  }

  private static void row(String label, long[] sorted) {
    System.out.printf(
        Locale.ROOT,
        "%-44s %8.1f %8.1f %8.1f %8.1f%n",
        label,
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 90) / 1e6,
        percentile(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** The nearest-rank percentile of sorted values. */
  private static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  // --- the server -----------------------------------------------------------------------------

  private Process startServer(IndexLayout layout) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(
            java,
            "-Xmx" + serverHeap,
            "--enable-native-access=ALL-UNNAMED",
            "-Dmorgue.home=" + DevMain.home(),
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "serve",
            "--index",
            layout.root().toString(),
            "--port",
            "0");
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  private static final Pattern LISTENING = Pattern.compile("at http://127\\.0\\.0\\.1:(\\d+)/");

  /**
   * Reads the server's output until it says where it listens; the rest of its output is drained.
   */
  private static int port(Process server) throws IOException {
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (out.readLine() != null) {
                      // the request log, not needed
                    }
                  } catch (IOException e) {
                    // the server stopped
                  }
                },
                "morgue-bench-drain");
        drain.setDaemon(true);
        drain.start();
        return Integer.parseInt(m.group(1));
      }
      System.out.println("server: " + line);
    }
    throw new IOException("the server stopped before it listened");
  }

  private static HttpResponse<String> get(HttpClient client, int port, String pathAndQuery)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(60))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

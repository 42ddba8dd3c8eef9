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
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.morgue.entity.ArticleEntities;
import org.morgue.entity.ArticleText;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.CoreNlpExtractor;
import org.morgue.entity.EntityExtractor;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.Mention;
import org.morgue.entity.NameTables;
import org.morgue.index.Analyzers;
import org.morgue.index.ArticleDocuments;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.index.IngestReport;
import org.morgue.index.Ingester;
import org.morgue.index.Schema;
import org.morgue.index.StoredArticles;
import org.morgue.index.StoredMentions;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue dev bench-search CORPUS.jsonl.gz}: the search API's latency over an archive of
 * 100,000 articles (or {@code --articles}), measured through HTTP with one client against a server
 * in its own JVM with a 512 MB heap, beside the same queries on bare Lucene searchers over the same
 * index: one that only counts and fetches the top ten, and one in "facet mode" ({@link
 * BareFacetSearcher}: the exact total, the top ten with a snippet each, four facets and a monthly
 * histogram over all matches, one thread). HTTP is measured with a plain kept-alive client ({@link
 * PlainHttp}). Rounds are interleaved (each round runs every way in turn) and the load average is
 * printed with them, the machine being shared. Then the server's cold start (launch to first
 * answer), its throughput at {@code --clients} concurrent clients against bare facet mode's, its
 * heap and resident set.
 *
 * <p>The archive is the corpus repeated until it holds {@code --articles} articles: repeat k has
 * its ids suffixed {@code -rk}, its dates moved k × 9 years back, and a last body paragraph naming
 * the repeat, so that the repeats are stories of their own rather than wire copies of the first. It
 * is built once in {@code --work} and reused. Its people, organisations and places come from the
 * model ({@code --entities}: slow, about an hour for 100,000) or from what the model found in an
 * archive built so before ({@code --entities-from}: the same names, no model run).
 */
@Command(
    name = "bench-search",
    mixinStandardHelpOptions = true,
    description =
        "Measures /api/search (facets, histogram, snippets) over HTTP against a bare Lucene searcher.")
public final class BenchSearchCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin BenchArchive source = new BenchArchive();

  @Option(
      names = "--server-heap",
      paramLabel = "SIZE",
      description = "The server JVM's -Xmx (default: ${DEFAULT-VALUE}).")
  String serverHeap = "512m";

  @Option(
      names = "--server-java-option",
      paramLabel = "OPTION",
      description =
          "An option for the server's JVM (repeat for more), e.g."
              + " -XX:StartFlightRecording=filename=server.jfr to profile it.")
  List<String> serverJavaOptions = new ArrayList<>();

  @Option(
      names = "--entities",
      description =
          "Build the archive with people, organisations and places (each repeat reuses the first"
              + " extraction of its text; the first pass runs the extractor).")
  boolean entities;

  @Option(
      names = "--entities-from",
      paramLabel = "DIR",
      description =
          "Build the archive from another one built before with --entities (say 100,000"
              + " articles): its original articles (ids without -r) with the people,"
              + " organisations and places the model found and Morgue resolved there, repeated"
              + " as the corpus is, written straight into the index. No model runs.")
  Path entitiesFrom;

  @Option(
      names = "--rounds",
      description =
          "Timed passes over the queries, after one to warm up (default: ${DEFAULT-VALUE}).")
  int rounds = 3;

  @Option(names = "--build-only", description = "Build (or check) the archive, measure nothing.")
  boolean buildOnly;

  @Option(
      names = "--print-queries",
      description = "Print the queries' kinds and query strings, tab-separated, and stop.")
  boolean printQueries;

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public Integer call() throws Exception {
    IndexLayout layout = source.layout();
    build(layout);
    if (buildOnly) {
      return 0;
    }
    List<BenchQueries.Typed> typed = queries(layout);
    List<String> queries = typed.stream().map(BenchQueries.Typed::query).toList();
    if (printQueries) {
      typed.forEach(q -> System.out.println(q.type() + "\t" + q.query()));
      return 0;
    }
    System.out.printf(
        Locale.ROOT,
        "%,d queries, %d timed rounds (interleaved), %s; load before: %s%n",
        queries.size(),
        rounds,
        Runtime.version(),
        load());

    primeLauncher(layout);
    long launched = System.nanoTime();
    Process server = startServer(layout);
    try {
      int port = port(server);
      coldStart(server, port, launched, queries.get(0));
      try (FSDirectory dir = FSDirectory.open(layout.lucene());
          DirectoryReader reader = DirectoryReader.open(dir);
          ArchiveSearcher morgue = ArchiveSearcher.open(layout)) {
        ArchiveSearcher inProcess = skipInProcess ? null : morgue;
        IndexSearcher plain = new IndexSearcher(reader);
        BareFacetSearcher facetMode = new BareFacetSearcher(reader, null);
        List<Parsed> parsed = new ArrayList<>();
        int same = 0;
        for (String qs : queries) {
          Parsed p = Parsed.of(qs, morgue);
          parsed.add(p);
          same += facetMode(facetMode, p) == morgue.search(p.request()).total() ? 1 : 0;
        }
        System.out.printf(
            Locale.ROOT,
            "bare facet mode runs Morgue's parsed queries: the same total as /api/search on %d of"
                + " %d queries (a page of 50 or a later page aside, the same work)%n",
            same,
            queries.size());
        Map<String, Run> ways = new java.util.LinkedHashMap<>();
        ways.put(BARE, i -> bare(plain, parsed.get(i)));
        ways.put(FACET_MODE, i -> facetMode(facetMode, parsed.get(i)));
        if (inProcess != null) {
          ways.put(IN_PROCESS, i -> inProcess.search(parsed.get(i).request()).total());
        }
        PlainHttp plainClient = new PlainHttp(port);
        ways.put(HTTP, i -> httpSearch(plainClient, queries.get(i)));
        Map<String, long[][]> times = interleaved(ways, queries.size());
        report(typed, times);
        for (int n : clients) {
          concurrent(n, "bare facet mode", parsed.size(), i -> facetMode(facetMode, parsed.get(i)));
          ThreadLocal<PlainHttp> clients = ThreadLocal.withInitial(() -> new PlainHttp(port));
          concurrent(
              n,
              "/api/search",
              queries.size(),
              i -> clients.get().get("/api/search?" + queries.get(i)).status());
        }
      }
      if (!skipOthers) {
        others(layout, port, queries);
      }
      JsonNode health = JSON.readTree(get(HttpClient.newHttpClient(), port, "/api/health").body());
      System.out.printf(
          Locale.ROOT,
          "server heap: -Xmx%s; used %s MB now, peak %s MB (sum of pool peaks) of %s MB; %s%n",
          serverHeap,
          health.path("heap").path("usedMb").asText(),
          health.path("heap").path("peakMb").asText(),
          health.path("heap").path("maxMb").asText(),
          rss(server.pid()));
      System.out.printf(Locale.ROOT, "load after: %s%n", load());
    } finally {
      server.destroy();
      server.waitFor(10, TimeUnit.SECONDS);
    }
    return 0;
  }

  @Option(
      names = "--skip-in-process",
      description = "Do not time Morgue's searcher in the benchmark's JVM (without HTTP and JSON).")
  boolean skipInProcess;

  @Option(
      names = "--skip-others",
      description = "Do not time /api/compare, /api/entities and /api/matrix.")
  boolean skipOthers;

  @Option(
      names = "--clients",
      split = ",",
      paramLabel = "N",
      description =
          "Concurrent clients of the throughput runs, bare facet mode and /api/search each"
              + " (default: ${DEFAULT-VALUE}; 0 for none).")
  List<Integer> clients = List.of(8, 50);

  @Option(
      names = "--seconds",
      description = "How long each throughput run lasts (default: ${DEFAULT-VALUE}).")
  int seconds = 15;

  static final String BARE = "bare Lucene (top 10 and count, no facets)";
  static final String FACET_MODE = "bare facet mode";
  static final String IN_PROCESS = "ArchiveSearcher in process";
  static final String HTTP = "/api/search over HTTP, one client";

  /** The 1, 5 and 15 minute load averages (other work on the machine skews every number). */
  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** A process's resident set now and at its peak, from /proc (Linux). */
  static String rss(long pid) {
    try {
      String now = "?";
      String peak = "?";
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          now = line.substring(6).strip();
        } else if (line.startsWith("VmHWM:")) {
          peak = line.substring(6).strip();
        }
      }
      return "RSS " + now + ", peak " + peak;
    } catch (IOException e) {
      return "RSS unknown";
    }
  }

  /**
   * The server's cold start: from launch to listening, to the first search's answer (sent as soon
   * as it listens), and to {@code /api/health} saying ready.
   */
  private static void coldStart(Process server, int port, long launched, String first)
      throws Exception {
    long listening = System.nanoTime();
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    long sent = System.nanoTime();
    HttpResponse<String> r = get(client, port, "/api/search?" + first);
    long answered = System.nanoTime();
    long ready = -1;
    for (int i = 0; i < 1200; i++) {
      if (JSON.readTree(get(client, port, "/api/health").body()).path("ready").asBoolean(true)) {
        ready = System.nanoTime();
        break;
      }
      Thread.sleep(50);
    }
    System.out.printf(
        Locale.ROOT,
        "cold start: listening %.2f s after launch; first search (%s, %d) answered %.2f s after"
            + " launch, itself %.0f ms; ready %s; %s%n",
        (listening - launched) / 1e9,
        first,
        r.statusCode(),
        (answered - launched) / 1e9,
        (answered - sent) / 1e6,
        ready < 0
            ? "not within 60 s"
            : String.format(Locale.ROOT, "%.2f s after launch", (ready - launched) / 1e9),
        rss(server.pid()));
  }

  private void others(IndexLayout layout, int port, List<String> queries) throws Exception {
    long[] compare = httpPaths("compare", port, comparePaths(queries));
    long[] entity = httpPaths("entity", port, entityPaths(layout));
    long[] matrix = httpPaths("matrix", port, matrixPaths(queries));
    System.out.printf(
        Locale.ROOT,
        "%-44s %8s %8s %8s %8s %8s%n",
        "",
        "p50 ms",
        "p90 ms",
        "p95 ms",
        "p99 ms",
        "max ms");
    row("/api/compare, 8 series, over HTTP", compare);
    row("/api/entities/{dim}/{name} over HTTP", entity);
    row("/api/matrix 10 x 10 over HTTP", matrix);
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
  }

  // --- the archive ----------------------------------------------------------------------------

  /**
   * The benchmark archive of {@code source}: built as {@code bench-search} builds it, or reused
   * when it is there, so that other benchmarks measure the same archive.
   */
  static IndexLayout archive(BenchArchive source, boolean entities) throws IOException {
    BenchSearchCommand bench = new BenchSearchCommand();
    bench.source = source;
    bench.entities = entities;
    IndexLayout layout = source.layout();
    bench.build(layout);
    return layout;
  }

  private void build(IndexLayout layout) throws IOException {
    if (layout.hasIndex()) {
      try (FSDirectory dir = FSDirectory.open(layout.lucene());
          DirectoryReader r = DirectoryReader.open(dir)) {
        if (r.numDocs() >= source.articles) {
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
    Files.createDirectories(source.work);
    if (entitiesFrom != null) {
      try {
        buildFrom(layout, new IndexLayout(entitiesFrom));
      } catch (IOException | RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("cannot build the archive: " + e, e);
      }
      return;
    }
    Path repeated = source.work.resolve("repeated.jsonl.gz");
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

  /**
   * Builds the archive from {@code source}, an archive built before with {@code --entities}: its
   * original articles (ids without a {@code -r} suffix), each with the entities stored there (what
   * the model found and how Morgue resolved it against that archive), repeated as {@link #repeat}
   * repeats the corpus (ids suffixed {@code -rk}, dates k × 9 years back, a closing "Archive repeat
   * k." paragraph, which leaves the mentions' offsets as they were), written with Morgue's own
   * documents ({@link ArticleDocuments}) and the ingest's writer configuration, on every core. Wire
   * copies are marked as the ingest marks them (the first id of a fingerprint is the original). An
   * article's name facts are computed once, from its first date, and kept for its repeats: they
   * feed name resolution, not search.
   */
  private void buildFrom(IndexLayout layout, IndexLayout source) throws Exception {
    long t0 = System.nanoTime();
    List<org.morgue.article.Article> originals = new ArrayList<>();
    List<ArticleEntities> found = new ArrayList<>();
    List<java.util.Set<String>> facts = new ArrayList<>();
    EntityFinder finder =
        new EntityFinder(text -> List.of(), NameTables.shipped(), AuthorityFile.EMPTY, true);
    try (FSDirectory dir = FSDirectory.open(source.lucene());
        DirectoryReader r = DirectoryReader.open(dir)) {
      StoredFields stored = r.storedFields();
      org.apache.lucene.util.Bits live = org.apache.lucene.index.MultiBits.getLiveDocs(r);
      for (int d = 0; d < r.maxDoc(); d++) {
        if (live != null && !live.get(d)) {
          continue;
        }
        org.apache.lucene.document.Document doc = stored.document(d);
        if (doc.get(Fields.ID).matches(".*-r\\d+")) {
          continue;
        }
        org.morgue.article.Article a = StoredArticles.article(doc);
        String mentions = doc.get(Fields.MENTIONS);
        List<Mention> seen = StoredMentions.decodeFound(mentions);
        originals.add(a);
        found.add(ArticleEntities.of(seen, StoredMentions.decode(mentions)));
        facts.add(finder.facts(ArticleText.of(a, doc.get(Fields.COPY_OF) != null), seen));
      }
    }
    originals.sort(java.util.Comparator.comparing(org.morgue.article.Article::id));
    System.out.printf(
        Locale.ROOT,
        "source: %,d original articles with their entities from %s%n",
        originals.size(),
        source.root());
    ArticleDocuments documents = new ArticleDocuments(Schema.facetsConfig());
    Map<String, String> firstOfPrint = new java.util.concurrent.ConcurrentHashMap<>();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(
            Runtime.getRuntime().availableProcessors());
    java.util.concurrent.Semaphore inFlight = new java.util.concurrent.Semaphore(256);
    java.util.concurrent.atomic.AtomicReference<Exception> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    long n = 0;
    try (FSDirectory dir = FSDirectory.open(layout.lucene());
        org.apache.lucene.index.IndexWriter writer =
            new org.apache.lucene.index.IndexWriter(
                dir, Ingester.writerConfig(Ingester.Options.defaults()))) {
      for (int k = 0; n < this.source.articles; k++) {
        for (int i = 0; i < originals.size() && n < this.source.articles; i++, n++) {
          org.morgue.article.Article a = repeatOf(originals.get(i), k);
          ArticleEntities entities = found.get(i);
          java.util.Set<String> itsFacts = facts.get(i);
          inFlight.acquireUninterruptibly();
          pool.execute(
              () -> {
                try {
                  String print = org.morgue.index.Fingerprints.fingerprint(a);
                  String first = firstOfPrint.putIfAbsent(print, a.id());
                  ArticleDocuments.Extra extra =
                      new ArticleDocuments.Extra(
                          print,
                          first,
                          org.morgue.index.Fingerprints.contentHash(a, "entities"),
                          "bench");
                  writer.addDocument(documents.toDocument(a, extra, entities, itsFacts));
                } catch (Exception e) {
                  failed.compareAndSet(null, e);
                } finally {
                  inFlight.release();
                }
              });
        }
        if (failed.get() != null) {
          throw failed.get();
        }
      }
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.DAYS);
      if (failed.get() != null) {
        throw failed.get();
      }
      writer.setLiveCommitData(
          Map.of("morgue.lastIngest", java.time.Instant.now().toString()).entrySet());
      writer.commit();
    }
    System.out.printf(
        Locale.ROOT,
        "archive: %s, %,d articles written; built in %.0f s, %.0f MB%n",
        layout.root(),
        n,
        (System.nanoTime() - t0) / 1e9,
        layout.indexBytes() / 1e6);
  }

  /** Repeat {@code k} of an article, as {@link #repeat} writes it (repeat 0 is the article). */
  private static org.morgue.article.Article repeatOf(org.morgue.article.Article a, int k) {
    if (k == 0) {
      return a;
    }
    List<String> body = new ArrayList<>(a.body());
    body.add("Archive repeat " + k + ".");
    return new org.morgue.article.Article(
        a.id() + "-r" + k,
        a.date() == null ? null : a.date().minusYears(9L * k),
        a.section(),
        a.title(),
        a.lede(),
        a.authors(),
        body,
        a.source(),
        a.url());
  }

  /** Writes the corpus repeated to {@code articles} records; returns how many. */
  private long repeat(Path out) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(open(source.corpus), StandardCharsets.UTF_8))) {
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
      for (int k = 0; n < source.articles; k++) {
        for (String line : lines) {
          if (n == source.articles) {
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
  private static List<BenchQueries.Typed> queries(IndexLayout layout) throws IOException {
    try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
      Map<String, List<SearchResult.FacetValue>> facets = s.search(SearchRequest.of("")).facets();
      return BenchQueries.typed(
          values(facets, Fields.SECTION),
          values(facets, Fields.SOURCE),
          values(facets, Fields.AUTHOR));
    }
  }

  private static List<String> values(
      Map<String, List<SearchResult.FacetValue>> facets, String dim) {
    return facets.get(dim).stream().map(SearchResult.FacetValue::value).toList();
  }

  // --- the ways ---------------------------------------------------------------------------------

  /**
   * A query string as the API reads it, and the bare searchers' queries, order and page.
   *
   * @param query Lucene's classic parser's query (no stemming), for the plain bare searcher
   * @param same Morgue's own parsed query ({@link ArchiveSearcher#luceneQuery}), for facet mode:
   *     the same matches as {@code /api/search}
   */
  record Parsed(SearchRequest request, Query query, Query same, Sort sort, int skip, int n) {
    static Parsed of(String queryString, ArchiveSearcher morgue) throws Exception {
      SearchRequest r = SearchParameters.parse(SearchParameters.decode(queryString)).request();
      return new Parsed(
          r, bareQuery(r), morgue.luceneQuery(r), bareSort(r), (r.page() - 1) * r.size(), r.size());
    }
  }

  /**
   * The baseline: Lucene's classic parser over title, lede and body with the index analyzer (no
   * stemming), the same date range, filters and exclusions as plain clauses, the same order; the
   * top ten with their stored fields and the exact count. No facets, histogram, snippets or copies.
   */
  private static long bare(IndexSearcher searcher, Parsed p) throws IOException {
    TopFieldDocs top =
        searcher.search(
            p.query(),
            new TopFieldCollectorManager(p.sort(), p.skip() + p.n(), null, Integer.MAX_VALUE));
    StoredFields stored = searcher.storedFields();
    for (int d = p.skip(); d < top.scoreDocs.length; d++) {
      stored.document(top.scoreDocs[d].doc);
    }
    return top.totalHits.value();
  }

  /** Morgue's parsed query in {@link BareFacetSearcher facet mode}. */
  private static long facetMode(BareFacetSearcher searcher, Parsed p) throws IOException {
    return searcher.search(p.same(), p.sort(), p.skip(), p.n()).total();
  }

  private static long httpSearch(PlainHttp client, String query) throws Exception {
    PlainHttp.Answer r = client.get("/api/search?" + query);
    if (r.status() != 200) {
      throw new IllegalStateException(
          query + " gave " + r.status() + ": " + new String(r.body(), StandardCharsets.UTF_8));
    }
    return r.body().length;
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
   * One pass of each way to warm up, then {@link #rounds} timed rounds, each a pass of every way in
   * turn (so that other work on the machine falls on all of them alike); for each way the
   * nanoseconds of each query in each round, {@code [query][round]}.
   */
  private Map<String, long[][]> interleaved(Map<String, Run> ways, int n) throws Exception {
    Map<String, long[][]> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Run> w : ways.entrySet()) {
      for (int i = 0; i < n; i++) {
        w.getValue().run(i);
      }
      out.put(w.getKey(), new long[n][rounds]);
    }
    Map<String, Long> wall = new java.util.LinkedHashMap<>();
    for (int round = 0; round < rounds; round++) {
      for (Map.Entry<String, Run> w : ways.entrySet()) {
        long[][] times = out.get(w.getKey());
        long began = System.nanoTime();
        for (int i = 0; i < n; i++) {
          long start = System.nanoTime();
          w.getValue().run(i);
          times[i][round] = System.nanoTime() - start;
        }
        wall.merge(w.getKey(), System.nanoTime() - began, Long::sum);
      }
      System.out.printf(Locale.ROOT, "round %d done, load %s%n", round + 1, load());
    }
    wall.forEach(
        (w, ns) ->
            System.out.printf(
                Locale.ROOT, "%s: %,d searches in %.1f s%n", w, n * rounds, ns / 1e9));
    return out;
  }

  /** The times of the queries {@code which} (all rounds), sorted. */
  private static long[] sorted(long[][] times, java.util.function.IntPredicate which) {
    List<Long> all = new ArrayList<>();
    for (int i = 0; i < times.length; i++) {
      if (which.test(i)) {
        for (long t : times[i]) {
          all.add(t);
        }
      }
    }
    return all.stream().mapToLong(Long::longValue).sorted().toArray();
  }

  /**
   * Prints the ways' percentiles over all queries, then bare facet mode against /api/search by kind
   * of query, with the ratios, then the targets.
   */
  private static void report(List<BenchQueries.Typed> typed, Map<String, long[][]> times) {
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-44s %8s %8s %8s %8s %8s%n",
        "all queries",
        "p50 ms",
        "p90 ms",
        "p95 ms",
        "p99 ms",
        "max ms");
    times.forEach((way, t) -> row(way, sorted(t, i -> true)));
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-10s %4s | %-22s | %-22s | %s%n",
        "kind",
        "n",
        "bare facet p50/p95/p99",
        "/api/search p50/95/99",
        "ratio p50 / p95 / p99");
    List<String> kinds = new ArrayList<>();
    typed.forEach(
        q -> {
          if (!kinds.contains(q.type())) {
            kinds.add(q.type());
          }
        });
    kinds.add("all");
    for (String kind : kinds) {
      java.util.function.IntPredicate of =
          i -> kind.equals("all") || typed.get(i).type().equals(kind);
      long[] bare = sorted(times.get(FACET_MODE), of);
      long[] http = sorted(times.get(HTTP), of);
      System.out.printf(
          Locale.ROOT,
          "%-10s %4d | %6.1f %6.1f %6.1f   | %6.1f %6.1f %6.1f   | %.2fx / %.2fx / %.2fx%n",
          kind,
          bare.length / times.get(HTTP)[0].length,
          percentile(bare, 50) / 1e6,
          percentile(bare, 95) / 1e6,
          percentile(bare, 99) / 1e6,
          percentile(http, 50) / 1e6,
          percentile(http, 95) / 1e6,
          percentile(http, 99) / 1e6,
          (double) percentile(http, 50) / percentile(bare, 50),
          (double) percentile(http, 95) / percentile(bare, 95),
          (double) percentile(http, 99) / percentile(bare, 99));
    }
    long[] bare = sorted(times.get(FACET_MODE), i -> true);
    long[] http = sorted(times.get(HTTP), i -> true);
    System.out.printf(
        Locale.ROOT,
        "targets: /api/search p50 <= 8 ms (%s), p99 <= 40 ms (%s); ratio to bare facet mode p50"
            + " <= 1.7x (%s), p99 <= 1.5x (%s)%n",
        percentile(http, 50) <= 8_000_000 ? "met" : "missed",
        percentile(http, 99) <= 40_000_000 ? "met" : "missed",
        percentile(http, 50) <= 1.7 * percentile(bare, 50) ? "met" : "missed",
        percentile(http, 99) <= 1.5 * percentile(bare, 99) ? "met" : "missed");
  }

  /**
   * {@code n} clients, each running the queries in turn from its own starting point for {@link
   * #seconds}: requests per second and the latency of all of them (a refusal, 503, counted apart).
   */
  private void concurrent(int n, String what, int queries, Run run) throws Exception {
    if (n <= 0) {
      return;
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    List<List<Long>> latencies = new ArrayList<>();
    java.util.concurrent.atomic.AtomicLong refused = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicReference<Exception> failed =
        new java.util.concurrent.atomic.AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    long began = System.nanoTime();
    for (int c = 0; c < n; c++) {
      List<Long> mine = new ArrayList<>();
      latencies.add(mine);
      int first = c * queries / n;
      Thread t =
          new Thread(
              () -> {
                try {
                  for (int i = first; System.nanoTime() < end; i = (i + 1) % queries) {
                    long start = System.nanoTime();
                    long status = run.run(i);
                    mine.add(System.nanoTime() - start);
                    if (status == 503) {
                      refused.incrementAndGet();
                    }
                  }
                } catch (Exception e) {
                  failed.compareAndSet(null, e);
                }
              },
              "bench-client-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    if (failed.get() != null) {
      throw failed.get();
    }
    double wall = (System.nanoTime() - began) / 1e9;
    long[] all =
        latencies.stream().flatMap(List::stream).mapToLong(Long::longValue).sorted().toArray();
    System.out.printf(
        Locale.ROOT,
        "%d clients, %-16s %7.1f requests/s, p50 %6.1f ms, p99 %7.1f ms, max %7.1f ms, %d refused"
            + " (503); load %s%n",
        n,
        what + ":",
        all.length / wall,
        percentile(all, 50) / 1e6,
        percentile(all, 99) / 1e6,
        all[all.length - 1] / 1e6,
        refused.get(),
        load());
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
        "%-44s %8.1f %8.1f %8.1f %8.1f %8.1f%n",
        label,
        percentile(sorted, 50) / 1e6,
        percentile(sorted, 90) / 1e6,
        percentile(sorted, 95) / 1e6,
        percentile(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }

  /** The nearest-rank percentile of sorted values (the benchmarks' one definition). */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  // --- the server -----------------------------------------------------------------------------

  /**
   * The server as a user starts it: {@code ./morgue serve}, through the launcher (its JDK, its jar
   * and its class-data archive), with {@code MORGUE_JAVA_OPTS} for the heap and the options given.
   */
  private Process startServer(IndexLayout layout) throws IOException {
    List<String> command =
        List.of(
            DevMain.home().resolve("morgue").toString(),
            "serve",
            "--index",
            layout.root().toString(),
            "--port",
            "0");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    List<String> options = new ArrayList<>(List.of("-Xmx" + serverHeap));
    options.addAll(serverJavaOptions);
    pb.environment().put("MORGUE_JAVA_OPTS", String.join(" ", options));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    return pb.start();
  }

  /**
   * Starts and stops the server once before the cold start is timed, as any earlier run of {@code
   * ./morgue serve} would: the launcher's class-data archive is written when a server of this build
   * first stops, and read by every later start.
   */
  private void primeLauncher(IndexLayout layout) throws Exception {
    Process server = startServer(layout);
    try {
      int port = port(server);
      // a session as a user's: a search, and the server left to warm (the archive then holds the
      // classes a search loads); this JVM's HTTP client loaded, so the cold start times the server
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      get(client, port, "/api/search?q=archive");
      for (int i = 0; i < 600; i++) {
        if (JSON.readTree(get(client, port, "/api/health").body()).path("ready").asBoolean(true)) {
          break;
        }
        Thread.sleep(100);
      }
    } finally {
      server.destroy(); // SIGTERM: the JVM stops as on Ctrl-C and writes the archive
      if (!server.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
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

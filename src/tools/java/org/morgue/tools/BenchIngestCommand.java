package org.morgue.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.morgue.article.ArticleFiles;
import org.morgue.article.ReadEvent;
import org.morgue.index.IndexLayout;
import org.morgue.index.IngestReport;
import org.morgue.index.Ingester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code morgue dev bench-ingest FILE}: the ingest against a bare Lucene indexing loop over the
 * same articles, same reader, same threads, in one run. Run it with the heap to be measured, e.g.
 * {@code MORGUE_JAVA_OPTS=-Xmx512m ./morgue dev bench-ingest news.jsonl.gz}.
 */
@Command(
    name = "bench-ingest",
    mixinStandardHelpOptions = true,
    description =
        "Measures the ingest against a bare Lucene loop (one StandardAnalyzer field) over the same input.")
public final class BenchIngestCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to index.")
  List<Path> paths;

  @Option(
      names = "--threads",
      description = "Indexing threads for both (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--rounds",
      description =
          "Timed rounds of each, alternating; the best counts (default: ${DEFAULT-VALUE}).")
  int rounds = 2;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "Scratch folder (default: a temporary one, deleted after).")
  Path work;

  @Override
  public Integer call() throws Exception {
    Path scratch =
        work != null ? Files.createDirectories(work) : Files.createTempDirectory("morgue-bench");
    long inputBytes = 0;
    for (Path p : ArticleFiles.list(paths)) {
      inputBytes += Files.size(p);
    }
    System.out.printf(
        Locale.ROOT,
        "input: %s (%.1f MB on disk), %d threads, Java %s%n",
        paths,
        inputBytes / 1e6,
        threads,
        Runtime.version());
    double bestBare = 0;
    double bestMorgue = 0;
    long bareBytes = 0;
    long morgueBytes = 0;
    long articles = 0;
    try {
      for (int round = 1; round <= rounds; round++) {
        Path bareDir = scratch.resolve("bare-" + round);
        long t0 = System.nanoTime();
        long c0 = cpuNanos();
        long n = bare(bareDir);
        double bareRate = n / ((System.nanoTime() - t0) / 1e9);
        double bareCpu = (cpuNanos() - c0) / 1e9;
        bareBytes = size(bareDir);

        IndexLayout layout = new IndexLayout(scratch.resolve("morgue-" + round));
        t0 = System.nanoTime();
        c0 = cpuNanos();
        IngestReport report;
        try (Ingester ingester =
            new Ingester(
                layout,
                Ingester.Options.defaults()
                    .withThreads(threads)
                    .withCommitInterval(Duration.ofSeconds(10)))) {
          report = ingester.ingest(paths, Ingester.Progress.NONE);
        }
        double morgueRate = report.read() / ((System.nanoTime() - t0) / 1e9);
        double morgueCpu = (cpuNanos() - c0) / 1e9;
        morgueBytes = layout.indexBytes();
        articles = report.read();
        System.out.printf(
            Locale.ROOT,
            "round %d: bare Lucene %,.0f articles/s (%,d, %.1f CPU s), Morgue ingest %,.0f articles/s (%,d read, %,d indexed, %.1f CPU s): ratio %.2f, CPU ratio %.2f%n",
            round,
            bareRate,
            n,
            bareCpu,
            morgueRate,
            report.read(),
            report.docsInIndex(),
            morgueCpu,
            morgueRate / bareRate,
            bareCpu / morgueCpu);
        bestBare = Math.max(bestBare, bareRate);
        bestMorgue = Math.max(bestMorgue, morgueRate);
        delete(bareDir);
        delete(layout.root());
      }
    } finally {
      if (work == null) {
        delete(scratch);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "best: bare Lucene %,.0f articles/s, Morgue %,.0f articles/s, ratio %.2f (target >= 0.70)%n",
        bestBare,
        bestMorgue,
        bestMorgue / bestBare);
    System.out.printf(
        Locale.ROOT,
        "index size: Morgue %.1f MB, bare %.1f MB, input %.1f MB on disk (%,d articles)%n",
        morgueBytes / 1e6,
        bareBytes / 1e6,
        inputBytes / 1e6,
        articles);
    System.out.printf(
        Locale.ROOT,
        "heap: %s; old generation peak %d MB%n",
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter(a -> a.startsWith("-Xmx"))
            .findFirst()
            .orElse("default -Xmx"),
        oldGenPeak() >> 20);
    return 0;
  }

  /** The baseline: the same reader and threading, one StandardAnalyzer text field and the id. */
  private long bare(Path dir) throws Exception {
    AtomicLong count = new AtomicLong();
    // Lucene's defaults, as a bare loop has them; BARE_TUNED gives it Morgue's writer settings too
    IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer());
    if (Boolean.getBoolean("morgue.bench.bareTuned")) {
      config.setRAMBufferSizeMB(Ingester.Options.defaults().ramBufferMb());
      config.setUseCompoundFile(false);
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Semaphore inFlight = new Semaphore(threads * 64);
    try (FSDirectory d = FSDirectory.open(dir);
        IndexWriter w = new IndexWriter(d, config)) {
      new ArticleFiles()
          .read(
              paths,
              event -> {
                if (event instanceof ReadEvent.Parsed p) {
                  inFlight.acquireUninterruptibly();
                  pool.execute(
                      () -> {
                        try {
                          Document doc = new Document();
                          doc.add(new StringField("id", p.article().id(), Field.Store.YES));
                          doc.add(
                              new TextField(
                                  "text",
                                  p.article().title() + "\n" + p.article().bodyText(),
                                  Field.Store.NO));
                          w.addDocument(doc);
                          count.incrementAndGet();
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        } finally {
                          inFlight.release();
                        }
                      });
                }
              });
      pool.shutdown();
      pool.awaitTermination(1, TimeUnit.HOURS);
      w.commit();
    }
    return count.get();
  }

  /** CPU time of this process, all threads: steadier than wall time on a shared machine. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * The peak of the heap's old generation: what stays live (young pools fill and empty all the
   * time).
   */
  private static long oldGenPeak() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      String name = pool.getName();
      if (pool.getType() == MemoryType.HEAP
          && (name.contains("Old") || name.contains("Tenured"))
          && pool.getPeakUsage() != null) {
        peak = Math.max(peak, pool.getPeakUsage().getUsed());
      }
    }
    return peak;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

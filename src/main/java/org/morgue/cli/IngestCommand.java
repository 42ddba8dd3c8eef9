package org.morgue.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.morgue.article.ArticleFiles;
import org.morgue.index.IngestReport;
import org.morgue.index.Ingester;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code morgue ingest PATH...}: reads article files into the archive. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Reads article files into the archive: house-format .txt, JSON Lines .jsonl/.ndjson, each maybe"
          + " .gz; folders are walked. Ingesting again is safe: unchanged articles are skipped, changed"
          + " ones replaced. Problems are listed in a rejects report under the archive's reports/.",
    })
public final class IngestCommand implements Callable<Integer> {
  @Mixin IndexOption index = new IndexOption();
  @Mixin BackendOption backend = new BackendOption();

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to read.")
  List<Path> paths;

  @Option(
      names = "--threads",
      description = "Indexing threads (default: one a core, ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = "--commit-every",
      paramLabel = "SECONDS",
      description =
          "Commit at least this often, so a killed ingest keeps its work (default: ${DEFAULT-VALUE}).")
  double commitEvery = 10;

  @Option(
      names = "--rejects",
      paramLabel = "FILE",
      description = "Where to write the rejects report (TSV).")
  Path rejects;

  @Option(names = "--quiet", description = "No progress line.")
  boolean quiet;

  @Option(
      names = "--no-entities",
      description = "Do not extract people, organisations and places (faster).")
  boolean noEntities;

  @Option(
      names = "--no-demonyms",
      description = "Do not count demonyms (\"Azerbaijani\") as places.")
  boolean noDemonyms;

  @Override
  public Integer call() throws IOException {
    if (threads < 1) {
      throw new IllegalArgumentException("--threads must be 1 or more, not " + threads);
    }
    if (!(commitEvery > 0)) {
      throw new IllegalArgumentException("--commit-every must be more than 0 seconds");
    }
    String names = System.getProperty("sun.jnu.encoding", "");
    if (!names.equalsIgnoreCase("UTF-8")) {
      System.err.println(
          "morgue: file names are read as "
              + names
              + ", not UTF-8 (the locale): names that are not ASCII will be rejected; run through"
              + " ./morgue, or under a UTF-8 locale (LC_ALL=C.UTF-8)");
    }
    Ingester.Options options =
        Ingester.Options.defaults()
            .withThreads(threads)
            .withCommitInterval(Duration.ofMillis((long) (commitEvery * 1000)))
            .withEntities(noEntities ? null : index.entityFinder(!noDemonyms));
    List<String> unreadable = nothingToRead(paths);
    if (!unreadable.isEmpty()) {
      for (String why : unreadable) {
        System.err.println("morgue: " + why);
      }
      System.err.println(
          "morgue: nothing to read, so nothing was ingested"
              + (index.layout().hasIndex() ? "" : " and no archive was created"));
      return 1;
    }
    boolean toCluster = backend.isOpenSearch();
    IngestReport report = run(index, paths, options, quiet, rejects, System.out, System.err);
    if (report.read() == 0 && report.rejected() > 0) {
      System.err.println("morgue: no article could be read; see the problems above");
      return 1;
    }
    if (toCluster) {
      return MigrateCommand.sync(index.requireIndex(), backend, 1, 0, 500, 2, quiet);
    }
    return 0;
  }

  /**
   * Why none of the inputs can give an article, one sentence an input; empty when one can: a file
   * that exists and is of a type Morgue reads, or a folder that holds one (not hidden).
   */
  static List<String> nothingToRead(List<Path> paths) {
    List<String> why = new java.util.ArrayList<>();
    for (Path p : paths) {
      if (java.nio.file.Files.isDirectory(p)) {
        if (!ArticleFiles.list(List.of(p)).isEmpty()) {
          return List.of();
        }
        why.add(p + ": the folder holds no .txt, .jsonl or .ndjson file (optionally .gz)");
      } else if (!java.nio.file.Files.exists(p)) {
        why.add(p + ": no such file or folder");
      } else if (ArticleFiles.formatOf(p) == null) {
        why.add(p + ": not a .txt, .jsonl or .ndjson file (optionally .gz)");
      } else {
        return List.of();
      }
    }
    return why;
  }

  /** Runs an ingest and prints its summary; shared with {@code demo}. */
  static IngestReport run(
      IndexOption index,
      List<Path> paths,
      Ingester.Options options,
      boolean quiet,
      Path rejects,
      PrintStream out,
      PrintStream err)
      throws IOException {
    ProgressLine progress =
        quiet || !Terminal.isInteractive() ? null : new ProgressLine(err, paths);
    IngestReport report;
    try (Ingester ingester = open(index, options)) {
      if (System.getProperty("morgue.announceCommits") != null) {
        ingester.onCommit(n -> out.println("committed " + n));
      }
      report = ingester.ingest(paths, progress == null ? Ingester.Progress.NONE : progress);
      if (progress != null) {
        progress.close();
        progress = null;
      }
      resolveAcrossArchive(ingester, options, report, out);
    } finally {
      if (progress != null) {
        progress.close();
      }
    }
    out.print(report.summary());
    if (!report.problems().isEmpty()) {
      Path file =
          rejects != null
              ? rejects
              : index
                  .layout()
                  .reports()
                  .resolve(
                      "ingest-"
                          + LocalDateTime.now()
                              .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT))
                          + ".tsv");
      report.writeProblems(file);
      int shown = 0;
      for (IngestReport.Problem p : report.problems()) {
        if (p.reason().rejects() && shown++ < 10) {
          err.println("rejected " + p.where() + ": " + p.reason().label() + ": " + p.detail());
        }
      }
      if (report.rejected() > shown) {
        err.println("... and " + (report.rejected() - Math.min(shown, 10)) + " more");
      }
      out.println("problems listed in " + file);
    }
    return report;
  }

  /**
   * After an ingest that wrote a tenth of the archive or more, names are resolved again across the
   * whole archive: the articles read early in the run were resolved against statistics that did not
   * yet hold the later ones. A small daily ingest barely moves the statistics and skips this.
   */
  private static void resolveAcrossArchive(
      Ingester ingester, Ingester.Options options, IngestReport report, PrintStream out)
      throws IOException {
    long written = report.added() + report.replaced();
    if (options.entities() == null || written == 0 || written * 10 < report.docsInIndex()) {
      return;
    }
    long start = System.nanoTime();
    Ingester.Recanonicalized r = ingester.recanonicalize(options.entities());
    out.printf(
        Locale.ROOT,
        "names resolved across the archive: %,d articles changed, in %.1f s%n",
        r.changed(),
        (System.nanoTime() - start) / 1e9);
  }

  private static Ingester open(IndexOption index, Ingester.Options options) throws IOException {
    try {
      return new Ingester(index.layout(), options);
    } catch (org.apache.lucene.store.LockObtainFailedException e) {
      throw new IOException(
          "another ingest is writing to " + index.layout().root() + "; wait for it to end", e);
    }
  }

  /**
   * The rate of the last {@value #WINDOW_SECONDS} seconds (or since the start, before that much
   * time has passed): a first estimate of the time left is not dragged by the start's slow seconds
   * (the model loading, the first commit), and later ones follow the rate as it changes.
   */
  static final class RecentRate {
    static final int WINDOW_SECONDS = 10;
    private final java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>();

    /** Records that {@code read} articles were done at {@code nanos}. */
    void add(long nanos, long read) {
      samples.addLast(new long[] {nanos, read});
      while (samples.size() > 2
          && nanos - samples.peekFirst()[0] > WINDOW_SECONDS * 1_000_000_000L) {
        samples.removeFirst();
      }
    }

    /** Articles a second over the window; 0 before two samples. */
    double perSecond() {
      if (samples.size() < 2) {
        return 0;
      }
      long[] first = samples.peekFirst();
      long[] last = samples.peekLast();
      double secs = (last[0] - first[0]) / 1e9;
      return secs <= 0 ? 0 : (last[1] - first[1]) / secs;
    }
  }

  /** A progress line on the terminal: done of total, articles/s, time left. */
  static final class ProgressLine implements Ingester.Progress, AutoCloseable {
    private final PrintStream err;
    private final long start = System.nanoTime();
    private final RecentRate recent = new RecentRate();
    private volatile long total = -1;
    private long lastPrint;
    private boolean printed;

    ProgressLine(PrintStream err, List<Path> paths) {
      this.err = err;
      recent.add(start, 0);
      Thread counter = new Thread(() -> total = ArticleFiles.countArticles(paths), "morgue-count");
      counter.setDaemon(true);
      counter.start();
    }

    @Override
    public void update(long read, IngestReport report) {
      long now = System.nanoTime();
      if (now - lastPrint < 250_000_000L) {
        return;
      }
      lastPrint = now;
      recent.add(now, read);
      double rate = recent.perSecond();
      long t = total;
      String of = t > 0 ? String.format(Locale.ROOT, " of %,d", t) : "";
      String left = t > 0 && rate > 0 ? ", " + clock((long) ((t - read) / rate)) + " left" : "";
      err.print(
          String.format(Locale.ROOT, "\r%,d%s articles, %,.0f/s%s    ", read, of, rate, left));
      printed = true;
    }

    private static String clock(long seconds) {
      seconds = Math.max(0, seconds);
      return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    @Override
    public void close() {
      if (printed) {
        err.print("\r" + " ".repeat(70) + "\r");
      }
    }
  }
}

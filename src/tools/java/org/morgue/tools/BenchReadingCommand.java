package org.morgue.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.morgue.index.IndexLayout;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.BatchTable;
import org.morgue.search.Concordance;
import org.morgue.search.DistinctiveTerms;
import org.morgue.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue dev bench-reading CORPUS.jsonl.gz}: the reading tools of the query language over
 * {@code bench-search}'s archive of 100,000 articles (built by it, or reused), in process, each
 * against its target: a concordance page of 50 lines and the distinctive terms of a search of about
 * 10,000 articles at p99 ≤ 500 ms, a batch of 100 searches by year under 10 s.
 *
 * <p>The concordance pages are the first 50 lines, in article order and sorted by the word after
 * the match, of words, phrases and operator queries of every size; the distinctive terms those of
 * the fixed words ({@link BenchQueries#WORDS}) that find 5,000 to 20,000 articles; the batch is the
 * fixed words, pairs and phrases, 100 lines.
 */
@Command(
    name = "bench-reading",
    mixinStandardHelpOptions = true,
    description =
        "Measures the concordance, the distinctive terms and a batch of 100 searches over"
            + " bench-search's archive.")
public final class BenchReadingCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin BenchArchive source = new BenchArchive();

  @Option(
      names = "--rounds",
      description =
          "Timed passes over each measure, after one to warm up (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Option(
      names = "--only",
      paramLabel = "WHAT",
      description = "Only one measure: concordance, terms or batch.")
  String only;

  @Override
  public Integer call() throws Exception {
    IndexLayout layout = BenchSearchCommand.archive(source, false);
    System.out.printf(
        Locale.ROOT, "%d timed rounds after one to warm up; %s%n", rounds, Runtime.version());
    List<String> results = new ArrayList<>();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      if (only == null || only.startsWith("concordance")) {
        results.add(concordance(searcher));
      }
      if (only == null || only.startsWith("terms")) {
        results.add(terms(searcher));
      }
      if (only == null || only.equals("batch")) {
        results.add(batch(searcher));
      }
    }
    System.out.println();
    results.forEach(System.out::println);
    return 0;
  }

  private interface Run {
    void run(int i) throws Exception;
  }

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Each run's elapsed and CPU nanoseconds (the work runs in the calling thread), sorted. */
  private record Times(long[] wall, long[] cpu) {}

  /** One pass to warm up, then {@link #rounds} timed ones. */
  private Times time(int n, Run run) throws Exception {
    for (int i = 0; i < n; i++) {
      run.run(i);
    }
    long[] wall = new long[n * rounds];
    long[] cpu = new long[n * rounds];
    int t = 0;
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < n; i++) {
        long start = System.nanoTime();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        run.run(i);
        cpu[t] = THREADS.getCurrentThreadCpuTime() - cpuStart;
        wall[t++] = System.nanoTime() - start;
      }
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Times(wall, cpu);
  }

  private String concordance(ArchiveSearcher searcher) throws Exception {
    List<String> queries = new ArrayList<>();
    queries.addAll(BenchQueries.WORDS.subList(0, 20));
    queries.addAll(BenchQueries.PHRASES.subList(0, 10));
    for (int i = 0; i < OperatorQueries.ALL.size(); i += 6) {
      queries.add(OperatorQueries.ALL.get(i).operator());
    }
    System.out.printf(
        Locale.ROOT, "%nconcordance, page 1 of 50 lines, in article order and sorted%n");
    System.out.printf(
        Locale.ROOT,
        "%-40s %9s %9s %9s %9s%n",
        "query (first run)",
        "articles",
        "lines",
        "CPU ms",
        "sorted");
    for (String q : queries) {
      long t0 = THREADS.getCurrentThreadCpuTime();
      Concordance.Page page =
          searcher.concordance(SearchRequest.of(q), Concordance.Order.ARTICLE, 1, 50);
      long t1 = THREADS.getCurrentThreadCpuTime();
      searcher.concordance(SearchRequest.of(q), Concordance.Order.AFTER, 1, 50);
      long t2 = THREADS.getCurrentThreadCpuTime();
      System.out.printf(
          Locale.ROOT,
          "%-40s %,9d %,9d%s %9.0f %9.0f%n",
          q,
          page.articles(),
          page.lines(),
          page.truncated() ? "+" : page.timedOut() ? "!" : " ",
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6);
    }
    Times article =
        time(
            queries.size(),
            i ->
                searcher.concordance(
                    SearchRequest.of(queries.get(i)), Concordance.Order.ARTICLE, 1, 50));
    Times sorted =
        time(
            queries.size(),
            i ->
                searcher.concordance(
                    SearchRequest.of(queries.get(i)), Concordance.Order.AFTER, 1, 50));
    return summary(
            "concordance page of 50 lines in article order (" + queries.size() + " queries)",
            article,
            500,
            true)
        + System.lineSeparator()
        + summary(
            "concordance page of 50 lines by the word after (" + queries.size() + " queries)",
            sorted,
            500,
            true);
  }

  private String terms(ArchiveSearcher searcher) throws Exception {
    List<String> queries = new ArrayList<>();
    System.out.printf(Locale.ROOT, "%ndistinctive terms, 25, against the archive%n");
    System.out.printf(
        Locale.ROOT,
        "%-16s %9s %9s %8s %7s  %s%n",
        "query",
        "articles",
        "analysed",
        "CPU ms",
        "cut",
        "first terms");
    for (String w :
        only != null && only.startsWith("terms:")
            ? List.of(only.substring(6))
            : BenchQueries.WORDS) {
      long n = searcher.count(SearchRequest.of(w));
      if (n < 5_000 || n > 20_000) {
        continue;
      }
      queries.add(w);
      long t0 = THREADS.getCurrentThreadCpuTime();
      DistinctiveTerms.Result r =
          searcher.distinctiveTerms(SearchRequest.of(w), DistinctiveTerms.Background.ARCHIVE, 25);
      long t1 = THREADS.getCurrentThreadCpuTime();
      System.out.printf(
          Locale.ROOT,
          "%-16s %,9d %,9d %8.0f %7s  %s%n",
          w,
          r.foreground(),
          r.analysed(),
          (t1 - t0) / 1e6,
          r.timedOut() ? "timedOut" : "",
          String.join(
              ", ", r.terms().stream().limit(8).map(DistinctiveTerms.Scored::term).toList()));
    }
    Times times =
        time(
            queries.size(),
            i ->
                searcher.distinctiveTerms(
                    SearchRequest.of(queries.get(i)), DistinctiveTerms.Background.ARCHIVE, 25));
    return summary(
        "distinctive terms of 5,000-20,000 articles (" + queries.size() + " queries)",
        times,
        500,
        true);
  }

  private String batch(ArchiveSearcher searcher) throws Exception {
    List<BatchTable.Line> lines = new ArrayList<>();
    for (String q : BenchQueries.WORDS) {
      lines.add(BatchTable.Line.read(q));
    }
    for (String q : BenchQueries.PAIRS) {
      lines.add(BatchTable.Line.read(q));
    }
    for (String q : BenchQueries.PHRASES.subList(0, 10)) {
      lines.add(BatchTable.Line.read(q));
    }
    BatchTable.Table table =
        searcher.batch(lines, SearchRequest.of(""), BatchTable.By.of("year"), 20);
    System.out.printf(
        Locale.ROOT,
        "%nbatch of %d searches by year: %d columns, timedOut %s%n",
        table.rows().size(),
        table.columns().size(),
        table.timedOut());
    Times times =
        time(1, i -> searcher.batch(lines, SearchRequest.of(""), BatchTable.By.of("year"), 20));
    return summary("batch of " + lines.size() + " searches by year", times, 10_000, false);
  }

  /**
   * Two lines: the elapsed and the CPU percentiles, each with the target met or missed (at p99, or
   * at the slowest run). On a machine shared with other work the CPU time is the better estimate of
   * the elapsed time on a quiet one.
   */
  private static String summary(String what, Times times, long targetMs, boolean p99) {
    return what
        + System.lineSeparator()
        + line("  elapsed", times.wall(), targetMs, p99)
        + System.lineSeparator()
        + line("  CPU", times.cpu(), targetMs, p99);
  }

  private static String line(String label, long[] sorted, long targetMs, boolean p99) {
    long at = p99 ? BenchOperatorsCommand.percentile(sorted, 99) : sorted[sorted.length - 1];
    return String.format(
        Locale.ROOT,
        "%-10s p50 %7.0f ms  p99 %7.0f ms  max %7.0f ms  (%d runs)  target %s %,d ms: %s",
        label,
        BenchOperatorsCommand.percentile(sorted, 50) / 1e6,
        BenchOperatorsCommand.percentile(sorted, 99) / 1e6,
        sorted[sorted.length - 1] / 1e6,
        sorted.length,
        p99 ? "p99 <=" : "every run <",
        targetMs,
        (p99 ? at <= targetMs * 1_000_000 : at < targetMs * 1_000_000) ? "met" : "missed");
  }
}

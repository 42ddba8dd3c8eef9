package org.morgue.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.morgue.index.IndexLayout;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue dev bench-operators CORPUS.jsonl.gz}: the query language's operators against the
 * same words without them, over {@code bench-search}'s archive of 100,000 articles (built by it, or
 * reused), in process.
 *
 * <p>Each of the {@link OperatorQueries#ALL} pairs is timed two ways, the operator query and its
 * plain words one after the other so that they share the machine's noise: the whole search as the
 * API runs it (top hits, exact count, facets, histogram, snippets) and the count alone (parsing,
 * stem and pattern expansion, matching). It prints each query's median times and hits, then for
 * each kind of operator the p50 of its queries' times against the p50 of their plain words, with
 * the target: within 2×.
 */
@Command(
    name = "bench-operators",
    mixinStandardHelpOptions = true,
    description =
        "Measures the query operators (W/n, NEAR/n, /s, /p, headline, lede, atleastN) against the"
            + " same words without them, over bench-search's archive.")
public final class BenchOperatorsCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin BenchArchive source = new BenchArchive();

  @Option(
      names = "--rounds",
      description =
          "Timed passes over the queries, after one to warm up (default: ${DEFAULT-VALUE}).")
  int rounds = 5;

  @Override
  public Integer call() throws Exception {
    IndexLayout layout = BenchSearchCommand.archive(source, false);
    List<OperatorQueries.Pair> pairs = new ArrayList<>(OperatorQueries.ALL);
    pairs.addAll(OperatorQueries.REFERENCE);
    int n = pairs.size();
    long[][] opSearch = new long[n][rounds];
    long[][] plainSearch = new long[n][rounds];
    long[][] opCount = new long[n][rounds];
    long[][] plainCount = new long[n][rounds];
    long[] opHits = new long[n];
    long[] plainHits = new long[n];
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      for (int i = 0; i < n; i++) { // the warm-up, and the hits
        opHits[i] = searcher.search(SearchRequest.of(pairs.get(i).operator())).total();
        plainHits[i] = searcher.search(SearchRequest.of(pairs.get(i).plain())).total();
        searcher.count(SearchRequest.of(pairs.get(i).operator()));
        searcher.count(SearchRequest.of(pairs.get(i).plain()));
      }
      for (int r = 0; r < rounds; r++) {
        for (int i = 0; i < n; i++) {
          SearchRequest op = SearchRequest.of(pairs.get(i).operator());
          SearchRequest plain = SearchRequest.of(pairs.get(i).plain());
          long t0 = System.nanoTime();
          searcher.search(op);
          long t1 = System.nanoTime();
          searcher.search(plain);
          long t2 = System.nanoTime();
          searcher.count(op);
          long t3 = System.nanoTime();
          searcher.count(plain);
          long t4 = System.nanoTime();
          opSearch[i][r] = t1 - t0;
          plainSearch[i][r] = t2 - t1;
          opCount[i][r] = t3 - t2;
          plainCount[i][r] = t4 - t3;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%,d operator queries, each with its plain words, and %d quoted phrases with their words"
            + " for comparison; %d timed rounds after one to warm up; %s%n%n",
        OperatorQueries.ALL.size(),
        OperatorQueries.REFERENCE.size(),
        rounds,
        Runtime.version());
    System.out.printf(
        Locale.ROOT,
        "%-44s %9s %9s %8s %8s %8s %8s%n",
        "query (median ms of the rounds)",
        "hits",
        "plain",
        "search",
        "plain",
        "count",
        "plain");
    for (int i = 0; i < n; i++) {
      System.out.printf(
          Locale.ROOT,
          "%-44s %,9d %,9d %8.1f %8.1f %8.1f %8.1f%n",
          pairs.get(i).operator(),
          opHits[i],
          plainHits[i],
          percentile(opSearch[i], 50) / 1e6,
          percentile(plainSearch[i], 50) / 1e6,
          percentile(opCount[i], 50) / 1e6,
          percentile(plainCount[i], 50) / 1e6);
    }
    Map<String, List<Integer>> kinds = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      kinds.computeIfAbsent(pairs.get(i).kind(), k -> new ArrayList<>()).add(i);
    }
    System.out.println();
    System.out.printf(
        Locale.ROOT,
        "%-12s %7s   %8s %8s %6s   %8s %8s %6s%n",
        "p50 by kind",
        "queries",
        "search",
        "plain",
        "ratio",
        "count",
        "plain",
        "ratio");
    List<String> missed = new ArrayList<>();
    for (Map.Entry<String, List<Integer>> e : kinds.entrySet()) {
      List<Integer> of = e.getValue();
      double s = percentile(all(opSearch, of), 50) / 1e6;
      double sp = percentile(all(plainSearch, of), 50) / 1e6;
      double c = percentile(all(opCount, of), 50) / 1e6;
      double cp = percentile(all(plainCount, of), 50) / 1e6;
      System.out.printf(
          Locale.ROOT,
          "%-12s %7d   %8.1f %8.1f %6.2f   %8.1f %8.1f %6.2f%n",
          e.getKey(),
          of.size(),
          s,
          sp,
          s / sp,
          c,
          cp,
          c / cp);
      if ((s > 2 * sp || c > 2 * cp) && !e.getKey().equals(OperatorQueries.PLAIN_PHRASE)) {
        missed.add(e.getKey());
      }
    }
    System.out.println();
    System.out.println(
        "target: each operator's p50 within 2x of its plain words', the search and the count: "
            + (missed.isEmpty() ? "met" : "missed by " + String.join(", ", missed)));
    return 0;
  }

  /** The times of the queries {@code of}, all rounds, sorted. */
  private static long[] all(long[][] times, List<Integer> of) {
    long[] out = of.stream().flatMapToLong(i -> Arrays.stream(times[i])).toArray();
    Arrays.sort(out);
    return out;
  }

  /** The nearest-rank percentile of {@code values} (sorted here, in a copy). */
  static long percentile(long[] values, int p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return BenchSearchCommand.percentile(sorted, p);
  }
}

package org.morgue.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.morgue.search.Archive;
import org.morgue.search.ArchiveStats;
import org.morgue.search.SearchJson;
import org.morgue.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code morgue stats}: the size and span of the archive. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "Prints the number of articles, the dates they span, the articles of each section and of the"
            + " main sources, the size of the index and the time of the last ingest.")
public final class StatsCommand implements Callable<Integer> {
  @Mixin IndexOption index = new IndexOption();
  @Mixin BackendOption backend = new BackendOption();

  @Option(names = "--json", description = "Print the stats as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    try (Archive searcher = backend.open(index)) {
      ArchiveStats stats = searcher.stats();
      if (json) {
        System.out.println(Json.pretty(SearchJson.stats(stats)));
      } else {
        print(stats, System.out);
      }
    }
    return 0;
  }

  static void print(ArchiveStats s, PrintStream out) {
    out.printf(Locale.ROOT, "%-12s %,d%n", "articles", s.articles());
    out.printf(
        Locale.ROOT,
        "%-12s %s to %s%s%n",
        "dates",
        s.firstDate() == null ? "-" : s.firstDate(),
        s.lastDate() == null ? "-" : s.lastDate(),
        s.undated() == 0 ? "" : String.format(Locale.ROOT, " (%,d undated)", s.undated()));
    out.printf(Locale.ROOT, "%-12s %.1f MB%n", "index size", s.indexBytes() / 1e6);
    out.printf(
        Locale.ROOT, "%-12s %s%n", "last ingest", s.lastIngest() == null ? "-" : s.lastIngest());
    out.println("sections:");
    values(s.sections(), s.sections().size(), s.noSection(), "(no section)", out);
    out.println("sources:");
    values(s.sources(), s.sourceValues(), s.noSource(), "(no source)", out);
  }

  /** Values with their counts, how many more there are, and the articles without any. */
  private static void values(
      List<SearchResult.FacetValue> values,
      long all,
      long none,
      String noneLabel,
      PrintStream out) {
    if (values.isEmpty() && none == 0) {
      out.println("  (none)");
    }
    for (SearchResult.FacetValue v : values) {
      out.printf(Locale.ROOT, "  %,8d  %s%n", v.count(), Terminal.oneLine(v.value()));
    }
    if (all > values.size()) {
      out.printf(Locale.ROOT, "  %8s  ... and %,d more%n", "", all - values.size());
    }
    if (none > 0) {
      out.printf(Locale.ROOT, "  %,8d  %s%n", none, noneLabel);
    }
  }
}

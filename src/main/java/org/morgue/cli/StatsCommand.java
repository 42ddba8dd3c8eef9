package org.morgue.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.morgue.index.IndexLayout;
import org.morgue.search.ArchiveSearcher;
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
        "Prints the number of articles, the dates they span, the articles a section and the index size.")
public final class StatsCommand implements Callable<Integer> {
  @Mixin IndexOption index = new IndexOption();

  @Option(names = "--json", description = "Print the stats as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    IndexLayout layout = index.requireIndex();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      ArchiveStats stats = searcher.stats(layout);
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
        "%-12s %s to %s%n",
        "dates",
        s.firstDate() == null ? "-" : s.firstDate(),
        s.lastDate() == null ? "-" : s.lastDate());
    out.printf(Locale.ROOT, "%-12s %.1f MB%n", "index size", s.indexBytes() / 1e6);
    out.printf(
        Locale.ROOT, "%-12s %s%n", "last ingest", s.lastIngest() == null ? "-" : s.lastIngest());
    out.println("sections:");
    if (s.sections().isEmpty()) {
      out.println("  (none)");
    }
    for (SearchResult.FacetValue v : s.sections()) {
      out.printf(Locale.ROOT, "  %,8d  %s%n", v.count(), Terminal.oneLine(v.value()));
    }
  }
}

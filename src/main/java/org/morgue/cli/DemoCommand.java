package org.morgue.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.morgue.index.IndexLayout;
import org.morgue.index.Ingester;
import org.morgue.search.Archive;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code morgue demo}: the bundled demo corpus, indexed once, then shown. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Indexes the bundled demo corpus (1,791 articles: 291 from Wikinews and 1,500 press"
            + " releases of the United States Department of State) into the archive if it is empty,"
            + " shows the archive, then serves it (as 'morgue serve') until stopped.")
public final class DemoCommand implements Callable<Integer> {
  @Mixin IndexOption index = new IndexOption();

  @Mixin ServeCommand.Listen listen = new ServeCommand.Listen();

  @Option(names = "--no-serve", description = "Show the archive and stop, without serving it.")
  boolean noServe;

  /** The demo corpus inside Morgue's folder. */
  static Path corpus() {
    return Main.home().resolve("src/demo/corpus");
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    IndexLayout layout = index.layout();
    if (!noServe) {
      listen.requireFreePort(); // before a screenful of indexing and stats
    }
    if (!layout.hasIndex()) {
      Path corpus = corpus();
      if (!Files.isDirectory(corpus)) {
        throw new IllegalArgumentException("the demo corpus is missing: no folder " + corpus);
      }
      System.out.println(
          "Indexing the demo corpus from " + corpus + " into " + layout.root() + " ...");
      Ingester.Options options = Ingester.Options.defaults().withEntities(index.entityFinder(true));
      IngestCommand.run(index, List.of(corpus), options, false, null, System.out, System.err);
      System.out.println();
    } else {
      System.out.println("The archive in " + layout.root() + " is already indexed.");
    }
    try (Archive searcher = ArchiveSearcher.open(layout)) {
      StatsCommand.print(searcher.stats(layout), System.out);
      System.out.println();
      System.out.println("$ morgue search '\"climate change\"'");
      SearchCommand.print(searcher.search(SearchRequest.of("\"climate change\"")), System.out);
    }
    System.out.println();
    System.out.println(
        "Try: ./morgue search ceasefire --from 2022-01-01 --section 'Press Releases'");
    if (noServe) {
      return 0;
    }
    System.out.println();
    try (ServeCommand.Serving serving =
        ServeCommand.start(
            layout, listen, Archive.DEFAULT_TIME_LIMIT, Duration.ofMillis(500), System.out)) {
      serving.awaitShutdown();
    }
    return 0;
  }
}

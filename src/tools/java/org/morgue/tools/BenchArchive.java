package org.morgue.tools;

import java.nio.file.Path;
import org.morgue.index.IndexLayout;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The benchmark archive the search benchmarks share: {@code bench-search} builds it (the corpus
 * repeated to {@code --articles}) in {@code --work} and keeps it there, and the others measure the
 * same one.
 */
final class BenchArchive {
  @Parameters(
      paramLabel = "CORPUS",
      description =
          "A JSON Lines file (may be gzipped) to repeat into the archive when it is not built yet.")
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

  /** The archive in {@code --work}. */
  IndexLayout layout() {
    return new IndexLayout(work.resolve("archive"));
  }
}

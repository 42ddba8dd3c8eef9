package org.morgue.cli;

import java.nio.file.Path;
import org.morgue.index.IndexLayout;
import picocli.CommandLine.Option;

/** The {@code --index DIR} option shared by every command that reads or writes an archive. */
final class IndexOption {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "The archive folder (default: index-data in Morgue's folder).")
  Path dir;

  IndexLayout layout() {
    return new IndexLayout(dir != null ? dir : Main.home().resolve("index-data"));
  }
}

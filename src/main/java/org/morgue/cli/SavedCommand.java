package org.morgue.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.morgue.saved.SavedSearches;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code morgue saved export|import FILE}: the archive's saved searches as one JSON file. */
@Command(
    name = "saved",
    mixinStandardHelpOptions = true,
    description = "The archive's saved searches (kept in its saved/ folder), as one JSON file.",
    subcommands = {SavedCommand.Export.class, SavedCommand.Import.class})
public final class SavedCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code morgue saved export FILE}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      description = "Writes every saved search to FILE (JSON; written whole or not at all).")
  static final class Export implements Callable<Integer> {
    @Mixin IndexOption index = new IndexOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to write.")
    Path file;

    @Override
    public Integer call() throws IOException {
      int n = new SavedSearches(index.layout().saved()).exportTo(file);
      System.out.println("Exported " + n + " saved search" + (n == 1 ? "" : "es") + " to " + file);
      return 0;
    }
  }

  /** {@code morgue saved import FILE}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description =
          "Adds the saved searches of FILE (as written by export): all or, if one is bad, none;"
              + " one with the slug of an existing one replaces it.")
  static final class Import implements Callable<Integer> {
    @Mixin IndexOption index = new IndexOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to read.")
    Path file;

    @Override
    public Integer call() throws IOException {
      int n = new SavedSearches(index.layout().saved()).importFrom(file);
      System.out.println(
          "Imported " + n + " saved search" + (n == 1 ? "" : "es") + " from " + file);
      return 0;
    }
  }
}

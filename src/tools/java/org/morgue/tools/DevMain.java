package org.morgue.tools;

import java.nio.file.Path;
import org.morgue.cli.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code morgue dev}: the developers' tools (benchmarks and the extractor's score), apart from the
 * archivist's commands. They use the product; the product never uses them.
 */
@Command(
    name = "morgue dev",
    mixinStandardHelpOptions = true,
    version = "Morgue 0.1.0",
    description =
        "Developer tools: benchmarks of the ingest, the search API and the entity extraction, and"
            + " the extraction's score on CoNLL-2003.",
    subcommands = {
      BenchIngestCommand.class,
      BenchSearchCommand.class,
      BenchOperatorsCommand.class,
      BenchReadingCommand.class,
      BenchOpenSearchCommand.class,
      BenchNerCommand.class,
      ScoreNerCommand.class,
      NamesQualityCommand.class,
      StemmersCommand.class,
      TortureCommand.class,
      CommandLine.HelpCommand.class
    })
public final class DevMain implements Runnable {
  /** Morgue's folder (the launcher passes it as -Dmorgue.home), else the working folder. */
  static Path home() {
    return Path.of(System.getProperty("morgue.home", "."));
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs a tool's command line and gives its exit code (0 ok, 1 failed, 2 bad usage). */
  public static int run(String... args) {
    return Main.execute(new DevMain(), args);
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}

package org.morgue.cli;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code morgue} command and its subcommands. */
@Command(
    name = "morgue",
    mixinStandardHelpOptions = true,
    version = "Morgue 0.1.0",
    description = "A searchable news archive: ingest article files, then search them.",
    footer = {
      "",
      "The launcher also runs:",
      "  test      Runs every test ('test --fast': the unit tests only).",
      "  build     Builds Morgue (the other commands build it when its sources changed).",
      "  dev       The developer tools ('dev --help' lists them)."
    },
    subcommands = {
      DemoCommand.class,
      IngestCommand.class,
      SearchCommand.class,
      ServeCommand.class,
      StatsCommand.class,
      SavedCommand.class,
      ConvertCommand.class,
      EntitiesCommand.class,
      MigrateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Morgue's folder (the launcher passes it as -Dmorgue.home), else the working folder. */
  static Path home() {
    return Path.of(System.getProperty("morgue.home", "."));
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Runs the command line and gives its exit code (0 ok, 1 failed, 2 bad usage). */
  public static int run(String... args) {
    return execute(new Main(), args);
  }

  /**
   * Runs a picocli command with Morgue's handling of failures: the message on standard error after
   * {@code morgue: }, exit code 2 for bad usage (a bad argument or request), 1 for anything else.
   * Other entries (the developer tools) run their commands through it too.
   *
   * @param command an instance of a class annotated with picocli's {@code @Command}
   * @param args the command line
   * @return the exit code
   */
  public static int execute(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr()
              .println("morgue: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          if (Boolean.getBoolean("morgue.debug")) {
            e.printStackTrace(cmd.getErr());
          }
          return e instanceof IllegalArgumentException
                  || e instanceof org.morgue.search.InvalidRequestException
              ? 2
              : 1;
        });
    return cli.execute(args);
  }

  /**
   * Lucene says once a run that the vector incubator module is not enabled; Morgue does no vector
   * search, so the notice is noise. Held here so the setting is not garbage-collected.
   */
  private static final java.util.logging.Logger VECTOR_NOTICE =
      quiet("org.apache.lucene.internal.vectorization");

  private static java.util.logging.Logger quiet(String name) {
    java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
    logger.setLevel(java.util.logging.Level.SEVERE);
    return logger;
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }
}

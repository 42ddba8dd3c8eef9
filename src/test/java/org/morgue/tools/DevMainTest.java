package org.morgue.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.morgue.cli.Cli;

/** {@code morgue dev}: the developer tools' entry, its help and its commands' usage errors. */
class DevMainTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "bench-ingest", "bench-search", "bench-ner", "score-ner"})
  void everyToolHasHelp(String command) {
    Cli.Run run = command.isEmpty() ? Dev.run("--help") : Dev.run(command, "--help");
    assertEquals(0, run.exit(), run.err());
    String usage = command.isEmpty() ? "Usage: morgue dev " : "Usage: morgue dev " + command + " ";
    assertTrue(run.out().startsWith(usage), run.out());
    assertTrue(run.out().contains("-h, --help"), run.out());
  }

  @Test
  void theHelpListsEveryTool() {
    String help = Dev.run("--help").out();
    for (String tool : List.of("bench-ingest", "bench-search", "bench-ner", "score-ner")) {
      assertTrue(help.contains("  " + tool + " "), help);
    }
  }

  @Test
  void aMissingFileIsABadUsage() {
    Cli.Run run = Dev.run("score-ner", "no/such/file.txt");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no such file: no/such/file.txt"), run.err());
  }
}

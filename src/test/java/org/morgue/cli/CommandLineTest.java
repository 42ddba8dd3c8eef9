package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.cli.Cli.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.morgue.cli.Cli.Run;

/**
 * The command line through {@link Main#run} without an archive: help, and what a missing archive
 * says. The commands on an archive are in {@link CommandLineIT}.
 */
class CommandLineTest {
  @TempDir static Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {"", "ingest", "search", "serve", "stats", "demo", "convert", "entities", "saved"})
  void everyCommandHasHelp(String command) {
    Run run = command.isEmpty() ? run("--help") : run(command, "--help");
    assertEquals(0, run.exit(), run.err());
    String usage = command.isEmpty() ? "Usage: morgue " : "Usage: morgue " + command + " ";
    assertTrue(run.out().startsWith(usage), run.out());
    assertTrue(run.out().contains("-h, --help"), run.out());
  }

  @Test
  void theDeveloperToolsAreNotAmongTheCommands() {
    Run run = run("--help");
    for (String tool : List.of("bench-ingest", "bench-search", "bench-ner", "score-ner")) {
      assertFalse(run.out().contains(tool), run.out());
      Run unknown = run(tool, "x");
      assertEquals(2, unknown.exit(), tool + " is no command of the product");
      assertTrue(unknown.err().contains("Unmatched argument"), unknown.err());
    }
  }

  @Test
  void searchAndStatsOnAMissingArchiveSaySo() {
    Path nowhere = tmp.resolve("no-such-archive");
    for (String command : List.of("search", "stats", "serve")) {
      Run run = run(command, "--index", nowhere.toString());
      assertNotEquals(0, run.exit());
      assertEquals("", run.out());
      assertEquals(
          "morgue: no archive in "
              + nowhere
              + ": run 'morgue ingest PATH --index "
              + nowhere
              + "' first",
          run.err().strip());
    }
    assertTrue(Files.notExists(nowhere), "looking does not create the archive");
  }
}

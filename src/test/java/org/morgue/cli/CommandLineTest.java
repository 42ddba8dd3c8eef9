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

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ingest",
        "search",
        "serve",
        "stats",
        "demo",
        "convert",
        "entities",
        "entities apply",
        "entities report",
        "entities boilerplate",
        "saved",
        "saved export",
        "saved import"
      })
  void helpTextsAreSentencesInWords(String command) {
    List<String> args = new java.util.ArrayList<>(List.of(command.split(" ")));
    args.removeIf(String::isEmpty);
    args.add("--help");
    Run run = run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    for (String line : run.out().lines().toList()) {
      String l = line.stripTrailing();
      assertFalse(l.endsWith(" ."), "a word broken at its dot: " + l);
      assertFalse(l.matches(".*\\b[A-Z]\\.$"), "an abbreviation broken: " + l);
      assertFalse(
          l.matches(".*\\b(AuthorityFile|NamesReport|Ingester|ArchiveSearcher)\\b.*"),
          "a Java class as documentation: " + l);
      assertFalse(l.contains("the articles a section"), l);
    }
    assertFalse(run.out().contains("1,791 Wikinews"), "291 are Wikinews's");
    // each subcommand's summary in the list of commands is a whole sentence
    List<String> lines = run.out().lines().toList();
    int commands = lines.indexOf("Commands:");
    if (commands >= 0) {
      StringBuilder entry = new StringBuilder();
      for (String line : lines.subList(commands + 1, lines.size())) {
        if (line.isBlank() || line.matches("  \\S.*")) {
          assertSentence(entry.toString());
          entry.setLength(0);
        }
        if (line.isBlank()) {
          break;
        }
        entry.append(' ').append(line.strip());
      }
      assertSentence(entry.toString());
    }
  }

  private static void assertSentence(String entry) {
    if (!entry.isBlank()) {
      assertTrue(entry.strip().endsWith("."), "a summary that is not a sentence: " + entry);
    }
  }

  @Test
  void theHelpNamesTheLaunchersOwnCommands() {
    String help = run("--help").out();
    assertTrue(help.contains("  test "), help);
    assertTrue(help.contains("test --fast"), help);
  }

  @Test
  void demoOnAPortInUseSaysSoFirst() throws Exception {
    try (java.net.ServerSocket taken =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      Path archive = tmp.resolve("port-archive");
      {
        Run run = run("demo", "--index", archive.toString(), "--port", Integer.toString(port));
        assertEquals(1, run.exit(), run.err());
        assertEquals("", run.out(), "nothing indexed or printed before");
        assertEquals(
            "morgue: port "
                + port
                + " on 127.0.0.1 is in use (is Morgue already serving? Ctrl-C stops it); stop what"
                + " uses it, or choose another with --port N (--port 0: any free port)",
            run.err().strip());
        assertTrue(Files.notExists(archive.resolve("lucene")), "nothing indexed");
      }
    }
  }
}

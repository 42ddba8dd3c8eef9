package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cli.Cli.Run;

/**
 * Every {@code ./morgue search} and {@code ./morgue stats} command in the README's shell blocks,
 * run on the demo corpus: each exits 0 and finds something, and the number of articles a comment
 * gives ({@code # 106 articles}) is the number it finds.
 *
 * <p>The demo corpus is ingested as {@code demo} ingests it, with its people, organisations and
 * places, so that the examples filtering by them are checked for what they find too.
 */
class ReadmeExamplesIT {
  @TempDir static Path tmp;

  private static Path archive;

  private static final Pattern COUNT = Pattern.compile("^(\\d[\\d,]*) articles?\\b");

  @BeforeAll
  static void ingestTheDemoCorpus() {
    archive = tmp.resolve("demo");
    Run run =
        Cli.run(
            "ingest",
            Path.of("src/demo/corpus").toAbsolutePath().toString(),
            "--index",
            archive.toString(),
            "--quiet");
    assertEquals(0, run.exit(), run.err());
  }

  /** A command of the README, with the comment after it (or an empty one). */
  record Example(String line, List<String> args, String comment) {}

  /** The {@code ./morgue} commands of the README's {@code sh} blocks. */
  static List<Example> examples() throws IOException {
    List<Example> out = new ArrayList<>();
    boolean inSh = false;
    for (String line : Files.readAllLines(Path.of("README.md"), StandardCharsets.UTF_8)) {
      if (line.startsWith("```")) {
        inSh = !inSh && line.equals("```sh");
        continue;
      }
      if (inSh && line.startsWith("./morgue ")) {
        List<String> words = new ArrayList<>();
        String comment = split(line.substring("./morgue ".length()), words);
        out.add(new Example(line, words, comment));
      }
    }
    return out;
  }

  /** Splits a shell line into words (single and double quotes), returning the comment after #. */
  static String split(String line, List<String> words) {
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == '#' && word == null) {
        return line.substring(i + 1).strip();
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (word != null) {
      words.add(word.toString());
    }
    return "";
  }

  @TestFactory
  Stream<DynamicTest> everySearchAndStatsExampleWorksOnTheDemo() throws IOException {
    List<Example> checked =
        examples().stream()
            .filter(e -> List.of("search", "stats").contains(e.args().get(0)))
            .toList();
    assertTrue(checked.size() >= 15, "the README's examples: " + checked);
    return checked.stream().map(e -> DynamicTest.dynamicTest(e.line(), () -> check(e)));
  }

  private static void check(Example e) throws IOException {
    List<String> args = new ArrayList<>(e.args());
    args.addAll(List.of("--index", archive.toString()));
    if (args.get(0).equals("stats")) {
      Run run = Cli.run(args.toArray(String[]::new));
      assertEquals(0, run.exit(), run.err());
      assertEquals("articles     1,791", run.lines().get(0));
      assertEquals("dates        2019-01-04 to 2022-08-03", run.lines().get(1));
      return;
    }
    if (!args.contains("--json")) {
      args.add("--json");
    }
    Run run = Cli.run(args.toArray(String[]::new));
    assertEquals(0, run.exit(), run.err());
    JsonNode json = run.json();
    assertTrue(json.get("warnings").isEmpty(), json.get("warnings").toString());
    long total = json.get("total").asLong();
    assertTrue(total > 0, e.line() + " finds nothing");
    Matcher count = COUNT.matcher(e.comment());
    if (count.find()) {
      assertEquals(Long.parseLong(count.group(1).replace(",", "")), total, e.line());
    }
    if (e.line().contains("--sort newest")) {
      String first = json.get("hits").get(0).get("date").asText();
      String second = json.get("hits").get(1).get("date").asText();
      assertFalse(first.compareTo(second) < 0, "newest first");
    }
  }
}

package org.morgue.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.morgue.cli.Cli;

/**
 * {@code morgue dev score-ner} on an invented CoNLL fixture (fixtures/conll/tiny.txt), and {@code
 * morgue dev bench-ner}: integration tests, as both load the entity extractor's model. The CoNLL
 * reading and span mapping they stand on are in {@link ConllTest}.
 */
class ScoreNerCommandIT {
  private static final Path TINY = Path.of("src/test/resources/fixtures/conll/tiny.txt");

  @Test
  void scoresExactSpansPerTypeAndTogether() {
    Cli.Run run = Dev.run("score-ner", "--errors", "5", TINY.toString());
    assertEquals(0, run.exit(), run.err());
    List<String> lines = new ArrayList<>(run.lines());
    assertEquals(
        "tiny.txt: 3 documents, 46 tokens; the ingest's path (model, canonicalisation, rules)",
        lines.get(0));
    assertEquals(
        List.of(
            "type        gold predicted correct precision  recall     F1",
            "PER            4         3       3    100.00   75.00  85.71",
            "ORG            3         3       3    100.00  100.00 100.00",
            "LOC            4         5       4     80.00  100.00  88.89",
            "all           11        11      10     90.91   90.91  90.91",
            "demonym rule mentions (not scored), by the gold tag of their first token: {MISC=2}",
            "missed PERSON       [Tuesday]  in: to Paris on Tuesday .",
            "wrong  LOCATION     [Paris]  in: She flew to Paris on Tuesday ."),
        lines.subList(1, 9));
    assertTrue(lines.get(9).startsWith("speed: "), lines.get(9));
  }

  @Test
  void theBareModelToo() {
    Cli.Run run = Dev.run("score-ner", "--no-rules", TINY.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("bare model (--no-rules)"), run.out());
    assertTrue(
        run.out().contains("all           11        11      10     90.91   90.91  90.91"),
        run.out());
    assertTrue(!run.out().contains("demonym"), run.out());
  }

  @Test
  void benchNerRunsOnAFewArticles() {
    Cli.Run run =
        Dev.run(
            "bench-ner",
            "--articles",
            "3",
            "--threads",
            "2",
            "src/test/resources/fixtures/jsonl/dev-corpus-shape.jsonl");
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().startsWith("3 articles"), run.out());
    assertTrue(run.out().contains("tokens per CPU second"), run.out());
    assertTrue(run.out().contains("2 threads: "), run.out());
  }
}

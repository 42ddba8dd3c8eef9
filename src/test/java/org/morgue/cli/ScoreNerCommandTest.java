package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;

/**
 * {@code morgue score-ner} on an invented CoNLL fixture (fixtures/conll/tiny.txt), and the CoNLL
 * reading and span mapping it stands on.
 */
class ScoreNerCommandTest {
  private static final Path TINY = Path.of("src/test/resources/fixtures/conll/tiny.txt");

  @Test
  void documentsAreRebuiltAsTextWithGoldSpans() throws IOException {
    List<Conll.Document> docs = Conll.read(TINY);
    assertEquals(3, docs.size());
    Conll.Document first = docs.get(0);
    assertEquals(
        "Nikol Pashinyan met Sergey Shoygu in Moscow .\n"
            + "Armenian troops left Kalbajar on Tuesday , the United Nations said .",
        first.text());
    assertEquals(
        Set.of(
            new Conll.Span(0, 2, EntityType.PERSON),
            new Conll.Span(3, 5, EntityType.PERSON),
            new Conll.Span(6, 7, EntityType.LOCATION),
            new Conll.Span(11, 12, EntityType.LOCATION),
            new Conll.Span(16, 18, EntityType.ORGANIZATION)),
        first.gold());
    Conll.Token kalbajar = first.tokens().get(11);
    assertEquals("Kalbajar", first.text().substring(kalbajar.start(), kalbajar.end()));
  }

  @Test
  void iob2WithLenientIAndSentenceBreaks() {
    List<String> tags =
        List.of("B-PER", "I-PER", "B-PER", "I-ORG", "I-ORG", "O", "I-LOC", "I-LOC", "B-MISC");
    List<Boolean> breaks = List.of(false, false, false, false, false, false, true, false, false);
    assertEquals(
        Set.of(
            new Conll.Span(0, 2, EntityType.PERSON),
            new Conll.Span(2, 3, EntityType.PERSON),
            new Conll.Span(3, 5, EntityType.ORGANIZATION),
            new Conll.Span(6, 7, EntityType.LOCATION),
            new Conll.Span(7, 8, EntityType.LOCATION)),
        Conll.spans(tags, breaks));
  }

  @Test
  void mentionsMapToTheTokensTheyTouch() {
    // "Ontario-based Magna ." : a mention inside a token maps to the whole token
    List<Conll.Token> tokens =
        List.of(
            new Conll.Token("Ontario-based", "O", 0, 13),
            new Conll.Token("Magna", "B-ORG", 14, 19),
            new Conll.Token(".", "O", 20, 21));
    assertEquals(
        new Conll.Span(0, 1, EntityType.LOCATION),
        Conll.toTokens(tokens, mention(EntityType.LOCATION, 0, 7)));
    assertEquals(
        new Conll.Span(0, 2, EntityType.ORGANIZATION),
        Conll.toTokens(tokens, mention(EntityType.ORGANIZATION, 8, 19)));
    assertEquals(
        new Conll.Span(1, 2, EntityType.ORGANIZATION),
        Conll.toTokens(tokens, mention(EntityType.ORGANIZATION, 14, 19)));
    assertNull(Conll.toTokens(tokens, mention(EntityType.PERSON, 30, 35)));
  }

  private static Mention mention(EntityType type, int start, int end) {
    return new Mention(
        type, "x".repeat(end - start), "x", Mention.Field.TEXT, start, end, Mention.Origin.MODEL);
  }

  @Test
  void scoresExactSpansPerTypeAndTogether() {
    CommandLineTest.Run run = CommandLineTest.run("score-ner", "--errors", "5", TINY.toString());
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
    CommandLineTest.Run run = CommandLineTest.run("score-ner", "--no-rules", TINY.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("bare model (--no-rules)"), run.out());
    assertTrue(
        run.out().contains("all           11        11      10     90.91   90.91  90.91"),
        run.out());
    assertTrue(!run.out().contains("demonym"), run.out());
  }

  @Test
  void aMissingFileIsABadUsage() {
    CommandLineTest.Run run = CommandLineTest.run("score-ner", "no/such/file.txt");
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no such file: no/such/file.txt"), run.err());
  }

  @Test
  void benchNerRunsOnAFewArticles() {
    CommandLineTest.Run run =
        CommandLineTest.run(
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

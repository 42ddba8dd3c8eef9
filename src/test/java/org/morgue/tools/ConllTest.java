package org.morgue.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;

/**
 * The CoNLL-2003 reading and span mapping {@code morgue dev score-ner} stands on, on an invented
 * fixture (fixtures/conll/tiny.txt). The command itself is in {@link ScoreNerCommandIT}.
 */
class ConllTest {
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
}

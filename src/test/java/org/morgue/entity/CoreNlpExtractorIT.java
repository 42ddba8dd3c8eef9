package org.morgue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The CoreNLP extractor on its own: what it finds in invented sentences, and that no input makes it
 * throw (issue 3, "Bad input": no entities, 1 MB, odd Unicode, markup).
 */
class CoreNlpExtractorIT {
  private static final CoreNlpExtractor EXTRACTOR = CoreNlpExtractor.shared();

  /**
   * The mentions as "TYPE surface start-end" strings, checking that every offset points at its
   * text.
   */
  static List<String> found(String text) throws ExtractionException {
    List<String> out = new ArrayList<>();
    for (Mention m : EXTRACTOR.extract(text)) {
      assertEquals(m.text(), text.substring(m.start(), m.end()), "offsets of " + m);
      assertEquals(
          m.text(), m.canonical(), "the extractor leaves the canonical name to the canonicalizer");
      assertEquals(Mention.Origin.MODEL, m.origin());
      assertEquals(Mention.Field.TEXT, m.field());
      out.add(m.type() + " " + m.text() + " " + m.start() + "-" + m.end());
    }
    return out;
  }

  @Test
  void findsPeopleOrganisationsAndPlacesWithOffsets() throws ExtractionException {
    assertEquals(
        List.of(
            "PERSON Nikol Pashinyan 0-15",
            "PERSON Sergey Shoygu 20-33",
            "LOCATION Moscow 37-43",
            "ORGANIZATION United Nations 53-67"),
        found("Nikol Pashinyan met Sergey Shoygu in Moscow, and the United Nations said nothing."));
  }

  @Test
  void aLineBreakEndsAMention() throws ExtractionException {
    // one sentence a line: the name at the end of a line does not run into the next line's name
    List<String> mentions = found("Talks were held in Baku\nPashinyan said the talks were useful.");
    assertTrue(mentions.contains("LOCATION Baku 19-23"), mentions::toString);
    assertTrue(mentions.stream().noneMatch(m -> m.contains("Baku\nPashinyan")), mentions::toString);
  }

  @Test
  void hyphenatedNamesStayWhole() throws ExtractionException {
    List<String> mentions = found("Fighting resumed in Nagorno-Karabakh on Monday.");
    assertEquals(List.of("LOCATION Nagorno-Karabakh 20-36"), mentions);
  }

  @Test
  void nothingInTextWithoutNames() throws ExtractionException {
    assertEquals(List.of(), found("the weather was mild and nobody said anything at all."));
    assertEquals(List.of(), found(""));
    assertEquals(List.of(), found(" \n\t \n"));
    assertEquals(List.of(), EXTRACTOR.extract(null));
    assertEquals(List.of(), found("1234 5678 -- ... !!! ??? 3.14"));
  }

  @Test
  void aMegabyteOfTextIsExtractedInPiecesWithTrueOffsets() throws ExtractionException {
    String sentence =
        "Officials in Yerevan said Nikol Pashinyan would travel to Brussels next week. ";
    StringBuilder b = new StringBuilder();
    while (b.length() < 1_000_000) {
      b.append(sentence);
      if (b.length() % 7 == 0) {
        b.append('\n');
      }
    }
    String text = b.toString();
    List<Mention> mentions = EXTRACTOR.extract(text);
    int copies = text.split("Officials", -1).length - 1;
    long people = mentions.stream().filter(m -> m.text().equals("Nikol Pashinyan")).count();
    // a cut between pieces may split at most one name per piece
    assertTrue(
        people >= copies - text.length() / CoreNlpExtractor.PIECE - 1, people + " of " + copies);
    Mention last = mentions.get(mentions.size() - 1);
    assertTrue(last.end() > 990_000, last::toString);
    for (Mention m : mentions) {
      assertEquals(m.text(), text.substring(m.start(), m.end()));
    }
  }

  @Test
  void aMegabyteOnOneLineWithoutSpacesDoesNotThrow() throws ExtractionException {
    String text = "Yerevan" + "x".repeat(1_000_000);
    EXTRACTOR.extract(text); // nothing to find; it must simply return
  }

  @Test
  void oddUnicodeNeverThrowsAndKeepsOffsets() throws ExtractionException {
    String text =
        "\uFEFF\u0000\u0007 Emoji 😀🇦🇲 and a lone \uD83D surrogate \uDE00, RTL \u202Eabc\u202C, "
            + "zero\u200Bwidth, e\u0301 combining, 中文 text, \u2028line separator\u2029, "
            + "Recep Tayyip Erdoğan met Nikol Pashinyan in Ankara.\r\nThen they left.";
    List<String> mentions = found(text);
    assertTrue(
        mentions.stream().anyMatch(m -> m.startsWith("PERSON Recep Tayyip Erdoğan ")),
        mentions::toString);
    assertTrue(
        mentions.stream().anyMatch(m -> m.startsWith("PERSON Nikol Pashinyan ")),
        mentions::toString);
    assertTrue(
        mentions.stream().anyMatch(m -> m.startsWith("LOCATION Ankara ")), mentions::toString);
    found("\uD800".repeat(1000) + "\uDFFF".repeat(1000));
    found("\u0000".repeat(5000));
  }

  @Test
  void markupIsNotPartOfAnyMention() throws ExtractionException {
    String text =
        "<html><body><p class=\"lede\">Nikol Pashinyan spoke in <b>Yerevan</b>.</p>"
            + "<!-- Sergey Shoygu --><script>var x = '<Moscow>';</script>AT&amp;T and Reuters&nbsp;reported.</p>";
    List<String> mentions = found(text);
    assertTrue(mentions.contains("PERSON Nikol Pashinyan 28-43"), mentions::toString);
    assertTrue(mentions.contains("LOCATION Yerevan 56-63"), mentions::toString);
    assertTrue(
        mentions.stream().noneMatch(m -> m.contains("<") || m.contains(">") || m.contains("&")),
        mentions::toString);
    assertTrue(
        mentions.stream().noneMatch(m -> m.contains("Shoygu")), "comments are masked: " + mentions);
  }

  @Test
  void maskKeepsLengthAndOffsets() {
    assertEquals("   Baku    ", CoreNlpExtractor.mask("<p>Baku</p>"));
    assertEquals("a\nb\nc  d", CoreNlpExtractor.mask("a\rb\u2028c\u0000\uFEFFd"));
    assertEquals("x y", CoreNlpExtractor.mask("x\uD800y"));
    assertEquals("😀", CoreNlpExtractor.mask("😀"));
    assertEquals("AT     T", CoreNlpExtractor.mask("AT&amp;T"));
    assertEquals("a < b > c", CoreNlpExtractor.mask("a < b > c"));
  }

  @Test
  void piecesEndAtLineBreaksElseSpaces() {
    String lines = ("a".repeat(99) + "\n").repeat(500); // 50,000 characters
    int end = CoreNlpExtractor.pieceEnd(lines, 0);
    assertTrue(
        end <= CoreNlpExtractor.PIECE && lines.charAt(end - 1) == '\n',
        "ends after a line break: " + end);
    String words = ("a".repeat(9) + " ").repeat(5000);
    end = CoreNlpExtractor.pieceEnd(words, 0);
    assertEquals(' ', words.charAt(end - 1));
    String solid = "x".repeat(50_000);
    assertEquals(CoreNlpExtractor.PIECE, CoreNlpExtractor.pieceEnd(solid, 0));
    assertEquals(solid.length(), CoreNlpExtractor.pieceEnd(solid, 40_000));
  }

  @Test
  void manyThreadsGetWhatOneThreadGets() throws Exception {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      texts.add(
          "Report "
              + i
              + ": Angela Merkel met Emmanuel Macron in Berlin while NATO ministers gathered in "
              + (i % 2 == 0 ? "Brussels" : "Warsaw")
              + ". Volkswagen shares rose in Frankfurt.");
    }
    List<List<Mention>> alone = new ArrayList<>();
    for (String t : texts) {
      alone.add(EXTRACTOR.extract(t));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Mention>>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (String t : texts) {
          futures.add(pool.submit(() -> EXTRACTOR.extract(t)));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(alone.get(i % texts.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
    assertFalse(alone.get(0).isEmpty());
  }

  @Test
  void countsTokens() throws ExtractionException {
    long before = EXTRACTOR.tokens();
    EXTRACTOR.extract("Three more tokens.");
    assertTrue(EXTRACTOR.tokens() - before >= 4);
  }
}

package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SentenceBreaksTest {
  /** Every operation the highlighter uses, at every offset, answers as the JDK's iterator. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "One sentence without a stop",
        "It rained. Mr. Smith left. Then? \"Yes!\" he said.\n\nA new paragraph... and more.",
        "U.S. troops left Kabul on Aug. 30, 2021. The end.  ",
        "Ends with a stop.",
        "  Leading spaces. Ünïcödé text — dashes. ¿Qué? Sí."
      })
  void answersAsTheJdksSentenceIterator(String text) {
    BreakIterator jdk = BreakIterator.getSentenceInstance(Locale.ROOT);
    SentenceBreaks ours = new SentenceBreaks(Locale.ROOT);
    jdk.setText(text);
    ours.setText(text);
    assertEquals(walk(jdk), walk(ours));
    for (int offset = 0; offset <= text.length(); offset++) {
      assertEquals(jdk.following(offset), ours.following(offset), "following " + offset);
      assertEquals(jdk.current(), ours.current(), "current after following " + offset);
      assertEquals(jdk.previous(), ours.previous(), "previous after following " + offset);
      assertEquals(jdk.preceding(offset), ours.preceding(offset), "preceding " + offset);
      assertEquals(jdk.current(), ours.current(), "current after preceding " + offset);
      assertEquals(jdk.next(), ours.next(), "next after preceding " + offset);
      assertEquals(jdk.isBoundary(offset), ours.isBoundary(offset), "isBoundary " + offset);
    }
    assertEquals(jdk.last(), ours.last());
    assertEquals(jdk.next(), ours.next());
    assertEquals(jdk.first(), ours.first());
    assertEquals(jdk.previous(), ours.previous());
    assertEquals(jdk.next(2), ours.next(2));
    assertEquals(jdk.next(-1), ours.next(-1));
  }

  private static List<Integer> walk(BreakIterator it) {
    List<Integer> out = new ArrayList<>();
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) {
      out.add(b);
    }
    for (int b = it.last(); b != BreakIterator.DONE; b = it.previous()) {
      out.add(b);
    }
    return out;
  }
}

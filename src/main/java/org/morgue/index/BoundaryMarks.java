package org.morgue.index;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.util.AttributeSource;

/**
 * Marks where sentences and paragraphs end, for the same-sentence ({@code /s}) and same-paragraph
 * ({@code /p}) operators, without moving any word: at each boundary between a word P and the next
 * word C, an end mark ({@link Fields#SENTENCE_END}, and {@link Fields#PARAGRAPH_END} at a paragraph
 * break) is indexed at P's position and a start mark ({@link Fields#SENTENCE_START}, {@link
 * Fields#PARAGRAPH_START}) at C's, both with a position increment of 0. A match that holds an end
 * mark directly followed by a start mark crosses a boundary; phrases, word distances and scores
 * (overlapping tokens are not counted in a field's length) are as without the marks.
 *
 * <p>A paragraph break is a blank line between the words (the body's paragraphs are joined by one).
 * A sentence ends where the text between two words holds {@code .}, {@code !} or {@code ?} and the
 * next word does not start in lower case; a full stop right after an abbreviation ({@code Mr.},
 * {@code Gen.}), an initial ({@code John F. Kennedy}) or a dotted word ({@code U.S.}) ends none.
 *
 * <p>It reads the field's whole text before the tokenizer does ({@link #setText}), to look between
 * the words.
 */
final class BoundaryMarks extends TokenFilter {
  /** Titles of people and other abbreviations a full stop follows without ending a sentence. */
  private static final Set<String> ABBREVIATIONS =
      Set.of(
          "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
          "cmdr", "adm", "maj", "prof", "jr", "sr", "rev", "hon", "pres", "no", "vs", "inc", "corp",
          "co", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
          "dec", "mt", "ft", "fig", "approx", "dept", "univ", "est", "e.g", "i.e", "etc", "al");

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
  private final ArrayDeque<AttributeSource.State> pending = new ArrayDeque<>();

  private String text = "";
  private int previousStart = -1;
  private int previousEnd = -1;

  BoundaryMarks(TokenStream input) {
    super(input);
  }

  /** The text about to be tokenized. */
  void setText(String text) {
    this.text = text;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!pending.isEmpty()) {
      restoreState(pending.poll());
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    int start = offset.startOffset();
    int end = offset.endOffset();
    Boundary b = previousEnd < 0 ? Boundary.NONE : boundary(previousStart, previousEnd, start);
    int pStart = previousStart;
    int pEnd = previousEnd;
    previousStart = start;
    previousEnd = end;
    if (b == Boundary.NONE) {
      return true;
    }
    State word = captureState();
    int inc = posInc.getPositionIncrement();
    // the end marks at the previous word's position
    mark(Fields.SENTENCE_END, 0, pStart, pEnd);
    if (b == Boundary.PARAGRAPH) {
      mark(Fields.PARAGRAPH_END, 0, pStart, pEnd);
    }
    restoreState(word);
    posInc.setPositionIncrement(inc);
    pending.add(captureState());
    mark(Fields.SENTENCE_START, 0, start, end);
    if (b == Boundary.PARAGRAPH) {
      mark(Fields.PARAGRAPH_START, 0, start, end);
    }
    restoreState(pending.poll());
    return true;
  }

  private void mark(String mark, int increment, int start, int end) {
    term.setEmpty().append(mark);
    posInc.setPositionIncrement(increment);
    offset.setOffset(start, end);
    pending.add(captureState());
  }

  private enum Boundary {
    NONE,
    SENTENCE,
    PARAGRAPH
  }

  private Boundary boundary(int pStart, int pEnd, int start) {
    if (start > text.length() || pEnd > start) {
      return Boundary.NONE;
    }
    int newlines = 0;
    boolean stop = false;
    for (int i = pEnd; i < start; i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        if (++newlines >= 2) {
          return Boundary.PARAGRAPH;
        }
      } else if (c == '.' || c == '!' || c == '?') {
        stop |= c != '.' || i != pEnd || !abbreviation(pStart, pEnd);
      } else if (c == '\u2029') {
        return Boundary.PARAGRAPH;
      }
    }
    if (!stop || start >= text.length() || Character.isLowerCase(text.charAt(start))) {
      return Boundary.NONE;
    }
    return Boundary.SENTENCE;
  }

  /** Whether the word before a full stop is an abbreviation, an initial or a dotted word. */
  private boolean abbreviation(int pStart, int pEnd) {
    int length = pEnd - pStart;
    if (length == 1 && Character.isLetter(text.charAt(pStart))) {
      return true;
    }
    if (length > 6) {
      return false;
    }
    String word = text.substring(pStart, pEnd);
    return word.indexOf('.') >= 0 || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pending.clear();
    previousStart = -1;
    previousEnd = -1;
  }
}

package org.morgue.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JDK's sentence boundaries of a text ({@link BreakIterator#getSentenceInstance(Locale)}),
 * found in one forward pass when the text is set and then answered from an array. The highlighter's
 * {@code LengthGoalBreakIterator} asks for the boundary before and after each match ({@code
 * preceding}, {@code following}); the JDK's iterator answers each by backing up with its reverse
 * rules and scanning forward again, which made it the costliest part of a snippet, and its reverse
 * rules sometimes stop where its forward pass does not (inside "Colo. --" or before "2019 ."), so
 * that a snippet began with ". --". Here each answer is a binary search among the forward pass's
 * boundaries.
 *
 * <p>Example: over "It rained. Mr. Smith left." the boundaries are 0, 11 and 26 ("Mr." ends no
 * sentence), so {@code following(12)} is 26 and {@code preceding(12)} is 11.
 */
final class SentenceBreaks extends BreakIterator {
  private final Locale locale;
  private CharacterIterator text = new StringCharacterIterator("");
  private int[] bounds = {0};
  private int current;

  SentenceBreaks(Locale locale) {
    this.locale = locale;
  }

  @Override
  public void setText(CharacterIterator newText) {
    BreakIterator base = BreakIterator.getSentenceInstance(locale);
    base.setText(newText);
    int[] found = new int[16];
    int n = 0;
    for (int b = base.first(); b != DONE; b = base.next()) {
      if (n == found.length) {
        found = Arrays.copyOf(found, n * 2);
      }
      found[n++] = b;
    }
    this.bounds = Arrays.copyOf(found, n);
    this.text = newText;
    this.current = bounds[0];
  }

  @Override
  public CharacterIterator getText() {
    return text;
  }

  @Override
  public int first() {
    current = bounds[0];
    return current;
  }

  @Override
  public int last() {
    current = bounds[bounds.length - 1];
    return current;
  }

  @Override
  public int next(int n) {
    int result = current;
    for (; n > 0 && result != DONE; n--) {
      result = next();
    }
    for (; n < 0 && result != DONE; n++) {
      result = previous();
    }
    return result;
  }

  @Override
  public int next() {
    int i = after(current);
    if (i == bounds.length) {
      return DONE;
    }
    current = bounds[i];
    return current;
  }

  @Override
  public int previous() {
    int i = before(current);
    if (i < 0) {
      return DONE;
    }
    current = bounds[i];
    return current;
  }

  @Override
  public int following(int offset) {
    check(offset);
    int i = after(offset);
    if (i == bounds.length) {
      current = bounds[bounds.length - 1];
      return DONE;
    }
    current = bounds[i];
    return current;
  }

  @Override
  public int preceding(int offset) {
    check(offset);
    int i = before(offset);
    if (i < 0) {
      current = bounds[0];
      return DONE;
    }
    current = bounds[i];
    return current;
  }

  @Override
  public boolean isBoundary(int offset) {
    check(offset);
    if (offset == text.getBeginIndex()) {
      return true;
    }
    return following(offset - 1) == offset;
  }

  @Override
  public int current() {
    return current;
  }

  @Override
  public Object clone() {
    SentenceBreaks copy = (SentenceBreaks) super.clone();
    copy.text = (CharacterIterator) text.clone();
    return copy;
  }

  /** The index of the first boundary after {@code offset}, or the number of boundaries. */
  private int after(int offset) {
    int i = Arrays.binarySearch(bounds, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** The index of the last boundary before {@code offset}, or -1. */
  private int before(int offset) {
    int i = Arrays.binarySearch(bounds, offset);
    return (i >= 0 ? i : -i - 1) - 1;
  }

  private void check(int offset) {
    if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
      throw new IllegalArgumentException("offset out of bounds");
    }
  }
}

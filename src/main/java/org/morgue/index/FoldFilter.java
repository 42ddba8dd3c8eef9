package org.morgue.index;

import java.io.IOException;
import org.apache.lucene.analysis.CharacterUtils;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Lower-cases and folds accents in one pass: the same terms as Lucene's LowerCaseFilter followed by
 * ASCIIFoldingFilter, with a table for the ASCII words that make up nearly all of English news and
 * the two Lucene filters' work only for a word that holds another character. It runs on every token
 * of every article and every query word.
 *
 * <p>It is the archive's one folding: the analyzers' {@code normalize} (the text of a pattern such
 * as {@code Erdoğ*}) and {@link #fold(String)} (a whole text, such as a facet value matched by
 * prefix) run the same code, so no two parts of Morgue disagree on what a letter folds to.
 */
final class FoldFilter extends TokenFilter {
  private static final char[] LOWER = new char[128];

  static {
    for (char c = 0; c < 128; c++) {
      LOWER[c] = Character.toLowerCase(c);
    }
  }

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private char[] folded = new char[64];

  FoldFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    char[] b = term.buffer();
    int length = term.length();
    if (!lowerAscii(b, length)) {
      folded = room(folded, length);
      term.copyBuffer(folded, 0, foldRest(b, length, folded));
    }
    return true;
  }

  /**
   * Lower case, accents folded, as every word is indexed: {@code "Søren Ærø"} gives {@code "soren
   * aero"}, {@code "Erdoğan"} gives {@code "erdogan"}. The text is taken whole (spaces and
   * punctuation stay where they are, bar the few that ASCII folding rewrites).
   */
  static String fold(String text) {
    char[] b = text.toCharArray();
    if (lowerAscii(b, b.length)) {
      return new String(b);
    }
    char[] out = room(new char[0], b.length);
    return new String(out, 0, foldRest(b, b.length, out));
  }

  /** Lower-cases the ASCII characters of {@code b[0, length)} in place; true if all were ASCII. */
  private static boolean lowerAscii(char[] b, int length) {
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = b[i];
      if (c < 0x80) {
        b[i] = LOWER[c];
      } else {
        ascii = false;
      }
    }
    return ascii;
  }

  /** {@code buffer}, or a larger one, with room for the folding of {@code length} characters. */
  private static char[] room(char[] buffer, int length) {
    int max = length * 4; // ASCIIFoldingFilter writes at most four characters for one
    return buffer.length < max ? new char[max] : buffer;
  }

  /**
   * Lower-cases the rest of {@code b[0, length)} (its ASCII is already done) and folds it into
   * {@code out}; returns the folded length.
   */
  private static int foldRest(char[] b, int length, char[] out) {
    CharacterUtils.toLowerCase(b, 0, length);
    return ASCIIFoldingFilter.foldToASCII(b, 0, out, 0, length);
  }
}

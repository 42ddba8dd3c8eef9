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
 * of every article.
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
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      char c = b[i];
      if (c < 0x80) {
        b[i] = LOWER[c];
      } else {
        ascii = false;
      }
    }
    if (!ascii) {
      CharacterUtils.toLowerCase(b, 0, length);
      int max = length * 4;
      if (folded.length < max) {
        folded = new char[max];
      }
      int n = ASCIIFoldingFilter.foldToASCII(b, 0, folded, 0, length);
      term.copyBuffer(folded, 0, n);
    }
    return true;
  }
}

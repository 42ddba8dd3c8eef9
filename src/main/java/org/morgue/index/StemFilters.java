package org.morgue.index;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The two ends of the text chain: one for indexing, which keeps every word as written and adds its
 * marked stem, and one for queries, which looks for stems.
 */
final class StemFilters {
  private StemFilters() {}

  /**
   * Index side: each word as written (so exact phrases match), then, at the same position and with
   * the same offsets, its stem marked with {@link Stems#MARK} when the stem differs: {@code
   * elections} gives {@code elections} and {@code ~elect}; {@code war} gives {@code war} only.
   */
  static final class IndexTwins extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Stems stems = Stems.get();
    private char[] pending;

    IndexTwins(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pending != null) {
        emitMarked(term, pending);
        posInc.setPositionIncrement(0);
        pending = null;
        return true;
      }
      if (!input.incrementToken()) {
        return false;
      }
      pending = stems.indexStem(term.buffer(), term.length());
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
    }
  }

  /**
   * Query side: stop words dropped, each other word replaced by its stem in both spellings at one
   * position: the stem as written (a word that is its own stem) and marked (a word that stems to
   * it), which the query parser makes one SynonymQuery, scored as one term.
   */
  static final class QueryStems extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final Stems stems = Stems.get();
    private char[] pending;

    QueryStems(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (pending != null) {
        emitMarked(term, pending);
        posInc.setPositionIncrement(0);
        pending = null;
        return true;
      }
      int skipped = 0;
      while (input.incrementToken()) {
        char[] stem = stems.queryStem(term.buffer(), term.length());
        if (stem == null) {
          skipped += posInc.getPositionIncrement();
          continue;
        }
        pending = Stems.stemmable(term.buffer(), term.length()) ? stem : null;
        term.copyBuffer(stem, 0, stem.length);
        posInc.setPositionIncrement(posInc.getPositionIncrement() + skipped);
        return true;
      }
      return false;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = null;
    }
  }

  private static void emitMarked(CharTermAttribute term, char[] stem) {
    term.setEmpty().append(Stems.MARK);
    term.resizeBuffer(stem.length + 1);
    System.arraycopy(stem, 0, term.buffer(), 1, stem.length);
    term.setLength(stem.length + 1);
  }
}

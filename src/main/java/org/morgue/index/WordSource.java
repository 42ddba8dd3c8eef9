package org.morgue.index;

import java.io.IOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The words an archive's text field holds, walked in term order from a prefix: what stem expansion
 * ({@link StemExpansion}) reads. The embedded index walks its term dictionary ({@link #of}); the
 * OpenSearch backend walks its index of the archive's words.
 */
public interface WordSource {
  /** What a walk gives each word to; {@code false} stops the walk. */
  @FunctionalInterface
  interface Visitor {
    boolean visit(String word) throws IOException;
  }

  /** Gives the words of {@code field} that start with {@code prefix}, in term order. */
  void walk(String field, String prefix, Visitor visitor) throws IOException;

  /** The words of an index reader's term dictionary. */
  static WordSource of(IndexReader reader) {
    return (field, prefix, visitor) -> {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms == null) {
        return;
      }
      BytesRef start = new BytesRef(prefix);
      TermsEnum te = terms.iterator();
      if (te.seekCeil(start) == TermsEnum.SeekStatus.END) {
        return;
      }
      for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, start); t = te.next()) {
        if (!visitor.visit(t.utf8ToString())) {
          return;
        }
      }
    };
  }
}

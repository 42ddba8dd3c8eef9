package org.morgue.index;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index and its queries.
 *
 * <p>Every field is indexed as its words as written: Unicode word tokens (StandardTokenizer),
 * lower-cased, accents folded ({@code Erdoğan} → {@code erdogan}, {@link FoldFilter}), stop words
 * kept. A quoted phrase looks for those words. A query word in a text field looks for every indexed
 * word with the same English stem ({@link StemExpansion}), so {@code elections} finds {@code
 * election}.
 */
public final class Analyzers {
  private static final Set<String> TEXT = Set.copyOf(Fields.TEXT);

  private Analyzers() {}

  /** Words as written: tokenised, lower-cased, folded. The index analyzer of every field. */
  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        return new TokenStreamComponents(source, new FoldFilter(source));
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** The index analyzer. */
  public static Analyzer forIndex() {
    return exact();
  }

  /**
   * Query words, bound to one index reader: in the text fields, stop words dropped and each word
   * expanded to the indexed words of its stem; elsewhere, words as written.
   */
  public static Analyzer forQuery(StemExpansion expansion) {
    return new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) { // each text field has its own words
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new FoldFilter(source);
        if (TEXT.contains(field)) {
          ts = expansion.new Filter(ts, field);
        }
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }
}

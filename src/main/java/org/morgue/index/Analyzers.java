package org.morgue.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index and its queries.
 *
 * <p>Every field is indexed as its words as written: Unicode word tokens (StandardTokenizer),
 * lower-cased, accents folded ({@code Erdoğan} → {@code erdogan}, {@link FoldFilter}), stop words
 * kept. The text of a pattern ({@code Erdoğ*}) and a facet value matched by prefix ({@link #fold})
 * fold the same way: there is one folding. A quoted phrase looks for those words. A query word in a
 * text field looks for every indexed word with the same English stem ({@link StemExpansion}), so
 * {@code elections} finds {@code election}.
 */
public final class Analyzers {
  private static final Set<String> TEXT = Set.copyOf(Fields.TEXT);

  private Analyzers() {}

  /**
   * The one folding of the archive's text: lower case, accents folded, exactly as every word is
   * indexed ({@link FoldFilter}), so that whatever is compared with the index or with another
   * folded text agrees with a search. {@code fold("Søren Kierkegaard")} is {@code soren
   * kierkegaard}, as {@code q=soren} finds him; {@code fold("Zoë Martín")} is {@code zoe martin}.
   * Facet values are matched to a typed prefix this way.
   */
  public static String fold(String text) {
    return FoldFilter.fold(text);
  }

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
        return new FoldFilter(in); // a pattern's text (pres*) folds as the indexed words did
      }
    };
  }

  /**
   * The index analyzer: {@link #exact()}, and in the text fields ({@link Fields#TEXT}) the marks of
   * sentence and paragraph boundaries ({@link BoundaryMarks}) at the positions of the words around
   * them.
   */
  public static Analyzer forIndex() {
    return new Analyzer(Analyzer.PER_FIELD_REUSE_STRATEGY) {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream folded = new FoldFilter(source);
        if (!TEXT.contains(field)) {
          return new TokenStreamComponents(source, folded);
        }
        BoundaryMarks marks = new BoundaryMarks(folded);
        return new TokenStreamComponents(
            reader -> {
              String text = readAll(reader);
              marks.setText(text);
              source.setReader(new StringReader(text));
            },
            marks);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new FoldFilter(in);
      }
    };
  }

  private static String readAll(Reader reader) {
    try {
      StringBuilder out = new StringBuilder();
      char[] buffer = new char[4096];
      for (int n; (n = reader.read(buffer)) >= 0; ) {
        out.append(buffer, 0, n);
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
        return new FoldFilter(in); // a pattern's text (pres*) folds as the indexed words did
      }
    };
  }
}

package org.morgue.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analyzers of the index and its queries.
 *
 * <p>Every chain starts the same: Unicode word tokens (StandardTokenizer), lower-cased, accents
 * folded ({@code Erdoğan} → {@code erdogan}). A text field (title, lede, body) then holds each word
 * as written, for exact phrases, and beside it, at the same position, its English stem marked with
 * {@code ~} when the stem differs ({@code elections} → {@code elections ~elect}). One field serves
 * both kinds of search: a query word looks for its stem in both spellings, a quoted phrase for the
 * words as written. This costs a fraction of a second, stemmed copy of the text, which would be
 * tokenised and inverted again.
 */
public final class Analyzers {
  private Analyzers() {}

  /** Words as written: tokenised, lower-cased, folded. Quoted phrases, names, sections, sources. */
  public static Analyzer exact() {
    return chain(false, false);
  }

  /** The index side of text fields: words as written plus their marked stems. */
  public static Analyzer textIndex() {
    return chain(true, false);
  }

  /** The query side of text fields: stop words dropped, each word as its stem in both spellings. */
  public static Analyzer textQuery() {
    return chain(false, true);
  }

  private static Analyzer chain(boolean indexTwins, boolean queryStems) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        if (indexTwins) {
          ts = new StemFilters.IndexTwins(ts);
        } else if (queryStems) {
          ts = new StemFilters.QueryStems(ts);
        }
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Indexing: {@link #textIndex()} for the text fields, {@link #exact()} for the rest. */
  public static Analyzer forIndex() {
    return perField(textIndex());
  }

  /** Unquoted query words: {@link #textQuery()} for the text fields, {@link #exact()} for the rest. */
  public static Analyzer forQuery() {
    return perField(textQuery());
  }

  private static Analyzer perField(Analyzer text) {
    return new PerFieldAnalyzerWrapper(
        exact(), Map.of(Fields.TITLE, text, Fields.LEDE, text, Fields.BODY, text));
  }
}

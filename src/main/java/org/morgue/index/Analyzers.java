package org.morgue.index;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/** The analyzers of the index, shared by indexing and query parsing so that both see the same terms. */
public final class Analyzers {
  private Analyzers() {}

  /**
   * Text for relevance: Unicode word tokens, lower-cased, accents folded ({@code Erdoğan} → {@code
   * erdogan}), possessives dropped, English stop words removed, Porter-stemmed ({@code elections} →
   * {@code elect}). At index time {@link TextAnalysis} gives the same terms from one tokenisation.
   */
  public static Analyzer text() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new LowerCaseFilter(source);
        ts = new ASCIIFoldingFilter(ts);
        ts = new EnglishPossessiveFilter(ts);
        ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /**
   * Exact words: the {@link #text()} chain without stemming or stop words, for quoted phrases, and
   * for names (authors, sections, sources), which must not be stemmed.
   */
  public static Analyzer exact() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, ts);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /**
   * The analyzer of the whole index: {@link #text()} for the stemmed text fields, {@link #exact()}
   * for everything else that is analysed.
   */
  public static Analyzer forIndex() {
    Analyzer text = text();
    return new PerFieldAnalyzerWrapper(
        exact(), Map.of(Fields.TITLE, text, Fields.LEDE, text, Fields.BODY, text));
  }
}

package org.morgue.index;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * Analyses a text field once for both of its index fields. Tokenising is the dearest step of
 * indexing, and the stemmed field and its exact twin share it: the exact field's chain ({@link
 * Analyzers#exact()}) records each token as it passes, and the stemmed field replays the recording
 * through the rest of {@link Analyzers#text()} (possessives, stop words, stemming). The terms are the
 * same as the two analyzers give separately; a test holds them to it.
 *
 * <p>This relies on the index writer inverting a document's fields in the order they were added, the
 * exact twin first; {@link ArticleDocuments} adds them so.
 */
final class TextAnalysis {
  /** The exact twin: positions, so that phrases match; norms, for scoring them. */
  static final FieldType EXACT = positional();

  /**
   * The stemmed field: frequencies but no positions. Every phrase goes to the exact twin, so
   * positions here would only cost time and space.
   */
  static final FieldType STEMMED = freqsOnly();

  private TextAnalysis() {}

  private static FieldType positional() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    t.freeze();
    return t;
  }

  private static FieldType freqsOnly() {
    FieldType t = new FieldType();
    t.setTokenized(true);
    t.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    t.freeze();
    return t;
  }

  /** The exact field, then the stemmed one, for {@code value} of text field {@code field}. */
  static Field[] fields(String field, String value) {
    StandardTokenizer tokenizer = new StandardTokenizer();
    tokenizer.setReader(new StringReader(value));
    Recorder recorder = new Recorder(new ASCIIFoldingFilter(new LowerCaseFilter(tokenizer)));
    TokenStream stemmed =
        new PorterStemFilter(
            new StopFilter(
                new EnglishPossessiveFilter(new Replay(recorder)),
                EnglishAnalyzer.ENGLISH_STOP_WORDS_SET));
    return new Field[] {
      new Field(Fields.exact(field), recorder, EXACT), new Field(field, stemmed, STEMMED)
    };
  }

  /** Passes tokens through and keeps a compact copy of their terms and positions. */
  static final class Recorder extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    char[] chars = new char[1024];
    int[] ints = new int[256]; // per token: end in chars, position increment, start and end offset
    int count;
    int length;
    boolean done;

    Recorder(TokenStream input) {
      super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (!input.incrementToken()) {
        done = true;
        return false;
      }
      int len = term.length();
      if (length + len > chars.length) {
        chars = Arrays.copyOf(chars, Math.max(length + len, chars.length * 2));
      }
      System.arraycopy(term.buffer(), 0, chars, length, len);
      length += len;
      if ((count + 1) * 4 > ints.length) {
        ints = Arrays.copyOf(ints, ints.length * 2);
      }
      int i = count * 4;
      ints[i] = length;
      ints[i + 1] = posInc.getPositionIncrement();
      ints[i + 2] = offset.startOffset();
      ints[i + 3] = offset.endOffset();
      count++;
      return true;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      count = 0;
      length = 0;
      done = false;
    }
  }

  /** Plays back what a {@link Recorder} kept, once it has seen its whole stream. */
  static final class Replay extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc = addAttribute(PositionIncrementAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final Recorder recorder;
    private int next;

    Replay(Recorder recorder) {
      this.recorder = recorder;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      if (!recorder.done) {
        throw new IllegalStateException("the exact field must be inverted before its stemmed twin");
      }
      next = 0;
    }

    @Override
    public boolean incrementToken() {
      if (next == recorder.count) {
        return false;
      }
      clearAttributes();
      int i = next * 4;
      int start = next == 0 ? 0 : recorder.ints[i - 4];
      term.copyBuffer(recorder.chars, start, recorder.ints[i] - start);
      posInc.setPositionIncrement(recorder.ints[i + 1]);
      offset.setOffset(recorder.ints[i + 2], recorder.ints[i + 3]);
      next++;
      return true;
    }
  }
}

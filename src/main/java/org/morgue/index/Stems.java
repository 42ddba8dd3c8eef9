package org.morgue.index;

import java.io.IOException;
import java.util.Arrays;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.KStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * English stems of lower-cased, folded words: possessives dropped ({@code armenia's} → {@code
 * armenia}), stop words have none, the rest stemmed by a {@link Stemmer}; for Morgue's, {@link
 * Stemmer#INFLECTIONS}, a word is its own stem and {@link StemExpansion} finds its forms by {@link
 * Inflections}. A word that would not start with the first letters of its stem ({@link
 * #prefixLength}) is its own stem. Stems are remembered per thread and stemmer: news vocabulary
 * repeats, so most words are a lookup instead of a run of the stemmer.
 */
final class Stems {
  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
  private static final ThreadLocal<Stems[]> PER_THREAD =
      ThreadLocal.withInitial(() -> new Stems[Stemmer.values().length]);
  private static final int MAX_ENTRIES = 200_000;

  /** Remembered for stop words and possessive endings, which have no stem. */
  private static final char[] NONE = new char[0];

  /** Remembered for words that are their own stem. */
  private static final char[] SAME = new char[0];

  private final CharArrayMap<char[]> memo = new CharArrayMap<>(1 << 14, false);
  private final OneToken source = new OneToken();
  private final Stemmer stemmer;
  private final TokenStream filter;
  private final CharTermAttribute stemmed;

  private Stems(Stemmer stemmer) {
    this.stemmer = stemmer;
    this.filter =
        switch (stemmer) {
          case PORTER -> new PorterStemFilter(source);
          case KSTEM -> new KStemFilter(source);
          case MINIMAL, INFLECTIONS -> new EnglishMinimalStemFilter(source); // INFLECTIONS: unused
        };
    this.stemmed = filter.getAttribute(CharTermAttribute.class);
  }

  /** The default stemmer ({@link Stemmer#DEFAULT}) of the calling thread. */
  static Stems get() {
    return get(Stemmer.DEFAULT);
  }

  /** The given stemmer of the calling thread. */
  static Stems get(Stemmer stemmer) {
    Stems[] mine = PER_THREAD.get();
    Stems s = mine[stemmer.ordinal()];
    if (s == null) {
      s = mine[stemmer.ordinal()] = new Stems(stemmer);
    }
    return s;
  }

  /**
   * What a query word looks for: {@code null} for a stop word (dropped from queries), the word
   * itself when it cannot be stemmed (see {@link #stemmable}), else its stem.
   */
  char[] queryStem(char[] buffer, int length) throws IOException {
    if (!stemmable(buffer, length)) {
      return STOP_WORDS.contains(buffer, 0, length) ? null : Arrays.copyOf(buffer, length);
    }
    char[] stem = memoised(buffer, length);
    return stem == NONE ? null : stem == SAME ? Arrays.copyOf(buffer, length) : stem;
  }

  /**
   * How much of a stem every word with that stem starts with. Porter only cuts endings and, at the
   * end of what it keeps, may add one letter ({@code hoping} → {@code hope}, {@code happy} → {@code
   * happi}) or swap a short ending ({@code possibility} → {@code possibl}); so all the words of a
   * stem share its first letters but the last one or two. A test checks this over every word of the
   * demo corpus.
   */
  static int prefixLength(int stemLength) {
    return Math.max(1, stemLength >= 5 ? stemLength - 2 : stemLength - 1);
  }

  /** Words of three letters or more with no digit: the ones that can have a stem of their own. */
  static boolean stemmable(char[] buffer, int length) {
    if (length <= 2) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = buffer[i];
      if (c >= '0' && c <= '9') {
        return false;
      }
    }
    return true;
  }

  private char[] memoised(char[] buffer, int length) throws IOException {
    char[] known = memo.get(buffer, 0, length);
    if (known == null) {
      known = compute(buffer, length);
      if (memo.size() >= MAX_ENTRIES) {
        memo.clear();
      }
      memo.put(Arrays.copyOf(buffer, length), known);
    }
    return known;
  }

  private char[] compute(char[] buffer, int original) throws IOException {
    int length = original;
    if (length >= 2
        && (buffer[length - 1] == 's' || buffer[length - 1] == 'S')
        && (buffer[length - 2] == '\''
            || buffer[length - 2] == '\u2019'
            || buffer[length - 2] == '\uFF07')) {
      length -= 2;
    }
    if (length == 0 || STOP_WORDS.contains(buffer, 0, length)) {
      return NONE;
    }
    if (stemmer == Stemmer.INFLECTIONS) {
      // the word is its own key; StemExpansion finds its forms (Inflections)
      return length == original ? SAME : Arrays.copyOf(buffer, length);
    }
    source.set(buffer, length);
    filter.reset();
    filter.incrementToken();
    char[] stem = Arrays.copyOf(stemmed.buffer(), stemmed.length());
    filter.end();
    if (!startsWithPrefixOf(buffer, length, stem)) {
      // an irregular form (ran -> run) that the walk from its stem's first letters would miss:
      // it is its own stem, so that it is still found as written
      stem = Arrays.copyOf(buffer, length);
    }
    return Arrays.equals(stem, 0, stem.length, buffer, 0, original) ? SAME : stem;
  }

  /** Whether the word starts with the first {@link #prefixLength} letters of {@code stem}. */
  private static boolean startsWithPrefixOf(char[] word, int length, char[] stem) {
    int p = prefixLength(stem.length);
    if (stem.length == 0 || length < p) {
      return false;
    }
    return Arrays.equals(word, 0, p, stem, 0, p);
  }

  /** A stream of one given token, to run the stemmer on a single word. */
  private static final class OneToken extends TokenStream {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private char[] buffer;
    private int length;
    private boolean done;

    void set(char[] buffer, int length) {
      this.buffer = buffer;
      this.length = length;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      done = false;
    }

    @Override
    public boolean incrementToken() {
      if (done) {
        return false;
      }
      clearAttributes();
      term.copyBuffer(buffer, 0, length);
      done = true;
      return true;
    }
  }
}

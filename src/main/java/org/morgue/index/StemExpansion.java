package org.morgue.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;

/**
 * English stemming at query time: a query word becomes every word of the index that is one of its
 * forms, so {@code election} also finds {@code elections} and {@code election's} (not {@code
 * elected}: Morgue's {@link Stemmer#INFLECTIONS} finds inflections, not derivations), and the words
 * are scored as one term.
 *
 * <p>Why not index stems? The text fields hold the words as written, which exact phrases need;
 * stems beside them would add a third to the terms indexed and slow every ingest by half, for a
 * lookup that is cheap at query time: all the words of a stem start with its first letters ({@link
 * Stems#prefixLength}), so a short walk of the term dictionary from there, keeping the words whose
 * stem is the same, finds them all. Expansions are remembered for the life of one index reader.
 */
public final class StemExpansion {
  /** A stem with more words than this (never seen in English news) keeps the first ones. */
  static final int MAX_WORDS = 1024;

  private final WordSource source;
  private final Stemmer stemmer;
  private final Map<String, String[]> cache = new ConcurrentHashMap<>();

  /** The expansions of {@link Stemmer#DEFAULT} over {@code reader}. */
  public StemExpansion(IndexReader reader) {
    this(reader, Stemmer.DEFAULT);
  }

  /** The expansions of {@code stemmer} over {@code reader}, to compare stemmers. */
  public StemExpansion(IndexReader reader, Stemmer stemmer) {
    this(WordSource.of(reader), stemmer);
  }

  /** The expansions of {@link Stemmer#DEFAULT} over the words of {@code source}. */
  public StemExpansion(WordSource source) {
    this(source, Stemmer.DEFAULT);
  }

  private StemExpansion(WordSource source, Stemmer stemmer) {
    this.source = source;
    this.stemmer = stemmer;
  }

  /**
   * The words of {@code field} a query word looks for: those of its stem, or the word itself when
   * it has none indexed or cannot be stemmed; empty for a stop word. The word must be lower-cased
   * and folded as the index's words are.
   *
   * <p>Example: {@code expand("body", "officers")} gives {@code officer, officer's, officers}.
   */
  public String[] expand(String field, String word) throws IOException {
    char[] w = word.toCharArray();
    char[] stem = Stems.get(stemmer).queryStem(w, w.length);
    if (stem == null) {
      return new String[0];
    }
    if (!Stems.stemmable(w, w.length)) {
      return new String[] {word};
    }
    String[] words = words(field, new String(stem));
    return words.length == 0 ? new String[] {word} : words;
  }

  /**
   * What a word looks for when typed as a query word: {@code null} for a stop word, the word itself
   * (folded) when it cannot be stemmed (two letters, digits), else its English stem; {@code
   * stemOf("Elections")} is {@code elect}, as are the stems of {@code elected} and {@code
   * election}.
   */
  public static String stemOf(String word) {
    try {
      char[] folded = Analyzers.fold(word).toCharArray();
      char[] stem = Stems.get().queryStem(folded, folded.length);
      return stem == null ? null : new String(stem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A key shared by a word and its forms, to count them as one word: the stem for a stemmer that
   * cuts words to one, and for {@link Stemmer#INFLECTIONS} (where a word is its own stem) the first
   * of its bases ({@code ended} and {@code ending} both give {@code end}); {@code null} for a stop
   * word.
   */
  public static String familyOf(String word) {
    String stem = stemOf(word);
    if (stem == null || Stemmer.DEFAULT != Stemmer.INFLECTIONS) {
      return stem;
    }
    String first = stem;
    for (String b : Inflections.bases(stem)) {
      if (b.compareTo(first) < 0) {
        first = b;
      }
    }
    return first;
  }

  /**
   * The words of {@code field} whose stem is {@code stem}, in term order; empty when there are
   * none.
   *
   * <p>Example: over an index holding "elects" and "elected", {@code words("body", "elect")} gives
   * both. For {@link Stemmer#INFLECTIONS} the stem is the query word itself.
   */
  public String[] words(String field, String stem) {
    return cache.computeIfAbsent(field + '\u0000' + stem, k -> lookup(field, stem));
  }

  private String[] lookup(String field, String stem) {
    try {
      List<String> out = new ArrayList<>();
      if (stemmer == Stemmer.INFLECTIONS) {
        // the indexed words that are forms of the word (Inflections), in term order
        List<String> bases = Inflections.bases(stem);
        source.walk(
            field,
            Inflections.walkPrefix(bases),
            word -> {
              if (Inflections.sameWord(bases, word)) {
                out.add(word);
              }
              return out.size() < MAX_WORDS;
            });
        return out.toArray(String[]::new);
      }
      Stems stems = Stems.get(stemmer);
      char[] target = stem.toCharArray();
      source.walk(
          field,
          stem.substring(0, Stems.prefixLength(stem.length())),
          term -> {
            char[] word = term.toCharArray();
            char[] s =
                Stems.stemmable(word, word.length) ? stems.queryStem(word, word.length) : word;
            if (s != null && Arrays.equals(s, target)) {
              out.add(term);
            }
            return out.size() < MAX_WORDS;
          });
      return out.toArray(String[]::new);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The query side of a text field: stop words dropped; a word that can be stemmed replaced by the
   * words of the index that share its stem, all at its position (the query parser makes them one
   * SynonymQuery); a word that cannot (two letters, digits) or has no such word left as written.
   */
  final class Filter extends TokenFilter {
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute posInc =
        addAttribute(PositionIncrementAttribute.class);
    private final String field;
    private String[] pending = new String[0];
    private int next;

    Filter(TokenStream input, String field) {
      super(input);
      this.field = field;
    }

    @Override
    public boolean incrementToken() throws IOException {
      if (next < pending.length) {
        term.setEmpty().append(pending[next++]);
        posInc.setPositionIncrement(0);
        return true;
      }
      int skipped = 0;
      Stems stems = Stems.get(stemmer);
      while (input.incrementToken()) {
        char[] buffer = term.buffer();
        int length = term.length();
        char[] stem = stems.queryStem(buffer, length);
        if (stem == null) {
          skipped += posInc.getPositionIncrement(); // a stop word
          continue;
        }
        posInc.setPositionIncrement(posInc.getPositionIncrement() + skipped);
        if (Stems.stemmable(buffer, length)) {
          String[] words = words(field, new String(stem));
          if (words.length > 0) {
            term.setEmpty().append(words[0]);
            pending = words;
            next = 1;
          }
        }
        return true;
      }
      return false;
    }

    @Override
    public void reset() throws IOException {
      super.reset();
      pending = new String[0];
      next = 0;
    }
  }
}

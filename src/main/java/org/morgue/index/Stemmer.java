package org.morgue.index;

/**
 * The English stemmers a query word's forms can be found by ({@link StemExpansion}). Morgue
 * searches with {@link #DEFAULT}; the others are kept to compare with ({@code morgue dev
 * stemmers}).
 */
public enum Stemmer {
  /** Porter's algorithm: inflections and derivations ({@code officers} finds {@code office}). */
  PORTER,
  /**
   * Krovetz's stemmer (Lucene's KStemFilter): a dictionary-checked stemmer, inflections and some
   * derivations ({@code officially} finds {@code official}).
   */
  KSTEM,
  /**
   * Plurals only (Lucene's EnglishMinimalStemFilter): {@code elected} does not find {@code elect}.
   */
  MINIMAL,
  /**
   * Inflections only: Krovetz's stem of a word that ends as an inflection does (a plural's or a
   * verb's {@code -s}, {@code -ed}, {@code -ing}, an irregular plural's {@code -en}); any other
   * word is its own stem. {@code officers} finds {@code officer}, {@code running} finds {@code
   * run}, {@code nationalism} finds only itself.
   */
  INFLECTIONS;

  /** The stemmer of every search. */
  public static final Stemmer DEFAULT = INFLECTIONS;
}

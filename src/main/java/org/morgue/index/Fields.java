package org.morgue.index;

import java.util.List;

/**
 * The index fields: the contract between {@code index/} and {@code search/}. Each field's Lucene
 * type, and why, is given here once; {@link ArticleDocuments} builds documents to match.
 *
 * <table>
 * <caption>Field choices</caption>
 * <tr><th>field</th><th>Lucene type</th><th>why</th></tr>
 * <tr><td>{@value #ID}</td><td>KeywordField, stored</td><td>exact term for updateDocument (re-ingest
 *     replaces) and lookup; sorted doc values break ties and name wire copies without loading stored
 *     fields</td></tr>
 * <tr><td>{@value #DATE}</td><td>LongField of the epoch day, stored</td><td>points make date ranges
 *     fast; its doc values sort by date and feed the histogram; a day is the archive's unit</td></tr>
 * <tr><td>{@value #TITLE}, {@value #LEDE}, {@value #BODY}</td><td>TextField (positions), stored</td>
 *     <td>{@link Analyzers#exact()}: every word as written, lower-cased and accents folded, stop words
 *     kept: "Erdogan" finds "Erdoğan", and a quoted phrase matches the exact words. English stemming
 *     happens at query time ({@link StemExpansion}): a query word becomes the indexed words of its
 *     stem, so "elections" finds "election". A stemmed copy of the text would double the terms to
 *     invert and halve ingest speed for what a term-dictionary walk gives per query word. Stored for
 *     display and for highlighting by re-analysis (offsets in the postings would grow the index for
 *     a few snippets a page). Sentence and paragraph boundaries are marked by terms at the positions
 *     of the words around them ({@link #SENTENCE_END} and the like, {@link BoundaryMarks}), for the
 *     {@code /s} and {@code /p} operators; they move no word (schema version 3)</td></tr>
 * <tr><td>{@value #SECTION}, {@value #SOURCE}, {@value #AUTHOR}</td><td>TextField, stored, plus a
 *     sorted-set facet of the same name</td><td>{@link Analyzers#exact} lets {@code author:tekingunduz}
 *     and {@code section:world} match without case; the facet (with its drill-down terms) gives counts
 *     and exact filters on the value as written</td></tr>
 * <tr><td>{@value #PERSON}, {@value #ORG}, {@value #PLACE}</td><td>TextField, stored, plus a
 *     sorted-set facet of the same name</td><td>the canonical names of the article's entities: as
 *     for authors, {@code person:"Nikol Pashinyan"} and {@code place:karabakh} match by word, the
 *     facet gives counts and exact filters</td></tr>
 * <tr><td>{@value #MENTIONS}</td><td>StoredField</td><td>every mention with its offsets ({@link
 *     StoredMentions}): the article view highlights them, and {@code entities apply} canonicalises
 *     again from them without the extractor</td></tr>
 * <tr><td>{@value #NAMES}</td><td>StringField, not stored, docs only</td><td>the article's name
 *     facts ({@link org.morgue.entity.NameFacts}): their document frequencies are the archive's name
 *     statistics ({@link LuceneNameStatistics}), kept up to date by every ingest at no memory cost</td></tr>
 * <tr><td>{@value #URL}</td><td>StoredField</td><td>display only</td></tr>
 * <tr><td>{@value #FINGERPRINT}</td><td>KeywordField, stored</td><td>hash of the normalised text:
 *     the term finds an earlier copy at ingest; its doc values let search group wire copies</td></tr>
 * <tr><td>{@value #COPY_OF}</td><td>StringField, stored</td><td>on a wire copy, the id of the first
 *     article seen with the same text</td></tr>
 * <tr><td>{@value #CONTENT_HASH}</td><td>BinaryDocValues</td><td>hash of every field and the
 *     schema version: a re-ingest skips unchanged articles without loading stored fields</td></tr>
 * <tr><td>{@value #ORIGIN}</td><td>StoredField</td><td>the file (and line) the article came from</td></tr>
 * </table>
 */
public final class Fields {
  /** Stable article id. */
  public static final String ID = "id";

  /** Publication date as epoch day. */
  public static final String DATE = "date";

  /** Desk or topic. */
  public static final String SECTION = "section";

  /** Credit line or outlet. */
  public static final String SOURCE = "source";

  /** One byline name per value. */
  public static final String AUTHOR = "author";

  /** Headline, stemmed. */
  public static final String TITLE = "title";

  /** Standfirst, stemmed. */
  public static final String LEDE = "lede";

  /** Body paragraphs joined by blank lines, stemmed. */
  public static final String BODY = "body";

  /** Canonical names of the people the article names. */
  public static final String PERSON = "person";

  /** Canonical names of the organisations the article names. */
  public static final String ORG = "org";

  /** Canonical names of the places the article names. */
  public static final String PLACE = "place";

  /** The entity mentions with their offsets, in {@link StoredMentions} form. */
  public static final String MENTIONS = "mentions";

  /** The article's name facts, as terms: the archive's name statistics. */
  public static final String NAMES = "names";

  /** The article's address. */
  public static final String URL = "url";

  /** Hash of the normalised text, shared by wire copies. */
  public static final String FINGERPRINT = "fingerprint";

  /** On a wire copy: the id of the first article seen with that text. */
  public static final String COPY_OF = "copy_of";

  /** Hash of the whole article and the schema: unchanged articles are skipped on re-ingest. */
  public static final String CONTENT_HASH = "content_hash";

  /** Where the article was read from. */
  public static final String ORIGIN = "origin";

  /**
   * Indexed in {@link #TEXT} fields at the position of a sentence's last word ({@link
   * BoundaryMarks}); no query word can be it (the tokenizer never gives a control character).
   */
  public static final String SENTENCE_END = "\u0001s]";

  /** Indexed at the position of a sentence's first word, after the first. */
  public static final String SENTENCE_START = "\u0001s[";

  /** Indexed at the position of a paragraph's last word, beside {@link #SENTENCE_END}. */
  public static final String PARAGRAPH_END = "\u0001p]";

  /** Indexed at the position of a paragraph's first word, after the first. */
  public static final String PARAGRAPH_START = "\u0001p[";

  /** The first character of every boundary mark, and of no word. */
  public static final char MARK = '\u0001';

  /** The facet dimensions of this schema, in display order. */
  public static final List<String> FACETS = List.of(SECTION, SOURCE, AUTHOR, PERSON, ORG, PLACE);

  /**
   * The facets that hold the canonical names of the article's entities ({@value #PERSON}, {@value
   * #ORG}, {@value #PLACE}), named one by one rather than as "every facet but section, source and
   * author": a facet added later is not an entity dimension unless it is added here. They are
   * multi-valued facets ({@link Schema}), one list each in the article view, the hits and the CSV
   * export, and what {@code entities apply} rewrites.
   */
  public static final List<String> ENTITIES = List.of(PERSON, ORG, PLACE);

  /** The text fields, searched by default. */
  public static final List<String> TEXT = List.of(TITLE, LEDE, BODY);

  /**
   * Bumped when a field changes meaning; it is part of every content hash, so the next ingest of
   * the same files rewrites every article.
   */
  public static final int SCHEMA_VERSION = 3;

  private Fields() {}
}

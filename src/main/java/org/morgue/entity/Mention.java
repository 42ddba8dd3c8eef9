package org.morgue.entity;

import java.util.Objects;

/**
 * One place in one text where an entity is named.
 *
 * <p>Example: in the seed article's body, {@code Mention[type=PERSON, text=Nikol Pashinyan,
 * canonical=Nikol Pashinyan, field=BODY, start=1186, end=1201, origin=MODEL]}, and for the word
 * "Azerbaijani" in its lede, {@code Mention[type=LOCATION, text=Azerbaijani, canonical=Azerbaijan,
 * field=LEDE, start=15, end=26, origin=RULE]}.
 *
 * <p>Offsets are Java {@code String} indices (UTF-16 code units, as Lucene's offsets and
 * JavaScript's string indices are) into the text of {@code field}: {@code
 * text.equals(fieldText.substring(start, end))}. For {@link Field#BODY} that text is {@link
 * org.morgue.article.Article#bodyText()}.
 *
 * <p>A mention is what the ingest stores: {@link EntityFinder#recanonicalize} rebuilds the
 * canonical names of an article from its stored mentions (type, surface text, origin, position)
 * without running the extractor again.
 *
 * @param type what it is filed as, after canonicalisation and the authority file
 * @param text the surface text, exactly as written, e.g. {@code Mr. Pashinyan} or {@code U.S.}
 * @param canonical the name it is counted under in the facets, e.g. {@code Nikol Pashinyan}; never
 *     blank. The extractor sets it to the surface text; {@link Canonicalizer} resolves it.
 * @param field which text the offsets are in
 * @param start offset of the first character, inclusive
 * @param end offset after the last character, exclusive
 * @param origin whether the model found it or a rule (a demonym) added it
 */
public record Mention(
    EntityType type,
    String text,
    String canonical,
    Field field,
    int start,
    int end,
    Origin origin) {

  /** The text a mention's offsets point into. */
  public enum Field {
    /** The article's title. */
    TITLE,
    /** The article's standfirst. */
    LEDE,
    /**
     * The article's body paragraphs joined by blank lines ({@link
     * org.morgue.article.Article#bodyText()}).
     */
    BODY,
    /** A plain text that is not part of an article, as {@code morgue entities} reads. */
    TEXT
  }

  /** Who found a mention. */
  public enum Origin {
    /** The statistical model (the CRF tagger). */
    MODEL,
    /** A rule of Morgue's: a demonym ("Azerbaijani") counted as its place. */
    RULE
  }

  public Mention {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(canonical, "canonical");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(origin, "origin");
    if (start < 0 || end < start) {
      throw new IllegalArgumentException(
          "bad offsets " + start + ".." + end + " for '" + text + "'");
    }
  }

  /**
   * A mention as an extractor reports it: the canonical name is the surface text, not yet resolved.
   */
  public static Mention found(EntityType type, String text, int start, int end, Origin origin) {
    return new Mention(type, text, text, Field.TEXT, start, end, origin);
  }

  /** This mention with another canonical name and type. */
  public Mention resolved(EntityType newType, String newCanonical) {
    return new Mention(newType, text, newCanonical, field, start, end, origin);
  }

  /**
   * This mention moved into a field of an article: offsets shifted by {@code -offset} and the field
   * set.
   */
  Mention in(Field newField, int offset) {
    return new Mention(type, text, canonical, newField, start - offset, end - offset, origin);
  }
}

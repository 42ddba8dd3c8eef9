package org.morgue.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.morgue.index.Fields;

/**
 * Every stored field of one indexed article: what the article view and the exports show.
 *
 * @param id the article's id
 * @param date its date, or {@code null}
 * @param section its section, or {@code null}
 * @param source its source, or {@code null}
 * @param authors its byline names
 * @param title the headline
 * @param lede the standfirst, or {@code null}
 * @param paragraphs the body paragraphs
 * @param url its address, or {@code null}
 * @param copyOf on a wire copy, the id of the first article seen with the same text, else {@code
 *     null}
 * @param fingerprint the hash of its normalised text, shared by its wire copies
 * @param origin the file (and line) it was read from
 * @param entities per entity dimension ({@link #ENTITY_DIMS}), the canonical names
 */
public record StoredArticle(
    String id,
    LocalDate date,
    String section,
    String source,
    List<String> authors,
    String title,
    String lede,
    List<String> paragraphs,
    String url,
    String copyOf,
    String fingerprint,
    String origin,
    Map<String, List<String>> entities) {

  /**
   * The facet dimensions that name entities: every one of {@link Fields#FACETS} but section, source
   * and author (so {@code person}, {@code org}, {@code place} once the schema has them).
   */
  public static final List<String> ENTITY_DIMS =
      Fields.FACETS.stream()
          .filter(d -> !Set.of(Fields.SECTION, Fields.SOURCE, Fields.AUTHOR).contains(d))
          .toList();

  /** The stored fields a listed article shows (not the body, which only the highlighter reads). */
  static final Set<String> LISTED_FIELDS = listedFields();

  private static Set<String> listedFields() {
    List<String> fields =
        new java.util.ArrayList<>(
            List.of(
                Fields.ID,
                Fields.DATE,
                Fields.SECTION,
                Fields.TITLE,
                Fields.LEDE,
                Fields.AUTHOR,
                Fields.SOURCE,
                Fields.URL,
                Fields.COPY_OF));
    fields.addAll(ENTITY_DIMS);
    return Set.copyOf(fields);
  }

  /** The body as stored: paragraphs separated by a blank line. */
  public String body() {
    return String.join("\n\n", paragraphs);
  }

  /** The article of a stored document. */
  static StoredArticle of(Document d) {
    String body = d.get(Fields.BODY);
    return new StoredArticle(
        d.get(Fields.ID),
        date(d),
        d.get(Fields.SECTION),
        d.get(Fields.SOURCE),
        List.of(d.getValues(Fields.AUTHOR)),
        d.get(Fields.TITLE),
        d.get(Fields.LEDE),
        body == null ? List.of() : List.of(body.split("\n\n")),
        d.get(Fields.URL),
        d.get(Fields.COPY_OF),
        d.get(Fields.FINGERPRINT),
        d.get(Fields.ORIGIN),
        entities(d));
  }

  static LocalDate date(Document d) {
    IndexableField date = d.getField(Fields.DATE);
    return date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue());
  }

  static Map<String, List<String>> entities(Document d) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String dim : ENTITY_DIMS) {
      out.put(dim, List.of(d.getValues(dim)));
    }
    return out;
  }
}

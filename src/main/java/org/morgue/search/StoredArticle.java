package org.morgue.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.morgue.article.Article;
import org.morgue.index.Fields;
import org.morgue.index.StoredArticles;

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
 * @param entities per entity dimension ({@link Fields#ENTITIES}), the canonical names
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
    fields.addAll(Fields.ENTITIES);
    return Set.copyOf(fields);
  }

  /** The body as stored: paragraphs separated by a blank line. */
  public String body() {
    return String.join("\n\n", paragraphs);
  }

  /**
   * The article of a stored document, read by the one decoder of stored fields ({@link
   * StoredArticles}): a document loaded with only {@link #LISTED_FIELDS} gives no paragraphs.
   */
  static StoredArticle of(Document d) {
    Article a = StoredArticles.article(d);
    return new StoredArticle(
        a.id(),
        a.date(),
        a.section(),
        a.source(),
        a.authors(),
        a.title(),
        a.lede(),
        a.body(),
        a.url(),
        d.get(Fields.COPY_OF),
        d.get(Fields.FINGERPRINT),
        d.get(Fields.ORIGIN),
        StoredArticles.entities(d));
  }
}

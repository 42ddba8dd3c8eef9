package org.morgue.index;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.morgue.article.Article;

/**
 * The one decoder of stored documents: how each field {@link ArticleDocuments} stores is read back.
 * The ingest re-reads an {@link Article} from it ({@code entities apply}); search builds its hits,
 * article views and exports on it.
 *
 * <p>Each method reads what the document holds: a document loaded with only some stored fields (say
 * id and title) gives the others as absent ({@code null} or empty).
 */
public final class StoredArticles {
  private StoredArticles() {}

  /**
   * The article a stored document holds: every field {@link ArticleDocuments} stores of it. A
   * document of the seed article gives id {@code 000_27f0df3f21ae055d}, date 2021-11-17, section
   * {@code WORLD} and twelve body paragraphs, equal to the article that was ingested.
   */
  public static Article article(Document doc) {
    return new Article(
        doc.get(Fields.ID),
        date(doc),
        doc.get(Fields.SECTION),
        doc.get(Fields.TITLE),
        doc.get(Fields.LEDE),
        authors(doc),
        paragraphs(doc),
        doc.get(Fields.SOURCE),
        doc.get(Fields.URL));
  }

  /**
   * The day of {@value Fields#DATE}, stored as an epoch day: {@code 18948} is 2021-11-17; {@code
   * null} when the article has none (or the field was not loaded).
   */
  public static LocalDate date(Document doc) {
    IndexableField date = doc.getField(Fields.DATE);
    return date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue());
  }

  /** The byline names, one stored value each, in order: {@code [Alican Tekingunduz, Jane Roe]}. */
  public static List<String> authors(Document doc) {
    return List.of(doc.getValues(Fields.AUTHOR));
  }

  /**
   * The body's paragraphs: {@value Fields#BODY} is stored as the paragraphs joined by a blank line,
   * so {@code "One.\n\nTwo."} gives {@code [One., Two.]}; empty when the body was not loaded.
   */
  public static List<String> paragraphs(Document doc) {
    String body = doc.get(Fields.BODY);
    return body == null ? List.of() : List.of(body.split("\n\n"));
  }

  /**
   * The canonical names of the article's entities, for each of {@link Fields#ENTITIES} in order,
   * every dimension present: {@code {person=[Nikol Pashinyan], org=[], place=[Armenia,
   * Azerbaijan]}}.
   */
  public static Map<String, List<String>> entities(Document doc) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String dim : Fields.ENTITIES) {
      out.put(dim, List.of(doc.getValues(dim)));
    }
    return out;
  }
}

package org.morgue.index;

import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.morgue.article.Article;

/** An {@link Article} back from its stored fields. */
public final class StoredArticles {
  private StoredArticles() {}

  /** The article a stored document holds: every field {@link ArticleDocuments} stores. */
  public static Article article(Document doc) {
    IndexableField date = doc.getField(Fields.DATE);
    String body = doc.get(Fields.BODY);
    return new Article(
        doc.get(Fields.ID),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
        doc.get(Fields.SECTION),
        doc.get(Fields.TITLE),
        doc.get(Fields.LEDE),
        List.of(doc.getValues(Fields.AUTHOR)),
        body == null ? List.of() : List.of(body.split("\n\n")),
        doc.get(Fields.SOURCE),
        doc.get(Fields.URL));
  }
}

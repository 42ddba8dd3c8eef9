package org.morgue.index;

import java.io.IOException;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.morgue.article.Article;
import org.morgue.entity.ArticleEntities;
import org.morgue.entity.EntityType;

/**
 * Turns an {@link Article} into a Lucene {@link Document} with the fields of {@link Fields}; the
 * only place that does.
 */
public final class ArticleDocuments {
  private final FacetsConfig facets;

  public ArticleDocuments(FacetsConfig facets) {
    this.facets = facets;
  }

  /** What the ingester knows of an article beyond its own fields. */
  public record Extra(String fingerprint, String copyOf, String contentHash, String origin) {
    /** The same with the content hash, once computed. */
    public Extra withContentHash(String hash) {
      return new Extra(fingerprint, copyOf, hash, origin);
    }
  }

  /**
   * Builds the document of {@code article}.
   *
   * @param extra its fingerprint, the id it copies (or {@code null}), content hash and origin
   * @param entities its entities, or {@link ArticleEntities#NONE}
   * @return the document, facets already built by the shared {@link FacetsConfig}
   */
  public Document toDocument(Article article, Extra extra, ArticleEntities entities)
      throws IOException {
    return toDocument(article, extra, entities, java.util.Set.of());
  }

  /**
   * Builds the document of {@code article} with its name facts ({@link
   * org.morgue.entity.NameFacts}).
   */
  public Document toDocument(
      Article article, Extra extra, ArticleEntities entities, java.util.Collection<String> facts)
      throws IOException {
    java.util.Map<String, java.util.List<String>> names = new java.util.LinkedHashMap<>();
    for (EntityType type : EntityType.values()) {
      names.put(type.facet(), entities.names(type));
    }
    return build(
        article, extra, names, entities.isEmpty() ? null : StoredMentions.encode(entities), facts);
  }

  /**
   * Builds the document of an article read back from its stored fields (another copy of the
   * archive: an OpenSearch index's {@code stored}), the same document its ingest built: its names
   * and mentions as stored, nothing extracted or resolved again. Name facts are not stored, so the
   * document has none ({@code entities apply} writes them).
   *
   * @param contentHash its content hash, as the copy holds it
   */
  public Document fromStored(Document stored, String contentHash) throws IOException {
    Extra extra =
        new Extra(
            stored.get(Fields.FINGERPRINT),
            stored.get(Fields.COPY_OF),
            contentHash,
            stored.get(Fields.ORIGIN));
    return build(
        StoredArticles.article(stored),
        extra,
        StoredArticles.entities(stored),
        stored.get(Fields.MENTIONS),
        java.util.Set.of());
  }

  private Document build(
      Article article,
      Extra extra,
      java.util.Map<String, java.util.List<String>> names,
      String mentions,
      java.util.Collection<String> facts)
      throws IOException {
    Document doc = new Document();
    // exact, stored; sorted doc values for ties and copy ids
    doc.add(new KeywordField(Fields.ID, article.id(), Field.Store.YES));
    if (article.date() != null) {
      // points for ranges, doc values for sort and histogram, stored for display
      doc.add(new LongField(Fields.DATE, article.date().toEpochDay(), Field.Store.YES));
    }
    addText(doc, Fields.TITLE, article.title());
    addText(doc, Fields.LEDE, article.lede());
    addText(doc, Fields.BODY, article.body().isEmpty() ? null : article.bodyText());
    addFacet(doc, Fields.SECTION, article.section());
    addFacet(doc, Fields.SOURCE, article.source());
    for (String author : article.authors()) {
      addFacet(doc, Fields.AUTHOR, author);
    }
    for (EntityType type : EntityType.values()) {
      for (String name : names.getOrDefault(type.facet(), java.util.List.of())) {
        if (name.length() <= MAX_FACT_CHARS) { // a "name" longer than a line is no name
          addFacet(doc, type.facet(), name);
        }
      }
    }
    if (mentions != null) {
      doc.add(new StoredField(Fields.MENTIONS, mentions)); // display, re-canonicalisation
    }
    for (String fact : facts) {
      // indexed only, for its document frequency; a fact longer than a line is no name
      if (fact.length() <= MAX_FACT_CHARS) {
        doc.add(new StringField(Fields.NAMES, fact, Field.Store.NO));
      }
    }
    if (article.url() != null) {
      doc.add(new StoredField(Fields.URL, article.url())); // display only
    }
    // indexed for the ingest's lookup of earlier copies, doc values for grouping in search
    doc.add(new KeywordField(Fields.FINGERPRINT, extra.fingerprint(), Field.Store.YES));
    if (extra.copyOf() != null) {
      doc.add(new StringField(Fields.COPY_OF, extra.copyOf(), Field.Store.YES));
    }
    // doc values only: read by the ingest's unchanged check, never shown
    doc.add(new BinaryDocValuesField(Fields.CONTENT_HASH, new BytesRef(extra.contentHash())));
    doc.add(new StoredField(Fields.ORIGIN, extra.origin()));
    return facets.build(doc);
  }

  /** Facts longer than this are left out (far below Lucene's limit on a term's length). */
  static final int MAX_FACT_CHARS = 1000;

  /** Words as written with positions ({@link Analyzers#exact()}), stored for display. */
  private static void addText(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new TextField(field, value, Field.Store.YES));
    }
  }

  /** Searchable by word, stored, and a facet with drill-down on the exact value. */
  private static void addFacet(Document doc, String dim, String value) {
    if (value == null) {
      return;
    }
    doc.add(new TextField(dim, value, Field.Store.YES));
    doc.add(new SortedSetDocValuesFacetField(dim, value));
  }
}

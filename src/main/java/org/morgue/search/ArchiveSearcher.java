package org.morgue.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.index.Schema;
import org.morgue.index.StemExpansion;

/**
 * Searches an archive: full text, filters, facets and paging. Thread-safe; one instance serves
 * every request. It reads the index's latest commit when opened and after each {@link #refresh()}.
 *
 * <pre>{@code
 * try (ArchiveSearcher searcher = ArchiveSearcher.open(new IndexLayout(Path.of("index-data")))) {
 *   SearchResult r = searcher.search(SearchRequest.of("ceasefire"));
 * }
 * }</pre>
 */
public final class ArchiveSearcher implements AutoCloseable {
  /** Facet values returned a dimension. */
  public static final int TOP_FACETS = 10;

  private final Directory directory;
  private final SearcherManager manager;
  private final FacetsConfig facetsConfig = Schema.facetsConfig();
  private volatile ReaderState readerState;

  /**
   * What is built once for each index reader: the facet ordinals (null while no article has a facet
   * value) and the stem expansions.
   */
  private record ReaderState(
      DirectoryReader reader, SortedSetDocValuesReaderState facets, StemExpansion expansion) {}

  private ArchiveSearcher(Directory directory) throws IOException {
    this.directory = directory;
    this.manager = new SearcherManager(directory, null);
  }

  /**
   * Opens the archive's index read-only.
   *
   * @throws org.apache.lucene.index.IndexNotFoundException when there is no index yet
   */
  public static ArchiveSearcher open(IndexLayout layout) throws IOException {
    Directory dir = FSDirectory.open(layout.lucene());
    try {
      return new ArchiveSearcher(dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** Sees the index's newest commit; cheap when nothing changed. */
  public void refresh() throws IOException {
    manager.maybeRefresh();
  }

  /**
   * Runs one search.
   *
   * @throws InvalidRequestException when the query does not parse
   */
  public SearchResult search(SearchRequest request) throws IOException {
    long start = System.nanoTime();
    IndexSearcher searcher = manager.acquire();
    try {
      ReaderState reader = readerState((DirectoryReader) searcher.getIndexReader());
      ArchiveQueryParser parser = ArchiveQueryParser.create(reader.expansion());
      Query base = parser.parseQuery(request.q());
      List<String> warnings = new ArrayList<>(parser.warnings());
      Query query = withDatesAndExclusions(base, request);
      int topN = request.page() * request.size();
      Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
      long total;
      TopDocs top;
      SortedSetDocValuesReaderState state = reader.facets();
      if (state == null) { // no article has any facet yet (an empty index)
        top = searcher.search(query, topN, sort(request.sort()), false);
        total = searcher.count(query);
        for (String dim : Fields.FACETS) {
          facets.put(dim, List.of());
        }
      } else {
        DrillDownQuery ddq = new DrillDownQuery(facetsConfig, query);
        request.filters().forEach((dim, values) -> values.forEach(v -> ddq.add(dim, v)));
        DrillSideways sideways = new DrillSideways(searcher, facetsConfig, state);
        DrillSideways.DrillSidewaysResult r =
            sideways.search(ddq, null, null, topN, sort(request.sort()), false);
        top = r.hits;
        total = r.drillDownFacetsCollector.getMatchingDocs().stream().mapToLong(m -> m.totalHits()).sum();
        for (String dim : Fields.FACETS) {
          facets.put(dim, values(r.facets.getTopChildren(TOP_FACETS, dim)));
        }
      }
      List<SearchResult.Hit> hits = new ArrayList<>();
      ScoreDoc[] docs = top.scoreDocs;
      var stored = searcher.storedFields();
      for (int i = (request.page() - 1) * request.size(); i < docs.length; i++) {
        hits.add(hit(stored.document(docs[i].doc), docs[i].score));
      }
      long tookMs = (System.nanoTime() - start) / 1_000_000;
      return new SearchResult(request, base.toString(), total, tookMs, hits, facets, warnings);
    } finally {
      manager.release(searcher);
    }
  }

  private static List<SearchResult.FacetValue> values(FacetResult result) {
    List<SearchResult.FacetValue> out = new ArrayList<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        out.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return out;
  }

  /** The query with the request's date range and excluded values. */
  private Query withDatesAndExclusions(Query base, SearchRequest request) {
    if (request.from() == null && request.to() == null && request.excludes().isEmpty()) {
      return base;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
    if (request.from() != null || request.to() != null) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      b.add(LongField.newRangeQuery(Fields.DATE, lo, hi), BooleanClause.Occur.FILTER);
    }
    request.excludes().forEach(
        (dim, values) -> {
          String field = facetsConfig.getDimConfig(dim).indexFieldName;
          for (String v : values) {
            b.add(new TermQuery(DrillDownQuery.term(field, dim, v)), BooleanClause.Occur.MUST_NOT);
          }
        });
    return b.build();
  }

  /** Ties break on the id, so pages are stable. */
  private static final SortField BY_ID = new SortedSetSortField(Fields.ID, false);

  private static Sort sort(SearchRequest.Sort sort) {
    return switch (sort) {
      case RELEVANCE ->
          new Sort(SortField.FIELD_SCORE, newestFirst(), BY_ID);
      case NEWEST -> new Sort(newestFirst(), BY_ID);
      case OLDEST ->
          new Sort(
              LongField.newSortField(Fields.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
              BY_ID);
    };
  }

  /** Newest first; articles without a date last. */
  private static SortField newestFirst() {
    return LongField.newSortField(Fields.DATE, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE);
  }

  /** The state of this reader, built on its first search. */
  private ReaderState readerState(DirectoryReader reader) throws IOException {
    ReaderState current = readerState;
    if (current != null && current.reader() == reader) {
      return current;
    }
    synchronized (this) {
      current = readerState;
      if (current != null && current.reader() == reader) {
        return current;
      }
      SortedSetDocValuesReaderState facets;
      try {
        facets = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
      } catch (IllegalArgumentException e) { // no facet values indexed yet
        facets = null;
      }
      readerState = new ReaderState(reader, facets, new StemExpansion(reader));
      return readerState;
    }
  }

  /** The canonical entity names of a stored document, by facet: {@code {person: [...], org: [...], place: [...]}}. */
  static Map<String, List<String>> entities(Document d) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String dim : Fields.ENTITIES) {
      out.put(dim, List.of(d.getValues(dim)));
    }
    return out;
  }

  static SearchResult.Hit hit(Document d, float score) {
    IndexableField date = d.getField(Fields.DATE);
    return new SearchResult.Hit(
        d.get(Fields.ID),
        date == null ? null : LocalDate.ofEpochDay(date.numericValue().longValue()),
        d.get(Fields.SECTION),
        d.get(Fields.TITLE),
        d.get(Fields.LEDE),
        List.of(d.getValues(Fields.AUTHOR)),
        d.get(Fields.SOURCE),
        d.get(Fields.URL),
        d.get(Fields.COPY_OF),
        entities(d),
        Float.isNaN(score) ? 0f : score);
  }

  /** Facts about the whole archive. */
  public ArchiveStats stats(IndexLayout layout) throws IOException {
    IndexSearcher searcher = manager.acquire();
    try {
      DirectoryReader reader = (DirectoryReader) searcher.getIndexReader();
      return ArchiveStats.of(reader, readerState(reader).facets(), facetsConfig, layout);
    } finally {
      manager.release(searcher);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      manager.close();
    } finally {
      directory.close();
    }
  }
}

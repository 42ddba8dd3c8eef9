package org.morgue.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.search.IndexSearcher;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;

/**
 * Facts about a whole archive: how many articles, the dates they span and how many have none, how
 * many a section and a source (and how many have none), the size on disk and when it last changed.
 *
 * @param articles live articles in the index
 * @param firstDate the earliest date, or {@code null} when no article has one
 * @param lastDate the latest date, or {@code null}
 * @param sections every section with its number of articles, most first
 * @param indexBytes bytes of the Lucene index on disk
 * @param lastIngest when the last ingest committed (ISO instant), or {@code null}
 * @param undated articles without a date
 * @param noSection articles without a section
 * @param sources the {@value #SOURCES} sources with most articles, most first
 * @param sourceValues how many sources there are
 * @param noSource articles without a source
 */
public record ArchiveStats(
    long articles,
    LocalDate firstDate,
    LocalDate lastDate,
    List<SearchResult.FacetValue> sections,
    long indexBytes,
    String lastIngest,
    long undated,
    long noSection,
    List<SearchResult.FacetValue> sources,
    long sourceValues,
    long noSource) {

  /** The sources listed, at most. */
  public static final int SOURCES = 20;

  static ArchiveStats of(
      DirectoryReader reader,
      SortedSetDocValuesReaderState state,
      FacetsConfig config,
      IndexLayout layout)
      throws IOException {
    byte[] min = PointValues.getMinPackedValue(reader, Fields.DATE);
    byte[] max = PointValues.getMaxPackedValue(reader, Fields.DATE);
    List<SearchResult.FacetValue> sections = all(state, Fields.SECTION);
    List<SearchResult.FacetValue> sources = all(state, Fields.SOURCE);
    long dated =
        new IndexSearcher(reader)
            .count(LongField.newRangeQuery(Fields.DATE, Long.MIN_VALUE, Long.MAX_VALUE));
    long articles = reader.numDocs();
    return new ArchiveStats(
        articles,
        min == null ? null : LocalDate.ofEpochDay(LongPoint.decodeDimension(min, 0)),
        max == null ? null : LocalDate.ofEpochDay(LongPoint.decodeDimension(max, 0)),
        sections,
        layout.indexBytes(),
        reader.getIndexCommit().getUserData().get("morgue.lastIngest"),
        articles - dated,
        articles - sum(sections),
        sources.subList(0, Math.min(SOURCES, sources.size())),
        sources.size(),
        articles - sum(sources));
  }

  private static long sum(List<SearchResult.FacetValue> values) {
    return values.stream().mapToLong(SearchResult.FacetValue::count).sum();
  }

  /** Every value of a single-valued dimension with its articles, most first. */
  private static List<SearchResult.FacetValue> all(
      SortedSetDocValuesReaderState state, String dimension) throws IOException {
    List<SearchResult.FacetValue> out = new ArrayList<>();
    if (state == null) {
      return out;
    }
    FacetResult r;
    try {
      r = new SortedSetDocValuesFacetCounts(state).getAllChildren(dimension);
    } catch (IllegalArgumentException e) { // no article has a value
      r = null;
    }
    if (r != null) {
      for (LabelAndValue lv : r.labelValues) {
        out.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
      }
      out.sort(
          (a, b) ->
              a.count() != b.count()
                  ? Long.compare(b.count(), a.count())
                  : a.value().compareTo(b.value()));
    }
    return out;
  }
}

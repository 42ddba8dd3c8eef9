package org.morgue.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.PointValues;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;

/**
 * Facts about a whole archive: how many articles, the dates they span, how many a section, the size
 * on disk and when it last changed.
 *
 * @param articles live articles in the index
 * @param firstDate the earliest date, or {@code null} when no article has one
 * @param lastDate the latest date, or {@code null}
 * @param sections every section with its number of articles, most first
 * @param indexBytes bytes of the Lucene index on disk
 * @param lastIngest when the last ingest committed (ISO instant), or {@code null}
 */
public record ArchiveStats(
    long articles,
    LocalDate firstDate,
    LocalDate lastDate,
    List<SearchResult.FacetValue> sections,
    long indexBytes,
    String lastIngest) {

  static ArchiveStats of(
      DirectoryReader reader,
      SortedSetDocValuesReaderState state,
      FacetsConfig config,
      IndexLayout layout)
      throws IOException {
    byte[] min = PointValues.getMinPackedValue(reader, Fields.DATE);
    byte[] max = PointValues.getMaxPackedValue(reader, Fields.DATE);
    List<SearchResult.FacetValue> sections = new ArrayList<>();
    if (state != null) {
      SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state);
      FacetResult r;
      try {
        r = counts.getAllChildren(Fields.SECTION);
      } catch (IllegalArgumentException e) { // no article has a section
        r = null;
      }
      if (r != null) {
        for (LabelAndValue lv : r.labelValues) {
          sections.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
        }
        sections.sort(
            (a, b) ->
                a.count() != b.count()
                    ? Long.compare(b.count(), a.count())
                    : a.value().compareTo(b.value()));
      }
    }
    return new ArchiveStats(
        reader.numDocs(),
        min == null ? null : LocalDate.ofEpochDay(LongPoint.decodeDimension(min, 0)),
        max == null ? null : LocalDate.ofEpochDay(LongPoint.decodeDimension(max, 0)),
        sections,
        layout.indexBytes(),
        reader.getIndexCommit().getUserData().get("morgue.lastIngest"));
  }
}

package org.morgue.tools;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.Schema;

/**
 * The bare Lucene searcher of {@code bench-search} in "facet mode": what a page of results needs,
 * done the way Lucene's own facet examples do it, nothing of Morgue's searcher used but the query
 * it is given (the benchmark gives Morgue's parsed query, so that both count the same matches). For
 * one query: the top {@code n} by the given order with the exact number of matches, their stored
 * fields and a highlighted body snippet each (Lucene's {@link UnifiedHighlighter} with its
 * defaults, two passages), the counts of the section, people, organisations and places among all
 * matches (one {@link SortedSetDocValuesFacetCounts} over the one facet field), and the matches
 * counted by month from the date's doc values.
 *
 * <p>It does less than {@code /api/search}: no source or author facet, no drill-sideways counts of
 * a filtered dimension (filters are plain clauses), no stories (wire copies grouped), no share of
 * the archive per month, one snippet field instead of the title, lede and body. That difference is
 * what the benchmark's ratio measures.
 */
final class BareFacetSearcher {
  /** The dimensions counted: the spec of the benchmark's facet mode. */
  static final List<String> DIMENSIONS =
      List.of(Fields.SECTION, Fields.PLACE, Fields.PERSON, Fields.ORG);

  private final IndexSearcher searcher;
  private final SortedSetDocValuesReaderState facets;
  private final UnifiedHighlighter highlighter;
  private final long firstDay;

  /** For each day of the archive's span, its month's bucket. */
  private final int[] monthOfDay;

  private final int months;

  /**
   * Builds the per-reader facet state once.
   *
   * @param executor searches slices of segments on it, or {@code null}: one thread
   */
  BareFacetSearcher(DirectoryReader reader, ExecutorService executor) throws IOException {
    this.searcher = new IndexSearcher(reader, executor);
    this.facets = new DefaultSortedSetDocValuesReaderState(reader, Schema.facetsConfig());
    this.highlighter = UnifiedHighlighter.builder(searcher, Analyzers.exact()).build();
    byte[] min = PointValues.getMinPackedValue(reader, Fields.DATE);
    byte[] max = PointValues.getMaxPackedValue(reader, Fields.DATE);
    long lo = min == null ? 0 : LongPoint.decodeDimension(min, 0);
    long hi = max == null ? 0 : LongPoint.decodeDimension(max, 0);
    this.firstDay = lo;
    this.monthOfDay = new int[(int) (hi - lo + 1)];
    for (long day = lo; day <= hi; day++) {
      monthOfDay[(int) (day - lo)] = (int) (month(day) - month(lo));
    }
    this.months = monthOfDay[monthOfDay.length - 1] + 1;
  }

  /** The month of an epoch day, as months since year 0. */
  private static long month(long epochDay) {
    java.time.LocalDate d = java.time.LocalDate.ofEpochDay(epochDay);
    return d.getYear() * 12L + d.getMonthValue() - 1;
  }

  /** What one search gives: the exact total and a checksum of the rest (so nothing is skipped). */
  record Answer(long total, long checksum) {}

  /** Runs one search: top {@code n} after {@code skip}, snippets, four facets, months. */
  Answer search(Query query, Sort sort, int skip, int n) throws IOException {
    Object[] both =
        searcher.search(
            query,
            new MultiCollectorManager(
                new TopFieldCollectorManager(sort, skip + n, null, Integer.MAX_VALUE),
                new FacetsCollectorManager()));
    TopFieldDocs top = (TopFieldDocs) both[0];
    FacetsCollector matches = (FacetsCollector) both[1];
    long checksum = 0;
    // the facets of all matches
    SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facets, matches);
    for (String dim : DIMENSIONS) {
      try {
        FacetResult r = counts.getTopChildren(10, dim);
        checksum += r == null ? 0 : r.childCount;
      } catch (IllegalArgumentException e) { // an archive without this dimension
        checksum += 0;
      }
    }
    // the matches by month
    long[] byMonth = new long[Math.max(1, months)];
    for (FacetsCollector.MatchingDocs md : matches.getMatchingDocs()) {
      SortedNumericDocValues dates = DocValues.getSortedNumeric(md.context().reader(), Fields.DATE);
      DocIdSetIterator it = md.bits().iterator();
      for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
        if (dates.advanceExact(d)) {
          byMonth[monthOfDay[(int) (dates.nextValue() - firstDay)]]++;
        }
      }
    }
    for (long c : byMonth) {
      checksum += c > 0 ? 1 : 0;
    }
    // the page: stored fields and a snippet each
    ScoreDoc[] page =
        java.util.Arrays.copyOfRange(
            top.scoreDocs, Math.min(skip, top.scoreDocs.length), top.scoreDocs.length);
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : page) {
      checksum += stored.document(sd.doc).getFields().size();
    }
    if (page.length > 0) {
      TopFieldDocs pageDocs = new TopFieldDocs(top.totalHits, page, top.fields);
      for (String s : highlighter.highlight(Fields.BODY, query, pageDocs, 2)) {
        checksum += s == null ? 0 : s.length();
      }
    }
    return new Answer(top.totalHits.value(), checksum);
  }
}

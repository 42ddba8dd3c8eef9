package org.morgue.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.morgue.index.Fields;

/**
 * The facet counts of every article of a reader, counted once (Lucene's {@link
 * SortedSetDocValuesFacetCounts} over all live documents) and kept as immutable results, so that
 * every search whose counts are the whole archive's (the empty query, the drill-sideways counts of
 * a lone filter without words) answers from them instead of counting a million articles again.
 *
 * <p>The top {@code n} of a dimension is the first {@code n} of all its values ranked once by
 * Lucene itself (most articles first, ties in the index's order of the values), with Lucene's own
 * dimension value and child count, so that the answers are those of a fresh count. Safe to share
 * between threads: nothing in it reads the index after it is built.
 */
final class WholeArchiveFacets extends Facets {
  /** Per dimension, every value best first; empty when Lucene gave no result. */
  private final Map<String, Optional<FacetResult>> ranked = new HashMap<>();

  /** Per dimension, every value in the index's order. */
  private final Map<String, Optional<FacetResult>> all = new HashMap<>();

  WholeArchiveFacets(SortedSetDocValuesReaderState state) throws IOException {
    Facets counts = new SortedSetDocValuesFacetCounts(state);
    for (String dim : Fields.FACETS) {
      SortedSetDocValuesReaderState.OrdRange range = state.getOrdRange(dim);
      if (range == null) {
        continue; // no article has this dimension: asking for it fails as Lucene's counts do
      }
      int values = range.end() - range.start() + 1;
      ranked.put(dim, Optional.ofNullable(counts.getTopChildren(values, dim)));
      all.put(dim, Optional.ofNullable(counts.getAllChildren(dim)));
    }
  }

  private static FacetResult of(Map<String, Optional<FacetResult>> results, String dim) {
    Optional<FacetResult> r = results.get(dim);
    if (r == null) {
      throw new IllegalArgumentException("dimension \"" + dim + "\" was not indexed");
    }
    return r.orElse(null);
  }

  @Override
  public FacetResult getTopChildren(int topN, String dim, String... path) {
    validateTopN(topN);
    requireFlat(path);
    FacetResult r = of(ranked, dim);
    if (r == null) {
      return null;
    }
    return new FacetResult(
        r.dim,
        r.path,
        r.value,
        Arrays.copyOf(r.labelValues, Math.min(topN, r.labelValues.length)),
        r.childCount);
  }

  @Override
  public FacetResult getAllChildren(String dim, String... path) {
    requireFlat(path);
    return of(all, dim);
  }

  @Override
  public Number getSpecificValue(String dim, String... path) {
    throw new UnsupportedOperationException("the archive's counts answer by dimension only");
  }

  @Override
  public List<FacetResult> getAllDims(int topN) {
    throw new UnsupportedOperationException("the archive's counts answer by dimension only");
  }

  private static void requireFlat(String... path) {
    if (path.length > 0) {
      throw new UnsupportedOperationException("Morgue's dimensions are flat");
    }
  }
}

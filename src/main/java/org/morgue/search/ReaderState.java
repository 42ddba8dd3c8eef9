package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.packed.PackedInts;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.StemExpansion;

/**
 * What is built once for each index reader, on the refresh thread when a new commit is seen, so
 * that no search pays for it: the facet ordinals, the stem expansions, the global ordinals of the
 * fingerprints (to count stories) and the articles of every day (the histogram's share of all).
 *
 * @param reader the point-in-time reader
 * @param facets the facet ordinals, or {@code null} while no article has a facet value
 * @param expansion query words to the indexed words of their stem
 * @param fingerprints global ordinals of the fingerprints, or {@code null} when no article has one
 * @param minDay the archive's first day (epoch day), or {@link Long#MAX_VALUE} when none is dated
 * @param maxDay the archive's last day, or {@link Long#MIN_VALUE}
 * @param allDays every live article counted by day
 * @param names per entity dimension, its values by their folded form ({@link
 *     org.morgue.index.Analyzers#fold}): what a quoted {@code person:"..."} looks up
 * @param whole the facet counts of every article, counted when first asked
 */
record ReaderState(
    DirectoryReader reader,
    SortedSetDocValuesReaderState facets,
    StemExpansion expansion,
    OrdinalMap fingerprints,
    long minDay,
    long maxDay,
    DayCounts allDays,
    Map<String, Map<String, List<String>>> names,
    Whole whole)
    implements ArchiveDays {

  /** A state whose whole-archive facet counts are counted when first asked. */
  ReaderState(
      DirectoryReader reader,
      SortedSetDocValuesReaderState facets,
      StemExpansion expansion,
      OrdinalMap fingerprints,
      long minDay,
      long maxDay,
      DayCounts allDays,
      Map<String, Map<String, List<String>>> names) {
    this(
        reader, facets, expansion, fingerprints, minDay, maxDay, allDays, names, new Whole(facets));
  }

  /**
   * The facet counts of every live article ({@link WholeArchiveFacets}), or {@code null} while no
   * article has a facet value.
   */
  WholeArchiveFacets wholeArchive() throws IOException {
    return whole.get();
  }

  /** The whole archive's facet counts, counted once, by the first thread that asks. */
  static final class Whole {
    private final SortedSetDocValuesReaderState facets;
    private volatile WholeArchiveFacets counted;

    Whole(SortedSetDocValuesReaderState facets) {
      this.facets = facets;
    }

    WholeArchiveFacets get() throws IOException {
      WholeArchiveFacets c = counted;
      if (c == null && facets != null) {
        synchronized (this) {
          c = counted;
          if (c == null) {
            c = counted = new WholeArchiveFacets(facets);
          }
        }
      }
      return c;
    }
  }

  /** A state without entity names (tests). */
  ReaderState(
      DirectoryReader reader,
      SortedSetDocValuesReaderState facets,
      StemExpansion expansion,
      OrdinalMap fingerprints,
      long minDay,
      long maxDay,
      DayCounts allDays) {
    this(reader, facets, expansion, fingerprints, minDay, maxDay, allDays, Map.of());
  }

  /** The values of an entity dimension whose folded form is {@code folded}. */
  List<String> names(String dimension, String folded) {
    return names.getOrDefault(dimension, Map.of()).getOrDefault(folded, List.of());
  }

  private static Map<String, Map<String, List<String>>> names(SortedSetDocValuesReaderState facets)
      throws IOException {
    Map<String, Map<String, List<String>>> out = new HashMap<>();
    if (facets == null) {
      return out;
    }
    SortedSetDocValues values = facets.getDocValues();
    for (String dim : Fields.ENTITIES) {
      SortedSetDocValuesReaderState.OrdRange range = facets.getOrdRange(dim);
      if (range == null) {
        continue;
      }
      Map<String, List<String>> byFold = new HashMap<>();
      for (int ord = range.start(); ord <= range.end(); ord++) {
        String[] path = FacetsConfig.stringToPath(values.lookupOrd(ord).utf8ToString());
        String value = path[path.length - 1];
        byFold.computeIfAbsent(Analyzers.fold(value), k -> new ArrayList<>(1)).add(value);
      }
      out.put(dim, byFold);
    }
    return out;
  }

  static ReaderState build(DirectoryReader reader, FacetsConfig facetsConfig) throws IOException {
    return build(reader, facetsConfig, Runnable::run);
  }

  /**
   * Builds the state of a reader, its three independent parts (the facet ordinals and names, the
   * fingerprints' global ordinals, the articles by day) at once on {@code executor} and the calling
   * thread: at a million articles each takes a good part of a second.
   */
  static ReaderState build(
      DirectoryReader reader, FacetsConfig facetsConfig, java.util.concurrent.Executor executor)
      throws IOException {
    byte[] min = PointValues.getMinPackedValue(reader, Fields.DATE);
    byte[] max = PointValues.getMaxPackedValue(reader, Fields.DATE);
    long minDay = min == null ? Long.MAX_VALUE : LongPoint.decodeDimension(min, 0);
    long maxDay = max == null ? Long.MIN_VALUE : LongPoint.decodeDimension(max, 0);
    java.util.concurrent.CompletableFuture<OrdinalMap> prints =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> unchecked(() -> fingerprintOrds(reader)), executor);
    java.util.concurrent.CompletableFuture<DayCounts> days =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> unchecked(() -> countDays(reader, minDay, maxDay)), executor);
    SortedSetDocValuesReaderState facets;
    try {
      facets = new DefaultSortedSetDocValuesReaderState(reader, facetsConfig);
    } catch (IllegalArgumentException e) { // no facet values indexed yet
      facets = null;
    }
    Map<String, Map<String, List<String>>> names = names(facets);
    try {
      return new ReaderState(
          reader,
          facets,
          new StemExpansion(reader),
          prints.join(),
          minDay,
          maxDay,
          days.join(),
          names);
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof java.io.UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  private interface Part<T> {
    T get() throws IOException;
  }

  private static <T> T unchecked(Part<T> part) {
    try {
      return part.get();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Empty day counts sized for this archive. */
  DayCounts newDayCounts() {
    return new DayCounts(minDay, maxDay);
  }

  /** The number of distinct fingerprints in the index (an upper bound of the stories). */
  long fingerprintCount() {
    return fingerprints == null ? 0 : fingerprints.getValueCount();
  }

  private static OrdinalMap fingerprintOrds(IndexReader reader) throws IOException {
    SortedSetDocValues[] values = new SortedSetDocValues[reader.leaves().size()];
    boolean any = false;
    for (LeafReaderContext leaf : reader.leaves()) {
      values[leaf.ord] = DocValues.getSortedSet(leaf.reader(), Fields.FINGERPRINT);
      any |= values[leaf.ord].getValueCount() > 0;
    }
    if (!any) {
      return null;
    }
    return OrdinalMap.build(reader.getReaderCacheHelper().getKey(), values, PackedInts.DEFAULT);
  }

  private static DayCounts countDays(IndexReader reader, long minDay, long maxDay)
      throws IOException {
    DayCounts days = new DayCounts(minDay, maxDay);
    for (LeafReaderContext leaf : reader.leaves()) {
      SortedNumericDocValues dates = DocValues.getSortedNumeric(leaf.reader(), Fields.DATE);
      Bits live = leaf.reader().getLiveDocs();
      for (int d = dates.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = dates.nextDoc()) {
        if (live == null || live.get(d)) {
          days.add(dates.nextValue());
        }
      }
    }
    return days;
  }

  /**
   * The searcher the {@link org.apache.lucene.search.SearcherManager} hands out: it only carries
   * the reader and its state; each search makes its own {@link IndexSearcher} over the reader, with
   * its own time limit.
   */
  static final class Holder extends IndexSearcher {
    final ReaderState state;

    Holder(ReaderState state) {
      super(state.reader());
      this.state = state;
    }
  }

  /** Builds the state of each new reader, on the thread that refreshes. */
  static SearcherFactory factory(FacetsConfig facetsConfig) {
    return factory(facetsConfig, Runnable::run);
  }

  /** Builds the state of each new reader, its parts at once on {@code executor} too. */
  static SearcherFactory factory(
      FacetsConfig facetsConfig, java.util.concurrent.Executor executor) {
    return new SearcherFactory() {
      @Override
      public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
          throws IOException {
        return new Holder(build((DirectoryReader) reader, facetsConfig, executor));
      }
    };
  }
}

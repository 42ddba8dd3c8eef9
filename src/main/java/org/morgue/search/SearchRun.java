package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.MultiFacets;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.grouping.FirstPassGroupingCollector;
import org.apache.lucene.search.grouping.GroupDocs;
import org.apache.lucene.search.grouping.SearchGroup;
import org.apache.lucene.search.grouping.TopGroups;
import org.apache.lucene.search.grouping.TopGroupsCollector;
import org.apache.lucene.util.BytesRef;
import org.morgue.index.Fields;
import org.morgue.index.Schema;
import org.morgue.index.StoredArticles;

/**
 * One request over one reader: its own {@link IndexSearcher}s (own time limit, own timed-out flag),
 * the parsed query and the whole query with its filters, and the warnings so far.
 *
 * @param searcher searches every match: in slices of segments on {@code slices} when there are any,
 *     else in one slice on the calling thread
 * @param pages searches in one slice on the calling thread, under the same time limit: the second
 *     pass of a page's stories, the snippets
 * @param slices the threads of {@code searcher}, one of which also counts the facets meanwhile the
 *     page is read; {@code null} for one thread
 * @param base the parsed {@code q}, what snippets mark
 * @param ddq the whole query: {@code q}, dates, exclusions and the facet filters
 */
record SearchRun(
    ReaderState state,
    IndexSearcher searcher,
    IndexSearcher pages,
    ExecutorService slices,
    Query base,
    DrillDownQuery ddq,
    List<String> warnings) {
  private static final FacetsConfig FACETS_CONFIG = Schema.facetsConfig();

  /** Collects the matches with {@code hits}, counting facets drill-sideways. */
  <R> Collected<R> collect(CollectorManager<?, R> hits) throws IOException {
    return guard(
        () -> {
          if (state.facets() == null) { // no article has any facet yet (an empty index)
            return new Collected<>(searcher.search(ddq, hits), null);
          }
          // One search for the hits and a facet-only search for each filtered dimension, each a
          // plain search that the time limit can cut: the one-pass DrillSidewaysQuery fails under
          // IndexSearcher#setTimeout (https://github.com/apache/lucene/issues/12032), hence the
          // executor, which makes DrillSideways run them as separate searches, here one by one.
          DrillSideways sideways =
              new DrillSideways(searcher, FACETS_CONFIG, null, state.facets(), CALLER_RUNS) {
                @Override
                protected Facets buildFacetsResult(
                    FacetsCollector drillDowns, FacetsCollector[] drillSideways, String[] dims)
                    throws IOException {
                  // without words, dates or exclusions, the counts of the articles a lone filter
                  // leaves aside, or of no filter at all, are the whole archive's
                  boolean everything = ddq.getBaseQuery() instanceof MatchAllDocsQuery;
                  boolean sideways = drillSideways != null && drillSideways.length > 0;
                  Facets down =
                      drillDowns == null
                          ? null
                          : everything && !sideways ? state().wholeArchive() : counts(drillDowns);
                  if (drillSideways == null) {
                    return down;
                  }
                  Map<String, Facets> aside = new HashMap<>();
                  for (int i = 0; i < drillSideways.length; i++) {
                    aside.put(
                        dims[i],
                        everything && drillSideways.length == 1
                            ? state().wholeArchive()
                            : counts(drillSideways[i]));
                  }
                  return aside.isEmpty() ? down : new MultiFacets(aside, down);
                }
              };
          DrillSideways.ConcurrentDrillSidewaysResult<R> r;
          try {
            r = sideways.search(ddq, hits);
          } catch (RuntimeException e) { // the executor's ExecutionException, wrapped
            for (Throwable t = e; t != null; t = t.getCause()) {
              if (t instanceof IndexSearcher.TooManyClauses tooMany) {
                throw tooMany;
              }
              if (t instanceof IOException io) {
                throw io;
              }
            }
            throw e;
          }
          return new Collected<>(r.collectorResult, r.facets);
        });
  }

  /**
   * The facet counts of some matches (Lucene's {@link SortedSetDocValuesFacetCounts}, one pass over
   * them): with threads, offered to one of them while the calling thread goes on to the page's
   * stories and snippets, which do not need them; the first reader of the counts counts them itself
   * if no thread has begun (on a busy machine a free core may come late), else waits.
   */
  private Facets counts(FacetsCollector matches) throws IOException {
    if (slices == null) {
      return new SortedSetDocValuesFacetCounts(state.facets(), matches);
    }
    LaterFacets later = new LaterFacets(state.facets(), matches);
    slices.execute(later::claimAndCount);
    return later;
  }

  /** Facets counted by whichever thread claims them first: a search thread or their reader. */
  private static final class LaterFacets extends Facets {
    private final org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState facets;
    private final FacetsCollector matches;
    private final java.util.concurrent.atomic.AtomicBoolean claimed =
        new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.CompletableFuture<Facets> counted =
        new java.util.concurrent.CompletableFuture<>();

    LaterFacets(
        org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState facets,
        FacetsCollector matches) {
      this.facets = facets;
      this.matches = matches;
    }

    /** Counts, unless another thread has claimed the counting. */
    void claimAndCount() {
      if (claimed.compareAndSet(false, true)) {
        try {
          counted.complete(new SortedSetDocValuesFacetCounts(facets, matches));
        } catch (IOException | RuntimeException e) {
          counted.completeExceptionally(e);
        }
      }
    }

    private Facets counts() throws IOException {
      claimAndCount();
      try {
        return counted.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw e;
      }
    }

    @Override
    public FacetResult getAllChildren(String dim, String... path) throws IOException {
      return counts().getAllChildren(dim, path);
    }

    @Override
    public FacetResult getTopChildren(int topN, String dim, String... path) throws IOException {
      return counts().getTopChildren(topN, dim, path);
    }

    @Override
    public Number getSpecificValue(String dim, String... path) throws IOException {
      return counts().getSpecificValue(dim, path);
    }

    @Override
    public List<FacetResult> getAllDims(int topN) throws IOException {
      return counts().getAllDims(topN);
    }

    @Override
    public List<FacetResult> getTopDims(int topNDims, int topNChildren) throws IOException {
      return counts().getTopDims(topNDims, topNChildren);
    }
  }

  boolean timedOut() {
    if (searcher.timedOut() || pages.timedOut()) {
      warnings.add(
          "the search took longer than its time limit and was cut: counts and hits cover part of the archive");
      return true;
    }
    return false;
  }

  interface Search<T> {
    T run() throws IOException;
  }

  /** Runs a search, Lucene's clause limit reported as the query's fault. */
  <T> T guard(Search<T> search) throws IOException {
    try {
      return search.run();
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryLimits.tooManyClauses(e);
    }
  }

  /**
   * The hits of a page of stories: a second pass over the matches of the page's stories only
   * (Lucene's {@link TopGroupsCollector}) gives each story's articles in the request's order, the
   * first of which shows the story, the others its copies.
   */
  List<SearchResult.Hit> hits(Collection<SearchGroup<BytesRef>> groups, Sort sort, boolean marks)
      throws IOException {
    List<BytesRef> prints = new ArrayList<>();
    List<BytesRef> loneIds = new ArrayList<>();
    for (SearchGroup<BytesRef> g : groups) {
      if (StorySelector.isAlone(g.groupValue)) {
        loneIds.add(
            new BytesRef(g.groupValue.bytes, g.groupValue.offset + 1, g.groupValue.length - 1));
      } else {
        prints.add(g.groupValue);
      }
    }
    BooleanQuery.Builder ofPage = new BooleanQuery.Builder();
    if (!prints.isEmpty()) {
      ofPage.add(new TermInSetQuery(Fields.FINGERPRINT, prints), BooleanClause.Occur.SHOULD);
    }
    if (!loneIds.isEmpty()) {
      ofPage.add(new TermInSetQuery(Fields.ID, loneIds), BooleanClause.Occur.SHOULD);
    }
    Query pageQuery =
        new BooleanQuery.Builder()
            .add(ddq, BooleanClause.Occur.MUST)
            .add(ofPage.build(), BooleanClause.Occur.FILTER)
            .build();
    StorySelector selector = new StorySelector();
    selector.setGroups(groups);
    TopGroupsCollector<BytesRef> second =
        new TopGroupsCollector<>(
            selector, groups, sort, sort, 1 + StorySelector.MAX_COPY_IDS, false);
    guard(() -> pages.search(pageQuery, single(second)));
    TopGroups<BytesRef> top = second.getTopGroups(0);

    List<GroupDocs<BytesRef>> shown =
        Stream.of(top.groups).filter(g -> g.scoreDocs().length > 0).toList();
    int[] docs = shown.stream().mapToInt(g -> g.scoreDocs()[0].doc).toArray();
    Snippets.Marked[] marked =
        marks ? Snippets.mark(pages, base, docs) : new Snippets.Marked[docs.length];
    StoredFields stored = pages.storedFields();
    List<SearchResult.Hit> hits = new ArrayList<>();
    for (int i = 0; i < shown.size(); i++) {
      GroupDocs<BytesRef> g = shown.get(i);
      ScoreDoc first = g.scoreDocs()[0];
      List<String> copyIds = new ArrayList<>();
      for (int j = 1; j < g.scoreDocs().length; j++) {
        copyIds.add(id(g.scoreDocs()[j].doc));
      }
      Document d = stored.document(first.doc, StoredArticle.LISTED_FIELDS);
      hits.add(
          new SearchResult.Hit(
              d.get(Fields.ID),
              StoredArticles.date(d),
              d.get(Fields.SECTION),
              d.get(Fields.TITLE),
              d.get(Fields.LEDE),
              StoredArticles.authors(d),
              d.get(Fields.SOURCE),
              d.get(Fields.URL),
              d.get(Fields.COPY_OF),
              Float.isNaN(first.score) ? 0f : first.score,
              marked[i] == null ? null : marked[i].title(),
              marked[i] == null ? null : marked[i].snippet(),
              StoredArticles.entities(d),
              g.totalHits().value() - 1,
              List.copyOf(copyIds)));
    }
    return hits;
  }

  /**
   * An article's id from the id's doc values: a copy's id is all a hit shows of it, and the doc
   * values read it without decompressing a block of stored documents.
   */
  private String id(int doc) throws IOException {
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    SortedSetDocValues ids = DocValues.getSortedSet(leaf.reader(), Fields.ID);
    if (ids.advanceExact(doc - leaf.docBase)) {
      return ids.lookupOrd(ids.nextOrd()).utf8ToString();
    }
    return searcher.storedFields().document(doc, Set.of(Fields.ID)).get(Fields.ID);
  }

  /** What a collection gave: the collector's result, and the facet counts (null with no facets). */
  record Collected<R>(R result, Facets facets) {}

  /** Runs each task on the calling thread: drill-sideways searches, one after the other. */
  private static final ExecutorService CALLER_RUNS =
      new AbstractExecutorService() {
        @Override
        public void execute(Runnable task) {
          task.run();
        }

        @Override
        public void shutdown() {}

        @Override
        public List<Runnable> shutdownNow() {
          return List.of();
        }

        @Override
        public boolean isShutdown() {
          return false;
        }

        @Override
        public boolean isTerminated() {
          return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
          return false;
        }
      };

  /**
   * The first pass of story grouping over every match: a {@link FirstPassGroupingCollector} a
   * slice, each keeping its best {@code topN} stories, merged as Lucene merges the groups of shards
   * ({@link SearchGroup#merge}): a story whose articles fall in two slices takes its best article's
   * place. Gives the stories of the page ({@code offset} to {@code topN}), or {@code null} when
   * there are none.
   */
  static CollectorManager<FirstPassGroupingCollector<BytesRef>, Collection<SearchGroup<BytesRef>>>
      stories(Sort sort, int offset, int topN) {
    return new CollectorManager<>() {
      @Override
      public FirstPassGroupingCollector<BytesRef> newCollector() {
        return new FirstPassGroupingCollector<>(new StorySelector(), sort, topN);
      }

      @Override
      public Collection<SearchGroup<BytesRef>> reduce(
          Collection<FirstPassGroupingCollector<BytesRef>> collectors) throws IOException {
        if (collectors.size() == 1) {
          return collectors.iterator().next().getTopGroups(offset);
        }
        List<Collection<SearchGroup<BytesRef>>> each = new ArrayList<>();
        for (FirstPassGroupingCollector<BytesRef> c : collectors) {
          Collection<SearchGroup<BytesRef>> top = c.getTopGroups(0);
          if (top != null) {
            each.add(top);
          }
        }
        if (each.isEmpty()) {
          return null;
        }
        Collection<SearchGroup<BytesRef>> merged = SearchGroup.merge(each, 0, topN, sort);
        if (merged == null || merged.size() <= offset) {
          return null;
        }
        return List.copyOf(merged).subList(offset, merged.size());
      }
    };
  }

  /** A manager of exactly one collector: Morgue's searchers search all segments in one slice. */
  static <C extends Collector> CollectorManager<C, C> single(C collector) {
    return new CollectorManager<>() {
      private boolean given;

      @Override
      public C newCollector() {
        if (given) {
          throw new IllegalStateException(
              "one collector only: the searcher must search in one slice");
        }
        given = true;
        return collector;
      }

      @Override
      public C reduce(Collection<C> collectors) {
        return collector;
      }
    };
  }

  static FacetResult top(Facets facets, String dim, int n) throws IOException {
    if (facets == null) {
      return null;
    }
    try {
      return facets.getTopChildren(n, dim);
    } catch (IllegalArgumentException e) { // no article has this dimension yet
      return null;
    }
  }

  static FacetResult allOf(Facets facets, String dim) throws IOException {
    if (facets == null) {
      return null;
    }
    try {
      return facets.getAllChildren(dim);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static List<SearchResult.FacetValue> values(FacetResult result) {
    List<SearchResult.FacetValue> out = new ArrayList<>();
    if (result != null) {
      for (LabelAndValue lv : result.labelValues) {
        out.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
      }
    }
    return out;
  }
}

package org.morgue.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.grouping.SearchGroup;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.index.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches an archive: full text, filters, facets, the date histogram, snippets, wire copies,
 * articles and their relatives, exports. Thread-safe; one instance serves every request. It reads
 * the index's latest commit when opened, after each {@link #refresh()}, and every few hundred
 * milliseconds once {@link #startRefreshing(Duration)} is called, so that an ingest committed while
 * a server runs becomes searchable without a restart.
 *
 * <p>Every search runs under a time limit ({@link #DEFAULT_TIME_LIMIT} unless {@linkplain
 * #setTimeLimit(Duration) set}): past it, Lucene stops collecting and the result says {@code
 * timedOut}, its counts and hits covering part of the archive.
 *
 * <pre>{@code
 * try (ArchiveSearcher searcher = ArchiveSearcher.open(new IndexLayout(Path.of("index-data")))) {
 *   SearchResult r = searcher.search(SearchRequest.of("ceasefire"));
 * }
 * }</pre>
 */
public final class ArchiveSearcher implements Archive {
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveSearcher.class);

  private final IndexLayout layout;
  private final Directory directory;

  /**
   * The searcher manager, opened on a thread of its own ({@code morgue-open}): at a million
   * articles the reader and its state (facet ordinals, fingerprints, days) take about a second,
   * which a server spends starting its HTTP side meanwhile. Every use waits for it ({@link
   * #manager()}).
   */
  private final java.util.concurrent.CompletableFuture<SearcherManager> manager;

  /** Requests reading the index now, the warming's own searches aside: warming yields to them. */
  private final java.util.concurrent.atomic.AtomicInteger requests =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The one facet configuration, the same as the index's. */
  private static final FacetsConfig FACETS_CONFIG = Schema.facetsConfig();

  private volatile Duration timeLimit = DEFAULT_TIME_LIMIT;

  /**
   * The threads that search slices of segments (one a core) for the main search's pass over every
   * match and its facet counts; a request's own thread searches slices too while it waits.
   */
  private final java.util.concurrent.ExecutorService slices = newSliceThreads();

  private static java.util.concurrent.ExecutorService newSliceThreads() {
    java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
    return Executors.newFixedThreadPool(
        Runtime.getRuntime().availableProcessors(),
        r -> {
          Thread t = new Thread(r, "morgue-search-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private volatile int maxExpansion = QueryLimits.MAX_EXPANSION;
  private ScheduledExecutorService refresher;

  /** Whether the searches are warm: true unless {@link #startWarming} runs and has not finished. */
  private volatile boolean ready = true;

  private volatile Thread warmer;
  private volatile boolean closing;

  /** The most frequent title words whose searches warm the readers. */
  static final int WARM_WORDS = 20;

  private ArchiveSearcher(IndexLayout layout, Directory directory) throws IOException {
    this.layout = layout;
    this.directory = directory;
    this.manager = new java.util.concurrent.CompletableFuture<>();
    Thread opener =
        new Thread(
            () -> {
              try {
                manager.complete(
                    new SearcherManager(directory, ReaderState.factory(FACETS_CONFIG, slices)));
              } catch (IOException | RuntimeException | Error e) {
                manager.completeExceptionally(e);
              }
            },
            "morgue-open");
    opener.setDaemon(true);
    opener.start();
  }

  /**
   * The searcher manager, once open.
   *
   * @throws IOException when the index could not be opened (every use says so again)
   */
  private SearcherManager manager() throws IOException {
    try {
      return manager.get();
    } catch (java.util.concurrent.ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException("cannot open the index: " + cause, cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while the index opens");
    }
  }

  /** Waits until the index is open and its state built (the constructor began both). */
  @Override
  public void awaitOpen() throws IOException {
    manager();
  }

  /**
   * Opens the archive's index read-only.
   *
   * @throws org.apache.lucene.index.IndexNotFoundException when there is no index yet
   */
  public static ArchiveSearcher open(IndexLayout layout) throws IOException {
    Directory dir = FSDirectory.open(layout.lucene());
    try {
      if (!DirectoryReader.indexExists(dir)) {
        throw new org.apache.lucene.index.IndexNotFoundException("no index in " + layout.lucene());
      }
      return new ArchiveSearcher(layout, dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** The archive this searcher reads. */
  public IndexLayout layout() {
    return layout;
  }

  /** {@code lucene}: the embedded index. */
  @Override
  public String backend() {
    return "lucene";
  }

  /** Sets how long each search may take (zero cuts every search at once, for tests). */
  public void setTimeLimit(Duration limit) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("the time limit must not be negative: " + limit);
    }
    this.timeLimit = limit;
  }

  /**
   * Sets how many indexed words one pattern ({@code pres*}) may match in a field before the query
   * is refused; {@value QueryLimits#MAX_EXPANSION} unless set.
   */
  public void setMaxExpansion(int words) {
    if (words < 1) {
      throw new IllegalArgumentException(
          "a pattern must be allowed at least one word, not " + words);
    }
    this.maxExpansion = words;
  }

  /** How long each search may take. */
  public Duration timeLimit() {
    return timeLimit;
  }

  /**
   * Sees the index's newest commit; cheap when nothing changed. Waits for a refresh that another
   * thread has begun, so that the commit made before the call is seen when it returns.
   */
  public void refresh() throws IOException {
    manager().maybeRefreshBlocking();
  }

  /**
   * Looks for a new commit every {@code every} on a background thread ({@code morgue-refresh}),
   * until {@link #close()}. The state of a new commit (facet ordinals and the like) is built on
   * that thread, not by the first search that sees it.
   */
  public synchronized void startRefreshing(Duration every) {
    if (refresher != null) {
      return;
    }
    refresher =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "morgue-refresh");
              t.setDaemon(true);
              return t;
            });
    long ms = Math.max(1, every.toMillis());
    refresher.scheduleWithFixedDelay(
        () -> {
          try {
            manager().maybeRefresh();
          } catch (IOException | RuntimeException e) {
            LOG.warn("cannot refresh the searcher: {}", e.toString());
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }

  // --- warming --------------------------------------------------------------------------------

  /**
   * Warms the searches on a background thread ({@code morgue-warm}) and reports {@linkplain
   * #isReady() ready} when done, so that a server's first search is as fast as a warm one: the
   * empty query's answer (every article counted by facet and day, the first page's stories and
   * snippets), the facet values of every dimension, and the searches of the {@value #WARM_WORDS}
   * most frequent title words (their expansions remembered, the postings, doc values and stored
   * fields they touch read, the code compiled). Searches meanwhile answer as always, only slower. A
   * failure to warm is logged and the searcher reports ready anyway. {@code first} runs on the
   * warming thread before it warms (tests hold the warming with it, to see the server not ready).
   */
  public synchronized void startWarming(Runnable first) {
    if (warmer != null) {
      return;
    }
    ready = false;
    warmer =
        new Thread(
            () -> {
              long start = System.nanoTime();
              try {
                first.run();
                warm();
                LOG.info("warm in {} ms", (System.nanoTime() - start) / 1_000_000);
              } catch (IOException | RuntimeException e) {
                LOG.warn("cannot warm the searcher: {}", e.toString());
              } finally {
                ready = true;
              }
            },
            "morgue-warm");
    warmer.setDaemon(true);
    warmer.start();
  }

  /**
   * Whether the searches are warm: {@code false} from {@link #startWarming} until it is done,
   * {@code true} otherwise (also when no warming was asked for).
   */
  public boolean isReady() {
    return ready;
  }

  /** The work of {@link #startWarming}, on the calling thread. */
  void warm() throws IOException {
    awaitIdle();
    for (String word : onCurrentState(state -> frequentWords(state.reader(), WARM_WORDS))) {
      warmSearch(word);
    }
    warmSearch("");
    for (String dim : Fields.FACETS) {
      yieldToRequests();
      allValues(dim);
    }
  }

  /**
   * One warming search, given up when a request comes and run again after it (three tries): a
   * warming search stops at once when a request arrives, as a search stops at its time limit.
   */
  private void warmSearch(String query) throws IOException {
    for (int attempt = 0; attempt < 3 && !closing; attempt++) {
      yieldToRequests();
      if (!search(SearchRequest.of(query)).timedOut()) {
        return;
      }
    }
  }

  /**
   * Lets the requests being answered go first (up to {@value #YIELD_MS} ms a step): a server's
   * first search, sent the moment it listens, should not share two cores with the warming.
   */
  private void yieldToRequests() {
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(YIELD_MS);
    while (requests.get() > 0 && !closing && System.nanoTime() < until && nap(2)) {
      // the requests run
    }
  }

  /** Sleeps {@code ms} milliseconds; false when interrupted (the interrupt kept). */
  private static boolean nap(long ms) {
    try {
      Thread.sleep(ms);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The longest a warming step waits for the requests being answered. */
  static final int YIELD_MS = 500;

  /**
   * Waits, once the index is open, for {@value #IDLE_MS} ms without a request (at most {@value
   * #IDLE_WAIT_MS} ms in all): a server's first request, sent the moment it listens, runs alone on
   * the cores, and a server nobody asks warms at once.
   */
  private void awaitIdle() throws IOException {
    manager(); // the index open
    long give = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_WAIT_MS);
    long idleSince = System.nanoTime();
    while (!closing && System.nanoTime() < give) {
      if (requests.get() > 0) {
        idleSince = System.nanoTime();
      } else if (System.nanoTime() - idleSince >= TimeUnit.MILLISECONDS.toNanos(IDLE_MS)) {
        return;
      }
      if (!nap(5)) {
        return;
      }
    }
  }

  /** How long without a request the warming waits for before it begins. */
  static final int IDLE_MS = 300;

  /** The longest the warming waits for that. */
  static final int IDLE_WAIT_MS = 3_000;

  /** The {@code n} title words of the most articles, three letters or more and no digit. */
  static List<String> frequentWords(DirectoryReader reader, int n) throws IOException {
    org.apache.lucene.index.Terms terms =
        org.apache.lucene.index.MultiTerms.getTerms(reader, Fields.TITLE);
    if (terms == null) {
      return List.of();
    }
    java.util.PriorityQueue<Map.Entry<String, Integer>> top =
        new java.util.PriorityQueue<>(Map.Entry.comparingByValue());
    org.apache.lucene.index.TermsEnum te = terms.iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      int df = te.docFreq();
      if (top.size() == n && df <= top.peek().getValue()) {
        continue;
      }
      String word = t.utf8ToString();
      if (word.length() >= 3 && word.chars().allMatch(Character::isLetter)) {
        top.add(Map.entry(word, df));
        if (top.size() > n) {
          top.poll();
        }
      }
    }
    List<String> out = new ArrayList<>();
    top.forEach(e -> out.add(e.getKey()));
    out.sort(null);
    return out;
  }

  // --- search ---------------------------------------------------------------------------------

  /**
   * Runs one search: the page of stories, with snippets and copies; facets; histogram.
   *
   * @throws InvalidRequestException when the query does not parse or would cost too much
   */
  public SearchResult search(SearchRequest request) throws IOException {
    return search(request, true);
  }

  /**
   * Runs one search, with or without the marked titles and snippets of its hits (a feed has no use
   * for them, and they are the costliest part of a page of 50).
   *
   * @param marks whether to mark titles and snippets; without, {@code titleHtml} and {@code
   *     snippet} are {@code null}
   */
  public SearchResult search(SearchRequest request, boolean marks) throws IOException {
    long start = System.nanoTime();
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, request, true);
          Sort sort = sort(request.sort());
          SearchRun.Collected<Object[]> c =
              run.collect(
                  new MultiCollectorManager(
                      SearchRun.stories(
                          sort,
                          (request.page() - 1) * request.size(),
                          request.page() * request.size()),
                      MatchCollector.manager(run.state())));
          MatchCollector matches = (MatchCollector) c.result()[1];
          @SuppressWarnings("unchecked")
          Collection<SearchGroup<BytesRef>> groups =
              (Collection<SearchGroup<BytesRef>>) c.result()[0];
          List<SearchResult.Hit> hits = groups == null ? List.of() : run.hits(groups, sort, marks);
          Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
          for (String dim : Fields.FACETS) {
            facets.put(dim, SearchRun.values(SearchRun.top(c.facets(), dim, request.facetSize())));
          }
          Histogram histogram =
              Histogram.of(
                  matches.days,
                  matches.undated,
                  baseDays(run, request),
                  baseQueryString(request),
                  run.state(),
                  request,
                  run.warnings());
          boolean timedOut = run.timedOut();
          long tookMs = (System.nanoTime() - start) / 1_000_000;
          return new SearchResult(
              request,
              run.base().toString(),
              matches.articles,
              matches.storyCount(),
              tookMs,
              timedOut,
              hits,
              facets,
              histogram,
              List.copyOf(run.warnings()),
              inResults(run, request, matches.articles));
        });
  }

  /**
   * Counts several searches over time in the same buckets ({@link Comparison}): each series'
   * matches and base by day, in one pass each, no hits, no facets. The buckets run from the first
   * day any series asks or matches to the last; the interval is the comparison's, or chosen from
   * that span.
   *
   * @throws InvalidRequestException when a series' query does not parse (its message says which)
   */
  public Comparison.Result compare(Comparison comparison) throws IOException {
    long start = System.nanoTime();
    return onCurrentState(
        state ->
            Comparison.compute(
                comparison,
                state,
                request -> {
                  SearchRun run = prepare(state, request);
                  MatchCollector m =
                      run.guard(
                          () -> run.searcher().search(run.ddq(), MatchCollector.manager(state)));
                  return new Comparison.SeriesCount(
                      m.days,
                      m.undated,
                      m.articles,
                      baseDays(run, request),
                      run.warnings(),
                      run.timedOut());
                },
                start));
  }

  /**
   * One person, organisation or place across the archive ({@link EntityPage}): its articles (as the
   * filter {@code dimension=name} keeps them), the first and last, its timeline, the names named
   * with it and its sections, sources and authors (all counted among its own articles), and the
   * surface forms of its stored mentions (read from the newest {@value EntityPage#MAX_READ}
   * articles).
   *
   * @param dimension one of {@link Fields#ENTITIES}
   * @param interval the timeline's buckets, or {@code null} to choose them from its span
   * @param top values a list
   * @throws NotFoundException naming {@code dimension} when it is no entity dimension, {@code name}
   *     when no article names it
   */
  public EntityPage entity(String dimension, String name, SearchRequest.Interval interval, int top)
      throws IOException {
    long start = System.nanoTime();
    SearchRequest request = EntityPage.request(dimension, name, interval);
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, request);
          IndexSearcher searcher = run.searcher();
          org.apache.lucene.facet.FacetsCollectorManager fcm =
              new org.apache.lucene.facet.FacetsCollectorManager();
          Object[] both =
              run.guard(
                  () ->
                      searcher.search(
                          run.ddq(),
                          new MultiCollectorManager(MatchCollector.manager(state), fcm)));
          MatchCollector matches = (MatchCollector) both[0];
          if (matches.articles == 0) {
            throw EntityPage.noArticle(dimension, name);
          }
          org.apache.lucene.facet.FacetsCollector fc =
              (org.apache.lucene.facet.FacetsCollector) both[1];
          org.apache.lucene.facet.Facets counts =
              new SortedSetDocValuesFacetCounts(state.facets(), fc);
          EntityPage.TopValues values = (dim, n) -> SearchRun.values(SearchRun.top(counts, dim, n));
          Sort oldest = sort(SearchRequest.Sort.OLDEST);
          Sort newest = sort(SearchRequest.Sort.NEWEST);
          StoredFields stored = searcher.storedFields();
          EntityPage.Mentioned first =
              mentioned(stored, run.guard(() -> searcher.search(run.ddq(), 1, oldest)));
          TopFieldDocs newestDocs =
              run.guard(() -> searcher.search(run.ddq(), EntityPage.MAX_READ, newest));
          EntityPage.Mentioned last = mentioned(stored, newestDocs);
          List<String> mentions = new ArrayList<>();
          java.util.Set<String> mentionsOnly = java.util.Set.of(Fields.MENTIONS);
          for (ScoreDoc sd : newestDocs.scoreDocs) {
            mentions.add(stored.document(sd.doc, mentionsOnly).get(Fields.MENTIONS));
          }
          Histogram timeline =
              Histogram.of(matches.days, matches.undated, state, request, run.warnings());
          boolean timedOut = run.timedOut();
          return new EntityPage(
              dimension,
              name,
              matches.articles,
              first,
              last,
              timeline,
              EntityPage.coMentioned(dimension, name, top, values),
              EntityPage.related(top, values),
              EntityPage.surfaceForms(dimension, name, mentions),
              newestDocs.scoreDocs.length,
              (System.nanoTime() - start) / 1_000_000,
              timedOut);
        });
  }

  /**
   * The top {@code size} values of {@code rowDimension} by those of {@code colDimension} among the
   * matches of {@code request}, each cell the matches carrying both ({@link Matrix}).
   *
   * @throws NotFoundException naming {@code rows} or {@code cols} when it is no facet dimension
   */
  public Matrix matrix(SearchRequest request, String rowDimension, String colDimension, int size)
      throws IOException {
    Matrix.check(rowDimension, colDimension);
    long start = System.nanoTime();
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, request);
          org.apache.lucene.facet.FacetsCollector fc =
              run.guard(
                  () ->
                      run.searcher()
                          .search(run.ddq(), new org.apache.lucene.facet.FacetsCollectorManager()));
          long total = 0;
          for (org.apache.lucene.facet.FacetsCollector.MatchingDocs m : fc.getMatchingDocs()) {
            total += m.totalHits();
          }
          List<SearchResult.FacetValue> rows = List.of();
          List<SearchResult.FacetValue> cols = List.of();
          long[][] cells = new long[0][0];
          if (state.facets() != null) {
            org.apache.lucene.facet.Facets counts =
                new SortedSetDocValuesFacetCounts(state.facets(), fc);
            rows = SearchRun.values(SearchRun.top(counts, rowDimension, size));
            cols = SearchRun.values(SearchRun.top(counts, colDimension, size));
            cells = Matrix.cells(fc, state.facets(), rowDimension, rows, colDimension, cols);
          }
          boolean timedOut = run.timedOut();
          return new Matrix(
              rowDimension,
              colDimension,
              List.copyOf(rows),
              List.copyOf(cols),
              cells,
              total,
              (System.nanoTime() - start) / 1_000_000,
              timedOut,
              List.copyOf(run.warnings()));
        });
  }

  /** The first of some documents, if it has a date. */
  private static EntityPage.Mentioned mentioned(StoredFields stored, TopFieldDocs docs)
      throws IOException {
    if (docs.scoreDocs.length == 0) {
      return null;
    }
    org.apache.lucene.document.Document d =
        stored.document(docs.scoreDocs[0].doc, StoredArticle.LISTED_FIELDS);
    java.time.LocalDate date = org.morgue.index.StoredArticles.date(d);
    return date == null
        ? null
        : new EntityPage.Mentioned(d.get(Fields.ID), date, d.get(Fields.TITLE));
  }

  /**
   * The Lucene query a request runs: its words as a search parses and expands them, its dates,
   * exclusions and kept values, as one query over the index as it is now. For tools that compare
   * Morgue with bare Lucene on the same matches ({@code morgue dev bench-search}); a search does
   * more with it (drill-sideways counts, stories).
   *
   * @throws InvalidRequestException as {@link #search} would
   */
  public Query luceneQuery(SearchRequest request) throws IOException {
    return onCurrentState(state -> prepare(state, request).ddq());
  }

  /**
   * Checks that a request can run: its query parses and keeps within the limits. A caller that
   * streams a response checks first, so that a bad query is refused before anything is sent.
   *
   * @throws InvalidRequestException as {@link #search} would
   */
  public void validate(SearchRequest request) throws IOException {
    onCurrentState(state -> prepare(state, request));
  }

  /**
   * The values of one facet dimension that start with {@code prefix}, counted under the search
   * (drill-sideways: the dimension's own filter left out, as in {@link #search}). A value matches
   * when it, or any of its words, starts with the prefix, ignoring case and accents as a search
   * does ({@link Analyzers#fold}): {@code mart} finds {@code Zoë Martín}, {@code sor} finds {@code
   * Søren Kierkegaard}.
   *
   * @param dimension one of {@link Fields#FACETS}
   * @param prefix the start of the values; blank for all
   * @throws NotFoundException naming {@code dimension} when it is not a facet
   */
  public FacetValues facetValues(SearchRequest request, String dimension, String prefix)
      throws IOException {
    FacetValues.check(dimension);
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, request);
          SearchRun.Collected<Integer> c =
              run.collect(new TotalHitCountCollectorManager(run.searcher().getSlices()));
          List<SearchResult.FacetValue> all =
              SearchRun.values(SearchRun.allOf(c.facets(), dimension));
          boolean timedOut = run.timedOut(); // before the warnings are read: it may add one
          return FacetValues.of(
              dimension, prefix, all, request.facetSize(), timedOut, run.warnings());
        });
  }

  /**
   * Every value of one facet dimension with its number of articles in the whole archive (no query
   * and no time limit: the facet ordinals counted over every live article), most first, then by
   * value.
   *
   * @param dimension one of {@link Fields#FACETS}
   * @throws NotFoundException naming {@code dimension} when it is not a facet
   */
  public List<SearchResult.FacetValue> allValues(String dimension) throws IOException {
    FacetValues.check(dimension);
    return onCurrentState(
        state -> {
          if (state.facets() == null) {
            return List.<SearchResult.FacetValue>of();
          }
          List<SearchResult.FacetValue> all =
              SearchRun.values(SearchRun.allOf(state.wholeArchive(), dimension));
          all.sort(
              Comparator.comparingLong(SearchResult.FacetValue::count)
                  .reversed()
                  .thenComparing(SearchResult.FacetValue::value));
          return List.copyOf(all);
        });
  }

  static boolean startsWith(String folded, String prefix) {
    if (prefix.isEmpty() || folded.startsWith(prefix)) {
      return true;
    }
    for (int i = 1; i < folded.length(); i++) {
      if (!Character.isLetterOrDigit(folded.charAt(i - 1)) && folded.startsWith(prefix, i)) {
        return true;
      }
    }
    return false;
  }

  // --- the query language's reading tools -----------------------------------------------------

  /**
   * The number of articles {@code request} matches (copies included), under the time limit.
   *
   * @throws InvalidRequestException as {@link #search} would
   */
  public long count(SearchRequest request) throws IOException {
    return onCurrentState(state -> count(state, request));
  }

  private long count(ReaderState state, SearchRequest request) throws IOException {
    SearchRun run = prepare(state, request);
    return run.guard(() -> run.searcher().count(run.ddq()));
  }

  /**
   * "Did you mean": the words of the request's query that no article holds, each with the archive's
   * nearest word; {@code null} when there are none.
   */
  public Diagnosis.DidYouMean didYouMean(SearchRequest request) throws IOException {
    return onCurrentState(
        state -> Diagnosis.didYouMean(request.q(), state.reader(), state.expansion()));
  }

  /**
   * Why a request found nothing: what each top-level clause of its query finds alone and with those
   * before it ("ceasefire 46, AND Fiji 0"), and each filter alone and with those before it.
   */
  public Diagnosis.Nothing nothing(SearchRequest request) throws IOException {
    return onCurrentState(state -> Diagnosis.nothing(request, r -> count(state, r)));
  }

  /**
   * Gives every concordance line of every matching article, in the request's order, to {@code
   * sink}: no cap, in constant memory, each page of articles under the time limit ({@link
   * #export}).
   *
   * @return the number of matching articles
   * @throws ExportCutException when a page of articles takes longer than the time limit
   */
  public long eachLine(SearchRequest request, Consumer<Concordance.Line> sink) throws IOException {
    return eachDoc(
        request,
        sort(request.sort()),
        run -> {
          org.apache.lucene.search.Weight weight = matchesWeight(run);
          var leaves = run.searcher().getIndexReader().leaves();
          return (stored, doc) ->
              Concordance.lines(weight, leaves, doc, StoredArticle.of(stored.document(doc)))
                  .forEach(sink);
        });
  }

  /** The weight whose matches are the concordance's: the query's words, without filters. */
  private static org.apache.lucene.search.Weight matchesWeight(SearchRun run) throws IOException {
    IndexSearcher s = run.searcher();
    return s.createWeight(
        s.rewrite(run.base()), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
  }

  /**
   * A page of the concordance of {@code request}: its lines in {@code order}, {@code size} of them
   * from page {@code page}. Sorted orders gather at most {@value Concordance#MAX_SORTED_LINES}
   * lines (then {@code truncated}).
   */
  public Concordance.Page concordance(
      SearchRequest request, Concordance.Order order, int page, int size) throws IOException {
    return Concordance.page(
        this,
        request,
        order,
        page,
        size,
        gathered ->
            eachDoc(
                request,
                sort(request.sort()),
                run -> {
                  org.apache.lucene.search.Weight weight = matchesWeight(run);
                  var leaves = run.searcher().getIndexReader().leaves();
                  return (stored, doc) -> {
                    if (!gathered.add(
                        weight, leaves, doc, () -> StoredArticle.of(stored.document(doc)))) {
                      throw new Concordance.EnoughLines();
                    }
                  };
                }));
  }

  /**
   * The distinctive terms of a search ({@link DistinctiveTerms}): the words and two-word phrases
   * over-represented in its articles against {@code against}, at most {@code size} of them, the
   * whole computation under the time limit.
   *
   * @throws InvalidRequestException naming {@code size} outside 1 to {@value
   *     DistinctiveTerms#MAX_SIZE}, or as {@link #search} would
   */
  public DistinctiveTerms.Result distinctiveTerms(
      SearchRequest request, DistinctiveTerms.Background against, int size) throws IOException {
    DistinctiveTerms.checkSize(size);
    long deadline = System.nanoTime() + timeLimit.toNanos();
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, request);
          Query background =
              against == DistinctiveTerms.Background.ARCHIVE
                  ? null
                  : prepare(state, request.withQuery("")).ddq();
          return run.guard(
              () ->
                  DistinctiveTerms.compute(
                      state,
                      run.searcher(),
                      run.ddq(),
                      background,
                      run.base(),
                      size,
                      deadline,
                      run.warnings()));
        });
  }

  /**
   * A batch of searches as a table ({@link BatchTable}): each line's query under the date range and
   * filters of {@code shared}, counted by {@code by}. Every line is parsed before any runs, so a
   * bad one refuses the batch; each search runs under the time limit, and the batch stops starting
   * searches after five times the time limit (those rows are then {@code timedOut}, with no
   * counts).
   *
   * @param values the most values of a facet dimension (the most frequent in all the rows)
   * @throws InvalidRequestException naming {@code s} for no line, a bad line (with its number) or
   *     more than {@value BatchTable#MAX_SEARCHES} lines (too large), {@code values} or {@code by}
   */
  public BatchTable.Table batch(
      List<BatchTable.Line> lines, SearchRequest shared, BatchTable.By by, int values)
      throws IOException {
    BatchTable.check(lines, values);
    long deadline = System.nanoTime() + 5 * timeLimit.toNanos();
    return onCurrentState(
        state -> {
          List<SearchRequest> requests = new ArrayList<>();
          List<SearchRun> runs = new ArrayList<>();
          for (int i = 0; i < lines.size(); i++) {
            SearchRequest r = BatchTable.request(lines, i, shared);
            try {
              runs.add(prepare(state, r));
            } catch (InvalidRequestException e) {
              throw BatchTable.refusal(lines, i, e);
            }
            requests.add(r);
          }
          List<BatchTable.Counted> counted = new ArrayList<>();
          for (SearchRun run : runs) {
            if (System.nanoTime() > deadline) {
              counted.add(BatchTable.Counted.NOT_RUN);
            } else if (by.time()) {
              MatchCollector m =
                  run.guard(() -> run.searcher().search(run.ddq(), MatchCollector.manager(state)));
              counted.add(
                  new BatchTable.Counted(m.articles, m.days, Map.of(), run.searcher().timedOut()));
            } else {
              SearchRun.Collected<Integer> c =
                  run.collect(new TotalHitCountCollectorManager(run.searcher().getSlices()));
              Map<String, Long> byValue = new LinkedHashMap<>();
              for (SearchResult.FacetValue v :
                  SearchRun.values(SearchRun.allOf(c.facets(), by.param()))) {
                byValue.put(v.value(), v.count());
              }
              counted.add(
                  new BatchTable.Counted(c.result(), null, byValue, run.searcher().timedOut()));
            }
          }
          return BatchTable.table(
              lines, requests, shared, by, values, state.minDay(), state.maxDay(), counted);
        });
  }

  // --- articles -------------------------------------------------------------------------------

  /**
   * One article with every stored field, its wire copies and related articles.
   *
   * @throws NotFoundException naming {@code id} when no article has it
   */
  public ArticleView article(String id) throws IOException {
    return onCurrentState(state -> Articles.view(newSearcher(state), id));
  }

  /**
   * Where the words, phrases and operators of the query {@code q} match in the article {@code id}:
   * offsets into its stored title, lede and body, as the concordance finds them (the query's
   * filters do not matter here). None for a blank query.
   *
   * @throws NotFoundException naming {@code id} when no article has it
   * @throws InvalidRequestException when the query does not parse
   */
  public List<Concordance.Span> marks(String q, String id) throws IOException {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, SearchRequest.of(q));
          IndexSearcher s = run.searcher();
          org.apache.lucene.search.TopDocs found =
              s.search(
                  new org.apache.lucene.search.TermQuery(
                      new org.apache.lucene.index.Term(Fields.ID, id)),
                  1);
          if (found.scoreDocs.length == 0) {
            throw new NotFoundException("id", "no article with id '" + id + "'");
          }
          int doc = found.scoreDocs[0].doc;
          org.apache.lucene.search.Weight weight =
              s.createWeight(
                  s.rewrite(run.base()), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
          return Concordance.spans(
              weight,
              s.getIndexReader().leaves(),
              doc,
              StoredArticle.of(s.storedFields().document(doc)));
        });
  }

  /**
   * The articles with these ids, in their order, each as a related article (id, date, section,
   * title, lede, source); an id no article has is left out. For listing wire copies by title.
   */
  public List<ArticleView.Related> briefs(List<String> ids) throws IOException {
    return onCurrentState(
        state -> {
          IndexSearcher s = newSearcher(state);
          List<ArticleView.Related> out = new ArrayList<>();
          for (String id : ids) {
            org.apache.lucene.search.TopDocs found =
                s.search(
                    new org.apache.lucene.search.TermQuery(
                        new org.apache.lucene.index.Term(Fields.ID, id)),
                    1);
            if (found.scoreDocs.length > 0) {
              org.apache.lucene.document.Document d =
                  s.storedFields().document(found.scoreDocs[0].doc, StoredArticle.LISTED_FIELDS);
              out.add(
                  new ArticleView.Related(
                      id,
                      org.morgue.index.StoredArticles.date(d),
                      d.get(Fields.SECTION),
                      d.get(Fields.TITLE),
                      d.get(Fields.LEDE),
                      d.get(Fields.SOURCE)));
            }
          }
          return List.copyOf(out);
        });
  }

  // --- exports --------------------------------------------------------------------------------

  /**
   * Gives every matching article, in the request's order, to {@code sink}: copies included, no cap,
   * in constant memory (pages of {@value #EXPORT_PAGE} read with {@code searchAfter}, all from one
   * point-in-time view of the index). The request's page and size are ignored.
   *
   * @return the number of articles given
   * @throws ExportCutException when one page takes longer than the time limit: the export is then
   *     incomplete, and a streaming caller should abort its response
   */
  public long export(SearchRequest request, Consumer<StoredArticle> sink) throws IOException {
    return eachDoc(
        request,
        sort(request.sort()),
        (stored, doc) -> sink.accept(StoredArticle.of(stored.document(doc))));
  }

  /**
   * As {@link #export}, with each article's snippet, marked as a search's hits are (costlier: the
   * highlighter reads each article).
   */
  public long exportWithSnippets(SearchRequest request, SnippetSink sink) throws IOException {
    return eachDoc(
        request,
        sort(request.sort()),
        run ->
            (stored, doc) -> {
              Snippets.Marked[] marked = Snippets.mark(run.searcher(), run.base(), new int[] {doc});
              sink.accept(StoredArticle.of(stored.document(doc)), marked[0].snippet());
            });
  }

  /** What {@link #eachDoc} gives for one matching document. */
  private interface DocVisitor {
    void visit(StoredFields stored, int doc) throws IOException;
  }

  /**
   * Every match of {@code request} in {@code sort} order, in constant memory: pages of {@value
   * #EXPORT_PAGE} by searchAfter over one point-in-time reader, each page under the time limit.
   */
  private long eachDoc(SearchRequest request, Sort sort, DocVisitor visitor) throws IOException {
    return eachDoc(request, sort, run -> visitor);
  }

  /** What visits the documents of one run. */
  private interface RunVisitor {
    DocVisitor on(SearchRun run) throws IOException;
  }

  private long eachDoc(SearchRequest request, Sort sort, RunVisitor visitors) throws IOException {
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, request);
          DocVisitor visitor = visitors.on(run);
          StoredFields stored = run.searcher().storedFields();
          FieldDoc after = null;
          long n = 0;
          while (true) {
            IndexSearcher pageSearcher = newSearcher(state);
            FieldDoc from = after;
            TopFieldDocs page =
                run.guard(
                    () -> pageSearcher.searchAfter(from, run.ddq(), EXPORT_PAGE, sort, false));
            if (pageSearcher.timedOut()) {
              throw new ExportCutException(n, timeLimit);
            }
            for (ScoreDoc sd : page.scoreDocs) {
              visitor.visit(stored, sd.doc);
              n++;
            }
            if (page.scoreDocs.length < EXPORT_PAGE) {
              return n;
            }
            after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
          }
        });
  }

  /**
   * Gives the id of every matching article, newest first, to {@code visitor}, in constant memory as
   * {@link #export} does, reading only the id unless the visitor asks for the article. Copies
   * included.
   *
   * @return the number of matching articles
   * @throws ExportCutException when one page takes longer than the time limit
   */
  public long eachMatch(SearchRequest request, MatchVisitor visitor) throws IOException {
    java.util.Set<String> idOnly = java.util.Set.of(Fields.ID);
    return eachDoc(
        request,
        sort(SearchRequest.Sort.NEWEST),
        (stored, doc) -> {
          String id = stored.document(doc, idOnly).get(Fields.ID);
          visitor.visit(
              id,
              () -> {
                try {
                  return StoredArticle.of(stored.document(doc, StoredArticle.LISTED_FIELDS));
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
        });
  }

  /**
   * The number of matching articles (copies included) and how many of them have an id outside
   * {@code seen}: one count of the search and one of the search without those ids, under the time
   * limit, reading no stored field.
   *
   * @return {@code {total, new}}
   * @throws ExportCutException when either count takes longer than the time limit
   */
  public long[] countNew(SearchRequest request, java.util.Collection<String> seen)
      throws IOException {
    return onCurrentState(
        state -> {
          SearchRun run = prepare(state, request);
          IndexSearcher counter = run.searcher();
          int total = run.guard(() -> counter.count(run.ddq()));
          List<BytesRef> ids = new ArrayList<>(seen.size());
          seen.forEach(id -> ids.add(new BytesRef(id)));
          Query unseen =
              new BooleanQuery.Builder()
                  .add(run.ddq(), BooleanClause.Occur.FILTER)
                  .add(
                      new org.apache.lucene.search.TermInSetQuery(Fields.ID, ids),
                      BooleanClause.Occur.MUST_NOT)
                  .build();
          int fresh = run.guard(() -> counter.count(unseen));
          if (counter.timedOut()) {
            throw new ExportCutException(0, timeLimit);
          }
          return new long[] {total, fresh};
        });
  }

  // --- archive facts --------------------------------------------------------------------------

  /** Facts about the whole archive. */
  public ArchiveStats stats(IndexLayout layout) throws IOException {
    return onCurrentState(
        state -> ArchiveStats.of(state.reader(), state.facets(), FACETS_CONFIG, layout));
  }

  /** Facts about the whole archive this searcher was opened on. */
  public ArchiveStats stats() throws IOException {
    return stats(layout);
  }

  /** What the searches see now. */
  public Version version() throws IOException {
    return onCurrentState(
        state -> {
          DirectoryReader reader = state.reader();
          String last = reader.getIndexCommit().getUserData().get("morgue.lastIngest");
          Instant lastIngest;
          try {
            lastIngest = last == null ? null : Instant.parse(last);
          } catch (java.time.format.DateTimeParseException e) {
            lastIngest = null;
          }
          return new Version(
              reader.numDocs(),
              reader.getVersion(),
              reader.getIndexCommit().getGeneration(),
              lastIngest);
        });
  }

  @Override
  public void close() throws IOException {
    closing = true;
    Thread w;
    synchronized (this) {
      w = warmer;
    }
    if (w != null) {
      try {
        w.join(); // a warming search holds a reader; close after it
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (this) {
      if (refresher != null) {
        refresher.shutdownNow();
        try {
          refresher.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
    SearcherManager m = null;
    try {
      m = manager.join(); // the state's build uses the slice threads: let it end first
    } catch (java.util.concurrent.CompletionException e) {
      // it never opened: nothing of it to close
    }
    try {
      if (m != null) {
        m.close();
      }
    } finally {
      slices.shutdownNow();
      directory.close();
    }
  }

  // --- one request ----------------------------------------------------------------------------

  /** Work done on one point in time of the index. */
  @FunctionalInterface
  private interface OnState<T> {
    T apply(ReaderState state) throws IOException;
  }

  /**
   * Runs {@code work} on the point in time the searches see now, held for it and released after,
   * however it ends: a refresh meanwhile does not change what {@code work} reads, and the reader is
   * closed once no request holds it. Every public method reads the index through here, e.g. {@code
   * onCurrentState(state -> state.reader().numDocs())}.
   */
  private <T> T onCurrentState(OnState<T> work) throws IOException {
    boolean request = Thread.currentThread() != warmer;
    if (request) {
      requests.incrementAndGet();
    }
    try {
      SearcherManager m = manager();
      ReaderState.Holder holder = (ReaderState.Holder) m.acquire();
      try {
        return work.apply(holder.state);
      } finally {
        m.release(holder);
      }
    } finally {
      if (request) {
        requests.decrementAndGet();
      }
    }
  }

  /** A searcher of its own for one request: its own time limit and its own timed-out flag. */
  private IndexSearcher newSearcher(ReaderState state) {
    IndexSearcher searcher = new IndexSearcher(state.reader());
    searcher.setTimeout(timeout());
    return searcher;
  }

  /**
   * When a search stops: at the time limit, or for a warming search as soon as a request is being
   * answered (requests first).
   */
  private org.apache.lucene.index.QueryTimeout timeout() {
    if (Thread.currentThread() == warmer) {
      return () -> requests.get() > 0 || closing;
    }
    return new QueryTimeoutImpl(timeLimit.toMillis());
  }

  private SearchRun prepare(ReaderState state, SearchRequest request) throws IOException {
    return prepare(state, request, false);
  }

  /**
   * Parses a request and gives its searchers.
   *
   * @param parallel whether the run's searcher searches slices of segments on {@link #slices} (the
   *     main search's one pass over every match), or in one slice on the calling thread
   */
  private SearchRun prepare(ReaderState state, SearchRequest request, boolean parallel)
      throws IOException {
    ArchiveQueryParser parser =
        ArchiveQueryParser.create(state.expansion(), state.reader(), maxExpansion);
    parser.setNames(state::names);
    Query base = parser.parseQuery(request.q());
    long limitMs = timeLimit.toMillis();
    QueryLimits.checkExpansions(
        base, state.reader(), maxExpansion, System.nanoTime() + timeLimit.toNanos(), limitMs);
    DrillDownQuery ddq = drillDown(withDatesAndExclusions(base, request, true), request);
    org.apache.lucene.index.QueryTimeout timeout = timeout();
    IndexSearcher one = new IndexSearcher(state.reader());
    one.setTimeout(timeout);
    IndexSearcher searcher = one;
    if (parallel && state.reader().leaves().size() > 1) {
      searcher = new IndexSearcher(state.reader(), slices);
      searcher.setTimeout(timeout);
    }
    return new SearchRun(
        state,
        searcher,
        one,
        parallel ? slices : null,
        base,
        ddq,
        new ArrayList<>(parser.warnings()));
  }

  /**
   * {@code query} with the request's kept values: a dimension's values any of them (drill-down, so
   * that its facet is counted sideways), or all of them for a dimension of {@link
   * SearchRequest#allOf()}, whose values are then plain filters of {@code query}.
   */
  private static DrillDownQuery drillDown(Query query, SearchRequest request) {
    DrillDownQuery ddq = new DrillDownQuery(FACETS_CONFIG, query);
    request
        .filters()
        .forEach(
            (dim, values) -> {
              if (!request.allOf(dim)) {
                values.forEach(v -> ddq.add(dim, v));
              }
            });
    return ddq;
  }

  /**
   * The base of a request's shares: every article its filters keep (facet values, all-of values,
   * exclusions), whatever its words and dates (the histogram cuts the dates itself); {@code null}
   * when that is the whole archive.
   */
  static Query baseQuery(SearchRequest request) {
    if (request.filters().isEmpty() && request.excludes().isEmpty()) {
      return null;
    }
    return drillDown(withDatesAndExclusions(MatchAllDocsQuery.INSTANCE, request, false), request);
  }

  /**
   * For each kept value of each dimension, how many of the matches carry it: one count a value (a
   * request keeps a few).
   */
  private static Map<String, List<SearchResult.FacetValue>> inResults(
      SearchRun run, SearchRequest request, long total) throws IOException {
    Map<String, List<SearchResult.FacetValue>> out = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : request.filters().entrySet()) {
      String dim = e.getKey();
      String field = FACETS_CONFIG.getDimConfig(dim).indexFieldName;
      List<SearchResult.FacetValue> values = new ArrayList<>();
      for (String v : e.getValue()) {
        if (e.getValue().size() == 1 || request.allOf(dim)) { // every result carries it
          values.add(new SearchResult.FacetValue(v, total));
          continue;
        }
        Query q =
            new BooleanQuery.Builder()
                .add(run.ddq(), BooleanClause.Occur.MUST)
                .add(new TermQuery(DrillDownQuery.term(field, dim, v)), BooleanClause.Occur.FILTER)
                .build();
        values.add(new SearchResult.FacetValue(v, run.guard(() -> run.searcher().count(q))));
      }
      out.put(dim, List.copyOf(values));
    }
    return out;
  }

  /**
   * Bases counted by day, by reader, by query string: the same filters are asked again and again.
   */
  private final Map<DirectoryReader, Map<String, DayCounts>> bases =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  /** The most bases kept for one reader. */
  private static final int BASES_KEPT = 256;

  /**
   * The articles of a request's base by day, or {@code null} when it is the whole archive; kept for
   * the reader, unless the search that counted them was cut by the time limit.
   */
  private DayCounts baseDays(SearchRun run, SearchRequest request) throws IOException {
    Query q = baseQuery(request);
    if (q == null) {
      return null;
    }
    String key = baseQueryString(request);
    Map<String, DayCounts> kept =
        bases.computeIfAbsent(
            run.state().reader(),
            r ->
                java.util.Collections.synchronizedMap(
                    new LinkedHashMap<>(16, 0.75f, true) {
                      private static final long serialVersionUID = 1L;

                      @Override
                      protected boolean removeEldestEntry(Map.Entry<String, DayCounts> eldest) {
                        return size() > BASES_KEPT;
                      }
                    }));
    DayCounts days = kept.get(key);
    if (days != null) {
      return days;
    }
    days = run.guard(() -> run.searcher().search(q, MatchCollector.manager(run.state()))).days;
    if (!run.searcher().timedOut()) {
      kept.put(key, days);
    }
    return days;
  }

  /** The query string of a request's base: its filters, without words, dates or order. */
  static String baseQueryString(SearchRequest request) {
    return SearchParameters.toQueryString(
        new SearchRequest(
            "",
            null,
            null,
            request.filters(),
            request.excludes(),
            null,
            1,
            10,
            SearchRequest.DEFAULT_FACET_SIZE,
            null,
            request.allOf()));
  }

  /**
   * The query with the request's excluded values, its all-of values and, if {@code dates}, its date
   * range.
   */
  private static Query withDatesAndExclusions(Query base, SearchRequest request, boolean dates) {
    boolean hasDates = dates && (request.from() != null || request.to() != null);
    if (!hasDates && request.excludes().isEmpty() && request.allOf().isEmpty()) {
      return base;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(base, BooleanClause.Occur.MUST);
    for (String dim : request.allOf()) {
      String field = FACETS_CONFIG.getDimConfig(dim).indexFieldName;
      for (String v : request.filters().get(dim)) {
        b.add(new TermQuery(DrillDownQuery.term(field, dim, v)), BooleanClause.Occur.FILTER);
      }
    }
    if (hasDates) {
      long lo = request.from() == null ? Long.MIN_VALUE : request.from().toEpochDay();
      long hi = request.to() == null ? Long.MAX_VALUE : request.to().toEpochDay();
      b.add(LongField.newRangeQuery(Fields.DATE, lo, hi), BooleanClause.Occur.FILTER);
    }
    request
        .excludes()
        .forEach(
            (dim, values) -> {
              String field = FACETS_CONFIG.getDimConfig(dim).indexFieldName;
              for (String v : values) {
                b.add(
                    new TermQuery(DrillDownQuery.term(field, dim, v)),
                    BooleanClause.Occur.MUST_NOT);
              }
            });
    return b.build();
  }

  /** Ties break on the id, so pages are stable. */
  private static final SortField BY_ID = new SortedSetSortField(Fields.ID, false);

  /** The order of a request; ties break on the id. */
  static Sort sort(SearchRequest.Sort sort) {
    return switch (sort) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, newestFirst(), BY_ID);
      case NEWEST -> new Sort(newestFirst(), BY_ID);
      case OLDEST ->
          new Sort(
              LongField.newSortField(
                  Fields.DATE, false, SortedNumericSelector.Type.MIN, Long.MAX_VALUE),
              BY_ID);
    };
  }

  /** Newest first; articles without a date last. */
  private static SortField newestFirst() {
    return LongField.newSortField(
        Fields.DATE, true, SortedNumericSelector.Type.MAX, Long.MIN_VALUE);
  }
}

package org.morgue.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.index.StemExpansion;
import org.morgue.index.StoredMentions;
import org.morgue.opensearch.OpenSearchDocuments;
import org.morgue.opensearch.OpenSearchIndex;
import org.morgue.opensearch.OpenSearchWords;

/**
 * The archive in an OpenSearch cluster ({@code --backend opensearch}): the same requests, parsed by
 * the same parser, answered by the cluster.
 *
 * <ul>
 *   <li>The query: {@link ArchiveQueryParser} with its stems expanded over the archive's words in
 *       the cluster ({@link OpenSearchWords}), written as DSL by {@link OpenSearchQueries}.
 *   <li>Facets drill sideways as in the embedded index: the kept values of the dimensions a request
 *       keeps "any of" are a {@code post_filter}, and each dimension's values are counted by a
 *       {@code terms} aggregation under a filter of the other dimensions' kept values.
 *   <li>Stories: the hits are collapsed on the fingerprint (the page's stories, each with its
 *       copies as inner hits); the number of stories is a {@code cardinality} aggregation of the
 *       matches' fingerprints, exact below {@value #STORIES_EXACT} stories (OpenSearch counts the
 *       distinct values below its precision threshold, barring a collision of their hashes) and
 *       approximate above, which the answer's warnings then say.
 *   <li>The histogram: the matches and the base of the shares counted by day ({@code histogram} of
 *       the epoch day, interval 1), bucketed by the embedded index's own code ({@link Histogram}),
 *       so both backends draw the same buckets.
 *   <li>Snippets and marked titles: the page's articles are re-analysed by the embedded index's
 *       highlighter, in a small index in memory.
 *   <li>Exports and saved searches' matches: pages of {@value Archive#EXPORT_PAGE} by {@code
 *       search_after} over a point in time, uncapped.
 *   <li>The analysis tools: the concordance (pages of matches indexed in memory, cut into lines by
 *       the embedded index's code), the batch table (each line counted here, the table made by
 *       {@link BatchTable}), distinctive terms ({@link DistinctiveTerms#compute} over counts,
 *       samples and {@code filters} aggregations of the cluster).
 * </ul>
 *
 * What it cannot do (an {@code atleastN()} of too many ways, {@code /s} on an index of the first
 * mapping) answers 501 with a sentence ({@link Archive.UnsupportedSearchException}).
 */
public final class OpenSearchArchive implements Archive {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The precision threshold of the story count: exact below it. */
  static final int STORIES_EXACT = 40_000;

  private final IndexLayout layout;
  private final OpenSearchIndex index;
  private final StemExpansion expansion;
  private final OpenSearchWords words;
  private volatile Duration timeLimit = DEFAULT_TIME_LIMIT;
  private volatile int maxExpansion = QueryLimits.MAX_EXPANSION;

  public OpenSearchArchive(IndexLayout layout, OpenSearchIndex index) {
    this.layout = layout;
    this.index = index;
    this.words = new OpenSearchWords(index);
    this.expansion = new StemExpansion(words);
  }

  @Override
  public IndexLayout layout() {
    return layout;
  }

  @Override
  public String backend() {
    return "opensearch";
  }

  @Override
  public void setTimeLimit(Duration limit) {
    if (limit.isNegative()) {
      throw new IllegalArgumentException("the time limit must not be negative: " + limit);
    }
    this.timeLimit = limit;
  }

  @Override
  public Duration timeLimit() {
    return timeLimit;
  }

  @Override
  public void setMaxExpansion(int words) {
    this.maxExpansion = words;
  }

  @Override
  public void refresh() throws IOException {
    index.refresh();
    cache = null;
  }

  @Override
  public void startRefreshing(Duration every) {
    // the cluster refreshes its own readers (index.refresh_interval); what this archive keeps of
    // the index (its articles by day) is checked against the index's version this often
    recheckNanos = Math.max(1, every.toNanos());
  }

  @Override
  public void startWarming(Runnable first) {
    first.run(); // the cluster's nodes keep their own caches warm
  }

  @Override
  public boolean isReady() {
    return true;
  }

  // --- the query ------------------------------------------------------------------------------

  /** A parsed request: the words as Lucene's query (snippets), and the whole query as DSL. */
  private record Parsed(
      Query base, ObjectNode query, ObjectNode postFilter, List<String> warnings) {}

  private Parsed parse(SearchRequest request) throws IOException {
    try {
      return parseOrFail(request);
    } catch (java.io.UncheckedIOException e) { // the words index: stems, patterns
      throw new UnavailableException(
          "the OpenSearch cluster does not answer ("
              + index.client().hosts()
              + "): "
              + e.getCause(),
          e.getCause());
    }
  }

  private Parsed parseOrFail(SearchRequest request) throws IOException {
    ArchiveQueryParser parser =
        ArchiveQueryParser.create(expansion, new MultiReader(), maxExpansion);
    int mapping = cluster(index::mappingVersion);
    if (mapping >= org.morgue.opensearch.OpenSearchMapping.NAMES) {
      // person:"robert mueller" as the facet's values it is, as the embedded index reads it
      parser.setNames(
          (dimension, folded) -> {
            try {
              return words.names(dimension, folded);
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
    Query base = parser.parseQuery(request.q());
    OperatorDsl operators =
        new OperatorDsl(
            parser.words(),
            words,
            maxExpansion,
            mapping >= org.morgue.opensearch.OpenSearchMapping.MARKS);
    ObjectNode bool = JSON.createObjectNode();
    ObjectNode b = bool.putObject("bool");
    b.putArray("must")
        .add(
            OpenSearchQueries.of(
                base,
                q -> {
                  QueryOperators.Origin origin = parser.origin(q);
                  if (origin != null) {
                    return operators.query(origin);
                  }
                  QueryOperators.Mentions mentions = parser.mentions(q);
                  return mentions == null ? null : operators.query(mentions);
                }));
    ArrayNode filter = b.putArray("filter");
    if (request.from() != null || request.to() != null) {
      ObjectNode range = filter.addObject().putObject("range").putObject(Fields.DATE);
      if (request.from() != null) {
        range.put("gte", request.from().toEpochDay());
      }
      if (request.to() != null) {
        range.put("lte", request.to().toEpochDay());
      }
    }
    allOfAndExclusions(request, b);
    return new Parsed(base, bool, keptValues(request, null), new ArrayList<>(parser.warnings()));
  }

  /** The kept values of the "any of" dimensions but {@code except}, as one filter. */
  private static ObjectNode keptValues(SearchRequest request, String except) {
    ObjectNode f = JSON.createObjectNode();
    ArrayNode all = f.putObject("bool").putArray("filter");
    request
        .filters()
        .forEach(
            (dim, values) -> {
              if (!request.allOf(dim) && !dim.equals(except)) {
                all.add(terms(dim, values));
              }
            });
    return f;
  }

  private static ObjectNode terms(String dim, List<String> values) {
    ObjectNode t = JSON.createObjectNode();
    ArrayNode a = t.putObject("terms").putArray(OpenSearchDocuments.valueField(dim));
    values.forEach(a::add);
    return t;
  }

  private static ArrayNode sort(SearchRequest.Sort sort) {
    ArrayNode s = JSON.createArrayNode();
    switch (sort) {
      case RELEVANCE -> {
        s.addObject().put("_score", "desc");
        s.addObject().putObject(Fields.DATE).put("order", "desc").put("missing", "_last");
      }
      case NEWEST ->
          s.addObject().putObject(Fields.DATE).put("order", "desc").put("missing", "_last");
      case OLDEST ->
          s.addObject().putObject(Fields.DATE).put("order", "asc").put("missing", "_last");
    }
    s.addObject().put(Fields.ID, "asc");
    return s;
  }

  /** One request of the cluster; a cluster that cannot answer is {@link UnavailableException}. */
  private JsonNode send(String method, String path, Object body) throws IOException {
    return cluster(() -> index.client().send(method, path, body));
  }

  /** One call to the cluster. */
  private interface ClusterCall<T> {
    T call() throws IOException;
  }

  /**
   * {@code call}, a cluster that does not answer or cannot now ({@code 429}, {@code 5xx}) being
   * {@link UnavailableException} (503).
   */
  private <T> T cluster(ClusterCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (org.morgue.opensearch.OpenSearchException e) {
      if (e.status() == 429 || e.status() >= 500) {
        throw new UnavailableException(
            "the OpenSearch cluster cannot answer now: " + e.getMessage(), e);
      }
      throw e;
    } catch (IOException e) {
      throw new UnavailableException(
          "the OpenSearch cluster does not answer (" + index.client().hosts() + "): " + e, e);
    } catch (RuntimeException e) { // the client's wrapping of a failed connection
      if (e.getCause() instanceof IOException) {
        throw new UnavailableException(
            "the OpenSearch cluster does not answer (" + index.client().hosts() + "): " + e, e);
      }
      throw e;
    }
  }

  /** {@link #send}, with {@code null} for a 404. */
  private JsonNode sendOrNull(String method, String path, Object body) throws IOException {
    try {
      return send(method, path, body);
    } catch (org.morgue.opensearch.OpenSearchException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  private JsonNode search(ObjectNode body) throws IOException {
    body.put("timeout", Math.max(1, timeLimit.toMillis()) + "ms");
    return send("POST", "/" + index.name() + "/_search", body);
  }

  // --- search ---------------------------------------------------------------------------------

  @Override
  public SearchResult search(SearchRequest request, boolean marks) throws IOException {
    long start = System.nanoTime();
    Parsed p = parse(request);
    ObjectNode body = JSON.createObjectNode();
    body.set("query", p.query());
    body.set("post_filter", p.postFilter());
    body.put("track_total_hits", true);
    body.put("from", (request.page() - 1) * request.size());
    body.put("size", request.size());
    body.set("sort", sort(request.sort()));
    ObjectNode collapse = body.putObject("collapse");
    collapse.put("field", Fields.FINGERPRINT);
    ObjectNode inner = collapse.putObject("inner_hits");
    inner.put("name", "copies");
    inner.put("size", 1 + StorySelector.MAX_COPY_IDS);
    inner.set("sort", sort(request.sort()));
    inner.put("_source", false);
    ObjectNode aggs = body.putObject("aggs");
    ObjectNode matches = aggs.putObject("matches");
    matches.set("filter", p.postFilter());
    ObjectNode m = matches.putObject("aggs");
    Span archive = span();
    boolean inline = inline(archive);
    dayAggs(m, inline);
    m.putObject("stories")
        .putObject("cardinality")
        .put("field", Fields.FINGERPRINT)
        .put("precision_threshold", STORIES_EXACT);
    m.putObject("unprinted").putObject("missing").put("field", Fields.FINGERPRINT);
    for (String dim : Fields.FACETS) {
      ObjectNode f = aggs.putObject("f_" + dim);
      f.set("filter", keptValues(request, dim));
      topTerms(f.putObject("aggs").putObject("v"), dim, request.facetSize());
    }
    for (Map.Entry<String, List<String>> e : request.filters().entrySet()) {
      if (e.getValue().size() > 1 && !request.allOf(e.getKey())) {
        for (int i = 0; i < e.getValue().size(); i++) {
          ObjectNode kept = keptValues(request, null);
          ((ArrayNode) kept.path("bool").path("filter"))
              .addObject()
              .putObject("term")
              .put(OpenSearchDocuments.valueField(e.getKey()), e.getValue().get(i));
          aggs.putObject("in_" + e.getKey() + "_" + i).set("filter", kept);
        }
      }
    }
    boolean hasBase = !request.filters().isEmpty() || !request.excludes().isEmpty();
    JsonNode answer = search(body);
    JsonNode a = answer.path("aggregations");
    long total = answer.path("hits").path("total").path("value").asLong();
    DayCounts days = days(archive, inline, a.path("matches"), p);
    long undated = a.path("matches").path("undated").path("doc_count").asLong();
    long stories =
        a.path("matches").path("stories").path("value").asLong()
            + a.path("matches").path("unprinted").path("doc_count").asLong();
    List<String> warnings = p.warnings();
    if (stories >= STORIES_EXACT) {
      warnings.add(
          "the number of stories is approximate above "
              + STORIES_EXACT
              + " on the OpenSearch backend (a cardinality estimate)");
    }
    Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
    for (String dim : Fields.FACETS) {
      List<SearchResult.FacetValue> values = new ArrayList<>();
      for (JsonNode bucket : a.path("f_" + dim).path("v").path("buckets")) {
        values.add(
            new SearchResult.FacetValue(
                bucket.path("key").asText(), bucket.path("doc_count").asLong()));
      }
      facets.put(dim, values);
    }
    DayCounts baseDays = hasBase ? baseDays(request, archive) : null;
    Histogram histogram =
        Histogram.of(
            days,
            undated,
            baseDays,
            ArchiveSearcher.baseQueryString(request),
            archive,
            request,
            warnings);
    Map<String, List<SearchResult.FacetValue>> inResults = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : request.filters().entrySet()) {
      List<SearchResult.FacetValue> values = new ArrayList<>();
      for (int i = 0; i < e.getValue().size(); i++) {
        long n =
            e.getValue().size() == 1 || request.allOf(e.getKey())
                ? total
                : a.path("in_" + e.getKey() + "_" + i).path("doc_count").asLong();
        values.add(new SearchResult.FacetValue(e.getValue().get(i), n));
      }
      inResults.put(e.getKey(), List.copyOf(values));
    }
    int failedShards = answer.path("_shards").path("failed").asInt();
    if (failedShards > 0) {
      warnings.add(
          failedShards
              + " of "
              + answer.path("_shards").path("total").asInt()
              + " shards of the cluster did not answer: counts and hits cover part of the archive");
    }
    boolean timedOut = answer.path("timed_out").asBoolean() || failedShards > 0;
    if (timedOut) {
      warnings.add(
          "the search took longer than its time limit and was cut: counts and hits cover part of the archive");
    }
    List<SearchResult.Hit> hits = hits(answer.path("hits").path("hits"), request.q(), marks);
    return new SearchResult(
        request,
        p.base().toString(),
        total,
        stories,
        (System.nanoTime() - start) / 1_000_000,
        timedOut,
        hits,
        facets,
        histogram,
        List.copyOf(warnings),
        inResults);
  }

  /** The base of the shares: the request's kept and excluded values, no words, no dates. */
  private static ObjectNode baseFilter(SearchRequest request) {
    ObjectNode f = keptValues(request, null);
    allOfAndExclusions(request, (ObjectNode) f.path("bool"));
    return f;
  }

  /**
   * Adds to a {@code bool} (which has its {@code filter}) each value of the dimensions a request
   * keeps all of, and the values it leaves out.
   */
  private static void allOfAndExclusions(SearchRequest request, ObjectNode bool) {
    ArrayNode filter = (ArrayNode) bool.path("filter");
    for (String dim : request.allOf()) {
      for (String v : request.filters().get(dim)) {
        filter.addObject().putObject("term").put(OpenSearchDocuments.valueField(dim), v);
      }
    }
    ArrayNode not = bool.putArray("must_not");
    request.excludes().forEach((dim, values) -> not.add(terms(dim, values)));
  }

  /**
   * What is asked again and again of the same articles: the archive's articles by day, and the
   * bases of shares by day (the articles a request's filters keep), for one version of the index.
   */
  private record Cache(long version, long checkedNanos, Span span, Map<String, DayCounts> bases) {}

  private volatile Cache cache;

  /** The most bases kept. */
  private static final int BASES_KEPT = 256;

  /** How long a cache is trusted before the index's version is asked again. */
  private volatile long recheckNanos = Duration.ofSeconds(1).toNanos();

  private Cache cache() throws IOException {
    Cache c = cache;
    long now = System.nanoTime();
    if (c != null && now - c.checkedNanos() < recheckNanos) {
      return c;
    }
    long v = version().version();
    if (c != null && c.version() == v) {
      c = new Cache(v, now, c.span(), c.bases());
    } else {
      Span span = Span.of(dayBuckets(null));
      c =
          new Cache(
              v,
              now,
              span,
              java.util.Collections.synchronizedMap(
                  new LinkedHashMap<>(16, 0.75f, true) {
                    private static final long serialVersionUID = 1L;

                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, DayCounts> eldest) {
                      return size() > BASES_KEPT;
                    }
                  }));
    }
    cache = c;
    return c;
  }

  /** The archive's articles by day (cached for the index's version). */
  private Span span() throws IOException {
    return cache().span();
  }

  /** The articles the request's filters keep, by day (cached for the index's version). */
  private DayCounts baseDays(SearchRequest request, Span span) throws IOException {
    Cache c = cache();
    String key = ArchiveSearcher.baseQueryString(request);
    DayCounts days = c.bases().get(key);
    if (days == null) {
      days = span.counts(dayBuckets(baseFilter(request)));
      c.bases().put(key, days);
    }
    return days;
  }

  /**
   * The days a search's matches fall on, with their counts, as a histogram's {@code buckets}: a
   * {@code composite} aggregation paged {@value #DAY_PAGE} days at a time, so that an archive of
   * more dated days than a response may hold buckets (OpenSearch's {@code search.max_buckets},
   * 65,535 by default: 180 years of daily coverage) is still counted day by day.
   *
   * @param query the search, or {@code null} for every article
   */
  private JsonNode dayBuckets(ObjectNode query) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode buckets = out.putArray("buckets");
    JsonNode after = null;
    while (true) {
      ObjectNode body = JSON.createObjectNode();
      body.put("size", 0);
      if (query != null) {
        body.set("query", query);
      }
      ObjectNode composite = body.putObject("aggs").putObject("d").putObject("composite");
      composite.put("size", DAY_PAGE);
      composite
          .putArray("sources")
          .addObject()
          .putObject("day")
          .putObject("histogram")
          .put("field", Fields.DATE)
          .put("interval", 1);
      if (after != null) {
        composite.set("after", after);
      }
      JsonNode d = search(body).path("aggregations").path("d");
      for (JsonNode b : d.path("buckets")) {
        JsonNode day = b.path("key").path("day");
        if (day.isNumber()) { // a missing date has a null key: not a day
          buckets
              .addObject()
              .put("key", day.asLong())
              .put("doc_count", b.path("doc_count").asLong());
        }
      }
      after = d.path("after_key");
      if (d.path("buckets").size() < DAY_PAGE || after.isMissingNode()) {
        return out;
      }
    }
  }

  /** Days a page of {@link #dayBuckets}. */
  static final int DAY_PAGE = 10_000;

  /**
   * Up to how many dated days the archive may hold for a search to count its matches' days in the
   * same request as its facets (beyond, {@link #dayBuckets} counts them in pages).
   */
  private volatile int maxInlineDays = 50_000;

  /** Sets {@link #maxInlineDays} (tests use a small one to take the paged way). */
  public void setMaxInlineDays(int days) {
    this.maxInlineDays = days;
  }

  /** Whether the matches' days fit in the search's own request. */
  private boolean inline(Span span) {
    return span.days() <= maxInlineDays;
  }

  /** The archive's dated articles by day, and the span they cover. */
  private record Span(long minDay, long maxDay, DayCounts allDays, int days)
      implements ArchiveDays {
    static Span of(JsonNode histogram) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (JsonNode b : histogram.path("buckets")) {
        long day = b.path("key").asLong();
        min = Math.min(min, day);
        max = Math.max(max, day);
      }
      int days = histogram.path("buckets").size();
      Span empty = new Span(min, max, new DayCounts(min, max), days);
      return new Span(min, max, empty.counts(histogram), days);
    }

    DayCounts counts(JsonNode histogram) {
      DayCounts d = new DayCounts(minDay, maxDay);
      for (JsonNode b : histogram.path("buckets")) {
        d.add(b.path("key").asLong(), b.path("doc_count").asLong());
      }
      return d;
    }
  }

  private List<SearchResult.Hit> hits(JsonNode found, String q, boolean marks) throws IOException {
    List<Document> docs = new ArrayList<>();
    List<JsonNode> raw = new ArrayList<>();
    for (JsonNode h : found) {
      docs.add(OpenSearchDocuments.stored(h.path("_source")));
      raw.add(h);
    }
    Snippets.Marked[] marked = marks ? mark(docs, q) : new Snippets.Marked[docs.size()];
    List<SearchResult.Hit> out = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      Document d = docs.get(i);
      StoredArticle s = StoredArticle.of(d);
      JsonNode copies = raw.get(i).path("inner_hits").path("copies").path("hits");
      List<String> copyIds = new ArrayList<>();
      for (JsonNode c : copies.path("hits")) {
        String id = c.path("_id").asText();
        if (!id.equals(s.id())) {
          copyIds.add(id);
        }
      }
      long copyCount = Math.max(0, copies.path("total").path("value").asLong() - 1);
      double score = raw.get(i).path("_score").asDouble(0);
      out.add(
          new SearchResult.Hit(
              s.id(),
              s.date(),
              s.section(),
              s.title(),
              s.lede(),
              s.authors(),
              s.source(),
              s.url(),
              s.copyOf(),
              Double.isNaN(score) ? 0f : (float) score,
              marked[i] == null ? null : marked[i].title(),
              marked[i] == null ? null : marked[i].snippet(),
              s.entities(),
              copyCount,
              List.copyOf(
                  copyIds.subList(0, Math.min(copyIds.size(), StorySelector.MAX_COPY_IDS)))));
    }
    return out;
  }

  /** Marks titles and snippets as the embedded index does, over the articles in memory. */
  private Snippets.Marked[] mark(List<Document> docs, String q) throws IOException {
    if (docs.isEmpty()) {
      return new Snippets.Marked[0];
    }
    try (InMemory m = new InMemory(docs)) {
      int[] ids = new int[docs.size()];
      for (int i = 0; i < ids.length; i++) {
        ids[i] = i;
      }
      // the query's words and patterns expanded over these articles' own words: the forms they hold
      Query base =
          ArchiveQueryParser.create(new StemExpansion(m.reader), m.reader, maxExpansion)
              .parseQuery(q);
      return Snippets.mark(m.searcher, base, ids);
    }
  }

  /**
   * Some articles' text fields indexed in memory as the embedded index indexes them (the same
   * analysis, the sentence and paragraph marks): what the highlighter and the concordance's spans
   * read, for the articles of one page or one view.
   */
  private static final class InMemory implements AutoCloseable {
    final ByteBuffersDirectory dir = new ByteBuffersDirectory();
    final DirectoryReader reader;
    final IndexSearcher searcher;

    InMemory(List<Document> docs) throws IOException {
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(Analyzers.forIndex()))) {
        for (Document d : docs) {
          Document text = new Document();
          for (String field : Fields.TEXT) {
            String v = d.get(field);
            if (v != null) {
              text.add(new TextField(field, v, Field.Store.YES));
            }
          }
          w.addDocument(text);
        }
      }
      reader = DirectoryReader.open(dir);
      searcher = new IndexSearcher(reader);
    }

    @Override
    public void close() throws IOException {
      reader.close();
      dir.close();
    }
  }

  @Override
  public List<Concordance.Span> marks(String q, String id) throws IOException {
    if (q == null || q.isBlank()) {
      return List.of();
    }
    Document d = stored(id);
    try (InMemory m = new InMemory(List.of(d))) {
      // the query's words expanded over this article's own words: the forms it holds
      ArchiveQueryParser parser =
          ArchiveQueryParser.create(new StemExpansion(m.reader), m.reader, maxExpansion);
      Query base = parser.parseQuery(q);
      org.apache.lucene.search.Weight weight =
          m.searcher.createWeight(
              m.searcher.rewrite(base), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
      return Concordance.spans(weight, m.reader.leaves(), 0, StoredArticle.of(d));
    }
  }

  /** The stored fields of the article {@code id}. */
  private Document stored(String id) throws IOException {
    JsonNode got = sendOrNull("GET", "/" + index.name() + "/_doc/" + encode(id), null);
    if (got == null || !got.path("found").asBoolean()) {
      throw new NotFoundException("id", "no article with id '" + id + "'");
    }
    return OpenSearchDocuments.stored(got.path("_source"));
  }

  // --- counts, exports ------------------------------------------------------------------------

  @Override
  public void validate(SearchRequest request) throws IOException {
    parse(request);
  }

  @Override
  public long count(SearchRequest request) throws IOException {
    Parsed p = parse(request);
    ObjectNode body = JSON.createObjectNode();
    body.set("query", withPostFilter(p));
    return send("POST", "/" + index.name() + "/_count", body).path("count").asLong();
  }

  private static ObjectNode withPostFilter(Parsed p) {
    ObjectNode q = JSON.createObjectNode();
    ObjectNode b = q.putObject("bool");
    b.putArray("must").add(p.query());
    b.putArray("filter").add(p.postFilter());
    return q;
  }

  /** What {@link #eachHit} gives each matching article. */
  private interface HitVisitor {
    void visit(JsonNode hit) throws IOException;
  }

  /**
   * Every match in {@code sort} order, in pages of {@value Archive#EXPORT_PAGE}, by search_after
   * over one point in time (the articles as they were when the export began).
   */
  private long eachHit(Parsed p, SearchRequest.Sort sort, HitVisitor visitor) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.set("query", withPostFilter(p));
    body.put("size", EXPORT_PAGE);
    body.set("sort", sort(sort));
    body.put("track_total_hits", false);
    body.put("timeout", Math.max(1, timeLimit.toMillis()) + "ms");
    long[] n = {0};
    index.pages(
        body,
        this::send,
        answer -> {
          if (answer.path("timed_out").asBoolean()) {
            throw new ExportCutException(n[0], timeLimit);
          }
          for (JsonNode h : answer.path("hits").path("hits")) {
            visitor.visit(h);
            n[0]++;
          }
        });
    return n[0];
  }

  @Override
  public long export(SearchRequest request, Consumer<StoredArticle> sink) throws IOException {
    return eachHit(
        parse(request),
        request.sort(),
        h -> sink.accept(StoredArticle.of(OpenSearchDocuments.stored(h.path("_source")))));
  }

  @Override
  public long exportWithSnippets(SearchRequest request, SnippetSink sink) throws IOException {
    Parsed p = parse(request);
    return eachHit(
        p,
        request.sort(),
        h -> {
          Document d = OpenSearchDocuments.stored(h.path("_source"));
          sink.accept(StoredArticle.of(d), mark(List.of(d), request.q())[0].snippet());
        });
  }

  @Override
  public long eachMatch(SearchRequest request, MatchVisitor visitor) throws IOException {
    return eachHit(
        parse(request),
        SearchRequest.Sort.NEWEST,
        h -> {
          Document d = OpenSearchDocuments.stored(h.path("_source"));
          visitor.visit(d.get(Fields.ID), () -> StoredArticle.of(d));
        });
  }

  @Override
  public long[] countNew(SearchRequest request, Collection<String> seen) throws IOException {
    Parsed p = parse(request);
    ObjectNode body = JSON.createObjectNode();
    body.set("query", withPostFilter(p));
    long total = send("POST", "/" + index.name() + "/_count", body).path("count").asLong();
    ObjectNode unseen = JSON.createObjectNode();
    ObjectNode b = unseen.putObject("bool");
    b.putArray("filter").add(withPostFilter(p));
    ArrayNode ids = b.putArray("must_not").addObject().putObject("terms").putArray(Fields.ID);
    seen.forEach(ids::add);
    ObjectNode body2 = JSON.createObjectNode();
    body2.set("query", unseen);
    long fresh = send("POST", "/" + index.name() + "/_count", body2).path("count").asLong();
    return new long[] {total, fresh};
  }

  // --- articles -------------------------------------------------------------------------------

  @Override
  public ArticleView article(String id) throws IOException {
    Document d = stored(id);
    StoredArticle article = StoredArticle.of(d);
    List<String> copies = new ArrayList<>();
    if (article.fingerprint() != null) {
      ObjectNode body = JSON.createObjectNode();
      ObjectNode b = body.putObject("query").putObject("bool");
      b.putArray("filter")
          .addObject()
          .putObject("term")
          .put(Fields.FINGERPRINT, article.fingerprint());
      b.putArray("must_not").addObject().putObject("term").put(Fields.ID, id);
      body.put("size", StorySelector.MAX_COPY_IDS);
      body.put("_source", false);
      body.set("sort", sort(SearchRequest.Sort.OLDEST));
      for (JsonNode h : search(body).path("hits").path("hits")) {
        copies.add(h.path("_id").asText());
      }
    }
    return new ArticleView(
        article,
        StoredMentions.decode(d.get(Fields.MENTIONS)),
        List.copyOf(copies),
        related(d, article));
  }

  /**
   * The articles most like this one, by the words of its text that are rare in the archive, chosen
   * as the embedded index's more-like-this (Lucene's) chooses them: each text field's words (3
   * letters or more, no stop word) scored apart, term frequency times the classic idf of the word's
   * document frequency in that field (2 articles or more) among the articles holding the field; the
   * 25 best as a plain {@code bool} of the cluster's words. (OpenSearch's own more-like-this gives
   * each word the field where it is most frequent, and picks other words.)
   */
  private List<ArticleView.Related> related(Document d, StoredArticle article) throws IOException {
    Map<String, Map<String, Integer>> tf = new LinkedHashMap<>();
    org.apache.lucene.analysis.Analyzer exact = Analyzers.exact();
    var stop = org.apache.lucene.analysis.en.EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    for (String field : Fields.TEXT) {
      String text = d.get(field);
      if (text == null) {
        continue;
      }
      Map<String, Integer> words = tf.computeIfAbsent(field, k -> new LinkedHashMap<>());
      try (org.apache.lucene.analysis.TokenStream ts = exact.tokenStream(field, text)) {
        var term =
            ts.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
        ts.reset();
        for (int n = 0; ts.incrementToken() && n < RELATED_TOKENS; n++) {
          String w = term.toString();
          if (w.length() >= 3 && !stop.contains(w)) {
            words.merge(w, 1, Integer::sum);
          }
        }
        ts.end();
      }
    }
    List<String[]> pairs = new ArrayList<>();
    List<ObjectNode> filters = new ArrayList<>();
    tf.forEach(
        (field, words) ->
            words
                .keySet()
                .forEach(
                    w -> {
                      pairs.add(new String[] {field, w});
                      ObjectNode t = JSON.createObjectNode();
                      t.putObject("term").put(OpenSearchDocuments.wordField(field), w);
                      filters.add(t);
                    }));
    List<String> fields = new ArrayList<>(tf.keySet());
    for (String field : fields) { // and the articles holding each field, in the same request
      ObjectNode exists = JSON.createObjectNode();
      exists.putObject("exists").put("field", OpenSearchDocuments.wordField(field));
      filters.add(exists);
    }
    long[] df = filtered(matchAll(), filters);
    Map<String, Long> docCount = new java.util.HashMap<>();
    for (int f = 0; f < fields.size(); f++) {
      docCount.put(fields.get(f), df[pairs.size() + f]);
    }
    record Scored(String field, String word, float score) {}
    java.util.PriorityQueue<Scored> best =
        new java.util.PriorityQueue<>(java.util.Comparator.comparingDouble(Scored::score));
    for (int i = 0; i < pairs.size(); i++) {
      String field = pairs.get(i)[0];
      String word = pairs.get(i)[1];
      if (df[i] < 2) {
        continue;
      }
      long n = docCount.get(field);
      float idf = (float) (Math.log((n + 1) / (double) (df[i] + 1)) + 1.0);
      float score = tf.get(field).get(word) * idf;
      if (best.size() < RELATED_TERMS) {
        best.add(new Scored(field, word, score));
      } else if (best.peek().score() < score) {
        best.poll();
        best.add(new Scored(field, word, score));
      }
    }
    if (best.isEmpty()) {
      return List.of();
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("size", ArticleView.RELATED);
    body.putArray("_source")
        .add("stored." + Fields.ID)
        .add("stored." + Fields.DATE)
        .add("stored." + Fields.SECTION)
        .add("stored." + Fields.TITLE)
        .add("stored." + Fields.LEDE)
        .add("stored." + Fields.SOURCE);
    ObjectNode b = body.putObject("query").putObject("bool");
    ArrayNode should = b.putArray("should");
    for (Scored t : best) {
      should.addObject().putObject("term").put(OpenSearchDocuments.wordField(t.field()), t.word());
    }
    b.put("minimum_should_match", 1);
    ArrayNode not = b.putArray("must_not");
    not.addObject().putObject("term").put(Fields.ID, article.id());
    if (article.fingerprint() != null) {
      not.addObject().putObject("term").put(Fields.FINGERPRINT, article.fingerprint());
    }
    List<ArticleView.Related> out = new ArrayList<>();
    for (JsonNode h : search(body).path("hits").path("hits")) {
      StoredArticle r = StoredArticle.of(OpenSearchDocuments.stored(h.path("_source")));
      out.add(
          new ArticleView.Related(r.id(), r.date(), r.section(), r.title(), r.lede(), r.source()));
    }
    return List.copyOf(out);
  }

  /** The words a related-articles query asks for, as the embedded index's more-like-this. */
  static final int RELATED_TERMS = 25;

  /** The words of a field read for it, as Lucene's more-like-this reads (its default). */
  static final int RELATED_TOKENS = 5_000;

  private static String encode(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  @Override
  public List<ArticleView.Related> briefs(List<String> ids) throws IOException {
    if (ids.isEmpty()) {
      return List.of();
    }
    ObjectNode body = JSON.createObjectNode();
    ArrayNode a = body.putArray("ids");
    ids.forEach(a::add);
    JsonNode got = send("POST", "/" + index.name() + "/_mget", body);
    Map<String, ArticleView.Related> byId = new LinkedHashMap<>();
    for (JsonNode doc : got.path("docs")) {
      if (doc.path("found").asBoolean()) {
        StoredArticle s = StoredArticle.of(OpenSearchDocuments.stored(doc.path("_source")));
        byId.put(
            s.id(),
            new ArticleView.Related(
                s.id(), s.date(), s.section(), s.title(), s.lede(), s.source()));
      }
    }
    List<ArticleView.Related> out = new ArrayList<>();
    for (String id : ids) {
      if (byId.containsKey(id)) {
        out.add(byId.get(id));
      }
    }
    return out;
  }

  @Override
  public List<SearchResult.FacetValue> allValues(String dimension) throws IOException {
    FacetValues.check(dimension);
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    topTerms(body.putObject("aggs").putObject("v"), dimension, MAX_VALUES);
    return buckets(search(body).path("aggregations").path("v"));
  }

  @Override
  public Version version() throws IOException {
    // every write to a shard raises its primary's max sequence number, which a restart keeps; the
    // searched articles' count and the last ingest's time change when a write becomes visible (a
    // refresh, the end of a migration): the version mixes the three
    JsonNode stats = send("GET", "/" + index.name() + "/_stats/docs?level=shards", null);
    JsonNode idx = stats.path("indices").path(index.name());
    long docs = idx.path("primaries").path("docs").path("count").asLong();
    long version = 0;
    for (JsonNode copies : idx.path("shards")) {
      for (JsonNode copy : copies) {
        if (copy.path("routing").path("primary").asBoolean()) {
          version += copy.path("seq_no").path("max_seq_no").asLong() + 1;
        }
      }
    }
    String last = index.lastIngest();
    java.time.Instant lastIngest = last == null ? null : java.time.Instant.parse(last);
    version =
        version * 1_000_003L + docs * 31 + (lastIngest == null ? 0 : lastIngest.toEpochMilli());
    return new Version(docs, version, version, lastIngest);
  }

  // --- analysis ----------------------------------------------------------------------------------

  @Override
  public Comparison.Result compare(Comparison comparison) throws IOException {
    long start = System.nanoTime();
    Span archive = span();
    boolean inline = inline(archive);
    return Comparison.compute(
        comparison,
        archive,
        request -> {
          Parsed p = parse(request);
          ObjectNode body = JSON.createObjectNode();
          body.put("size", 0);
          body.put("track_total_hits", true);
          body.set("query", withPostFilter(p));
          dayAggs(body.putObject("aggs"), inline);
          boolean hasBase = !request.filters().isEmpty() || !request.excludes().isEmpty();
          JsonNode answer = search(body);
          JsonNode a = answer.path("aggregations");
          return new Comparison.SeriesCount(
              days(archive, inline, a, p),
              a.path("undated").path("doc_count").asLong(),
              answer.path("hits").path("total").path("value").asLong(),
              hasBase ? baseDays(request, archive) : null,
              p.warnings(),
              answer.path("timed_out").asBoolean());
        },
        start);
  }

  /**
   * Adds the aggregations of a search's days: its undated articles, and its articles by day when
   * they fit in the same answer ({@link #inline}).
   */
  private static void dayAggs(ObjectNode aggs, boolean inline) {
    if (inline) { // one bucket a day that has articles
      aggs.putObject("days")
          .putObject("histogram")
          .put("field", Fields.DATE)
          .put("interval", 1)
          .put("min_doc_count", 1);
    }
    aggs.putObject("undated").putObject("missing").put("field", Fields.DATE);
  }

  /** A search's articles by day: from its answer's aggregations, or counted in pages. */
  private DayCounts days(Span archive, boolean inline, JsonNode aggs, Parsed p) throws IOException {
    return archive.counts(inline ? aggs.path("days") : dayBuckets(withPostFilter(p)));
  }

  @Override
  public EntityPage entity(String dimension, String name, SearchRequest.Interval interval, int top)
      throws IOException {
    long start = System.nanoTime();
    SearchRequest request = EntityPage.request(dimension, name, interval);
    Parsed p = parse(request);
    ObjectNode body = JSON.createObjectNode();
    body.put("size", EntityPage.MAX_READ);
    body.put("track_total_hits", true);
    body.set("query", withPostFilter(p));
    body.set("sort", sort(SearchRequest.Sort.NEWEST));
    body.putArray("_source")
        .add("stored." + Fields.ID)
        .add("stored." + Fields.DATE)
        .add("stored." + Fields.TITLE)
        .add("stored." + Fields.MENTIONS);
    ObjectNode aggs = body.putObject("aggs");
    Span archive = span();
    boolean inline = inline(archive);
    dayAggs(aggs, inline);
    for (String dim : Fields.ENTITIES) {
      topTerms(aggs.putObject("t_" + dim), dim, top + 1);
    }
    for (String dim : List.of(Fields.SECTION, Fields.SOURCE, Fields.AUTHOR)) {
      topTerms(aggs.putObject("t_" + dim), dim, top);
    }
    JsonNode answer = search(body);
    long total = answer.path("hits").path("total").path("value").asLong();
    if (total == 0) {
      throw EntityPage.noArticle(dimension, name);
    }
    JsonNode a = answer.path("aggregations");
    // each dimension's buckets were asked at the size the page lists
    EntityPage.TopValues values = (dim, n) -> buckets(a.path("t_" + dim));
    JsonNode hits = answer.path("hits").path("hits");
    List<String> mentions = new ArrayList<>();
    for (JsonNode h : hits) {
      mentions.add(OpenSearchDocuments.stored(h.path("_source")).get(Fields.MENTIONS));
    }
    EntityPage.Mentioned last = hits.isEmpty() ? null : mentioned(hits.get(0));
    ObjectNode oldest = JSON.createObjectNode();
    oldest.put("size", 1);
    oldest.set("query", withPostFilter(p));
    oldest.set("sort", sort(SearchRequest.Sort.OLDEST));
    JsonNode firstHits = search(oldest).path("hits").path("hits");
    EntityPage.Mentioned first = firstHits.isEmpty() ? null : mentioned(firstHits.get(0));
    List<String> warnings = p.warnings();
    Histogram timeline =
        Histogram.of(
            days(archive, inline, a, p),
            a.path("undated").path("doc_count").asLong(),
            archive,
            request,
            warnings);
    return new EntityPage(
        dimension,
        name,
        total,
        first,
        last,
        timeline,
        EntityPage.coMentioned(dimension, name, top, values),
        EntityPage.related(top, values),
        EntityPage.surfaceForms(dimension, name, mentions),
        hits.size(),
        (System.nanoTime() - start) / 1_000_000,
        answer.path("timed_out").asBoolean());
  }

  /** The article a hit is, as an entity page's first or last mention; null when undated. */
  private static EntityPage.Mentioned mentioned(JsonNode hit) {
    Document d = OpenSearchDocuments.stored(hit.path("_source"));
    java.time.LocalDate date = org.morgue.index.StoredArticles.date(d);
    return date == null
        ? null
        : new EntityPage.Mentioned(d.get(Fields.ID), date, d.get(Fields.TITLE));
  }

  @Override
  public Matrix matrix(SearchRequest request, String rowDimension, String colDimension, int size)
      throws IOException {
    Matrix.check(rowDimension, colDimension);
    long start = System.nanoTime();
    Parsed p = parse(request);
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    body.put("track_total_hits", true);
    body.set("query", withPostFilter(p));
    ObjectNode aggs = body.putObject("aggs");
    topTerms(aggs.putObject("rows"), rowDimension, size);
    topTerms(aggs.putObject("cols"), colDimension, size);
    JsonNode first = search(body);
    List<SearchResult.FacetValue> rows = buckets(first.path("aggregations").path("rows"));
    List<SearchResult.FacetValue> cols = buckets(first.path("aggregations").path("cols"));
    long[][] cells = new long[rows.size()][cols.size()];
    boolean timedOut = first.path("timed_out").asBoolean();
    if (!rows.isEmpty() && !cols.isEmpty()) {
      // each row's articles counted by the columns' values
      ObjectNode second = JSON.createObjectNode();
      second.put("size", 0);
      second.set("query", withPostFilter(p));
      ObjectNode rowAggs = second.putObject("aggs");
      for (int r = 0; r < rows.size(); r++) {
        ObjectNode row = rowAggs.putObject("r" + r);
        row.putObject("filter")
            .putObject("term")
            .put(OpenSearchDocuments.valueField(rowDimension), rows.get(r).value());
        ObjectNode colAggs = row.putObject("aggs");
        for (int c = 0; c < cols.size(); c++) {
          colAggs
              .putObject("c" + c)
              .putObject("filter")
              .putObject("term")
              .put(OpenSearchDocuments.valueField(colDimension), cols.get(c).value());
        }
      }
      JsonNode answer = search(second);
      timedOut |= answer.path("timed_out").asBoolean();
      for (int r = 0; r < rows.size(); r++) {
        for (int c = 0; c < cols.size(); c++) {
          cells[r][c] =
              answer.path("aggregations").path("r" + r).path("c" + c).path("doc_count").asLong();
        }
      }
    }
    return new Matrix(
        rowDimension,
        colDimension,
        List.copyOf(rows),
        List.copyOf(cols),
        cells,
        first.path("hits").path("total").path("value").asLong(),
        (System.nanoTime() - start) / 1_000_000,
        timedOut,
        List.copyOf(p.warnings()));
  }

  /** A terms aggregation of a dimension's {@code size} most frequent values, ties by value. */
  private static void topTerms(ObjectNode agg, String dimension, int size) {
    agg.putObject("terms")
        .put("field", OpenSearchDocuments.valueField(dimension))
        .put("size", size)
        .putArray("order")
        .add(JSON.createObjectNode().put("_count", "desc"))
        .add(JSON.createObjectNode().put("_key", "asc"));
  }

  @Override
  public FacetValues facetValues(SearchRequest request, String dimension, String prefix)
      throws IOException {
    FacetValues.check(dimension);
    Parsed p = parse(request);
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    body.set("query", p.query());
    ObjectNode f = body.putObject("aggs").putObject("f");
    f.set("filter", keptValues(request, dimension));
    f.putObject("aggs")
        .putObject("v")
        .putObject("terms")
        .put("field", OpenSearchDocuments.valueField(dimension))
        .put("size", MAX_VALUES);
    JsonNode answer = search(body);
    JsonNode terms = answer.path("aggregations").path("f").path("v");
    List<String> warnings = p.warnings();
    if (terms.path("sum_other_doc_count").asLong() > 0) {
      warnings.add(
          "the dimension has more than "
              + MAX_VALUES
              + " values in these articles; the OpenSearch backend looked at the "
              + MAX_VALUES
              + " most frequent");
    }
    return FacetValues.of(
        dimension,
        prefix,
        buckets(terms),
        request.facetSize(),
        answer.path("timed_out").asBoolean(),
        warnings);
  }

  /** The most values of a dimension one request of the cluster counts. */
  static final int MAX_VALUES = 65_000;

  @Override
  public Diagnosis.DidYouMean didYouMean(SearchRequest request) throws IOException {
    try {
      return Diagnosis.didYouMean(request.q(), new ClusterSpeller());
    } catch (java.io.UncheckedIOException e) {
      throw new UnavailableException("the OpenSearch cluster does not answer: " + e.getCause(), e);
    }
  }

  /**
   * The archive's words in the cluster for "did you mean": known words from the words index, and
   * suggestions from OpenSearch's term suggester (Lucene's spell checker, as the embedded index
   * uses, with its settings).
   */
  private final class ClusterSpeller implements Diagnosis.Speller {
    @Override
    public boolean known(String word) throws IOException {
      String folded = Analyzers.fold(word);
      for (String field : Fields.TEXT) {
        if (articles(folded, field) > 0) {
          return true;
        }
        String[] forms = expansion.expand(field, folded);
        if (forms.length == 0) {
          return true; // a stop word: never searched
        }
        for (String f : forms) {
          if (!f.equals(folded) && articles(f, field) > 0) {
            return true;
          }
        }
      }
      return false;
    }

    @Override
    public String suggest(String folded) throws IOException {
      ObjectNode body = JSON.createObjectNode();
      body.put("size", 0);
      ObjectNode suggest = body.putObject("suggest");
      suggest.put("text", folded);
      for (String field : Fields.TEXT) {
        suggest
            .putObject(field)
            .putObject("term")
            .put("field", OpenSearchDocuments.wordField(field))
            .put("suggest_mode", "missing")
            .put("size", 1)
            .put("min_word_length", 3)
            .put("prefix_length", 1)
            .put("max_edits", 2)
            .put("analyzer", "whitespace");
      }
      JsonNode answer = search(body).path("suggest");
      String best = null;
      long bestFreq = -1;
      for (String field : Fields.TEXT) {
        JsonNode option = answer.path(field).path(0).path("options").path(0);
        if (option.has("text") && option.path("freq").asLong() > bestFreq) {
          best = option.path("text").asText();
          bestFreq = option.path("freq").asLong();
        }
      }
      return best;
    }

    @Override
    public long articles(String word) throws IOException {
      long most = 0;
      for (String field : Fields.TEXT) {
        most = Math.max(most, articles(word, field));
      }
      return most;
    }

    private long articles(String word, String field) throws IOException {
      ObjectNode body = JSON.createObjectNode();
      body.putObject("query").putObject("term").put(OpenSearchDocuments.wordField(field), word);
      return send("POST", "/" + index.name() + "/_count", body).path("count").asLong();
    }
  }

  @Override
  public Diagnosis.Nothing nothing(SearchRequest request) {
    return Diagnosis.nothing(request, this::count);
  }

  /**
   * Every concordance line of the search: the matching articles in the search's order, a page of
   * them at a time indexed in memory as the embedded index indexes them ({@link InMemory}), their
   * matches found by the same query and cut into lines by the same code.
   */
  @Override
  public long eachLine(SearchRequest request, Consumer<Concordance.Line> sink) throws IOException {
    return eachMatchingPage(
        request,
        (weight, leaves, docs) -> {
          for (int i = 0; i < docs.size(); i++) {
            Concordance.lines(weight, leaves, i, StoredArticle.of(docs.get(i))).forEach(sink);
          }
        });
  }

  @Override
  public Concordance.Page concordance(
      SearchRequest request, Concordance.Order order, int page, int size) throws IOException {
    return Concordance.page(
        this,
        request,
        order,
        page,
        size,
        gathered ->
            eachMatchingPage(
                request,
                (weight, leaves, docs) -> {
                  for (int i = 0; i < docs.size(); i++) {
                    Document d = docs.get(i);
                    if (!gathered.add(weight, leaves, i, () -> StoredArticle.of(d))) {
                      throw new Concordance.EnoughLines();
                    }
                  }
                }));
  }

  /** What {@link #eachMatchingPage} gives each page of matching articles. */
  private interface MatchingPage {
    void visit(
        org.apache.lucene.search.Weight weight,
        List<org.apache.lucene.index.LeafReaderContext> leaves,
        List<Document> docs)
        throws IOException;
  }

  /**
   * The search's matching articles in its order, a page of {@value Archive#EXPORT_PAGE} at a time,
   * each page indexed in memory with the query's words (parsed over the page's own words, the forms
   * they hold) as the weight whose matches are the concordance's.
   *
   * @return the articles visited
   */
  private long eachMatchingPage(SearchRequest request, MatchingPage visitor) throws IOException {
    List<Document> page = new ArrayList<>();
    long n =
        eachHit(
            parse(request),
            request.sort(),
            h -> {
              page.add(OpenSearchDocuments.stored(h.path("_source")));
              if (page.size() == EXPORT_PAGE) {
                visitPage(page, request.q(), visitor);
                page.clear();
              }
            });
    visitPage(page, request.q(), visitor);
    return n;
  }

  private void visitPage(List<Document> docs, String q, MatchingPage visitor) throws IOException {
    if (docs.isEmpty()) {
      return;
    }
    try (InMemory m = new InMemory(docs)) {
      Query base =
          ArchiveQueryParser.create(new StemExpansion(m.reader), m.reader, maxExpansion)
              .parseQuery(q);
      org.apache.lucene.search.Weight weight =
          m.searcher.createWeight(
              m.searcher.rewrite(base), org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES, 1f);
      visitor.visit(weight, m.reader.leaves(), docs);
    }
  }

  @Override
  public DistinctiveTerms.Result distinctiveTerms(
      SearchRequest request, DistinctiveTerms.Background against, int size) throws IOException {
    DistinctiveTerms.checkSize(size);
    long deadline = System.nanoTime() + timeLimit.toNanos();
    Parsed p = parse(request);
    ObjectNode foreground = withPostFilter(p);
    ObjectNode background =
        against == DistinctiveTerms.Background.ARCHIVE
            ? matchAll()
            : withPostFilter(parse(request.withQuery("")));
    Map<String, Long> bodyFreqs = new java.util.HashMap<>();
    DistinctiveTerms.Source cluster =
        new DistinctiveTerms.Source() {
          private long fg = -1;
          private long bg = -1;

          @Override
          public long foreground() throws IOException {
            return fg < 0 ? fg = countOf(foreground) : fg;
          }

          @Override
          public long background() throws IOException {
            return bg < 0 ? bg = countOf(background) : bg;
          }

          @Override
          public long archive() throws IOException {
            return countOf(matchAll());
          }

          @Override
          public boolean timedOut() {
            return false;
          }

          @Override
          public DistinctiveTerms.Sample sample(int n) throws IOException {
            ObjectNode body = JSON.createObjectNode();
            body.put("size", Math.min(n, DistinctiveTerms.SAMPLE));
            body.putArray("_source").add("stored");
            if (n <= DistinctiveTerms.SAMPLE) {
              body.set("query", foreground); // every article of the foreground
            } else { // a sample spread over it at random, the same for the same request
              ObjectNode fs = body.putObject("query").putObject("function_score");
              fs.set("query", foreground);
              fs.putObject("random_score").put("seed", 20_211_117).put("field", Fields.ID);
              fs.put("boost_mode", "replace");
            }
            List<Document> docs = new ArrayList<>();
            for (JsonNode h : search(body).path("hits").path("hits")) {
              docs.add(OpenSearchDocuments.stored(h.path("_source")));
            }
            return new DistinctiveTerms.Sample(docs.size(), docs::get);
          }

          @Override
          public void prefetch(Collection<String> forms) throws IOException {
            List<String> all = new ArrayList<>(forms);
            List<ObjectNode> filters = new ArrayList<>();
            for (String form : all) {
              ObjectNode t = JSON.createObjectNode();
              t.putObject("term").put(OpenSearchDocuments.wordField(Fields.BODY), form);
              filters.add(t);
            }
            long[] counts = filtered(matchAll(), filters);
            for (int i = 0; i < all.size(); i++) {
              bodyFreqs.put(all.get(i), counts[i]);
            }
          }

          @Override
          public double bodyFreq(String form) {
            return bodyFreqs.getOrDefault(form, 0L);
          }

          @Override
          public boolean count(List<DistinctiveTerms.Candidate> ranked, long until)
              throws IOException {
            List<ObjectNode> filters = new ArrayList<>();
            for (DistinctiveTerms.Candidate c : ranked) {
              // as the embedded index counts it: a word, any word of its stem's family in a text
              // field (the same expansion over the cluster's words); a phrase, its two words
              // adjacent in one of them
              ObjectNode any = JSON.createObjectNode();
              ArrayNode should = any.putObject("bool").putArray("should");
              for (String field : Fields.TEXT) {
                String w = OpenSearchDocuments.wordField(field);
                if (c.phrase()) {
                  should.addObject().putObject("match_phrase").put(w, c.key());
                  continue;
                }
                String[] family;
                try {
                  family = expansion.words(field, c.key());
                } catch (java.io.UncheckedIOException e) {
                  throw e.getCause();
                }
                ArrayNode terms = should.addObject().putObject("terms").putArray(w);
                for (String form : family.length > 0 ? family : new String[] {c.key()}) {
                  terms.add(form);
                }
              }
              filters.add(any);
            }
            if (System.nanoTime() > until) {
              return false;
            }
            long[] inFg = filtered(foreground, filters);
            long[] inBg = filtered(background, filters);
            for (int i = 0; i < ranked.size(); i++) {
              ranked.get(i).counted(inFg[i], inBg[i]);
            }
            return true;
          }
        };
    return DistinctiveTerms.compute(
        cluster, against, p.base(), size, deadline, new ArrayList<>(p.warnings()));
  }

  private static ObjectNode matchAll() {
    ObjectNode q = JSON.createObjectNode();
    q.putObject("match_all");
    return q;
  }

  private long countOf(ObjectNode query) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.set("query", query);
    return send("POST", "/" + index.name() + "/_count", body).path("count").asLong();
  }

  /**
   * How many articles of {@code query} each of {@code filters} keeps: a filters aggregation of at
   * most {@value #FILTERS_A_REQUEST} filters a request.
   */
  private long[] filtered(ObjectNode query, List<ObjectNode> filters) throws IOException {
    long[] out = new long[filters.size()];
    for (int from = 0; from < filters.size(); from += FILTERS_A_REQUEST) {
      int to = Math.min(filters.size(), from + FILTERS_A_REQUEST);
      long[] some = filteredOnce(query, filters.subList(from, to));
      System.arraycopy(some, 0, out, from, some.length);
    }
    return out;
  }

  /** Filters a request of {@link #filtered}. */
  static final int FILTERS_A_REQUEST = 1_000;

  private long[] filteredOnce(ObjectNode query, List<ObjectNode> filters) throws IOException {
    long[] out = new long[filters.size()];
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    body.set("query", query);
    ObjectNode named =
        body.putObject("aggs").putObject("t").putObject("filters").putObject("filters");
    for (int i = 0; i < filters.size(); i++) {
      named.set("f" + i, filters.get(i));
    }
    JsonNode buckets = search(body).path("aggregations").path("t").path("buckets");
    for (int i = 0; i < filters.size(); i++) {
      out[i] = buckets.path("f" + i).path("doc_count").asLong();
    }
    return out;
  }

  /**
   * A batch of searches as a table ({@link BatchTable}), as the embedded index makes it: every line
   * parsed before any runs; each counted by the cluster (its matches by day, or the values of a
   * dimension among them, and their total); the same table made of the counts. The batch stops
   * starting searches after five times the time limit.
   */
  @Override
  public BatchTable.Table batch(
      List<BatchTable.Line> lines, SearchRequest shared, BatchTable.By by, int values)
      throws IOException {
    BatchTable.check(lines, values);
    long deadline = System.nanoTime() + 5 * timeLimit.toNanos();
    List<SearchRequest> requests = new ArrayList<>();
    List<Parsed> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      SearchRequest r = BatchTable.request(lines, i, shared);
      try {
        parsed.add(parse(r));
      } catch (InvalidRequestException e) {
        throw BatchTable.refusal(lines, i, e);
      }
      requests.add(r);
    }
    Span span = span();
    List<BatchTable.Counted> counted = new ArrayList<>();
    for (int i = 0; i < parsed.size(); i++) {
      Parsed p = parsed.get(i);
      if (System.nanoTime() > deadline) {
        counted.add(BatchTable.Counted.NOT_RUN);
        continue;
      }
      ObjectNode body = JSON.createObjectNode();
      body.put("size", 0);
      body.put("track_total_hits", true);
      body.set("query", withPostFilter(p));
      if (by.time()) {
        JsonNode answer = search(body);
        counted.add(
            new BatchTable.Counted(
                answer.path("hits").path("total").path("value").asLong(),
                span.counts(dayBuckets(withPostFilter(p))),
                Map.of(),
                answer.path("timed_out").asBoolean()));
      } else {
        // the total under every filter; the values counted sideways, as a facet is (the kept
        // values of the same dimension aside)
        body.set("query", p.query());
        body.set("post_filter", p.postFilter());
        ObjectNode f = body.putObject("aggs").putObject("f");
        f.set("filter", keptValues(requests.get(i), by.param()));
        topTerms(f.putObject("aggs").putObject("v"), by.param(), MAX_VALUES);
        JsonNode answer = search(body);
        Map<String, Long> byValue = new java.util.LinkedHashMap<>();
        for (SearchResult.FacetValue v : buckets(answer.path("aggregations").path("f").path("v"))) {
          byValue.put(v.value(), v.count());
        }
        counted.add(
            new BatchTable.Counted(
                answer.path("hits").path("total").path("value").asLong(),
                null,
                byValue,
                answer.path("timed_out").asBoolean()));
      }
    }
    return BatchTable.table(
        lines, requests, shared, by, values, span.minDay(), span.maxDay(), counted);
  }

  @Override
  public ArchiveStats stats(IndexLayout layout) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    body.put("track_total_hits", true);
    ObjectNode aggs = body.putObject("aggs");
    aggs.putObject("first").putObject("min").put("field", Fields.DATE);
    aggs.putObject("last").putObject("max").put("field", Fields.DATE);
    aggs.putObject("undated").putObject("missing").put("field", Fields.DATE);
    for (String dim : List.of(Fields.SECTION, Fields.SOURCE)) {
      topTerms(aggs.putObject(dim), dim, MAX_VALUES);
    }
    JsonNode answer = search(body);
    JsonNode a = answer.path("aggregations");
    long articles = answer.path("hits").path("total").path("value").asLong();
    List<SearchResult.FacetValue> sections = buckets(a.path(Fields.SECTION));
    List<SearchResult.FacetValue> sources = buckets(a.path(Fields.SOURCE));
    JsonNode store = send("GET", "/" + index.name() + "/_stats/store", null).path("_all");
    return new ArchiveStats(
        articles,
        day(a.path("first")),
        day(a.path("last")),
        sections,
        store.path("primaries").path("store").path("size_in_bytes").asLong(),
        index.lastIngest(),
        a.path("undated").path("doc_count").asLong(),
        articles - sum(sections),
        sources.subList(0, Math.min(ArchiveStats.SOURCES, sources.size())),
        sources.size(),
        articles - sum(sources));
  }

  private static List<SearchResult.FacetValue> buckets(JsonNode terms) {
    List<SearchResult.FacetValue> out = new ArrayList<>();
    for (JsonNode b : terms.path("buckets")) {
      out.add(new SearchResult.FacetValue(b.path("key").asText(), b.path("doc_count").asLong()));
    }
    return out;
  }

  private static long sum(List<SearchResult.FacetValue> values) {
    return values.stream().mapToLong(SearchResult.FacetValue::count).sum();
  }

  private static java.time.LocalDate day(JsonNode minOrMax) {
    JsonNode v = minOrMax.path("value");
    return v.isNumber() ? java.time.LocalDate.ofEpochDay(v.asLong()) : null;
  }

  @Override
  public void close() throws IOException {
    index.client().close();
  }
}

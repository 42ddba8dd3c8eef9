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
 * </ul>
 *
 * What it cannot do yet answers 501 with a sentence ({@link Archive.UnsupportedSearchException}).
 */
public final class OpenSearchArchive implements Archive {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The precision threshold of the story count: exact below it. */
  static final int STORIES_EXACT = 40_000;

  private final IndexLayout layout;
  private final OpenSearchIndex index;
  private final StemExpansion expansion;
  private volatile Duration timeLimit = DEFAULT_TIME_LIMIT;
  private volatile int maxExpansion = QueryLimits.MAX_EXPANSION;

  public OpenSearchArchive(IndexLayout layout, OpenSearchIndex index) {
    this.layout = layout;
    this.index = index;
    this.expansion = new StemExpansion(new OpenSearchWords(index));
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
  }

  @Override
  public void startRefreshing(Duration every) {
    // the cluster refreshes its own readers (index.refresh_interval)
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
    ArchiveQueryParser parser =
        ArchiveQueryParser.create(expansion, new MultiReader(), maxExpansion);
    Query base = parser.parseQuery(request.q());
    ObjectNode bool = JSON.createObjectNode();
    ObjectNode b = bool.putObject("bool");
    b.putArray("must").add(OpenSearchQueries.of(base));
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
    for (String dim : request.allOf()) {
      for (String v : request.filters().get(dim)) {
        filter.addObject().putObject("term").put(OpenSearchDocuments.valueField(dim), v);
      }
    }
    ArrayNode not = b.putArray("must_not");
    request.excludes().forEach((dim, values) -> not.add(terms(dim, values)));
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

  private JsonNode search(ObjectNode body) throws IOException {
    body.put("timeout", Math.max(1, timeLimit.toMillis()) + "ms");
    return index.client().send("POST", "/" + index.name() + "/_search", body);
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
    inner.putArray("_source").add("stored." + Fields.ID);
    ObjectNode aggs = body.putObject("aggs");
    ObjectNode matches = aggs.putObject("matches");
    matches.set("filter", p.postFilter());
    ObjectNode m = matches.putObject("aggs");
    m.putObject("days")
        .putObject("histogram")
        .put("field", Fields.DATE)
        .put("interval", 1)
        .put("min_doc_count", 1);
    m.putObject("undated").putObject("missing").put("field", Fields.DATE);
    m.putObject("stories")
        .putObject("cardinality")
        .put("field", Fields.FINGERPRINT)
        .put("precision_threshold", STORIES_EXACT);
    m.putObject("unprinted").putObject("missing").put("field", Fields.FINGERPRINT);
    for (String dim : Fields.FACETS) {
      ObjectNode f = aggs.putObject("f_" + dim);
      f.set("filter", keptValues(request, dim));
      f.putObject("aggs")
          .putObject("v")
          .putObject("terms")
          .put("field", OpenSearchDocuments.valueField(dim))
          .put("size", request.facetSize())
          .putArray("order")
          .add(JSON.createObjectNode().put("_count", "desc"))
          .add(JSON.createObjectNode().put("_key", "asc"));
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
    ObjectNode global = aggs.putObject("archive");
    global.putObject("global");
    ObjectNode g = global.putObject("aggs");
    g.putObject("days")
        .putObject("histogram")
        .put("field", Fields.DATE)
        .put("interval", 1)
        .put("min_doc_count", 1);
    boolean hasBase = !request.filters().isEmpty() || !request.excludes().isEmpty();
    if (hasBase) {
      ObjectNode base = g.putObject("base");
      base.set("filter", baseFilter(request));
      base.putObject("aggs")
          .putObject("days")
          .putObject("histogram")
          .put("field", Fields.DATE)
          .put("interval", 1)
          .put("min_doc_count", 1);
    }

    JsonNode answer = search(body);
    JsonNode a = answer.path("aggregations");
    long total = answer.path("hits").path("total").path("value").asLong();
    Span archive = Span.of(a.path("archive").path("days"));
    DayCounts days = archive.counts(a.path("matches").path("days"));
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
    DayCounts baseDays =
        hasBase ? archive.counts(a.path("archive").path("base").path("days")) : null;
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
    boolean timedOut = answer.path("timed_out").asBoolean();
    if (timedOut) {
      warnings.add(
          "the search took longer than its time limit and was cut: counts and hits cover part of the archive");
    }
    List<SearchResult.Hit> hits = hits(answer.path("hits").path("hits"), p.base(), marks);
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
    ObjectNode b = (ObjectNode) f.path("bool");
    for (String dim : request.allOf()) {
      for (String v : request.filters().get(dim)) {
        ((ArrayNode) b.path("filter"))
            .addObject()
            .putObject("term")
            .put(OpenSearchDocuments.valueField(dim), v);
      }
    }
    ArrayNode not = b.putArray("must_not");
    request.excludes().forEach((dim, values) -> not.add(terms(dim, values)));
    return f;
  }

  /** The archive's dated articles by day, and the span they cover. */
  private record Span(long minDay, long maxDay, DayCounts allDays) implements ArchiveDays {
    static Span of(JsonNode histogram) {
      long min = Long.MAX_VALUE;
      long max = Long.MIN_VALUE;
      for (JsonNode b : histogram.path("buckets")) {
        long day = b.path("key").asLong();
        min = Math.min(min, day);
        max = Math.max(max, day);
      }
      Span empty = new Span(min, max, new DayCounts(min, max));
      return new Span(min, max, empty.counts(histogram));
    }

    DayCounts counts(JsonNode histogram) {
      DayCounts d = new DayCounts(minDay, maxDay);
      for (JsonNode b : histogram.path("buckets")) {
        d.add(b.path("key").asLong(), b.path("doc_count").asLong());
      }
      return d;
    }
  }

  private List<SearchResult.Hit> hits(JsonNode found, Query base, boolean marks)
      throws IOException {
    List<Document> docs = new ArrayList<>();
    List<JsonNode> raw = new ArrayList<>();
    for (JsonNode h : found) {
      docs.add(OpenSearchDocuments.stored(h.path("_source")));
      raw.add(h);
    }
    Snippets.Marked[] marked = marks ? mark(docs, base) : new Snippets.Marked[docs.size()];
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
  private static Snippets.Marked[] mark(List<Document> docs, Query base) throws IOException {
    if (docs.isEmpty()) {
      return new Snippets.Marked[0];
    }
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
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
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        int[] ids = new int[docs.size()];
        for (int i = 0; i < ids.length; i++) {
          ids[i] = i;
        }
        return Snippets.mark(new IndexSearcher(reader), base, ids);
      }
    }
  }

  // --- counts, exports ------------------------------------------------------------------------

  @Override
  public void validate(SearchRequest request) throws IOException {
    OpenSearchQueries.of(parse(request).base());
  }

  @Override
  public long count(SearchRequest request) throws IOException {
    Parsed p = parse(request);
    ObjectNode body = JSON.createObjectNode();
    body.set("query", withPostFilter(p));
    return index.client().send("POST", "/" + index.name() + "/_count", body).path("count").asLong();
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
  private long eachHit(Parsed p, SearchRequest.Sort sort, boolean source, HitVisitor visitor)
      throws IOException {
    JsonNode pit =
        index
            .client()
            .send("POST", "/" + index.name() + "/_search/point_in_time?keep_alive=5m", null);
    String pitId = pit.path("pit_id").asText();
    long n = 0;
    try {
      JsonNode after = null;
      while (true) {
        ObjectNode body = JSON.createObjectNode();
        body.set("query", withPostFilter(p));
        body.put("size", EXPORT_PAGE);
        body.set("sort", sort(sort));
        body.put("track_total_hits", false);
        if (!source) {
          body.put("_source", false);
          body.putArray("docvalue_fields").add(Fields.ID);
        }
        body.putObject("pit").put("id", pitId).put("keep_alive", "5m");
        if (after != null) {
          body.set("search_after", after);
        }
        body.put("timeout", Math.max(1, timeLimit.toMillis()) + "ms");
        JsonNode answer = index.client().send("POST", "/_search", body);
        if (answer.path("timed_out").asBoolean()) {
          throw new ExportCutException(n, timeLimit);
        }
        pitId = answer.path("pit_id").asText(pitId);
        JsonNode hits = answer.path("hits").path("hits");
        for (JsonNode h : hits) {
          visitor.visit(h);
          n++;
        }
        if (hits.size() < EXPORT_PAGE) {
          return n;
        }
        after = hits.get(hits.size() - 1).path("sort");
      }
    } finally {
      ObjectNode del = JSON.createObjectNode();
      del.putArray("pit_id").add(pitId);
      try {
        index.client().sendOrNull("DELETE", "/_search/point_in_time", del);
      } catch (IOException e) {
        // the point in time expires by itself
      }
    }
  }

  @Override
  public long export(SearchRequest request, Consumer<StoredArticle> sink) throws IOException {
    return eachHit(
        parse(request),
        request.sort(),
        true,
        h -> sink.accept(StoredArticle.of(OpenSearchDocuments.stored(h.path("_source")))));
  }

  @Override
  public long exportWithSnippets(SearchRequest request, SnippetSink sink) throws IOException {
    Parsed p = parse(request);
    return eachHit(
        p,
        request.sort(),
        true,
        h -> {
          Document d = OpenSearchDocuments.stored(h.path("_source"));
          sink.accept(StoredArticle.of(d), mark(List.of(d), p.base())[0].snippet());
        });
  }

  @Override
  public long eachMatch(SearchRequest request, MatchVisitor visitor) throws IOException {
    return eachHit(
        parse(request),
        SearchRequest.Sort.NEWEST,
        true,
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
    long total =
        index.client().send("POST", "/" + index.name() + "/_count", body).path("count").asLong();
    ObjectNode unseen = JSON.createObjectNode();
    ObjectNode b = unseen.putObject("bool");
    b.putArray("filter").add(withPostFilter(p));
    ArrayNode ids = b.putArray("must_not").addObject().putObject("terms").putArray(Fields.ID);
    seen.forEach(ids::add);
    ObjectNode body2 = JSON.createObjectNode();
    body2.set("query", unseen);
    long fresh =
        index.client().send("POST", "/" + index.name() + "/_count", body2).path("count").asLong();
    return new long[] {total, fresh};
  }

  // --- articles -------------------------------------------------------------------------------

  @Override
  public ArticleView article(String id) throws IOException {
    JsonNode got =
        index.client().sendOrNull("GET", "/" + index.name() + "/_doc/" + encode(id), null);
    if (got == null || !got.path("found").asBoolean()) {
      throw new NotFoundException("id", "no article with id '" + id + "'");
    }
    Document d = OpenSearchDocuments.stored(got.path("_source"));
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
        article, StoredMentions.decode(d.get(Fields.MENTIONS)), List.copyOf(copies), List.of());
  }

  private static String encode(String id) {
    return java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  @Override
  public List<ArticleView.Related> briefs(List<String> ids) throws IOException {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode a = body.putArray("ids");
    ids.forEach(a::add);
    JsonNode got = index.client().send("POST", "/" + index.name() + "/_mget", body);
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
    if (!Fields.FACETS.contains(dimension)) {
      throw new InvalidRequestException(
          "dimension", "no dimension '" + dimension + "'; one of " + Fields.FACETS);
    }
    ObjectNode body = JSON.createObjectNode();
    body.put("size", 0);
    body.putObject("aggs")
        .putObject("v")
        .putObject("terms")
        .put("field", OpenSearchDocuments.valueField(dimension))
        .put("size", 65_000)
        .putArray("order")
        .add(JSON.createObjectNode().put("_count", "desc"))
        .add(JSON.createObjectNode().put("_key", "asc"));
    List<SearchResult.FacetValue> out = new ArrayList<>();
    for (JsonNode b : search(body).path("aggregations").path("v").path("buckets")) {
      out.add(new SearchResult.FacetValue(b.path("key").asText(), b.path("doc_count").asLong()));
    }
    return out;
  }

  @Override
  public Version version() throws IOException {
    JsonNode stats = index.client().send("GET", "/" + index.name() + "/_stats/docs,indexing", null);
    JsonNode primaries = stats.path("_all").path("primaries");
    long docs = primaries.path("docs").path("count").asLong();
    long writes =
        primaries.path("indexing").path("index_total").asLong()
            + primaries.path("indexing").path("delete_total").asLong();
    String last = index.lastIngest();
    return new Version(docs, writes, writes, last == null ? null : java.time.Instant.parse(last));
  }

  // --- not yet on this backend ----------------------------------------------------------------

  private static UnsupportedSearchException notYet(String what) {
    return new UnsupportedSearchException(
        what + " is not available on the OpenSearch backend yet; it works on the embedded index");
  }

  @Override
  public Comparison.Result compare(Comparison comparison) {
    throw notYet("comparing searches over time");
  }

  @Override
  public EntityPage entity(
      String dimension, String name, SearchRequest.Interval interval, int top) {
    throw notYet("the entity page");
  }

  @Override
  public Matrix matrix(SearchRequest request, String rowDimension, String colDimension, int size) {
    throw notYet("the matrix of two dimensions");
  }

  @Override
  public FacetValues facetValues(SearchRequest request, String dimension, String prefix) {
    throw notYet("listing a dimension's values by prefix");
  }

  @Override
  public Diagnosis.DidYouMean didYouMean(SearchRequest request) {
    return null; // the spell checker reads the embedded index's words; not here yet
  }

  @Override
  public Diagnosis.Nothing nothing(SearchRequest request) {
    return Diagnosis.nothing(request, this::count);
  }

  @Override
  public long eachLine(SearchRequest request, Consumer<Concordance.Line> sink) {
    throw notYet("the concordance");
  }

  @Override
  public Concordance.Page concordance(
      SearchRequest request, Concordance.Order order, int page, int size) {
    throw notYet("the concordance");
  }

  @Override
  public DistinctiveTerms.Result distinctiveTerms(
      SearchRequest request, DistinctiveTerms.Background against, int size) {
    throw notYet("distinctive terms");
  }

  @Override
  public BatchTable.Table batch(
      List<BatchTable.Line> lines, SearchRequest shared, BatchTable.By by, int values) {
    throw notYet("the batch table");
  }

  @Override
  public List<Concordance.Span> marks(String q, String id) {
    throw notYet("marking the query's words in an article");
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
      aggs.putObject(dim)
          .putObject("terms")
          .put("field", OpenSearchDocuments.valueField(dim))
          .put("size", 65_000)
          .putArray("order")
          .add(JSON.createObjectNode().put("_count", "desc"))
          .add(JSON.createObjectNode().put("_key", "asc"));
    }
    JsonNode answer = search(body);
    JsonNode a = answer.path("aggregations");
    long articles = answer.path("hits").path("total").path("value").asLong();
    List<SearchResult.FacetValue> sections = buckets(a.path(Fields.SECTION));
    List<SearchResult.FacetValue> sources = buckets(a.path(Fields.SOURCE));
    JsonNode store =
        index.client().send("GET", "/" + index.name() + "/_stats/store", null).path("_all");
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

package org.morgue.search;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.morgue.entity.Mention;

/**
 * The JSON shapes of search results, as ordered maps ready for any JSON writer: the one place that
 * fixes key names and order, shared by the command line and the HTTP API.
 */
public final class SearchJson {
  private SearchJson() {}

  /**
   * {@code {query, total, stories, tookMs, timedOut, hits, facets, histogram, inResults,
   * warnings}}: {@code total} counts matching articles, {@code stories} the distinct stories among
   * them (wire copies are one story), which is what the pages of {@code hits} list; {@code
   * inResults} gives, for each dimension with values kept, how many matches carry each of them.
   */
  public static Map<String, Object> result(SearchResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", request(r.request(), r.parsedQuery()));
    out.put("total", r.total());
    out.put("stories", r.stories());
    out.put("tookMs", r.tookMs());
    out.put("timedOut", r.timedOut());
    out.put("hits", r.hits().stream().map(SearchJson::hit).toList());
    Map<String, Object> facets = new LinkedHashMap<>();
    r.facets()
        .forEach(
            (dim, values) -> facets.put(dim, values.stream().map(SearchJson::facetValue).toList()));
    out.put("facets", facets);
    out.put("histogram", histogram(r.histogram()));
    Map<String, Object> inResults = new LinkedHashMap<>();
    if (r.inResults() != null) {
      r.inResults()
          .forEach(
              (dim, values) ->
                  inResults.put(dim, values.stream().map(SearchJson::facetValue).toList()));
    }
    out.put("inResults", inResults);
    out.put("warnings", r.warnings());
    return out;
  }

  /**
   * {@code {interval, undated, baseQuery, buckets: [{start, count, all, base}]}}: {@code all} is
   * the archive's articles of the period, {@code base} those the search's filters keep (the
   * denominator of a share), {@code baseQuery} the query string of those ({@code ""}: the archive).
   */
  public static Map<String, Object> histogram(Histogram h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("interval", h.intervalName());
    out.put("undated", h.undated());
    out.put("baseQuery", h.baseQuery());
    List<Map<String, Object>> buckets = new ArrayList<>(h.buckets().size());
    for (Histogram.Bucket b : h.buckets()) {
      Map<String, Object> bucket = new LinkedHashMap<>();
      bucket.put("start", b.start().toString());
      bucket.put("count", b.count());
      bucket.put("all", b.all());
      bucket.put("base", b.base());
      buckets.add(bucket);
    }
    out.put("buckets", buckets);
    return out;
  }

  /**
   * A comparison ({@link Comparison}): {@code {interval, tookMs, timedOut, series: [{name, query,
   * total, undated, baseQuery, buckets: [{start, count, all, base}]}], warnings}}; every series has
   * the same buckets, in the same order.
   */
  public static Map<String, Object> comparison(Comparison.Result r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("interval", r.interval().param());
    out.put("tookMs", r.tookMs());
    out.put("timedOut", r.timedOut());
    List<Map<String, Object>> series = new ArrayList<>();
    for (Comparison.Counted c : r.series()) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("name", c.series().name());
      s.put("query", SearchParameters.toQueryString(c.series().request()));
      s.put("total", c.total());
      Map<String, Object> h = histogram(c.histogram());
      s.put("undated", h.get("undated"));
      s.put("baseQuery", h.get("baseQuery"));
      s.put("buckets", h.get("buckets"));
      series.add(s);
    }
    out.put("series", series);
    out.put("warnings", r.warnings());
    return out;
  }

  /**
   * An entity page ({@link EntityPage}): {@code {dimension, name, articles, first: {id, date,
   * title}, last, timeline: {interval, undated, baseQuery, buckets}, coMentioned: {person, org,
   * place: [{value, count}]}, sections, sources, authors, surfaceForms: [{text, mentions,
   * articles}], surfaceFormsRead, links: {filter, query, api}, tookMs, timedOut}}; {@code first}
   * and {@code last} are {@code null} when no article of it is dated. The links are query strings:
   * the filter ({@code person=NAME}) and the query ({@code q=person:"NAME"}), which give the same
   * articles.
   */
  public static Map<String, Object> entity(EntityPage e) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dimension", e.dimension());
    out.put("name", e.name());
    out.put("articles", e.articles());
    out.put("first", mentioned(e.first()));
    out.put("last", mentioned(e.last()));
    out.put("timeline", histogram(e.timeline()));
    Map<String, Object> co = new LinkedHashMap<>();
    e.coMentioned()
        .forEach(
            (dim, values) -> co.put(dim, values.stream().map(SearchJson::facetValue).toList()));
    out.put("coMentioned", co);
    out.put("sections", e.related().get("section").stream().map(SearchJson::facetValue).toList());
    out.put("sources", e.related().get("source").stream().map(SearchJson::facetValue).toList());
    out.put("authors", e.related().get("author").stream().map(SearchJson::facetValue).toList());
    List<Map<String, Object>> forms = new ArrayList<>();
    for (EntityPage.SurfaceForm f : e.surfaceForms()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("text", f.text());
      m.put("mentions", f.mentions());
      m.put("articles", f.articles());
      forms.add(m);
    }
    out.put("surfaceForms", forms);
    out.put("surfaceFormsRead", e.surfaceFormsRead());
    Map<String, Object> links = new LinkedHashMap<>();
    SearchRequest filter =
        new SearchRequest(
            "", null, null, Map.of(e.dimension(), List.of(e.name())), Map.of(), null, 1, 10);
    links.put("filter", SearchParameters.toQueryString(filter));
    links.put(
        "query",
        SearchParameters.toQueryString(
            SearchRequest.of(e.dimension() + ":\"" + e.name().replace("\"", "\\\"") + "\"")));
    out.put("links", links);
    out.put("tookMs", e.tookMs());
    out.put("timedOut", e.timedOut());
    return out;
  }

  /**
   * A matrix ({@link Matrix}): {@code {query, total, rows: {dimension, values: [{value, count}]},
   * cols: {...}, cells: [[n, ...], ...], tookMs, timedOut, warnings}}, {@code cells[r][c]} the
   * matching articles with row {@code r}'s value and column {@code c}'s.
   */
  public static Map<String, Object> matrix(Matrix m, SearchRequest request) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", SearchParameters.toQueryString(request));
    out.put("total", m.total());
    Map<String, Object> rows = new LinkedHashMap<>();
    rows.put("dimension", m.rowDimension());
    rows.put("values", m.rows().stream().map(SearchJson::facetValue).toList());
    out.put("rows", rows);
    Map<String, Object> cols = new LinkedHashMap<>();
    cols.put("dimension", m.colDimension());
    cols.put("values", m.cols().stream().map(SearchJson::facetValue).toList());
    out.put("cols", cols);
    List<List<Long>> cells = new ArrayList<>();
    for (long[] row : m.cells()) {
      List<Long> r = new ArrayList<>(row.length);
      for (long n : row) {
        r.add(n);
      }
      cells.add(r);
    }
    out.put("cells", cells);
    out.put("tookMs", m.tookMs());
    out.put("timedOut", m.timedOut());
    out.put("warnings", m.warnings());
    return out;
  }

  private static Map<String, Object> mentioned(EntityPage.Mentioned m) {
    if (m == null) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", m.id());
    out.put("date", m.date().toString());
    out.put("title", m.title());
    return out;
  }

  /** {@code {dimension, prefix, matching, values: [{value, count}], timedOut, warnings}}. */
  public static Map<String, Object> facetValues(FacetValues f) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("dimension", f.dimension());
    out.put("prefix", f.prefix());
    out.put("matching", f.matching());
    out.put("values", f.values().stream().map(SearchJson::facetValue).toList());
    out.put("timedOut", f.timedOut());
    out.put("warnings", f.warnings());
    return out;
  }

  /**
   * The article view: every stored field, {@code paragraphs} of the body, {@code mentions} (each as
   * {@link #mention} writes it: {@code type} person|org|place, {@code text}, {@code canonical},
   * {@code field} title|lede|body, {@code start} and {@code end} offsets into that field, {@code
   * origin} model|rule), {@code copies} (ids of the other articles with the same text) and {@code
   * related} articles.
   */
  public static Map<String, Object> article(ArticleView v) {
    Map<String, Object> out = storedArticle(v.article());
    List<Map<String, Object>> mentions = new ArrayList<>();
    for (Mention m : v.mentions()) {
      mentions.add(mention(m));
    }
    out.put("mentions", mentions);
    out.put("copies", v.copies());
    List<Map<String, Object>> related = new ArrayList<>();
    for (ArticleView.Related r : v.related()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("date", r.date() == null ? null : r.date().toString());
      m.put("section", r.section());
      m.put("title", r.title());
      m.put("lede", r.lede());
      m.put("source", r.source());
      related.add(m);
    }
    out.put("related", related);
    return out;
  }

  /**
   * The article view as {@link #article(ArticleView)} gives it, with its wire copies listed ({@code
   * copyList}: {@code [{id, date, section, title, source}]}), the article it copies ({@code
   * original}, the same shape, or {@code null}) and, when a query was given, where it matches
   * ({@code marks}: {@code [{field, start, end}]}; absent without a query).
   */
  public static Map<String, Object> article(
      ArticleView v,
      List<ArticleView.Related> copies,
      ArticleView.Related original,
      List<Concordance.Span> marks) {
    Map<String, Object> out = article(v);
    out.put("copyList", briefs(copies));
    out.put("original", original == null ? null : briefs(List.of(original)).get(0));
    if (marks != null) {
      out.put("marks", marks(marks));
    }
    return out;
  }

  /**
   * Articles listed by {@code {id, date, section, title, source}}, as the article view's copies.
   */
  public static List<Map<String, Object>> briefs(List<ArticleView.Related> articles) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (ArticleView.Related r : articles) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("date", r.date() == null ? null : r.date().toString());
      m.put("section", r.section());
      m.put("title", r.title());
      m.put("source", r.source());
      out.add(m);
    }
    return out;
  }

  /** Where a query matches in an article: {@code [{field, start, end}]}. */
  public static List<Map<String, Object>> marks(List<Concordance.Span> spans) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Concordance.Span s : spans) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("field", s.field());
      m.put("start", s.start());
      m.put("end", s.end());
      out.add(m);
    }
    return out;
  }

  /**
   * One mention, the same wherever the API or the command line shows one: {@code {type, text,
   * canonical, field, start, end, origin}}, with {@code type} the dimension ({@code person}, {@code
   * org}, {@code place}), {@code field} the text the offsets point into ({@code title}, {@code
   * lede}, {@code body}, or {@code text} for a plain text that is no article) and {@code origin}
   * {@code model} or {@code rule}.
   *
   * <p>Example: {@code {"type":"person","text":"Mr. Pashinyan","canonical":"Nikol
   * Pashinyan","field":"body","start":1186,"end":1199,"origin":"model"}}.
   */
  public static Map<String, Object> mention(Mention m) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("type", m.type().facet());
    o.put("text", m.text());
    o.put("canonical", m.canonical());
    o.put("field", m.field().name().toLowerCase(Locale.ROOT));
    o.put("start", m.start());
    o.put("end", m.end());
    o.put("origin", m.origin().name().toLowerCase(Locale.ROOT));
    return o;
  }

  /**
   * Every stored field of an article: {@code id, date, section, source, authors, title, lede, body,
   * paragraphs, url, copyOf, fingerprint, origin, entities}.
   */
  public static Map<String, Object> storedArticle(StoredArticle a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", a.id());
    out.put("date", a.date() == null ? null : a.date().toString());
    out.put("section", a.section());
    out.put("source", a.source());
    out.put("authors", a.authors());
    out.put("title", a.title());
    out.put("lede", a.lede());
    out.put("body", a.body());
    out.put("paragraphs", a.paragraphs());
    out.put("url", a.url());
    out.put("copyOf", a.copyOf());
    out.put("fingerprint", a.fingerprint());
    out.put("origin", origin(a.origin()));
    out.put("entities", a.entities());
    return out;
  }

  /**
   * Where an article was read, as readers may see it: the path relative to the ingested folder, as
   * ingests since issue 13 store it; an archive ingested before holds the absolute path, of which
   * only the file's name (and line) is shown, never the server's folders.
   */
  static String origin(String stored) {
    if (stored == null) {
      return null;
    }
    boolean absolute =
        stored.startsWith("/")
            || stored.startsWith("\\")
            || stored.matches("(?s)[A-Za-z]:[\\\\/].*");
    if (!absolute) {
      return stored;
    }
    int cut = Math.max(stored.lastIndexOf('/'), stored.lastIndexOf('\\'));
    return stored.substring(cut + 1);
  }

  /**
   * The request as understood, with the Lucene query it became ({@code parsed}) and its canonical
   * query string ({@code queryString}: the same search under one URL, defaults left out).
   */
  public static Map<String, Object> request(SearchRequest req, String parsed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("q", req.q());
    out.put("from", req.from() == null ? null : req.from().toString());
    out.put("to", req.to() == null ? null : req.to().toString());
    out.put("filters", new LinkedHashMap<>(req.filters()));
    out.put("exclude", new LinkedHashMap<>(req.excludes()));
    out.put("allOf", new ArrayList<>(req.allOf()));
    out.put("sort", req.sort().param());
    out.put("page", req.page());
    out.put("size", req.size());
    out.put("facetSize", req.facetSize());
    out.put("interval", req.interval() == null ? null : req.interval().param());
    out.put("parsed", parsed);
    out.put("queryString", SearchParameters.toQueryString(req));
    return out;
  }

  /**
   * One hit: a story shown by its best-ranked matching article. {@code titleHtml} and {@code
   * snippet} are HTML (escaped text, the query's words in {@code <mark>}); every other field is
   * plain text. {@code copies} counts the story's other matching articles, {@code copyIds} names
   * them.
   */
  public static Map<String, Object> hit(SearchResult.Hit h) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", h.id());
    out.put("date", h.date() == null ? null : h.date().toString());
    out.put("section", h.section());
    out.put("title", h.title());
    out.put("lede", h.lede());
    out.put("authors", h.authors());
    out.put("source", h.source());
    out.put("url", h.url());
    out.put("copyOf", h.copyOf());
    out.put("titleHtml", h.titleHtml());
    out.put("snippet", h.snippet());
    out.put("entities", h.entities());
    out.put("copies", h.copies());
    out.put("copyIds", h.copyIds());
    return out;
  }

  private static Map<String, Object> facetValue(SearchResult.FacetValue v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("value", v.value());
    out.put("count", v.count());
    return out;
  }

  /**
   * Stats as {@code {articles, firstDate, lastDate, undated, sections, noSection, sources,
   * sourceValues, noSource, indexBytes, lastIngest}}: {@code undated}, {@code noSection} and {@code
   * noSource} count the articles without one; {@code sources} are the most frequent ({@value
   * ArchiveStats#SOURCES} at most) of {@code sourceValues}.
   */
  public static Map<String, Object> stats(ArchiveStats s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("articles", s.articles());
    out.put("firstDate", s.firstDate() == null ? null : s.firstDate().toString());
    out.put("lastDate", s.lastDate() == null ? null : s.lastDate().toString());
    out.put("undated", s.undated());
    out.put("sections", s.sections().stream().map(SearchJson::facetValue).toList());
    out.put("noSection", s.noSection());
    out.put("sources", s.sources().stream().map(SearchJson::facetValue).toList());
    out.put("sourceValues", s.sourceValues());
    out.put("noSource", s.noSource());
    out.put("indexBytes", s.indexBytes());
    out.put("lastIngest", s.lastIngest());
    return out;
  }

  /**
   * The heap of the JVM that answers, in MB, as {@link #health} shows it.
   *
   * @param usedMb in use now
   * @param peakMb the sum of the heap pools' peaks
   * @param maxMb the most it may grow to
   */
  public record Heap(long usedMb, long peakMb, long maxMb) {}

  /**
   * Whether the server answers, and what it reads: {@code {status, ready, articles, version,
   * generation, lastIngest, heap: {usedMb, peakMb, maxMb}}}.
   *
   * <p>Example: {@code {"status":"ok","ready":true,"articles":1791,"version":12,"generation":3,
   * "lastIngest":"2026-11-25T10:00:00Z","heap":{"usedMb":81,"peakMb":120,"maxMb":1024}}}; {@code
   * lastIngest} is {@code null} when no ingest recorded its time.
   */
  public static Map<String, Object> health(Archive.Version v, Heap heap) {
    return health(v, true, heap);
  }

  /**
   * {@link #health(Archive.Version, Heap)} with {@code ready}: {@code false} while the server warms
   * its searches after start ({@link ArchiveSearcher#startWarming}), then {@code true}; it answers
   * searches either way.
   */
  public static Map<String, Object> health(Archive.Version v, boolean ready, Heap heap) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", "ok");
    out.put("ready", ready);
    out.put("articles", v.articles());
    out.put("version", v.version());
    out.put("generation", v.generation());
    out.put("lastIngest", v.lastIngest() == null ? null : v.lastIngest().toString());
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("usedMb", heap.usedMb());
    h.put("peakMb", heap.peakMb());
    h.put("maxMb", heap.maxMb());
    out.put("heap", h);
    return out;
  }

  /**
   * {@code {queryString, against, foreground, background, sampled, analysed, tookMs, timedOut,
   * terms: [{term, kind, fg, bg, score}], warnings}}; the score rounded to 2 decimals.
   */
  public static Map<String, Object> terms(
      SearchRequest request, DistinctiveTerms.Result r, long tookMs, List<String> warnings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("queryString", SearchParameters.toQueryString(request));
    out.put("against", r.against().param());
    out.put("foreground", r.foreground());
    out.put("background", r.background());
    out.put("sampled", r.sampled());
    out.put("analysed", r.analysed());
    out.put("tookMs", tookMs);
    out.put("timedOut", r.timedOut());
    List<Map<String, Object>> terms = new ArrayList<>();
    for (DistinctiveTerms.Scored t : r.terms()) {
      Map<String, Object> term = new LinkedHashMap<>();
      term.put("term", t.term());
      term.put("kind", t.kind());
      term.put("fg", t.fg());
      term.put("bg", t.bg());
      term.put("score", Math.round(t.score() * 100) / 100.0);
      terms.add(term);
    }
    out.put("terms", terms);
    out.put("warnings", warnings);
    return out;
  }

  /**
   * {@code {by, columns: [{label, from, to, dimension, value, total}], rows: [{name, q,
   * queryString, total, counts, timedOut}], tookMs, timedOut, warnings}}.
   */
  public static Map<String, Object> batch(BatchTable.Table t, long tookMs, List<String> warnings) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("by", t.by());
    List<Map<String, Object>> columns = new ArrayList<>();
    for (BatchTable.Column c : t.columns()) {
      Map<String, Object> col = new LinkedHashMap<>();
      col.put("label", c.label());
      col.put("from", c.from() == null ? null : c.from().toString());
      col.put("to", c.to() == null ? null : c.to().toString());
      col.put("dimension", c.dimension());
      col.put("value", c.value());
      col.put("total", c.total());
      columns.add(col);
    }
    out.put("columns", columns);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (BatchTable.Row r : t.rows()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("name", r.name());
      row.put("q", r.q());
      row.put("queryString", r.queryString());
      row.put("total", r.total());
      row.put("counts", r.counts());
      row.put("timedOut", r.timedOut());
      rows.add(row);
    }
    out.put("rows", rows);
    out.put("tookMs", tookMs);
    out.put("timedOut", t.timedOut());
    out.put("warnings", warnings);
    return out;
  }
}

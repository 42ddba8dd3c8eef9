package org.morgue.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of search results, as ordered maps ready for any JSON writer: the one place that
 * fixes key names and order, shared by the command line and the HTTP API.
 */
public final class SearchJson {
  private SearchJson() {}

  /** {@code {query, total, tookMs, hits, facets, warnings}}. */
  public static Map<String, Object> result(SearchResult r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("query", request(r.request(), r.parsedQuery()));
    out.put("total", r.total());
    out.put("tookMs", r.tookMs());
    out.put("hits", r.hits().stream().map(SearchJson::hit).toList());
    Map<String, Object> facets = new LinkedHashMap<>();
    r.facets().forEach((dim, values) -> facets.put(dim, values.stream().map(SearchJson::facetValue).toList()));
    out.put("facets", facets);
    out.put("warnings", r.warnings());
    return out;
  }

  /** The request as understood, with the Lucene query it became. */
  public static Map<String, Object> request(SearchRequest req, String parsed) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("q", req.q());
    out.put("from", req.from() == null ? null : req.from().toString());
    out.put("to", req.to() == null ? null : req.to().toString());
    out.put("filters", new LinkedHashMap<>(req.filters()));
    out.put("exclude", new LinkedHashMap<>(req.excludes()));
    out.put("sort", req.sort().param());
    out.put("page", req.page());
    out.put("size", req.size());
    out.put("parsed", parsed);
    return out;
  }

  /** One hit. */
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
    out.put("entities", h.entities());
    return out;
  }

  private static Map<String, Object> facetValue(SearchResult.FacetValue v) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("value", v.value());
    out.put("count", v.count());
    return out;
  }

  /** Stats as {@code {articles, firstDate, lastDate, sections, indexBytes, lastIngest}}. */
  public static Map<String, Object> stats(ArchiveStats s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("articles", s.articles());
    out.put("firstDate", s.firstDate() == null ? null : s.firstDate().toString());
    out.put("lastDate", s.lastDate() == null ? null : s.lastDate().toString());
    out.put("sections", s.sections().stream().map(SearchJson::facetValue).toList());
    out.put("indexBytes", s.indexBytes());
    out.put("lastIngest", s.lastIngest());
    return out;
  }

}

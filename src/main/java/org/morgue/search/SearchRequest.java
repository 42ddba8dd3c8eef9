package org.morgue.search;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.morgue.index.Fields;

/**
 * One search, as the URL parameters and the command line state it: the query, the date range, the
 * facet values to keep and to exclude, the order and the page.
 *
 * @param q the query in Lucene syntax; blank matches every article
 * @param from first day, inclusive, or {@code null}
 * @param to last day, inclusive, or {@code null}
 * @param filters per facet dimension, the values to keep (any of them); dimensions must all match
 * @param excludes per facet dimension, the values to leave out
 * @param sort the order of the hits
 * @param page the page, from 1
 * @param size hits a page, 1 to {@value #MAX_SIZE}
 */
public record SearchRequest(
    String q,
    LocalDate from,
    LocalDate to,
    Map<String, List<String>> filters,
    Map<String, List<String>> excludes,
    Sort sort,
    int page,
    int size) {

  /** The largest page. */
  public static final int MAX_SIZE = 100;

  /** The deepest hit a request may page to. */
  public static final int MAX_DEPTH = 10_000;

  /** The order of hits. */
  public enum Sort {
    RELEVANCE,
    NEWEST,
    OLDEST;

    /** The parameter value: {@code relevance}, {@code newest}, {@code oldest}. */
    public String param() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public SearchRequest {
    q = q == null ? "" : q.strip();
    filters = copy(filters, "filter");
    excludes = copy(excludes, "exclude");
    sort = sort == null ? Sort.RELEVANCE : sort;
    if (page < 1) {
      throw new InvalidRequestException("page", "page must be 1 or more, not " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException("size", "size must be from 1 to " + MAX_SIZE + ", not " + size);
    }
    if ((long) page * size > MAX_DEPTH) {
      throw new InvalidRequestException(
          "page", "page " + page + " of size " + size + " is deeper than the first " + MAX_DEPTH + " hits; narrow the search");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException("from", "from (" + from + ") is after to (" + to + ")");
    }
  }

  /** A request for the first page of ten hits of {@code q}, by relevance, with no filters. */
  public static SearchRequest of(String q) {
    return new SearchRequest(q, null, null, Map.of(), Map.of(), Sort.RELEVANCE, 1, 10);
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> m, String what) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (m != null) {
      m.forEach(
          (dim, values) -> {
            if (!Fields.FACETS.contains(dim)) {
              throw new InvalidRequestException(
                  dim, "unknown " + what + " '" + dim + "'; use one of " + Fields.FACETS);
            }
            List<String> vs = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
            if (!vs.isEmpty()) {
              out.put(dim, vs);
            }
          });
    }
    return Map.copyOf(out);
  }
}

package org.morgue.search;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.morgue.index.Fields;

/**
 * One search, as the URL parameters and the command line state it: the query, the date range, the
 * facet values to keep and to exclude, the order and the page.
 *
 * <p>Its constructor is the one set of checks of a search's values, whoever builds it ({@link
 * SearchParameters} for a URL or the command line, a saved search, a feed): a page from 1, a size
 * from 1 to {@value #MAX_SIZE} and no deeper than {@value #MAX_DEPTH} hits, a facet size from 1 to
 * {@value #MAX_FACET_SIZE}, {@code from} not after {@code to}, known dimensions; a bad one is
 * refused with an {@link InvalidRequestException} naming it. It also normalises: the query
 * stripped, blank values dropped, repeated ones once, dimensions in {@link Fields#FACETS} order.
 *
 * @param q the query in Lucene syntax; blank matches every article
 * @param from first day, inclusive, or {@code null}
 * @param to last day, inclusive, or {@code null}
 * @param filters per facet dimension, the values to keep (any of them); dimensions must all match
 * @param excludes per facet dimension, the values to leave out
 * @param sort the order of the hits
 * @param page the page, from 1
 * @param size hits (stories) a page, 1 to {@value #MAX_SIZE}
 * @param facetSize values given for each facet dimension, 1 to {@value #MAX_FACET_SIZE}
 * @param interval the bucket of the date histogram, or {@code null} to choose one from the span of
 *     the matches
 * @param allOf the dimensions whose values must all match ({@code all=person}); the others keep any
 *     of their values. Only dimensions with a value to keep are kept here.
 */
public record SearchRequest(
    String q,
    LocalDate from,
    LocalDate to,
    Map<String, List<String>> filters,
    Map<String, List<String>> excludes,
    Sort sort,
    int page,
    int size,
    int facetSize,
    Interval interval,
    Set<String> allOf) {

  /** The largest page. */
  public static final int MAX_SIZE = 100;

  /** Facet values a dimension unless asked otherwise. */
  public static final int DEFAULT_FACET_SIZE = 10;

  /** The most facet values a dimension that a request may ask for. */
  public static final int MAX_FACET_SIZE = 1000;

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

  /** The bucket of the date histogram. */
  public enum Interval {
    DAY,
    WEEK,
    MONTH,
    QUARTER,
    YEAR;

    /**
     * The parameter value: {@code day}, {@code week}, {@code month}, {@code quarter}, {@code year}.
     */
    public String param() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** A request with the default facet size and histogram interval. */
  public SearchRequest(
      String q,
      LocalDate from,
      LocalDate to,
      Map<String, List<String>> filters,
      Map<String, List<String>> excludes,
      Sort sort,
      int page,
      int size) {
    this(q, from, to, filters, excludes, sort, page, size, DEFAULT_FACET_SIZE, null);
  }

  /** A request whose dimensions all keep any of their values. */
  public SearchRequest(
      String q,
      LocalDate from,
      LocalDate to,
      Map<String, List<String>> filters,
      Map<String, List<String>> excludes,
      Sort sort,
      int page,
      int size,
      int facetSize,
      Interval interval) {
    this(q, from, to, filters, excludes, sort, page, size, facetSize, interval, Set.of());
  }

  public SearchRequest {
    q = q == null ? "" : q.strip();
    filters = copy(filters, "filter");
    excludes = copy(excludes, "exclude");
    sort = sort == null ? Sort.RELEVANCE : sort;
    allOf = allOf(allOf, filters);
    if (page < 1) {
      throw new InvalidRequestException("page", "page must be 1 or more, not " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException(
          "size", "size must be from 1 to " + MAX_SIZE + ", not " + size);
    }
    if ((long) page * size > MAX_DEPTH) {
      throw new InvalidRequestException(
          "page",
          "page "
              + page
              + " of size "
              + size
              + " is deeper than the first "
              + MAX_DEPTH
              + " hits; narrow the search");
    }
    if (facetSize < 1 || facetSize > MAX_FACET_SIZE) {
      throw new InvalidRequestException(
          "facetSize", "facetSize must be from 1 to " + MAX_FACET_SIZE + ", not " + facetSize);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new InvalidRequestException("from", "from (" + from + ") is after to (" + to + ")");
    }
  }

  /** A request for the first page of ten hits of {@code q}, by relevance, with no filters. */
  public static SearchRequest of(String q) {
    return new SearchRequest(q, null, null, Map.of(), Map.of(), Sort.RELEVANCE, 1, 10);
  }

  /** The same request for another page (1 or more). */
  public SearchRequest withPage(int page) {
    return new SearchRequest(
        q, from, to, filters, excludes, sort, page, size, facetSize, interval, allOf);
  }

  /** The same request with another query ({@code ""}: the filters alone). */
  public SearchRequest withQuery(String q) {
    return new SearchRequest(
        q, from, to, filters, excludes, sort, page, size, facetSize, interval, allOf);
  }

  /** The same request in another order, from its first page, with {@code size} hits a page. */
  public SearchRequest withSortAndSize(Sort sort, int size) {
    return new SearchRequest(
        q, from, to, filters, excludes, sort, 1, size, facetSize, interval, allOf);
  }

  /** The same request with another histogram interval ({@code null}: chosen from the span). */
  public SearchRequest withInterval(Interval interval) {
    return new SearchRequest(
        q, from, to, filters, excludes, sort, page, size, facetSize, interval, allOf);
  }

  /** Whether the values kept of {@code dimension} must all match, rather than any of them. */
  public boolean allOf(String dimension) {
    return allOf.contains(dimension);
  }

  /**
   * The known dimensions of {@code dims} that have a value to keep, in {@link Fields#FACETS} order;
   * an unknown one is refused naming {@code all}.
   */
  private static Set<String> allOf(Set<String> dims, Map<String, List<String>> filters) {
    if (dims == null || dims.isEmpty()) {
      return Set.of();
    }
    for (String dim : dims) {
      if (!Fields.FACETS.contains(dim)) {
        throw new InvalidRequestException(
            "all", "all must name a dimension, one of " + Fields.FACETS + ", not '" + dim + "'");
      }
    }
    Set<String> out = new LinkedHashSet<>();
    for (String dim : Fields.FACETS) {
      if (dims.contains(dim) && filters.containsKey(dim)) {
        out.add(dim);
      }
    }
    return Collections.unmodifiableSet(out);
  }

  /**
   * The non-blank values, stripped and without repeats, by dimension in {@link Fields#FACETS}
   * order.
   */
  private static Map<String, List<String>> copy(Map<String, List<String>> m, String what) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (m != null) {
      for (String dim : m.keySet()) {
        if (!Fields.FACETS.contains(dim)) {
          throw new InvalidRequestException(
              dim, "unknown " + what + " '" + dim + "'; use one of " + Fields.FACETS);
        }
      }
      for (String dim : Fields.FACETS) {
        List<String> values = m.get(dim);
        if (values == null) {
          continue;
        }
        List<String> vs =
            values.stream()
                .filter(v -> v != null && !v.isBlank())
                .map(String::strip)
                .distinct()
                .toList();
        if (!vs.isEmpty()) {
          out.put(dim, vs);
        }
      }
    }
    return Collections.unmodifiableMap(out);
  }
}

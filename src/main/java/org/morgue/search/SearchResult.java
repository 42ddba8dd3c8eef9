package org.morgue.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a search found: the exact total, one page of hits, facet counts and warnings.
 *
 * @param request the request as understood
 * @param parsedQuery the Lucene query the {@code q} became, for the curious
 * @param total the exact number of matching articles
 * @param tookMs time spent searching
 * @param hits the page of hits
 * @param facets per dimension, the top values with their counts (each dimension counted without its
 *     own filter, so that a second value can be chosen)
 * @param warnings things the search did differently from what was asked
 */
public record SearchResult(
    SearchRequest request,
    String parsedQuery,
    long total,
    long tookMs,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    List<String> warnings) {

  /** One matching article. */
  public record Hit(
      String id,
      LocalDate date,
      String section,
      String title,
      String lede,
      List<String> authors,
      String source,
      String url,
      String copyOf,
      Map<String, List<String>> entities,
      float score) {}

  /** One value of a facet and how many matching articles carry it. */
  public record FacetValue(String value, long count) {}
}

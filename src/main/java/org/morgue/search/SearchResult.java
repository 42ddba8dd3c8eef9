package org.morgue.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a search found: the exact totals, one page of stories, facet counts, the date histogram and
 * warnings.
 *
 * <p>Wire copies (articles with the same normalised text, one {@code fingerprint}) are one
 * <em>story</em>: a page lists stories, each shown by its best-ranked matching article with the ids
 * of the other matching copies. {@link #total} counts matching articles, {@link #stories} matching
 * stories (equal when no copies match); the facets and the histogram count articles.
 *
 * @param request the request as understood
 * @param parsedQuery the Lucene query the {@code q} became, for the curious
 * @param total the exact number of matching articles
 * @param stories the exact number of matching stories (what the pages list)
 * @param tookMs time spent searching
 * @param timedOut whether the search hit its time limit: counts and hits then cover part of the
 *     archive
 * @param hits the page of stories
 * @param facets per dimension, the top values with their counts (each dimension counted without its
 *     own filter, so that a second value can be chosen)
 * @param histogram the matching articles over time
 * @param warnings things the search did differently from what was asked
 * @param inResults per dimension with values kept, each kept value with the number of matching
 *     articles that carry it (unlike {@code facets}, counted among the results themselves)
 */
public record SearchResult(
    SearchRequest request,
    String parsedQuery,
    long total,
    long stories,
    long tookMs,
    boolean timedOut,
    List<Hit> hits,
    Map<String, List<FacetValue>> facets,
    Histogram histogram,
    List<String> warnings,
    Map<String, List<FacetValue>> inResults) {

  /**
   * One matching story, as its best-ranked matching article.
   *
   * @param titleHtml the title, HTML-escaped, the query's words in {@code <mark>} ({@code null}
   *     when the search was run without marks)
   * @param snippet a passage of the body (or the lede), HTML-escaped, the query's words in {@code
   *     <mark>} ({@code null} without marks)
   * @param entities per entity dimension ({@code person}, {@code org}, {@code place}), the names
   * @param copies how many other matching articles carry the same text (wire copies)
   * @param copyIds their ids (at most {@value StorySelector#MAX_COPY_IDS}), best-ranked first
   */
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
      float score,
      String titleHtml,
      String snippet,
      Map<String, List<String>> entities,
      long copies,
      List<String> copyIds) {}

  /** One value of a facet and how many matching articles carry it. */
  public record FacetValue(String value, long count) {}

  /** The same result with {@code first} warnings before its own (those of reading the URL). */
  public SearchResult withWarningsFirst(List<String> first) {
    if (first.isEmpty()) {
      return this;
    }
    List<String> all = new ArrayList<>(first);
    all.addAll(warnings);
    return new SearchResult(
        request,
        parsedQuery,
        total,
        stories,
        tookMs,
        timedOut,
        hits,
        facets,
        histogram,
        List.copyOf(all),
        inResults);
  }
}

package org.morgue.search;

import java.util.List;

/**
 * The values of one facet dimension that start with a prefix, with their counts under a search: for
 * choosing one person among thousands.
 *
 * @param dimension the dimension, such as {@code author}
 * @param prefix the prefix asked for ({@code ""} for all)
 * @param matching how many values start with it (more than are listed when there are many)
 * @param values the most frequent of them, at most the request's {@code facetSize}, most first
 * @param timedOut whether the search hit its time limit (counts are then partial)
 * @param warnings things done differently from what was asked
 */
public record FacetValues(
    String dimension,
    String prefix,
    long matching,
    List<SearchResult.FacetValue> values,
    boolean timedOut,
    List<String> warnings) {}

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
    List<String> warnings) {

  /**
   * Checks the dimension.
   *
   * @throws NotFoundException naming {@code dimension} when it is not a facet
   */
  static void check(String dimension) {
    if (!org.morgue.index.Fields.FACETS.contains(dimension)) {
      throw new NotFoundException(
          "dimension",
          "no facet dimension '"
              + dimension
              + "'; the dimensions are "
              + org.morgue.index.Fields.FACETS);
    }
  }

  /**
   * The values of {@code all} (a dimension's counts under a search) that start with {@code prefix}
   * or have a word that does, ignoring case and accents, the {@code size} most frequent, ties by
   * value.
   */
  static FacetValues of(
      String dimension,
      String prefix,
      List<SearchResult.FacetValue> all,
      int size,
      boolean timedOut,
      List<String> warnings) {
    String wanted = org.morgue.index.Analyzers.fold(prefix == null ? "" : prefix.strip());
    List<SearchResult.FacetValue> kept = new java.util.ArrayList<>();
    for (SearchResult.FacetValue v : all) {
      if (ArchiveSearcher.startsWith(org.morgue.index.Analyzers.fold(v.value()), wanted)) {
        kept.add(v);
      }
    }
    kept.sort(
        java.util.Comparator.comparingLong(SearchResult.FacetValue::count)
            .reversed()
            .thenComparing(SearchResult.FacetValue::value));
    return new FacetValues(
        dimension,
        prefix == null ? "" : prefix.strip(),
        kept.size(),
        List.copyOf(kept.subList(0, Math.min(kept.size(), size))),
        timedOut,
        List.copyOf(warnings));
  }
}

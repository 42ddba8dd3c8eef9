/**
 * Searching an archive: from a {@link org.morgue.search.SearchRequest} (read from URL parameters,
 * and from the command line's options of the same names, by the one mapping of {@link
 * org.morgue.search.SearchParameters}; dates by {@link org.morgue.search.DayRange}) to a {@link
 * org.morgue.search.SearchResult} of stories, facet counts, a date histogram and marked snippets;
 * the article view; exports as CSV, JSON Lines and Atom. {@link org.morgue.search.Archive} is the
 * entry point and the one seam between the product and where the articles are kept: {@link
 * org.morgue.search.ArchiveSearcher} (the embedded index; thread-safe, one for every request,
 * refreshed as the index changes) and {@link org.morgue.search.OpenSearchArchive} (an OpenSearch
 * cluster through {@code org.morgue.opensearch}: the same parse, written as the cluster's DSL by
 * {@link org.morgue.search.OpenSearchQueries}) implement it; {@link
 * org.morgue.search.OpenSearchMigration} copies the one into the other.
 *
 * <p>Coverage analysis (issue 11) lives here too: a histogram's share is of its {@code base} (the
 * articles the search's filters keep); {@link org.morgue.search.Comparison} counts several searches
 * in the same buckets; {@link org.morgue.search.EntityPage} is one name across the archive, counted
 * among its own articles; {@link org.morgue.search.Matrix} crosses two dimensions of a search.
 *
 * <p>It depends on {@code index} (the field names, the analyzers and their one accent folding, the
 * one facet configuration, the one decoder of stored documents) and on Lucene; it knows nothing of
 * HTTP ({@code http} depends on it, never the reverse), so the command line, the server and saved
 * searches share it. Its JSON shapes are written once, in {@link org.morgue.search.SearchJson}.
 */
package org.morgue.search;

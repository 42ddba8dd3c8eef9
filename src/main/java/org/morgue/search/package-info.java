/**
 * Searching an archive: a {@link org.morgue.search.SearchRequest} (the URL parameters' meaning)
 * becomes a Lucene query with filters, drill-sideways facets and a page of hits ({@link
 * org.morgue.search.ArchiveSearcher}); {@link org.morgue.search.SearchJson} fixes the JSON shapes.
 *
 * <p>Depends on {@code index}; knows nothing of HTTP.
 */
package org.morgue.search;

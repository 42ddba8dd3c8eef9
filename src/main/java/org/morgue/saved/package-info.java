/**
 * Saved searches: named, short-linked searches kept beside the index ({@code <archive>/saved/}),
 * and what they match now.
 *
 * <ul>
 *   <li>{@link org.morgue.saved.SavedSearches}: the store, one JSON file written atomically, with
 *       the ids each search matched when it was saved or last marked as seen.
 *   <li>{@link org.morgue.saved.SavedSearchService}: the saved searches run against an {@link
 *       org.morgue.search.ArchiveSearcher}: current totals, new matches (counted, and listed by
 *       id), saving a search, marking it as seen. A saved query is parsed once per call.
 *   <li>{@link org.morgue.saved.SavedJson}: their JSON shapes, written once.
 * </ul>
 *
 * <p>Depends on {@code search} (requests, the searcher, its errors); knows nothing of HTTP, and
 * reaches Lucene only through the searcher. Everything a saved-search route does beyond parsing the
 * request and writing the answer belongs here, never in {@code http}.
 */
package org.morgue.saved;

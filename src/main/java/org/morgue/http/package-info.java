/**
 * The HTTP API and the static search page: {@link org.morgue.http.MorgueServer}, a Javalin server
 * over an {@link org.morgue.search.ArchiveSearcher}.
 *
 * <p>Thin: every route turns the request into a {@link org.morgue.search.SearchRequest} through the
 * one mapping of {@link org.morgue.search.SearchParameters}, calls the searcher and writes what it
 * gives in the shapes of {@link org.morgue.search.SearchJson} or an export format. Searching,
 * grouping, snippets, feeds and exports live in {@code org.morgue.search}, which knows nothing of
 * HTTP; this package must not grow search logic, and nothing below it may depend on it.
 */
package org.morgue.http;

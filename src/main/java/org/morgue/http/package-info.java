/**
 * The HTTP API and the static search page: {@link org.morgue.http.MorgueServer}, a Javalin server
 * over an {@link org.morgue.search.ArchiveSearcher} and a {@link
 * org.morgue.saved.SavedSearchService}.
 *
 * <p>Thin: every route parses the request (the query string through the one mapping of {@link
 * org.morgue.search.SearchParameters}; a saved search's JSON body; the token), calls the searcher
 * or the saved-search service once, and writes what it gives in the shapes of {@link
 * org.morgue.search.SearchJson} or {@link org.morgue.saved.SavedJson}, or an export format.
 * Searching, grouping, snippets, feeds and exports live in {@code org.morgue.search}, which knows
 * nothing of HTTP; counting and listing a saved search's matches lives in {@code org.morgue.saved}.
 *
 * <p>What this package may hold besides the routes: the one error shape ({@link
 * org.morgue.http.ApiError}), the security headers of every response ({@link
 * org.morgue.http.SecurityHeaders}), Jetty's own errors in that shape ({@link
 * org.morgue.http.JettyErrors}), and what only HTTP has: the checks of Host, Origin and
 * Content-Type, the token, and the bounded queue of searches (503 past it). Routes of one feature
 * may sit in a class of their own ({@code QueryLanguageRoutes}: the concordance), as thin as the
 * rest. It must not grow search or saved-search logic or JSON shapes, and nothing below it may
 * depend on it.
 */
package org.morgue.http;

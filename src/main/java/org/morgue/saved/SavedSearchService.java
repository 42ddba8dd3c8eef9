package org.morgue.saved;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.morgue.search.Archive;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.NotFoundException;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchRequest;
import org.morgue.search.StoredArticle;

/**
 * Saved searches run against an archive: what each matches now, how many of those matches are new
 * since it was saved or last marked as seen (and which), saving a search with the ids it matches,
 * and marking it as seen. The store ({@link SavedSearches}) keeps the records; this service asks an
 * {@link ArchiveSearcher} what they match. It knows nothing of HTTP: the server's routes parse a
 * request, call one method and write its answer with {@link SavedJson}.
 *
 * <p>A saved search's query is parsed once per call, when it is {@linkplain #load loaded}; every
 * later step reuses that {@link SearchRequest}.
 *
 * <p>New matches are exact when the ids a search matched when it was saved or last marked as seen
 * are recorded in full (at most {@value SavedSearches#MAX_SEEN}): the current matches whose id is
 * not among them, so that a deleted article hides none and a replaced one (same id) is not new.
 * Otherwise they are only counted: the current total less the total last seen, never negative.
 *
 * <pre>{@code
 * SavedSearchService service = new SavedSearchService(searcher, new SavedSearches(layout.saved()));
 * SavedSearchService.Current c = service.create("Ceasefires", "?q=ceasefire&article=w1");
 * // c.saved().query() is "q=ceasefire", c.total() 4, c.newSince() 0
 * // after an ingest that adds one more ceasefire article:
 * service.get(c.saved().slug()).newSince(); // 1
 * }</pre>
 */
public final class SavedSearchService {
  /** The most new articles {@link #newMatches} lists, and the usual limit. */
  public static final int MAX_NEW_LISTED = 100;

  /** The page's own parameters, no part of a search: dropped when a search is saved. */
  private static final Set<String> PAGE_PARAMETERS = Set.of("article", "chart");

  private final Archive searcher;
  private final SavedSearches store;
  private final Clock clock;

  /** The saved searches of {@code store}, run against {@code searcher}, timed by the UTC clock. */
  public SavedSearchService(Archive searcher, SavedSearches store) {
    this(searcher, store, Clock.systemUTC());
  }

  /**
   * The saved searches of {@code store}, run against {@code searcher}; {@code clock} gives the time
   * a search is saved or opened.
   */
  public SavedSearchService(Archive searcher, SavedSearches store, Clock clock) {
    this.searcher = searcher;
    this.store = store;
    this.clock = clock;
  }

  /** The store the records are kept in. */
  public SavedSearches store() {
    return store;
  }

  // --- shapes ---------------------------------------------------------------------------------

  /**
   * A saved search with what it matches now.
   *
   * @param saved the record
   * @param total the articles it matches now, or {@code null} when its query no longer runs
   * @param newSince how many of them are new since it was saved or last marked as seen, or {@code
   *     null} when its query no longer runs
   */
  public record Current(SavedSearch saved, Long total, Long newSince, boolean counted) {
    /** Counted now (or not at all: a query that no longer runs). */
    public Current(SavedSearch saved, Long total, Long newSince) {
      this(saved, total, newSince, true);
    }

    /** A search the list had no time left to count: its counts are {@code null}. */
    static Current notCounted(SavedSearch saved) {
      return new Current(saved, null, null, false);
    }
  }

  /**
   * What a saved search matches now that it did not when saved or last marked as seen.
   *
   * @param saved the record
   * @param total the articles it matches now
   * @param newSince how many of them are new
   * @param exact whether {@code newSince} was counted by id ({@code false}: the total less the
   *     total last seen, and {@code articles} empty)
   * @param limit the most {@code articles} listed
   * @param articles the new articles, newest first, at most {@code limit} (only their listed fields
   *     are read)
   */
  public record NewMatches(
      SavedSearch saved,
      long total,
      long newSince,
      boolean exact,
      int limit,
      List<StoredArticle> articles) {

    /** When the matches it compares with were recorded: the last open, else the save. */
    public Instant since() {
      return saved.lastOpenedAt() != null ? saved.lastOpenedAt() : saved.savedAt();
    }
  }

  /**
   * A saved search with its query parsed once, for the steps of one request. A query that no longer
   * parses (a parameter whose rules changed since) is kept with its reason.
   */
  public static final class Loaded {
    private final SavedSearch saved;
    private final SearchRequest request;
    private final InvalidRequestException broken;

    private Loaded(SavedSearch saved, SearchRequest request, InvalidRequestException broken) {
      this.saved = saved;
      this.request = request;
      this.broken = broken;
    }

    static Loaded of(SavedSearch saved) {
      try {
        return new Loaded(
            saved, SearchParameters.parse(SearchParameters.decode(saved.query())).request(), null);
      } catch (InvalidRequestException e) {
        return new Loaded(saved, null, e);
      }
    }

    /** The record. */
    public SavedSearch saved() {
      return saved;
    }

    /**
     * Its search, e.g. {@code q=ceasefire&sort=newest} as a request for "ceasefire", newest first.
     *
     * @throws InvalidRequestException why its query no longer parses, naming the parameter
     */
    public SearchRequest request() {
      if (broken != null) {
        throw broken;
      }
      return request;
    }

    /** This search under another record with the same query (a rename). */
    Loaded with(SavedSearch changed) {
      return new Loaded(changed, request, broken);
    }
  }

  // --- reading --------------------------------------------------------------------------------

  /**
   * The saved search of {@code slug} with its query parsed.
   *
   * @throws NotFoundException naming {@code slug} when there is none
   */
  public Loaded load(String slug) throws IOException {
    return Loaded.of(store.get(slug));
  }

  /**
   * Every saved search, oldest first, with what it matches now, all within one time limit of the
   * searcher: counts are kept per search for the index version they were made on (and the record
   * they compare with), so a list between two commits counts nothing; those still to count when the
   * time is up are listed {@linkplain Current#notCounted uncounted}, to be counted by the next
   * list.
   */
  public List<Current> list() throws IOException {
    return list(searcher.timeLimit());
  }

  /**
   * Every saved search as {@link #list()} gives them, counting for at most {@code budget} (and
   * always one that is not yet counted, so that successive lists make progress).
   */
  List<Current> list(java.time.Duration budget) throws IOException {
    long deadline = System.nanoTime() + budget.toNanos();
    long version = searcher.version().version();
    List<Current> out = new ArrayList<>();
    java.util.Set<String> slugs = new java.util.HashSet<>();
    boolean countedOne = false;
    for (SavedSearch s : store.list()) {
      slugs.add(s.slug());
      Current known = cached(s, version);
      if (known != null) {
        out.add(known);
      } else if (!countedOne || System.nanoTime() < deadline) {
        out.add(current(Loaded.of(s)));
        countedOne = true;
      } else {
        out.add(Current.notCounted(s));
      }
    }
    counts.keySet().retainAll(slugs);
    return out;
  }

  /** A count made on one index version for one state of a saved search's record. */
  private record Cached(long version, SavedSearch saved, Current current) {}

  /** The last count of each saved search, by slug. */
  private final java.util.concurrent.ConcurrentHashMap<String, Cached> counts =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The count of {@code s} made on this index version, if it was, with its record as it is. */
  private Current cached(SavedSearch s, long version) {
    Cached c = counts.get(s.slug());
    if (c == null || c.version() != version || !c.saved().equals(s)) {
      return null;
    }
    return c.current();
  }

  /**
   * The saved search of {@code slug} with what it matches now.
   *
   * @throws NotFoundException naming {@code slug} when there is none
   */
  public Current get(String slug) throws IOException {
    return current(load(slug));
  }

  /**
   * What a loaded saved search matches now; {@code total} and {@code newSince} are {@code null}
   * when its query no longer runs.
   */
  public Current current(Loaded s) throws IOException {
    long version = searcher.version().version();
    Current known = cached(s.saved(), version);
    if (known != null) {
      return known;
    }
    Current now;
    try {
      Counted c = count(s.saved(), s.request(), 0);
      now = new Current(s.saved(), c.total(), c.fresh());
    } catch (InvalidRequestException e) {
      now = new Current(s.saved(), null, null);
    }
    counts.put(s.saved().slug(), new Cached(version, s.saved(), now));
    return now;
  }

  /**
   * The articles a saved search matches now that it did not when saved or last marked as seen,
   * newest first, at most {@code limit} of them, with their whole count.
   *
   * <p>Example: saved with the 4 articles of {@code q=ceasefire}, after an ingest of two more,
   * {@code newMatches(s, 1)} gives {@code total} 6, {@code newSince} 2, {@code exact} true and the
   * newer of the two in {@code articles}.
   *
   * @param limit 1 to {@value #MAX_NEW_LISTED}
   * @throws InvalidRequestException naming {@code query} when its query no longer runs
   */
  public NewMatches newMatches(Loaded s, int limit) throws IOException {
    if (limit < 1 || limit > MAX_NEW_LISTED) {
      throw new IllegalArgumentException("limit " + limit + " is not from 1 to " + MAX_NEW_LISTED);
    }
    try {
      SearchRequest request = s.request();
      searcher.validate(request);
      Counted c = count(s.saved(), request, limit);
      return new NewMatches(s.saved(), c.total(), c.fresh(), c.exact(), limit, c.articles());
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(
          "query", "the saved query no longer runs: " + e.getMessage());
    }
  }

  // --- changing -------------------------------------------------------------------------------

  /**
   * Saves a search: its query string made canonical, its total and the index version now, and the
   * ids of the articles it matches (up to {@value SavedSearches#MAX_SEEN}).
   *
   * <p>Example: {@code create("Ceasefires", "/?sort=newest&q=ceasefire&article=w1")} saves {@code
   * q=ceasefire&sort=newest} under the slug {@code ceasefires}: a leading {@code ?} or {@code /?}
   * and the page's own {@code article} and {@code chart} are dropped.
   *
   * @param name the archivist's name for it (required, at most {@value
   *     SavedSearches#MAX_NAME_LENGTH} characters)
   * @param query a query string as the API takes it; {@code null} or empty for every article
   * @return the saved search, with its total and no new matches
   * @throws InvalidRequestException naming {@code query} when the query is too long or does not
   *     run, or {@code name} when the name is bad
   */
  public Current create(String name, String query) throws IOException {
    String raw = query == null ? "" : query;
    if (raw.length() > SavedSearches.MAX_QUERY_LENGTH) {
      throw new InvalidRequestException(
          "query",
          "query may have at most "
              + SavedSearches.MAX_QUERY_LENGTH
              + " characters, not "
              + raw.length());
    }
    String stripped =
        raw.startsWith("/?") ? raw.substring(2) : raw.startsWith("?") ? raw.substring(1) : raw;
    SearchRequest request;
    long total;
    try {
      request =
          SearchParameters.parse(SearchParameters.decode(stripped), PAGE_PARAMETERS).request();
      total = total(request);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException("query", "query: " + e.getMessage());
    }
    Archive.Version v = searcher.version();
    Matches m = matchIds(request, total);
    SavedSearch s =
        store.create(
            name,
            SearchParameters.toQueryString(request),
            m.total(),
            v.version(),
            v.generation(),
            clock.instant(),
            m.ids());
    return new Current(s, m.total(), 0L);
  }

  /**
   * Renames a loaded saved search (its slug, and so every link, stays) and says what it matches
   * now.
   *
   * @throws InvalidRequestException naming {@code name} when the name is bad
   */
  public Current rename(Loaded s, String name) throws IOException {
    return current(s.with(store.rename(s.saved().slug(), name)));
  }

  /**
   * Deletes the saved search of {@code slug} and its record of seen ids.
   *
   * @throws NotFoundException naming {@code slug} when there is none
   */
  public void delete(String slug) throws IOException {
    store.delete(slug);
  }

  /**
   * Marks a loaded saved search as seen: records the time, its total and the ids it matches now,
   * from which its new matches are counted next ({@code lastOpenedAt}, {@code totalAtLastOpen}).
   * Only this changes the record; opening {@code /s/{slug}} does not.
   *
   * @return the record as changed, with what it matches now (nothing new)
   * @throws InvalidRequestException naming {@code query} when its query no longer runs
   */
  public Current markSeen(Loaded s) throws IOException {
    SearchRequest request;
    long total;
    try {
      request = s.request();
      total = total(request);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(
          "query", "the saved query no longer runs: " + e.getMessage());
    }
    Matches m = matchIds(request, total);
    SavedSearch changed = store.opened(s.saved().slug(), clock.instant(), m.total(), m.ids());
    return new Current(changed, m.total(), 0L);
  }

  // --- counting -------------------------------------------------------------------------------

  /** New matches counted: by id ({@code exact}) or by totals. */
  private record Counted(long total, long fresh, boolean exact, List<StoredArticle> articles) {}

  /**
   * The new matches of a saved search, listing at most {@code limit} of them.
   *
   * @throws InvalidRequestException when its search does not run
   */
  private Counted count(SavedSearch s, SearchRequest request, int limit) throws IOException {
    Optional<Set<String>> seen = store.seen(s.slug());
    if (seen.isEmpty()) {
      long total = total(request);
      return new Counted(total, s.newSince(total), false, List.of());
    }
    Set<String> before = seen.get();
    if (limit == 0) { // only counts: two counts in the index, no stored field read
      try {
        long[] c = searcher.countNew(request, before);
        return new Counted(c[0], c[1], true, List.of());
      } catch (Archive.ExportCutException e) {
        long now = total(request);
        return new Counted(now, s.newSince(now), false, List.of());
      }
    }
    List<StoredArticle> listed = new ArrayList<>();
    long[] fresh = {0};
    long total;
    try {
      total =
          searcher.eachMatch(
              request,
              (id, article) -> {
                if (!before.contains(id)) {
                  if (listed.size() < limit) {
                    listed.add(article.get());
                  }
                  fresh[0]++;
                }
              });
    } catch (Archive.ExportCutException e) {
      long now = total(request);
      return new Counted(now, s.newSince(now), false, List.of());
    }
    return new Counted(total, fresh[0], true, List.copyOf(listed));
  }

  /**
   * The ids of every article a search matches, or {@code null} when there are more than {@link
   * SavedSearches#MAX_SEEN} or reading them takes too long; and the total they make.
   */
  private record Matches(long total, List<String> ids) {}

  private Matches matchIds(SearchRequest request, long knownTotal) throws IOException {
    if (knownTotal > SavedSearches.MAX_SEEN) {
      return new Matches(knownTotal, null);
    }
    List<String> ids = new ArrayList<>();
    try {
      long total =
          searcher.eachMatch(
              request,
              (id, article) -> {
                if (ids.size() <= SavedSearches.MAX_SEEN) {
                  ids.add(id);
                }
              });
      return new Matches(total, total > SavedSearches.MAX_SEEN ? null : ids);
    } catch (Archive.ExportCutException e) {
      return new Matches(knownTotal, null);
    }
  }

  /**
   * The current total of a search, by the cheapest search that gives it (one hit, one value a
   * facet).
   *
   * @throws InvalidRequestException when it does not run
   */
  private long total(SearchRequest r) throws IOException {
    SearchRequest count =
        new SearchRequest(
            r.q(),
            r.from(),
            r.to(),
            r.filters(),
            r.excludes(),
            r.sort(),
            1,
            1,
            1,
            r.interval(),
            r.allOf());
    return searcher.search(count, false).total();
  }
}

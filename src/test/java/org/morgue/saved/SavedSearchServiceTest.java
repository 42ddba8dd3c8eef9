package org.morgue.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.NotFoundException;
import org.morgue.search.SearchParameters;
import org.morgue.search.StoredArticle;

/**
 * The service over the search corpus (four articles say "ceasefire": w1, w2, r1, j1), with fixed
 * clocks. Each test saves its own searches (names unique to the test) and adds only articles of its
 * own word, so they run in any order.
 */
class SavedSearchServiceTest {
  @TempDir static Path tmp;

  private static final Instant SAVED = Instant.parse("2026-11-25T10:00:00Z");
  private static final Instant OPENED = Instant.parse("2026-11-26T08:30:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static IndexLayout layout;
  private static ArchiveSearcher searcher;
  private static SavedSearches store;
  private static SavedSearchService service;

  @BeforeAll
  static void archive() throws IOException {
    layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus());
    searcher = ArchiveSearcher.open(layout);
    store = new SavedSearches(layout.saved());
    service = new SavedSearchService(searcher, store, Clock.fixed(SAVED, ZoneOffset.UTC));
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  /** The same store and searcher, at another time. */
  private static SavedSearchService at(Instant now) {
    return new SavedSearchService(searcher, store, Clock.fixed(now, ZoneOffset.UTC));
  }

  /** Adds house-format articles {@code name -> text} in a folder of their own, and refreshes. */
  private static void add(String folder, String... nameThenText) throws IOException {
    Path dir = tmp.resolve(folder);
    for (int i = 0; i < nameThenText.length; i += 2) {
      TestArchives.write(dir, nameThenText[i], nameThenText[i + 1]);
    }
    TestArchives.ingest(layout, dir);
    searcher.refresh();
  }

  private static String article(String date, String title, String body) {
    return TestArchives.house(date + " WORLD", title, null, null, "AA", body);
  }

  /** What the search's own parsing says of a query string. */
  private static InvalidRequestException parseError(String query) {
    return assertThrows(
        InvalidRequestException.class,
        () -> SearchParameters.parse(SearchParameters.decode(query)));
  }

  private static List<String> ids(List<StoredArticle> articles) {
    return articles.stream().map(StoredArticle::id).toList();
  }

  @Test
  void savingMakesTheQueryCanonicalAndRecordsWhatItMatches() throws IOException {
    SavedSearchService.Current c =
        service.create("Ceasefires, newest", "/?sort=newest&q=ceasefire&article=w1&chart=share");
    SavedSearch s = c.saved();
    assertEquals("ceasefires-newest", s.slug());
    assertEquals("Ceasefires, newest", s.name());
    assertEquals("q=ceasefire&sort=newest", s.query());
    assertEquals(SAVED, s.savedAt());
    assertEquals(4, s.totalAtSave());
    assertEquals(searcher.version().version(), s.indexVersion());
    assertEquals(searcher.version().generation(), s.indexGeneration());
    assertNull(s.lastOpenedAt());
    assertNull(s.totalAtLastOpen());
    assertEquals(4L, c.total());
    assertEquals(0L, c.newSince());
    assertEquals(Optional.of(Set.of("w1", "w2", "r1", "j1")), store.seen(s.slug()));
    assertEquals(s, store.get(s.slug()));

    assertEquals("q=ceasefire", service.create("Question mark", "?q=ceasefire").saved().query());
    SavedSearchService.Current all = service.create("Everything", null);
    assertEquals("", all.saved().query());
    assertEquals(searcher.version().articles(), all.total());
  }

  @Test
  void aBadQueryOrNameIsRefusedNamingIt() {
    InvalidRequestException tooLong =
        assertThrows(
            InvalidRequestException.class, () -> service.create("Long", "q=" + "a".repeat(7_999)));
    assertEquals("query", tooLong.parameter());
    assertEquals("query may have at most 8000 characters, not 8001", tooLong.getMessage());
    InvalidRequestException badDate =
        assertThrows(
            InvalidRequestException.class, () -> service.create("Bad date", "from=yesterday"));
    assertEquals("query", badDate.parameter());
    assertEquals("query: " + parseError("from=yesterday").getMessage(), badDate.getMessage());
    assertEquals(
        "query",
        assertThrows(InvalidRequestException.class, () -> service.create("Bad", "q=%22open"))
            .parameter());
    assertEquals(
        "name",
        assertThrows(InvalidRequestException.class, () -> service.create(null, "q=truce"))
            .parameter());
    assertEquals(
        "name",
        assertThrows(InvalidRequestException.class, () -> service.create(" ", "q=truce"))
            .parameter());
  }

  @Test
  void newMatchesAreListedByIdNewestFirstUntilOpened() throws IOException {
    SavedSearchService.Current c = service.create("Platypus watch", "q=platypus");
    String slug = c.saved().slug();
    assertEquals(0L, c.total());
    add(
        "platypus",
        "pl1.txt",
        article("2022-04-01", "A platypus swims", "A platypus was seen in the river."),
        "pl2.txt",
        article("2022-05-01", "Platypus census", "The platypus count rose this spring."));

    SavedSearchService.Current now = service.get(slug);
    assertEquals(2L, now.total());
    assertEquals(2L, now.newSince());

    SavedSearchService.NewMatches first = service.newMatches(service.load(slug), 1);
    assertEquals(2, first.total());
    assertEquals(2, first.newSince(), "the count is whole when the list is cut");
    assertEquals(true, first.exact());
    assertEquals(1, first.limit());
    assertEquals(SAVED, first.since());
    assertEquals(List.of("pl2"), ids(first.articles()));
    assertEquals(
        "{\"slug\":\"platypus-watch\",\"since\":\"2026-11-25T10:00:00Z\",\"total\":2,"
            + "\"newSince\":2,\"exact\":true,\"limit\":1,\"articles\":[{\"id\":\"pl2\","
            + "\"date\":\"2022-05-01\",\"title\":\"Platypus census\",\"section\":\"WORLD\","
            + "\"source\":\"AA\"}]}",
        JSON.writeValueAsString(SavedJson.newMatches(first)));
    assertEquals(
        List.of("pl2", "pl1"),
        ids(service.newMatches(service.load(slug), SavedSearchService.MAX_NEW_LISTED).articles()));

    // marking as seen records the time, the total and the ids: nothing is new any more
    SavedSearchService.Current marked = at(OPENED).markSeen(service.load(slug));
    assertEquals(OPENED, marked.saved().lastOpenedAt());
    assertEquals(0L, marked.newSince());
    SavedSearch after = store.get(slug);
    assertEquals(OPENED, after.lastOpenedAt());
    assertEquals(2L, after.totalAtLastOpen());
    assertEquals(Optional.of(Set.of("pl1", "pl2")), store.seen(slug));
    assertEquals(0L, service.get(slug).newSince());
    SavedSearchService.NewMatches none = service.newMatches(service.load(slug), 100);
    assertEquals(OPENED, none.since());
    assertEquals(0, none.newSince());
    assertEquals(List.of(), none.articles());

    // an article replaced under its id is not new
    add(
        "platypus",
        "pl1.txt",
        article("2022-04-01", "A platypus swims (corrected)", "A platypus was seen, twice."));
    assertEquals(2L, service.get(slug).total());
    assertEquals(0L, service.get(slug).newSince());
  }

  @Test
  void withoutRecordedIdsNewMatchesAreOnlyCounted() throws IOException {
    // as an imported search, or one saved before ids were kept: no file of seen ids
    SavedSearch imported = store.create("Imported ceasefires", "q=ceasefire", 3, 1, 1, SAVED);
    assertEquals(Optional.empty(), store.seen(imported.slug()));
    SavedSearchService.Current c = service.get(imported.slug());
    assertEquals(4L, c.total());
    assertEquals(1L, c.newSince(), "the total less the total seen");
    SavedSearchService.NewMatches n = service.newMatches(service.load(imported.slug()), 100);
    assertEquals(4, n.total());
    assertEquals(1, n.newSince());
    assertEquals(false, n.exact());
    assertEquals(List.of(), n.articles());

    SavedSearch more = store.create("Imported, more then", "q=ceasefire", 9, 1, 1, SAVED);
    assertEquals(0L, service.get(more.slug()).newSince(), "never negative");
  }

  @Test
  void aQueryThatNoLongerParsesHasNoTotalsAndCannotBeOpened() throws IOException {
    // the store keeps any query string; the rules of its parameters may change after it was saved
    SavedSearch s = store.create("No longer parses", "from=yesterday", 5, 1, 1, SAVED);
    SavedSearchService.Current c = service.get(s.slug());
    assertEquals(s, c.saved());
    assertNull(c.total());
    assertNull(c.newSince());
    assertEquals(
        "from",
        assertThrows(InvalidRequestException.class, () -> service.load(s.slug()).request())
            .parameter());
    InvalidRequestException n =
        assertThrows(
            InvalidRequestException.class, () -> service.newMatches(service.load(s.slug()), 10));
    assertEquals("query", n.parameter());
    assertEquals(
        "the saved query no longer runs: " + parseError("from=yesterday").getMessage(),
        n.getMessage());
    assertEquals(
        "query",
        assertThrows(InvalidRequestException.class, () -> service.markSeen(service.load(s.slug())))
            .parameter());
    assertNull(store.get(s.slug()).lastOpenedAt(), "nothing recorded");
    assertEquals(
        "No longer parses, renamed",
        service.rename(service.load(s.slug()), "No longer parses, renamed").saved().name());
  }

  @Test
  void renamingKeepsTheSlugAndSaysWhatItMatchesNow() throws IOException {
    String slug = service.create("Truce", "q=truce").saved().slug();
    SavedSearchService.Current renamed = service.rename(service.load(slug), "Truces");
    assertEquals(slug, renamed.saved().slug());
    assertEquals("Truces", renamed.saved().name());
    assertEquals("Truces", store.get(slug).name());
    assertEquals(2L, renamed.total());
    assertEquals(0L, renamed.newSince());
    assertEquals(
        "name",
        assertThrows(InvalidRequestException.class, () -> service.rename(service.load(slug), null))
            .parameter());
  }

  @Test
  void theListHasEverySavedSearchWithItsCurrentTotals() throws IOException {
    String slug = service.create("Listed border", "q=border").saved().slug();
    SavedSearchService.Current listed =
        service.list().stream().filter(c -> c.saved().slug().equals(slug)).findFirst().get();
    assertEquals(2L, listed.total());
    assertEquals(0L, listed.newSince());
    assertEquals(
        store.list().stream().map(SavedSearch::slug).toList(),
        service.list().stream().map(c -> c.saved().slug()).toList(),
        "oldest first, as the store keeps them");
  }

  @Test
  void unknownSlugsAreNotFoundAndDeletingForgetsTheIds() throws IOException {
    assertEquals(
        "slug",
        assertThrows(NotFoundException.class, () -> service.load("no-such-search")).parameter());
    assertThrows(NotFoundException.class, () -> service.get("../etc"));
    String slug = service.create("Deleted soon", "q=marathon").saved().slug();
    assertEquals(Optional.of(Set.of("s2")), store.seen(slug));
    service.delete(slug);
    assertEquals(Optional.empty(), store.find(slug));
    assertEquals(Optional.empty(), store.seen(slug));
    assertThrows(NotFoundException.class, () -> service.delete(slug));
  }

  @Test
  void aLimitOutsideOneToAHundredIsAProgrammingError() throws IOException {
    SavedSearchService.Loaded s = service.load(service.create("Limits", "q=cup").saved().slug());
    assertThrows(IllegalArgumentException.class, () -> service.newMatches(s, 0));
    assertThrows(IllegalArgumentException.class, () -> service.newMatches(s, 101));
    assertEquals(1, service.newMatches(s, 1).limit());
  }

  @Test
  void aListCountsWithinItsBudgetAndKeepsItsCountsUntilTheIndexChanges() throws IOException {
    SavedSearchService own =
        new SavedSearchService(
            searcher, new SavedSearches(tmp.resolve("budget")), Clock.fixed(SAVED, ZoneOffset.UTC));
    for (String q : List.of("q=zeppelin", "q=border", "q=harbour")) {
      own.create("Budget " + q, q);
    }
    java.time.Duration none = java.time.Duration.ZERO;
    // a new service knows no counts: with no time, each list counts one more
    SavedSearchService fresh =
        new SavedSearchService(searcher, own.store(), Clock.fixed(SAVED, ZoneOffset.UTC));
    assertEquals(List.of(true, false, false), counted(fresh.list(none)));
    assertNull(fresh.list(none).get(2).total(), "not counted: no total");
    assertEquals(List.of(true, true, true), counted(fresh.list(none)));
    assertEquals(0L, fresh.list(none).get(0).total());
    assertEquals(0L, fresh.list(none).get(0).newSince());
    // a commit makes every count stale
    add("budget", "bu1.txt", article("2022-06-01", "Zeppelin sighted", "A zeppelin again."));
    assertEquals(List.of(true, false, false), counted(fresh.list(none)));
    assertEquals(1L, fresh.list(none).get(0).newSince());
    // with the searcher's own time limit, all at once
    assertEquals(List.of(true, true, true), counted(own.list()));
  }

  private static List<Boolean> counted(List<SavedSearchService.Current> list) {
    return list.stream().map(SavedSearchService.Current::counted).toList();
  }
}

package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.morgue.index.IndexLayout;
import org.morgue.index.IngestReport;
import org.morgue.index.TestArchives;

/**
 * Search over the twelve invented articles of {@code src/test/resources/corpora/search} (its README
 * lists which article holds which word, date, section, source and author), indexed once into a
 * temporary archive. Every expectation is an exact set of ids, an exact order, or a whole facet
 * list.
 */
class ArchiveSearcherTest {
  @TempDir static Path tmp;

  private static ArchiveSearcher searcher;

  @BeforeAll
  static void indexTheCorpus() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    IngestReport report = TestArchives.ingest(layout, TestArchives.searchCorpus());
    assertEquals(12, report.added());
    assertEquals(0, report.rejected());
    searcher = ArchiveSearcher.open(layout);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  // --- opening -------------------------------------------------------------------------------

  @Test
  void aFolderWithoutAnIndexIsRefusedAtOnce() throws IOException {
    IndexLayout empty = new IndexLayout(tmp.resolve("empty"));
    java.nio.file.Files.createDirectories(empty.lucene());
    assertThrows(
        org.apache.lucene.index.IndexNotFoundException.class, () -> ArchiveSearcher.open(empty));
  }

  /**
   * The reader opens in the background: an index that cannot be read fails every use with the
   * reason (and a server's start, which waits for it), and closes without a word.
   */
  @Test
  void anIndexThatCannotBeReadFailsEveryUseWithItsReason() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("broken"));
    TestArchives.ingest(layout, TestArchives.searchCorpus());
    try (var files = java.nio.file.Files.list(layout.lucene())) {
      for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".si")).toList()) {
        java.nio.file.Files.write(f, new byte[] {1, 2, 3}); // every segment's info, truncated
      }
    }
    ArchiveSearcher broken = ArchiveSearcher.open(layout);
    try {
      IOException opening = assertThrows(IOException.class, broken::awaitOpen);
      assertTrue(
          opening.getCause() instanceof org.apache.lucene.index.CorruptIndexException
              || opening.getCause() instanceof java.io.EOFException,
          opening.toString());
      IOException searching =
          assertThrows(IOException.class, () -> broken.search(SearchRequest.of("ceasefire")));
      assertEquals(opening.getMessage(), searching.getMessage());
    } finally {
      broken.close();
    }
  }

  /**
   * An archive indexed before the sentence marks (schema 2) answers {@code /s} and says it cannot
   * keep the words to one sentence; other searches say nothing of it.
   */
  @Test
  void anArchiveOfTheSchemaBeforeTheMarksSaysSoForTheSameSentence() throws IOException {
    IndexLayout old = new IndexLayout(tmp.resolve("schema2"));
    TestArchives.ingest(old, TestArchives.searchCorpus());
    try (var dir = org.apache.lucene.store.FSDirectory.open(old.lucene());
        var w =
            new org.apache.lucene.index.IndexWriter(
                dir,
                org.morgue.index.Ingester.writerConfig(
                    org.morgue.index.Ingester.Options.defaults()))) {
      w.setLiveCommitData(Map.of("morgue.schema", "2").entrySet());
      w.commit();
    }
    try (ArchiveSearcher s = ArchiveSearcher.open(old)) {
      List<String> warned = s.search(SearchRequest.of("ceasefire /s talks")).warnings();
      assertEquals(1, warned.size(), warned.toString());
      assertTrue(warned.get(0).startsWith("this archive was indexed before Morgue marked"));
      assertEquals(List.of(), s.search(SearchRequest.of("ceasefire W/5 talks")).warnings());
    }
    assertEquals(List.of(), searcher.search(SearchRequest.of("ceasefire /s talks")).warnings());
  }

  /** A search sent while the reader still opens waits for it and answers in full. */
  @Test
  void aSearchWhileTheReaderOpensAnswersInFull() throws IOException {
    try (ArchiveSearcher fresh = ArchiveSearcher.open(searcher.layout())) {
      SearchResult r = fresh.search(SearchRequest.of("ceasefire"));
      assertEquals(search("ceasefire").total(), r.total());
      assertTrue(r.total() > 0);
    }
  }

  // --- helpers --------------------------------------------------------------------------------

  private static SearchResult search(String q) throws IOException {
    return searcher.search(SearchRequest.of(q));
  }

  private static SearchResult search(SearchRequest request) throws IOException {
    return searcher.search(request);
  }

  /**
   * A request for every article (size 100), with filters and excludes as {@code dim=value} pairs.
   */
  private static SearchRequest request(String q, List<String> keep, List<String> drop) {
    return new SearchRequest(
        q, null, null, pairs(keep), pairs(drop), SearchRequest.Sort.NEWEST, 1, 100);
  }

  private static Map<String, List<String>> pairs(List<String> dimValues) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String dv : dimValues) {
      int eq = dv.indexOf('=');
      out.computeIfAbsent(dv.substring(0, eq), k -> new ArrayList<>()).add(dv.substring(eq + 1));
    }
    return out;
  }

  /** The ids of every hit of {@code q} (all on one page). */
  private static Set<String> ids(String q) throws IOException {
    SearchResult r = search(new SearchRequest(q, null, null, null, null, null, 1, 100));
    return ids(r);
  }

  private static Set<String> ids(SearchResult r) {
    assertEquals(r.total(), r.hits().size(), "all hits on the page");
    return new TreeSet<>(order(r));
  }

  private static List<String> order(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  /** Facets as {@code {section=[WORLD=5, ...], ...}}. */
  private static String facets(SearchResult r) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    r.facets()
        .forEach(
            (dim, values) ->
                out.put(dim, values.stream().map(v -> v.value() + "=" + v.count()).toList()));
    return out.toString();
  }

  // --- words ----------------------------------------------------------------------------------

  @Test
  void wordsMustAllMatch() throws IOException {
    assertEquals(Set.of("j1", "r1", "w1", "w2"), ids("ceasefire"));
    assertEquals(Set.of("w2", "w3"), ids("border"));
    assertEquals(Set.of("w2"), ids("ceasefire border"));
    assertEquals(Set.of("j1", "r1", "s2", "w1", "w2"), ids("ceasefire OR marathon"));
    assertEquals(Set.of("j1", "r1", "w1"), ids("ceasefire -border"));
    assertEquals(Set.of("j1", "r1", "w1"), ids("ceasefire NOT border"));
    assertEquals(Set.of("j1", "r1", "w1", "w2"), ids("cease*"));
    assertEquals(Set.of(), ids("volcano"));
  }

  @Test
  void aQueryOfOnlyExclusionsKeepsEverythingElse() throws IOException {
    assertEquals(10, search("-border").total());
    assertEquals(10, search("NOT border").total());
    assertEquals(Set.of("j1", "r1", "w1"), ids("ceasefire -border"));
  }

  @Test
  void aBlankQueryMatchesEveryArticle() throws IOException {
    assertEquals(12, search("").total());
    assertEquals(12, search("   ").total());
  }

  @Test
  void stemmingFindsOtherFormsOfAWord() throws IOException {
    assertEquals(Set.of("p1", "p2"), ids("elections"), "p1 says elections, p2 election");
    assertEquals(Set.of("p1", "p2"), ids("election"));
    assertEquals(Set.of("p1", "p2", "r1"), ids("minister"), "p2 says ministers");
    assertEquals(Set.of("r1"), ids("secretary"), "the possessive Secretary's is found too");
  }

  @Test
  void accentsAreFoldedBothWays() throws IOException {
    assertEquals(Set.of("p3", "w1"), ids("Erdogan"), "w1 says Erdoğan, p3 Erdogan");
    assertEquals(Set.of("p3", "w1"), ids("Erdoğan"));
    assertEquals(Set.of("p3", "w1"), ids("ERDOGAN"));
    assertEquals(Set.of("p3", "w1"), ids("\"Erdoğan\""));
    assertEquals(Set.of("j2", "s2"), ids("author:martin"), "the author Zoë Martín");
    assertEquals(Set.of("j2", "s2"), ids("author:\"Zoë Martín\""));
  }

  @Test
  void aQuotedPhraseMatchesTheExactWordsOnly() throws IOException {
    assertEquals(Set.of("p1", "p2"), ids("prime minister"));
    assertEquals(Set.of("p1"), ids("\"prime minister\""), "not p2's prime ministers");
    assertEquals(Set.of("p2"), ids("\"prime ministers\""));
    assertEquals(Set.of("p1"), ids("\"elections\""), "a quoted word is not stemmed");
    assertEquals(Set.of("p2"), ids("\"election\""));
    assertEquals(Set.of("p1", "r1"), ids("\"minister\""));
    assertEquals(
        Set.of("w2", "w3"), ids("\"the border\""), "stop words are kept in the exact text");
    assertEquals(Set.of(), ids("\"minister prime\""));
    assertEquals(Set.of("p1"), ids("\"minister resigned\"~1 OR \"prime minister resigned\""));
  }

  @Test
  void fieldQueriesSearchOneField() throws IOException {
    assertEquals(Set.of("w1"), ids("title:ceasefire"));
    assertEquals(Set.of("j1"), ids("lede:ceasefire"));
    assertEquals(Set.of("r1", "w1", "w2"), ids("body:ceasefire"));
    assertEquals(Set.of("p1"), ids("title:\"the elections\""));
    assertEquals(Set.of("j1", "p1", "w2", "w4"), ids("author:roe"));
    assertEquals(Set.of("j1", "p1", "w2", "w4"), ids("author:\"Jane Roe\""));
    assertEquals(Set.of("r1"), ids("author:spokesperson"));
    assertEquals(Set.of("p1", "p2", "p3"), ids("section:politics"));
    assertEquals(Set.of("r1"), ids("section:\"press releases\""));
    assertEquals(Set.of("j1", "p1", "p2", "s1", "w4"), ids("source:reuters"));
    assertEquals(Set.of("j2", "p3", "s2", "w2"), ids("source:AA"));
    assertEquals(Set.of("j1", "w4"), ids("section:world source:reuters"));
  }

  @Test
  void anUnknownFieldIsSearchedAsWordsWithAWarning() throws IOException {
    SearchResult r = search("Azerbaijan: Armenian forces");
    assertEquals(List.of("w1"), order(r));
    assertEquals(List.of("unknown field 'Azerbaijan:' was searched as words"), r.warnings());
  }

  @Test
  void quotedValuesAfterAnUnknownFieldOrADateAreHandledToo() throws IOException {
    SearchResult pasted = search("Azerbaijan: \"Armenian forces\"");
    assertEquals(List.of("w1"), order(pasted));
    assertEquals(List.of("unknown field 'Azerbaijan:' was searched as words"), pasted.warnings());
    assertEquals(Set.of("w1"), ids("date:\"2021-11-17\""));
    assertEquals(Set.of("j1", "r1", "w1", "w2"), ids("date:\"2021-11\""));
  }

  @Test
  void fuzzyQueriesAllowAnEdit() throws IOException {
    assertEquals(Set.of("p3", "w1"), ids("erdgan~"));
  }

  // --- dates ----------------------------------------------------------------------------------

  @Test
  void dateQueriesTakeRangesMonthsYearsAndDays() throws IOException {
    assertEquals(
        Set.of("j1", "p1", "p2", "r1", "w1", "w2"), ids("date:[2021-01-01 TO 2021-12-31]"));
    assertEquals(Set.of("j1", "r1", "w1", "w2"), ids("date:2021-11"));
    assertEquals(Set.of("p3", "w4"), ids("date:2020"));
    assertEquals(Set.of("w1"), ids("date:2021-11-17"));
    assertEquals(Set.of("w2"), ids("date:{2021-11-17 TO 2021-11-25}"), "exclusive ends");
    assertEquals(Set.of("j2", "p3", "w4"), ids("date:[* TO 2020-12-31]"));
    assertEquals(Set.of("j1", "w1", "w2"), ids("ceasefire date:2021-11 section:world"));
  }

  @Test
  void fromAndToAreInclusive() throws IOException {
    assertEquals(Set.of("w1", "w2"), ids(between("", "2021-11-17", "2021-11-20")));
    assertEquals(Set.of("s1", "s2"), ids(between("", "2022-01-01", null)));
    assertEquals(Set.of("j2"), ids(between("", null, "2019-12-31")));
    assertEquals(Set.of("j1", "w2"), ids(between("ceasefire", "2021-11-18", null)));
    assertEquals(11, between("", "1900-01-01", "2100-01-01").total(), "all but the undated w3");
  }

  private static SearchResult between(String q, String from, String to) throws IOException {
    return search(
        new SearchRequest(
            q,
            from == null ? null : LocalDate.parse(from),
            to == null ? null : LocalDate.parse(to),
            null,
            null,
            null,
            1,
            100));
  }

  // --- filters, excludes and facets ------------------------------------------------------------

  @Test
  void facetsOfTheWholeArchive() throws IOException {
    SearchResult r = search("");
    assertEquals(12, r.total());
    assertEquals(
        "{section=[WORLD=5, POLITICS=3, SPORT=3, Press Releases=1],"
            + " source=[Reuters=5, AA=4, TRTWorld and agencies=1, U.S. Department of State=1],"
            + " author=[Jane Roe=4, John Doe=3, Alican Tekingunduz=2, Zoë Martín=2, Office of the Spokesperson=1], person=[], org=[], place=[]}",
        facets(r));
  }

  @Test
  void facetsOfAQuery() throws IOException {
    SearchResult r = search("ceasefire");
    assertEquals(
        "{section=[WORLD=3, Press Releases=1],"
            + " source=[AA=1, Reuters=1, TRTWorld and agencies=1, U.S. Department of State=1],"
            + " author=[Alican Tekingunduz=2, Jane Roe=2, Office of the Spokesperson=1], person=[], org=[], place=[]}",
        facets(r));
  }

  @Test
  void filtersKeepAnyValueOfADimensionAndAllDimensions() throws IOException {
    assertEquals(
        Set.of("j1", "w1", "w2", "w3", "w4"),
        ids(search(request("", List.of("section=WORLD"), List.of()))));
    assertEquals(
        8, search(request("", List.of("section=WORLD", "section=SPORT"), List.of())).total());
    assertEquals(
        Set.of("j1", "w4"),
        ids(search(request("", List.of("section=WORLD", "source=Reuters"), List.of()))));
    assertEquals(
        Set.of("r1"), ids(search(request("", List.of("section=Press Releases"), List.of()))));
    assertEquals(
        Set.of("j1", "p1", "w2", "w4"),
        ids(search(request("", List.of("author=Jane Roe"), List.of()))));
    assertEquals(
        7, search(request("", List.of("author=Jane Roe", "author=John Doe"), List.of())).total());
    assertEquals(
        Set.of("j2", "s2"), ids(search(request("", List.of("author=Zoë Martín"), List.of()))));
    assertEquals(
        Set.of("j1", "w1", "w2"),
        ids(search(request("ceasefire", List.of("section=WORLD"), List.of()))));
  }

  @Test
  void aFilteredDimensionIsCountedWithoutItsOwnFilter() throws IOException {
    SearchResult world = search(request("", List.of("section=WORLD"), List.of()));
    assertEquals(5, world.total());
    assertEquals(
        "{section=[WORLD=5, POLITICS=3, SPORT=3, Press Releases=1],"
            + " source=[Reuters=2, AA=1, TRTWorld and agencies=1],"
            + " author=[Jane Roe=3, Alican Tekingunduz=2], person=[], org=[], place=[]}",
        facets(world));

    SearchResult worldReuters =
        search(request("", List.of("section=WORLD", "source=Reuters"), List.of()));
    assertEquals(2, worldReuters.total());
    assertEquals(
        "{section=[POLITICS=2, WORLD=2, SPORT=1],"
            + " source=[Reuters=2, AA=1, TRTWorld and agencies=1],"
            + " author=[Jane Roe=2], person=[], org=[], place=[]}",
        facets(worldReuters));
  }

  @Test
  void aFilterOnAManyValuedDimensionCountsTheOtherAuthorsToo() throws IOException {
    SearchResult zoe = search(request("", List.of("author=Zoë Martín"), List.of()));
    assertEquals(Set.of("j2", "s2"), ids(zoe));
    assertEquals(
        "{section=[SPORT=2], source=[AA=2],"
            + " author=[Jane Roe=4, John Doe=3, Alican Tekingunduz=2, Zoë Martín=2, Office of the Spokesperson=1], person=[], org=[], place=[]}",
        facets(zoe));
  }

  @Test
  void noMatchGivesEmptyFacetLists() throws IOException {
    assertEquals(
        "{section=[], source=[], author=[], person=[], org=[], place=[]}",
        facets(search("volcano")));
    SearchResult unknownValue = search(request("", List.of("section=WEATHER"), List.of()));
    assertEquals(0, unknownValue.total());
    assertEquals(
        "{section=[WORLD=5, POLITICS=3, SPORT=3, Press Releases=1], source=[], author=[], person=[], org=[], place=[]}",
        facets(unknownValue));
  }

  @Test
  void excludesLeaveValuesOut() throws IOException {
    SearchResult noSport = search(request("", List.of(), List.of("section=SPORT")));
    assertEquals(9, noSport.total());
    assertEquals(
        "[WORLD=5, POLITICS=3, Press Releases=1]",
        facets(noSport).replaceAll("^\\{section=(\\[[^]]*]).*", "$1"));
    assertEquals(
        Set.of("j1", "r1", "w1"),
        ids(search(request("ceasefire", List.of(), List.of("source=AA")))));
    assertEquals(8, search(request("", List.of(), List.of("author=Jane Roe"))).total());
    assertEquals(
        Set.of("j1", "p1", "p2", "p3", "w3", "w4"),
        ids(
            search(
                request(
                    "",
                    List.of(),
                    List.of(
                        "section=SPORT", "section=Press Releases", "author=Alican Tekingunduz")))));
    assertEquals(
        Set.of("w3"),
        ids(
            search(
                request(
                    "",
                    List.of("section=WORLD"),
                    List.of("author=Alican Tekingunduz", "source=Reuters")))));
  }

  // --- order and pages -------------------------------------------------------------------------

  private static final List<String> NEWEST =
      List.of("s2", "s1", "j1", "w2", "w1", "r1", "p2", "p1", "w4", "p3", "j2", "w3");
  private static final List<String> OLDEST =
      List.of("j2", "p3", "w4", "p1", "p2", "r1", "w1", "w2", "j1", "s1", "s2", "w3");

  @Test
  void newestAndOldestPutArticlesWithoutADateLast() throws IOException {
    assertEquals(
        NEWEST,
        order(
            search(
                new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, 1, 100))));
    assertEquals(
        OLDEST,
        order(
            search(
                new SearchRequest("", null, null, null, null, SearchRequest.Sort.OLDEST, 1, 100))));
    assertEquals(
        List.of("s1", "w2", "w3"),
        order(
            search(
                new SearchRequest(
                    "border OR cup", null, null, null, null, SearchRequest.Sort.NEWEST, 1, 100))));
  }

  @Test
  void relevancePutsTheTitleMatchFirst() throws IOException {
    assertEquals("w1", search("ceasefire").hits().get(0).id());
  }

  @ParameterizedTest
  @CsvSource({"1, 0", "2, 5", "3, 10"})
  void pagesFollowEachOther(int page, int first) throws IOException {
    SearchResult r =
        search(new SearchRequest("", null, null, null, null, SearchRequest.Sort.NEWEST, page, 5));
    assertEquals(12, r.total());
    assertEquals(NEWEST.subList(first, Math.min(first + 5, 12)), order(r));
  }

  @Test
  void aPageBeyondTheLastIsEmpty() throws IOException {
    SearchResult r =
        search(new SearchRequest("", null, null, null, null, SearchRequest.Sort.OLDEST, 4, 5));
    assertEquals(12, r.total());
    assertEquals(List.of(), r.hits());
  }

  @Test
  void hitsCarryTheirStoredFields() throws IOException {
    SearchResult.Hit w2 = search("title:shelling").hits().get(0);
    assertEquals("w2", w2.id());
    assertEquals(LocalDate.of(2021, 11, 20), w2.date());
    assertEquals("WORLD", w2.section());
    assertEquals("Shelling resumes near the border", w2.title());
    assertEquals("Observers fear the truce will not hold.", w2.lede());
    assertEquals(List.of("Alican Tekingunduz", "Jane Roe"), w2.authors());
    assertEquals("AA", w2.source());
  }

  // --- bad requests ----------------------------------------------------------------------------

  @Test
  void aQueryThatDoesNotParseNamesQAndAPosition() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> search("title:(foo"));
    assertEquals("q", e.parameter());
    assertEquals(10, e.position(), e.getMessage());
    assertTrue(e.getMessage().contains("position 10"), e.getMessage());

    InvalidRequestException quote =
        assertThrows(InvalidRequestException.class, () -> search("ceasefire AND"));
    assertEquals("q", quote.parameter());
    assertEquals(13, quote.position(), quote.getMessage());
  }

  @Test
  void aBadDateInTheQueryNamesQ() {
    for (String q : List.of("date:2021-13", "date:[2021-01-01 TO yesterday]", "date:2021*")) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> search(q), q);
      assertEquals("q", e.parameter(), q);
    }
  }

  @Test
  void badSizesAndPagesNameTheirParameter() {
    assertEquals(
        "size",
        assertThrows(
                InvalidRequestException.class,
                () -> new SearchRequest("", null, null, null, null, null, 1, 0))
            .parameter());
    assertEquals(
        "size",
        assertThrows(
                InvalidRequestException.class,
                () -> new SearchRequest("", null, null, null, null, null, 1, 101))
            .parameter());
    assertEquals(
        "page",
        assertThrows(
                InvalidRequestException.class,
                () -> new SearchRequest("", null, null, null, null, null, 0, 10))
            .parameter());
    assertEquals(
        "page",
        assertThrows(
                InvalidRequestException.class,
                () -> new SearchRequest("", null, null, null, null, null, 101, 100))
            .parameter());
    assertEquals(
        "from",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    new SearchRequest(
                        "",
                        LocalDate.of(2022, 1, 2),
                        LocalDate.of(2022, 1, 1),
                        null,
                        null,
                        null,
                        1,
                        10))
            .parameter());
    assertEquals(
        "colour",
        assertThrows(
                InvalidRequestException.class,
                () ->
                    new SearchRequest(
                        "", null, null, Map.of("colour", List.of("red")), null, null, 1, 10))
            .parameter());
  }
}

package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;

/**
 * Distinctive terms over the terms corpus ({@code corpora/terms}, whose README gives the answer).
 */
class DistinctiveTermsTest {
  @TempDir static Path tmp;

  private static ArchiveSearcher searcher;

  static Path corpus() {
    try {
      return Path.of(DistinctiveTermsTest.class.getResource("/corpora/terms").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void index() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    assertEquals(12, TestArchives.ingest(layout, corpus()).added());
    searcher = ArchiveSearcher.open(layout);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchRequest request(String q, String from, String to) {
    return new SearchRequest(
        q,
        from == null ? null : LocalDate.parse(from),
        to == null ? null : LocalDate.parse(to),
        Map.of(),
        Map.of(),
        SearchRequest.Sort.RELEVANCE,
        1,
        10);
  }

  /** Each term as "term fg/bg". */
  private static List<String> terms(DistinctiveTerms.Result r) {
    return r.terms().stream().map(t -> t.term() + " " + t.fg() + "/" + t.bg()).toList();
  }

  private static double g2(long fg, long nFg, long bg, long nBg) {
    return DistinctiveTerms.g2(fg, nFg, bg - fg, nBg - nFg);
  }

  @Test
  void againstTheArchive() throws IOException {
    DistinctiveTerms.Result r =
        searcher.distinctiveTerms(
            SearchRequest.of("drought"), DistinctiveTerms.Background.ARCHIVE, 25);
    assertEquals(4, r.foreground());
    assertEquals(12, r.background());
    assertFalse(r.sampled());
    assertEquals(4, r.analysed());
    assertEquals(
        List.of(
            "irrigation 4/4",
            "farmers 2/2",
            "crop 3/4",
            "crop failure 3/4",
            "failure 3/4",
            "valley 2/4"),
        terms(r),
        "drought and droughts, stop words and words of one article left out");
    assertEquals("phrase", r.terms().get(3).kind());
    assertEquals("word", r.terms().get(0).kind());
    assertEquals(15.276, r.terms().get(0).score(), 0.001, "G² of 4 of 4 against 0 of 8");
    for (DistinctiveTerms.Scored t : r.terms()) {
      assertEquals(g2(t.fg(), 4, t.bg(), 12), t.score(), 1e-9, t.term());
    }
    assertEquals(
        List.of("irrigation 4/4", "farmers 2/2"),
        terms(
            searcher.distinctiveTerms(
                SearchRequest.of("drought"), DistinctiveTerms.Background.ARCHIVE, 2)));
  }

  @Test
  void againstTheSameFiltersWithoutTheWords() throws IOException {
    DistinctiveTerms.Result r =
        searcher.distinctiveTerms(
            request("drought", "2020-01-01", "2020-01-31"),
            DistinctiveTerms.Background.FILTERS,
            25);
    assertEquals(4, r.foreground());
    assertEquals(6, r.background(), "January: t1-t6");
    assertEquals(
        List.of("irrigation 4/4", "crop 3/3", "crop failure 3/3", "failure 3/3", "farmers 2/2"),
        terms(r),
        "valley, in 2 of 4 and 1 of the other 2, is not over-represented");
  }

  @Test
  void whatWasDistinctiveAboutAPeriod() throws IOException {
    DistinctiveTerms.Result r =
        searcher.distinctiveTerms(
            request("", "2020-02-01", "2020-03-31"), DistinctiveTerms.Background.ARCHIVE, 25);
    assertEquals(6, r.foreground());
    assertEquals(
        List.of("budget 2/2", "ended 2/2", "parliament 2/2", "weather 2/2"),
        terms(r),
        "February and March; ended (t9) and ending (t10) are one stem");
  }

  @Test
  void theQueryWordsAndTheirStemsAreLeftOut() throws IOException {
    List<String> t =
        terms(
            searcher.distinctiveTerms(
                SearchRequest.of("irrigation OR droughts"),
                DistinctiveTerms.Background.ARCHIVE,
                25));
    assertEquals(
        List.of("farmers 2/2", "crop 3/4", "crop failure 3/4", "failure 3/4", "valley 2/4"), t);
    assertEquals(
        List.of("farmers 2/2", "valley 2/4"),
        terms(
            searcher.distinctiveTerms(
                SearchRequest.of("drought OR irrigat* OR \"crop failure\""),
                DistinctiveTerms.Background.ARCHIVE,
                25)),
        "a pattern's words and a phrase's words too");
  }

  @Test
  void theWholeBackgroundHasNoDistinctiveTerm() throws IOException {
    DistinctiveTerms.Result r =
        searcher.distinctiveTerms(SearchRequest.of(""), DistinctiveTerms.Background.ARCHIVE, 25);
    assertEquals(List.of(), r.terms());
    assertEquals(1, r.warnings().size());
  }

  @Test
  void badSize() {
    InvalidRequestException e =
        assertThrows(
            InvalidRequestException.class,
            () ->
                searcher.distinctiveTerms(
                    SearchRequest.of("drought"), DistinctiveTerms.Background.ARCHIVE, 101));
    assertEquals("size", e.parameter());
  }
}

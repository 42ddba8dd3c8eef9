package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

  /**
   * A foreground of 350 articles, more than {@link DistinctiveTerms#SAMPLE}: 300 of them, evenly
   * spread in index order, are analysed (every one but each seventh from the seventh, 6, 13, 20,
   * ...), and the terms they give are counted exactly over all 350. A term only in articles the
   * sample passes over is not found.
   */
  @Test
  void beyondTheBoundASampleFindsTheTermsAndTheIndexCountsThem(@TempDir Path dir)
      throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 350; i++) {
      String body =
          "The harbour ferry docked."
              + (i % 7 == 0 ? " A lighthouse keeper waved." : "")
              + (i == 6 || i == 13 ? " Quayside cranes stood idle." : "")
              + " Note "
              + letters(i)
              + ".";
      jsonl.append(article("h" + i, "Harbour log", body));
    }
    for (int k = 0; k < 50; k++) {
      jsonl.append(
          article(
              "m" + k,
              "Market log",
              "Prices rose at the market." + (k < 10 ? " The ferry was full." : "")));
    }
    Path file = java.nio.file.Files.writeString(dir.resolve("harbour.jsonl"), jsonl.toString());
    IndexLayout layout = new IndexLayout(dir.resolve("archive"));
    try (org.morgue.index.Ingester ingester =
        new org.morgue.index.Ingester(
            layout, org.morgue.index.Ingester.Options.defaults().withThreads(1))) {
      ingester.ingest(List.of(file), org.morgue.index.Ingester.Progress.NONE);
    }
    try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
      DistinctiveTerms.Result r =
          s.distinctiveTerms(SearchRequest.of("harbour"), DistinctiveTerms.Background.ARCHIVE, 25);
      assertEquals(350, r.foreground());
      assertEquals(400, r.background());
      assertEquals(true, r.sampled());
      assertEquals(DistinctiveTerms.SAMPLE, r.analysed());
      List<String> t = terms(r);
      assertTrue(t.contains("ferry 350/360"), t.toString());
      assertTrue(t.contains("lighthouse 50/50"), "counted in all 350, not in the 300: " + t);
      assertTrue(t.contains("lighthouse keeper 50/50"), t.toString());
      assertTrue(
          t.stream().noneMatch(x -> x.startsWith("quayside") || x.startsWith("cranes")),
          "only in articles 6 and 13, which the sample passes over: " + t);
    }
  }

  /** A word of letters for a number (each article's own word: no digits, which are no terms). */
  private static String letters(int n) {
    StringBuilder b = new StringBuilder("zz");
    for (char c : Integer.toString(n).toCharArray()) {
      b.append((char) ('a' + (c - '0')));
    }
    return b.toString();
  }

  private static String article(String id, String title, String body) {
    return String.format(
        java.util.Locale.ROOT,
        "{\"id\": \"%s\", \"date\": \"2020-05-01\", \"title\": \"%s\", \"body\": \"%s\"}%n",
        id,
        title,
        body);
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

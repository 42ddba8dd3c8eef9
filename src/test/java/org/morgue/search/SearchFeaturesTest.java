package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.IngestReport;
import org.morgue.index.TestArchives;

/**
 * Stories (wire copies), the date histogram, snippets, facet values by prefix, the article view,
 * exports and the limits of a search, over the search corpus and the API corpus (their READMEs list
 * what each article holds): 17 articles, 15 stories.
 */
class SearchFeaturesTest {
  @TempDir static Path tmp;

  private static ArchiveSearcher searcher;

  @BeforeAll
  static void indexTheCorpora() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    IngestReport report =
        TestArchives.ingest(layout, TestArchives.searchCorpus(), TestArchives.apiCorpus());
    assertEquals(17, report.added());
    searcher = ArchiveSearcher.open(layout);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchResult search(String queryString) throws IOException {
    return searcher.search(
        SearchParameters.parse(SearchParametersTest.params(queryString)).request());
  }

  private static List<String> ids(SearchResult r) {
    return r.hits().stream().map(SearchResult.Hit::id).toList();
  }

  private static SearchResult.Hit hit(SearchResult r, String id) {
    return r.hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
  }

  // --- stories ---------------------------------------------------------------------------------

  @Test
  void wireCopiesAreOneStory() throws IOException {
    SearchResult r = search("q=ceasefire&sort=newest");
    assertEquals(7, r.total(), "articles");
    assertEquals(5, r.stories(), "k1, k2 and k3 are one story");
    assertEquals(List.of("j1", "w2", "k3", "w1", "r1"), ids(r));
    SearchResult.Hit k3 = hit(r, "k3");
    assertEquals(2, k3.copies());
    assertEquals(List.of("k1", "k2"), k3.copyIds());
    assertEquals("k1", k3.copyOf());
    assertEquals(0, hit(r, "w1").copies());
    assertEquals(List.of(), hit(r, "w1").copyIds());
  }

  @Test
  void theWholeArchive() throws IOException {
    SearchResult r = search("");
    assertEquals(17, r.total());
    assertEquals(15, r.stories());
  }

  @Test
  void aStoryCountsOnlyItsMatchingCopies() throws IOException {
    SearchResult notReuters = search("q=ceasefire&sort=newest&not.source=Reuters");
    assertEquals(List.of("w2", "k1", "w1", "r1"), ids(notReuters), "j1 and k3 are Reuters'");
    assertEquals(List.of("k2"), hit(notReuters, "k1").copyIds());
    SearchResult afp = search("q=ceasefire&source=AFP");
    assertEquals(List.of("k2"), ids(afp));
    assertEquals(0, hit(afp, "k2").copies());
  }

  @Test
  void pagesListStories() throws IOException {
    assertEquals(List.of("j1", "w2"), ids(search("q=ceasefire&sort=newest&size=2")));
    assertEquals(List.of("k3", "w1"), ids(search("q=ceasefire&sort=newest&size=2&page=2")));
    SearchResult last = search("q=ceasefire&sort=newest&size=2&page=3");
    assertEquals(List.of("r1"), ids(last));
    assertEquals(7, last.total());
    assertEquals(5, last.stories());
    assertEquals(List.of(), ids(search("q=ceasefire&sort=newest&size=2&page=4")));
  }

  @Test
  void oldestShowsAStoryByItsFirstCopy() throws IOException {
    SearchResult r = search("q=monitors&sort=oldest");
    assertEquals(List.of("k1"), ids(r));
    assertEquals(List.of("k2", "k3"), hit(r, "k1").copyIds());
  }

  // --- histogram -------------------------------------------------------------------------------

  private static String buckets(Histogram h) {
    return h.buckets().stream()
        .filter(b -> b.count() > 0 || b.all() > 0)
        .map(b -> b.start() + "=" + b.count() + "/" + b.all())
        .collect(Collectors.joining(" "));
  }

  @Test
  void aShortSpanIsCountedByDay() throws IOException {
    Histogram h = search("q=ceasefire").histogram();
    assertEquals(SearchRequest.Interval.DAY, h.interval());
    assertEquals(24, h.buckets().size(), "2021-11-02 to 2021-11-25, empty days kept");
    assertEquals(LocalDate.of(2021, 11, 2), h.buckets().get(0).start());
    assertEquals(LocalDate.of(2021, 11, 25), h.buckets().get(23).start());
    assertEquals(
        "2021-11-02=1/1 2021-11-17=1/1 2021-11-18=2/2 2021-11-19=1/1 2021-11-20=1/1 2021-11-25=1/1",
        buckets(h));
    assertEquals(0, h.undated());
  }

  @Test
  void theWholeArchiveIsCountedByMonth() throws IOException {
    Histogram h = search("").histogram();
    assertEquals(SearchRequest.Interval.MONTH, h.interval());
    assertEquals(35, h.buckets().size(), "2019-05 to 2022-03");
    assertEquals(1, h.undated(), "w3");
    assertEquals(
        "2019-05-01=1/1 2020-08-01=1/1 2020-12-01=1/1 2021-03-01=1/1 2021-06-01=1/1 2021-11-01=7/7"
            + " 2022-01-01=1/1 2022-02-01=1/1 2022-03-01=2/2",
        buckets(h));
  }

  @Test
  void anAskedIntervalIsUsed() throws IOException {
    assertEquals(
        "2019-01-01=1/1 2020-01-01=2/2 2021-01-01=9/9 2022-01-01=4/4",
        buckets(search("interval=year").histogram()));
    Histogram weeks = search("q=ceasefire&interval=week").histogram();
    assertEquals(
        List.of("2021-11-01", "2021-11-08", "2021-11-15", "2021-11-22"),
        weeks.buckets().stream().map(b -> b.start().toString()).toList(),
        "weeks start on Monday");
    assertEquals(
        List.of(1L, 0L, 5L, 1L), weeks.buckets().stream().map(Histogram.Bucket::count).toList());
  }

  @Test
  void bucketsCountTheMatchesAndAllArticlesOfTheirWholePeriod() throws IOException {
    Histogram h = search("q=ceasefire&section=Press%20Releases&interval=month").histogram();
    assertEquals("2021-11-01=1/7", buckets(h), "r1 of the seven of November");
    Histogram cut =
        search("q=ceasefire&section=Press%20Releases&interval=month&from=2021-11-18&to=2021-11-30")
            .histogram();
    assertEquals("2021-11-01=0/5", buckets(cut), "from cuts the bucket: k1, k2, k3, w2, j1");
  }

  @Test
  void fromAndToSetTheSpanWithinTheArchive() throws IOException {
    Histogram h = search("q=ceasefire&from=2021-11-01&to=2021-11-30").histogram();
    assertEquals(30, h.buckets().size());
    assertEquals(LocalDate.of(2021, 11, 1), h.buckets().get(0).start());
    Histogram clipped =
        search("q=marathon&from=1990-01-01&to=2100-12-31&interval=year").histogram();
    assertEquals(
        List.of("2019-01-01", "2020-01-01", "2021-01-01", "2022-01-01"),
        clipped.buckets().stream().map(b -> b.start().toString()).toList(),
        "the archive's years only");
    assertEquals(List.of(), search("q=volcano").histogram().buckets());
  }

  @Test
  void anIntervalWithTooManyBucketsIsWidenedWithAWarning() {
    DayCounts all = new DayCounts(0, 20_000);
    all.add(0);
    all.add(20_000);
    ReaderState state = new ReaderState(null, null, null, null, 0, 20_000, all);
    List<String> warnings = new ArrayList<>();
    SearchRequest request =
        new SearchRequest("", null, null, null, null, null, 1, 10, 10, SearchRequest.Interval.DAY);
    Histogram h = Histogram.of(all, 0, state, request, warnings);
    assertEquals(
        SearchRequest.Interval.MONTH, h.interval(), "20,001 days, 2,858 weeks, 658 months");
    assertEquals(
        List.of("interval day would give more than 2000 buckets; month was used"), warnings);
  }

  // --- snippets --------------------------------------------------------------------------------

  @Test
  void snippetsMarkTheWordsAndEscapeEverythingElse() throws IOException {
    SearchResult.Hit x1 = search("q=script").hits().get(0);
    assertEquals("x1", x1.id());
    assertEquals(
        "Editors find <script>alert(\"x\")</script> in a headline",
        x1.title(),
        "plain text as stored");
    assertEquals(
        "Editors find &lt;<mark>script</mark>&gt;alert(&quot;x&quot;)&lt;/<mark>script</mark>&gt; in a headline",
        x1.titleHtml());
    assertEquals(
        "A reader sent &lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt; &amp; other"
            + " &lt;b&gt;tags&lt;/b&gt;; the filter caught the <mark>script</mark>. Nothing ran in the browser.",
        x1.snippet());
  }

  @Test
  void aMatchInTheLedeOnlyGivesTheLede() throws IOException {
    assertEquals(
        "Diplomats want the <mark>ceasefire</mark> extended.",
        hit(search("q=ceasefire"), "j1").snippet());
  }

  @Test
  void stemsAndPhrasesAreMarked() throws IOException {
    assertEquals(
        "Parliament agreed that the <mark>elections</mark> will be held in June. The prime minister resigned on Friday.",
        hit(search("q=election"), "p1").snippet());
    assertEquals(
        "Parliament sets a date for the <mark>elections</mark>",
        hit(search("q=election"), "p1").titleHtml());
    assertEquals(
        "Parliament agreed that the elections will be held in June. The <mark>prime</mark> <mark>minister</mark> resigned on Friday.",
        hit(search("q=%22prime+minister%22"), "p1").snippet());
    assertEquals(
        "Two <mark>prime</mark> ministers resigned in one year.",
        hit(search("q=prime+-%22prime+minister%22"), "p2").snippet().replaceFirst("^.*(Two)", "$1"),
        "a word is marked, a phrase that does not occur is not");
  }

  @Test
  void withoutWordsTheSnippetIsTheOpeningEscaped() throws IOException {
    SearchResult.Hit r1 = hit(search("section=Press%20Releases"), "r1");
    assertEquals("Secretary&#39;s Call with the Foreign Minister", r1.titleHtml());
    assertEquals("The Secretary discussed the ceasefire and humanitarian access.", r1.snippet());
  }

  @Test
  void passagesAreJoinedByAnEllipsisAndAdjacentOnesByASpace() {
    String content = "One cease here.  Two.\n\nThree <cease>.  Four cease.";
    org.apache.lucene.search.uhighlight.Passage first = passage(0, 16, 4, 9);
    org.apache.lucene.search.uhighlight.Passage third = passage(23, 38, 30, 35);
    org.apache.lucene.search.uhighlight.Passage fourth = passage(38, 50, 44, 49);
    Snippets.MarkFormatter f = new Snippets.MarkFormatter();
    assertEquals(
        "One <mark>cease</mark> here. … Three &lt;<mark>cease</mark>&gt;. Four <mark>cease</mark>.",
        f.format(
            new org.apache.lucene.search.uhighlight.Passage[] {first, third, fourth}, content));
  }

  private static org.apache.lucene.search.uhighlight.Passage passage(
      int start, int end, int matchStart, int matchEnd) {
    org.apache.lucene.search.uhighlight.Passage p =
        new org.apache.lucene.search.uhighlight.Passage();
    p.setStartOffset(start);
    p.setEndOffset(end);
    p.addMatch(matchStart, matchEnd, new org.apache.lucene.util.BytesRef("cease"), 1);
    return p;
  }

  // --- facet values by prefix ------------------------------------------------------------------

  private static String values(FacetValues f) {
    return f.values().stream()
        .map(v -> v.value() + "=" + v.count())
        .collect(Collectors.joining(", "));
  }

  @Test
  void facetValuesByPrefixIgnoreCaseAndAccentsAndMatchAnyWord() throws IOException {
    SearchRequest all = SearchRequest.of("");
    FacetValues mar = searcher.facetValues(all, "author", "mar");
    assertEquals("Maria Calder=2, Zoë Martín=2", values(mar));
    assertEquals(2, mar.matching());
    assertEquals("Zoë Martín=2", values(searcher.facetValues(all, "author", "MARTÍN")));
    assertEquals("Zoë Martín=2", values(searcher.facetValues(all, "author", "zoe")));
    assertEquals("", values(searcher.facetValues(all, "author", "xyz")));
  }

  @Test
  void facetValuesFollowTheSearchButNotTheirOwnFilter() throws IOException {
    SearchRequest ceasefire =
        SearchParameters.parse(SearchParametersTest.params("q=ceasefire&author=Jane%20Roe"))
            .request();
    assertEquals(
        "Alican Tekingunduz=2, Jane Roe=2, Maria Calder=2, Office of the Spokesperson=1",
        values(searcher.facetValues(ceasefire, "author", "")));
    assertEquals(
        "WORLD=2",
        values(searcher.facetValues(ceasefire, "section", "")),
        "j1 and w2 are Jane Roe's");
    SearchRequest two =
        SearchParameters.parse(SearchParametersTest.params("facetSize=2")).request();
    FacetValues top = searcher.facetValues(two, "source", "");
    assertEquals("Reuters=6, AA=4", values(top));
    assertEquals(8, top.matching());
  }

  @Test
  void anUnknownDimensionIsNotFound() {
    NotFoundException e =
        assertThrows(
            NotFoundException.class,
            () -> searcher.facetValues(SearchRequest.of(""), "colour", ""));
    assertEquals("dimension", e.parameter());
  }

  @Test
  void facetSizeGivesMoreValues() throws IOException {
    assertEquals(3, search("facetSize=3").facets().get("author").size());
    assertEquals(8, search("facetSize=100").facets().get("author").size(), "every author");
  }

  // --- the article view ------------------------------------------------------------------------

  @Test
  void anArticleHasEveryStoredFieldItsCopiesAndRelatedArticles() throws IOException {
    ArticleView v = searcher.article("k2");
    StoredArticle a = v.article();
    assertEquals("k2", a.id());
    assertEquals(LocalDate.of(2021, 11, 18), a.date());
    assertEquals("AFP", a.source());
    assertEquals(List.of("Maria Calder"), a.authors());
    assertEquals(2, a.paragraphs().size());
    assertTrue(a.paragraphs().get(1).startsWith("The monitors will patrol"));
    assertEquals("k1", a.copyOf());
    assertEquals(List.of("k1", "k3"), v.copies(), "oldest first");
    assertTrue(
        v.related().size() <= ArticleView.RELATED && !v.related().isEmpty(),
        v.related().toString());
    for (ArticleView.Related r : v.related()) {
      assertFalse(
          List.of("k1", "k2", "k3").contains(r.id()), "neither itself nor its copies: " + r.id());
    }
  }

  @Test
  void anUnknownIdIsNotFound() {
    NotFoundException e = assertThrows(NotFoundException.class, () -> searcher.article("nope"));
    assertEquals("id", e.parameter());
    assertEquals("no article with id 'nope'", e.getMessage());
  }

  // --- exports ---------------------------------------------------------------------------------

  @Test
  void anExportGivesEveryMatchingArticleCopiesIncluded() throws IOException {
    List<String> ids = new ArrayList<>();
    long n =
        searcher.export(search("q=ceasefire&sort=newest&size=1").request(), a -> ids.add(a.id()));
    assertEquals(7, n);
    assertEquals(List.of("j1", "w2", "k3", "k1", "k2", "w1", "r1"), ids);
    List<StoredArticle> all = new ArrayList<>();
    searcher.export(SearchRequest.of(""), all::add);
    assertEquals(17, all.size());
    assertEquals(
        2,
        all.stream()
            .filter(a -> a.id().equals("w1"))
            .findFirst()
            .orElseThrow()
            .paragraphs()
            .size());
  }

  // --- limits ----------------------------------------------------------------------------------

  @Test
  void aLeadingWildcardIsRefusedWithItsPosition() {
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> search("q=*fire"));
    assertEquals("q", e.parameter());
    assertEquals(0, e.position());
    InvalidRequestException later =
        assertThrows(InvalidRequestException.class, () -> search("q=ceasefire+title:?ire"));
    assertEquals(16, later.position());
    assertEquals(
        "cannot parse the query: a word cannot start with * or ? (position 16), which would read every"
            + " word of the index; start it with a letter or more",
        later.getMessage());
  }

  @Test
  void aPatternOfTooManyWordsIsRefused(@TempDir Path dir) throws IOException {
    String words =
        IntStream.range(0, QueryLimits.MAX_EXPANSION + 1)
            .mapToObj(i -> String.format(java.util.Locale.ROOT, "zq%04d", i))
            .collect(Collectors.joining(" "));
    IndexLayout layout = new IndexLayout(dir.resolve("archive"));
    TestArchives.ingest(
        layout,
        TestArchives.write(
            dir.resolve("in"),
            "many.txt",
            TestArchives.house("2021-01-01 WORLD", "Many words", null, null, null, words)));
    try (ArchiveSearcher many = ArchiveSearcher.open(layout)) {
      InvalidRequestException e =
          assertThrows(InvalidRequestException.class, () -> many.search(SearchRequest.of("zq*")));
      assertEquals("q", e.parameter());
      assertEquals(
          "'zq*' matches more than 2,000 words in body; make the pattern longer or more precise",
          e.getMessage());
      assertEquals(1, many.search(SearchRequest.of("zq1*")).total(), "1,000 words are fine");
    }
  }

  @Test
  void rewritingIsBoundedInWordsFuzzyWordsAndTime(@TempDir Path dir) throws IOException {
    // six patterns of 1,900 words each: each under 2,000, together over 10,000
    String words =
        IntStream.range(0, 6 * 1_900)
            .mapToObj(i -> String.format(java.util.Locale.ROOT, "z%dq%04d", i / 1_900, i % 1_900))
            .collect(Collectors.joining(" "));
    IndexLayout layout = new IndexLayout(dir.resolve("archive"));
    TestArchives.ingest(
        layout,
        TestArchives.write(
            dir.resolve("in"),
            "many.txt",
            TestArchives.house("2021-01-01 WORLD", "Many words", null, null, null, words)));
    try (ArchiveSearcher many = ArchiveSearcher.open(layout)) {
      assertEquals(1, many.search(SearchRequest.of("z0q* z1q* z2q* z3q* z4q*")).total());
      InvalidRequestException e =
          assertThrows(
              InvalidRequestException.class,
              () -> many.search(SearchRequest.of("z0q* z1q* z2q* z3q* z4q* z5q*")));
      assertEquals("q", e.parameter());
      assertEquals(
          "the query's patterns match more than 10,000 words in all; use fewer or longer patterns",
          e.getMessage());

      String fuzzy =
          IntStream.range(0, 50)
              .mapToObj(i -> "ceasefir" + (char) ('a' + i % 26) + i + "~")
              .collect(Collectors.joining(" "));
      e = assertThrows(InvalidRequestException.class, () -> many.search(SearchRequest.of(fuzzy)));
      assertEquals(
          "the query holds 50 fuzzy words (word~); a query may hold at most 10", e.getMessage());
      assertEquals(1, many.search(SearchRequest.of("wordz~ manz~")).total(), "two are fine");

      // expanding counts within the time limit: none left, a pattern is refused at once
      Duration before = many.timeLimit();
      many.setTimeLimit(Duration.ZERO);
      e = assertThrows(InvalidRequestException.class, () -> many.search(SearchRequest.of("z0q*")));
      assertEquals(
          "expanding the query's patterns took longer than the time limit of 0 ms; use fewer or"
              + " longer patterns",
          e.getMessage());
      many.setTimeLimit(before);
    }
  }

  @Test
  void aQueryOfTooManyClausesIsRefusedAsBadQ() {
    String q = IntStream.range(0, 400).mapToObj(i -> "w" + i).collect(Collectors.joining(" OR "));
    InvalidRequestException e =
        assertThrows(InvalidRequestException.class, () -> searcher.search(SearchRequest.of(q)));
    assertEquals("q", e.parameter());
    assertTrue(e.getMessage().startsWith("the query is too large"), e.getMessage());
  }

  @Test
  void aSearchPastItsTimeLimitSaysItWasCut() throws IOException {
    Duration before = searcher.timeLimit();
    try {
      searcher.setTimeLimit(Duration.ZERO);
      for (String q : List.of("q=ceasefire", "q=ceasefire&section=WORLD&author=Jane%20Roe")) {
        SearchResult r = search(q);
        assertTrue(r.timedOut(), q);
        assertTrue(
            r.warnings()
                .contains(
                    "the search took longer than its time limit and was cut: counts and hits cover part of the archive"),
            q);
      }
    } finally {
      searcher.setTimeLimit(before);
    }
    assertFalse(search("q=ceasefire&section=WORLD").timedOut());
  }

  @Test
  void warningsOfTheQueryComeBack() throws IOException {
    Map<String, List<String>> p = new LinkedHashMap<>();
    p.put("q", List.of("Azerbaijan: Armenian forces"));
    assertEquals(
        List.of("unknown field 'Azerbaijan:' was searched as words"),
        searcher.search(SearchParameters.parse(p).request()).warnings());
  }
}

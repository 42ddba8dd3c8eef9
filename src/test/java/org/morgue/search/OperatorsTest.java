package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;

/**
 * The archivist's operators, with exact counts over the operators corpus ({@code
 * corpora/operators}, whose README says what each article holds), and the sentence each malformed
 * query gets.
 */
class OperatorsTest {
  @TempDir static Path tmp;

  private static ArchiveSearcher searcher;

  static Path corpus() {
    try {
      return Path.of(OperatorsTest.class.getResource("/corpora/operators").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void index() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    assertEquals(15, TestArchives.ingest(layout, corpus()).added());
    searcher = ArchiveSearcher.open(layout);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static List<String> ids(String q) throws IOException {
    SearchResult r =
        searcher.search(SearchRequest.of(q).withSortAndSize(SearchRequest.Sort.NEWEST, 100));
    return r.hits().stream().map(SearchResult.Hit::id).sorted().toList();
  }

  @Test
  void orderedAgainstUnordered() throws IOException {
    assertEquals(List.of("a1"), ids("sanctions W/3 iran"));
    assertEquals(List.of("a1"), ids("sanctions w/2 iran"), "lower case, and 2 words");
    assertEquals(List.of(), ids("sanctions W/1 iran"), "one word between");
    assertEquals(List.of("a2"), ids("iran W/3 sanctions"));
    assertEquals(List.of("a1"), ids("sanctions PRE/3 iran"));
    assertEquals(List.of("a1", "a2"), ids("sanctions NEAR/3 iran"));
    assertEquals(List.of("a1", "a2", "a3"), ids("sanctions NEAR/13 iran"));
    assertEquals(List.of("a1", "a2"), ids("sanctions NEAR/11 iran"));
  }

  @Test
  void aSentenceBoundaryIsNotCrossed() throws IOException {
    assertEquals(List.of("a13", "a4", "a5"), ids("minister W/10 resign*"));
    assertEquals(List.of("a13", "a5"), ids("minister /s resign*"));
    assertEquals(List.of("a13"), ids("\"prime minister\" /s resign*"));
    assertEquals(List.of("a14"), ids("mr /s smith"), "Mr. ends no sentence");
    assertEquals(List.of("a14"), ids("smith /s envoy"));
    assertEquals(List.of("a4"), ids("minister /s budget"), "to a sentence's last word");
    assertEquals(List.of("a4"), ids("resignation /s table"), "from a sentence's first word");
    assertEquals(List.of(), ids("budget /s resignation"), "the two words around a boundary");
  }

  @Test
  void aParagraphBoundaryIsNotCrossed() throws IOException {
    assertEquals(List.of("a6", "a7"), ids("treaty NEAR/10 ceasefire"));
    assertEquals(List.of("a7"), ids("treaty /p ceasefire"));
    assertEquals(List.of(), ids("treaty /s ceasefire"));
    assertEquals(List.of("a7"), ids("vienna /p observers"));
    assertEquals(
        List.of("a6", "a7"), ids("observers /p ceasefire"), "from a paragraph's first word");
    assertEquals(List.of("a6", "a7"), ids("treaty /p vienna"), "to a paragraph's last word");
  }

  @Test
  void theMarksMoveNoWord() throws IOException {
    assertEquals(List.of("a6", "a7"), ids("\"vienna observers\""), "phrases cross the marks");
    assertEquals(List.of("a6", "a7"), ids("vienna W/1 observers"));
  }

  @Test
  void headlineAndLede() throws IOException {
    assertEquals(List.of("a15", "a6", "a7", "a8"), ids("ceasefire"));
    assertEquals(List.of("a8"), ids("headline(ceasefire)"));
    assertEquals(List.of("a8"), ids("title:ceasefire"));
    assertEquals(List.of("a15"), ids("lede(ceasefire)"));
    assertEquals(List.of("a15"), ids("lede:ceasefire"));
    assertEquals(List.of("a8"), ids("headline(ceasefire W/2 holds)"));
    assertEquals(List.of("a8"), ids("headline(ceasefire AND north)"));
    assertEquals(List.of(), ids("headline(ceasefire AND vienna)"));
  }

  @Test
  void mentionsAreCountedOverTitleAndBody() throws IOException {
    assertEquals(List.of("a10", "a11", "a9"), ids("drought"));
    assertEquals(List.of("a10", "a11", "a9"), ids("atleast2(drought)"), "droughts is drought");
    assertEquals(List.of("a11", "a9"), ids("atleast3(drought)"), "a11: once in the title");
    assertEquals(List.of(), ids("atleast4(drought)"));
    assertEquals(List.of("a11", "a9"), ids("ATLEAST3(drought*)"));
  }

  @Test
  void stemsAndAccentsAsForPlainWords() throws IOException {
    assertEquals(List.of("a12"), ids("erdogan W/3 elections"));
    assertEquals(List.of("a12"), ids("Erdoğan NEAR/3 elections"));
    assertEquals(List.of(), ids("Erdoğan NEAR/3 elected"), "elected is elect's, not election's");
  }

  @Test
  void operatorsInsideBooleans() throws IOException {
    assertEquals(List.of("a1", "a10", "a11", "a9"), ids("sanctions W/3 iran OR drought"));
    assertEquals(List.of("a3"), ids("sanctions -(sanctions NEAR/3 iran)"));
    assertEquals(List.of("a1", "a2"), ids("(sanctions OR embargo) NEAR/3 iran"));
    assertEquals(List.of("a1"), ids("sanctions W/3 iran date:2020-01"));
    assertEquals(List.of("a1", "a2"), ids("sanctions NEAR/3 (iran OR europe)"));
  }

  @Test
  void malformedQueriesGetASentenceAndAPosition() {
    Map<String, String> expected = new TreeMap<>();
    expected.put(
        "\"prime minister",
        "0|the quote at position 0 is never closed; add a closing \" after the phrase, or remove"
            + " this one");
    expected.put(
        "iran AND", "8|nothing follows AND at position 5; add a word after it, or remove it");
    expected.put(
        "AND iran",
        "0|AND at position 0 has nothing before it; put a word before it, or remove it");
    expected.put(
        "iran AND OR sanctions",
        "9|OR at position 9 follows AND at position 5; put a word between them, or remove one");
    expected.put("sanctions W/ iran", "12|W/ at position 10 needs a number of words, such as W/5");
    expected.put(
        "sanctions W/x iran", "12|W/ at position 10 needs a number of words, not 'x', such as W/5");
    expected.put("sanctions NEAR/0 iran", "15|NEAR/0 at position 10 must be from 1 to 1000");
    expected.put(
        "sanctions W/3",
        "13|nothing follows W/3 at position 10 for it to join; the end of the query comes next:"
            + " put a word or phrase after it");
    expected.put(
        "W/3 iran",
        "0|W/3 at position 0 has nothing before it to join; write it between two words: iran W/3"
            + " sanctions");
    expected.put(
        "date:2021 W/3 iran",
        "0|W/3 at position 10 cannot search date: it joins words of the title, lede, body, or of a"
            + " name field");
    expected.put(
        "[2020 TO 2021] W/3 iran",
        "0|W/3 at position 15 cannot join the range [2020 TO 2021] at position 0: it joins words,"
            + " phrases, patterns and groups of them");
    expected.put(
        "headline(iran) W/3 sanctions",
        "0|W/3 at position 15 cannot join headline(...) at position 0: put the operator inside"
            + " it, as in headline(iran W/3 sanctions)");
    expected.put(
        "(iran sanctions) W/3 europe",
        "6|W/3 at position 17 can join a group only of alternatives joined by OR, such as"
            + " (sanctions OR embargo); the group at position 0 has AND");
    expected.put(
        "\"iran sanctions\"~2 W/3 europe",
        "16|W/3 at position 19 cannot join \"iran sanctions\"~2 at position 0: leave out its ~2"
            + " (for words near each other, use NEAR/n)");
    expected.put(
        "(iran", "5|the bracket opened at position 0 is never closed; add ) at position 5");
    expected.put(
        "iran)", "4|the ) at position 4 closes no bracket; remove it or open one before it");
    expected.put("()", "0|the brackets at position 0 hold nothing; put words in them");
    expected.put(
        "atleast(iran)",
        "7|atleast at position 0 needs a number of mentions from 1 to 100, written together:"
            + " atleast3(iran)");
    expected.put(
        "iran /x",
        "5|the / at position 5 starts a regular expression that is never closed with /; for the"
            + " same sentence write /s, for the same paragraph /p");
    expected.put(
        "title:",
        "6|title: at position 0 needs a word, a phrase, a range or a group after it; the end of"
            + " the query comes next");
    expected.put(
        "iran - sanctions",
        "5|the - at position 5 stands alone; put it right before a word (-word), or remove it");
    expected.put(
        "date:[2021 TO",
        "5|the range opened at position 5 is never closed; write it as [2021-01-01 TO 2021-12-31]");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      InvalidRequestException x =
          assertThrows(
              InvalidRequestException.class,
              () -> searcher.search(SearchRequest.of(e.getKey())),
              e.getKey());
      assertEquals("q", x.parameter(), e.getKey());
      assertEquals(
          e.getValue(),
          x.position() + "|" + x.getMessage().replaceFirst("^cannot parse the query: ", ""),
          e.getKey());
      assertFalse(x.getMessage().contains("Lexical"), e.getKey());
    }
  }

  @Test
  void hostileNestingIsRefused() {
    String deep = "(".repeat(50) + "iran" + ")".repeat(50);
    InvalidRequestException x =
        assertThrows(InvalidRequestException.class, () -> searcher.search(SearchRequest.of(deep)));
    assertEquals(
        "cannot parse the query: brackets and functions nest more than 10 deep at position 10;"
            + " write the query with fewer levels",
        x.getMessage());
    String many = "iran W/3 sanctions ".repeat(31).strip();
    InvalidRequestException y =
        assertThrows(InvalidRequestException.class, () -> searcher.search(SearchRequest.of(many)));
    assertEquals("q", y.parameter());
  }

  // --- concordance, did you mean, why nothing ---------------------------------------------------

  private static List<String> lines(String q, Concordance.Order order) throws IOException {
    return searcher
        .concordance(
            new SearchRequest(q, null, null, Map.of(), Map.of(), SearchRequest.Sort.NEWEST, 1, 10),
            order,
            1,
            50)
        .items()
        .stream()
        .map(l -> l.id() + "|" + l.left() + "[" + l.match() + "]" + l.right())
        .toList();
  }

  @Test
  void concordanceLinesInTheirOrders() throws IOException {
    List<String> byArticle = lines("minister", Concordance.Order.ARTICLE);
    assertEquals(
        List.of(
            "a13|The prime [minister] may resign soon.",
            "a5|The [minister] announced his resignation on Friday.",
            "a4|The [minister] spoke about the budget. Resignation was not on the table."),
        byArticle);
    assertEquals(
        List.of(byArticle.get(0), byArticle.get(1), byArticle.get(2)),
        lines("minister", Concordance.Order.BEFORE),
        "prime, the, the (ties in article order)");
    assertEquals(
        List.of(byArticle.get(1), byArticle.get(0), byArticle.get(2)),
        lines("minister", Concordance.Order.AFTER),
        "announced, may, spoke");
    assertEquals(
        List.of("a1|The new [sanctions on Iran] took effect today."),
        lines("sanctions W/3 iran", Concordance.Order.ARTICLE),
        "an operator's span is the match");
    assertEquals(
        List.of("a4|The [minister spoke about the budget]. Resignation was not on the table."),
        lines("minister /s budget", Concordance.Order.ARTICLE),
        "a same-sentence span up to the sentence's last word");
    assertEquals(
        List.of("a11|[Drought]", "a11|[Drought] and drought.", "a11|Drought and [drought]."),
        lines("atleast3(drought) headline(drought)", Concordance.Order.ARTICLE));
    Concordance.Page page =
        searcher.concordance(SearchRequest.of("drought"), Concordance.Order.ARTICLE, 2, 2);
    assertEquals(3, page.articles());
    assertEquals(8, page.lines(), "3 + 2 + 3");
    assertEquals(2, page.items().size());
    java.util.List<Concordance.Line> every = new java.util.ArrayList<>();
    searcher.eachLine(SearchRequest.of("drought OR minister"), every::add);
    assertEquals(11, every.size());
    for (int p = 1; p <= 4; p++) {
      assertEquals(
          every.subList(Math.min(11, (p - 1) * 3), Math.min(11, p * 3)),
          searcher
              .concordance(SearchRequest.of("drought OR minister"), Concordance.Order.ARTICLE, p, 3)
              .items(),
          "page " + p + " in article order, read from the page's articles only, as the CSV has it");
    }
  }

  @Test
  void didYouMeanFromTheArchivesWords() throws IOException {
    Diagnosis.DidYouMean d = searcher.didYouMean(SearchRequest.of("sanctoins W/3 iran"));
    assertEquals("sanctions W/3 iran", d.q());
    assertEquals(List.of(new Diagnosis.Word("sanctoins", 0, "sanctions", 3)), d.words());
    assertEquals(null, searcher.didYouMean(SearchRequest.of("sanctions iran")));
    assertEquals(null, searcher.didYouMean(SearchRequest.of("droughts")), "a form of a stem");
  }

  @Test
  void nothingExplainedClauseByClauseAndFilterByFilter() throws IOException {
    Diagnosis.Nothing n = searcher.nothing(SearchRequest.of("sanctions AND drought"));
    assertEquals(
        List.of(new Diagnosis.Step("sanctions", 3, 3), new Diagnosis.Step("AND drought", 3, 0)),
        n.clauses());
    assertEquals(List.of(), n.filters());
    SearchRequest filtered =
        new SearchRequest(
            "drought",
            java.time.LocalDate.of(2022, 1, 1),
            java.time.LocalDate.of(2022, 12, 31),
            Map.of("section", List.of("WORLD")),
            Map.of(),
            null,
            1,
            10);
    assertEquals(0, searcher.search(filtered).total());
    Diagnosis.Nothing f = searcher.nothing(filtered);
    assertEquals(List.of(), f.clauses());
    assertEquals(
        List.of(
            new Diagnosis.Step("from=2022-01-01&to=2022-12-31", 3, 3),
            new Diagnosis.Step("section=WORLD", 0, 0)),
        f.filters());
  }
}

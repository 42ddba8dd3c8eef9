package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link HouseFormat#parse} on variations of one short invented article, built here so that the
 * invisible differences (line ends, byte-order marks, tabs, no-break spaces) can be read in the
 * test; the variations of content are files, in {@link HouseFormatFixturesTest}.
 */
class HouseFormatTest {
  static final String BASE =
      """
       date 2021-11-17 WORLD
      Dam talks resume in the capital
      Negotiators met for the first time since the spring.
      By Lena Park
      November 17, 2021

      Delegations from the three countries met on Wednesday.

      They agreed to meet again next month.

      SOURCE:Morgue Wire
      """;

  static final Article BASE_ARTICLE =
      new Article(
          "dam-talks",
          LocalDate.of(2021, 11, 17),
          "WORLD",
          "Dam talks resume in the capital",
          "Negotiators met for the first time since the spring.",
          List.of("Lena Park"),
          List.of(
              "Delegations from the three countries met on Wednesday.",
              "They agreed to meet again next month."),
          "Morgue Wire",
          null);

  private static HouseFormat.Result parse(String text) throws ArticleException {
    return HouseFormat.parse("dam-talks", text);
  }

  private static String eachLine(String text, UnaryOperator<String> f) {
    return text.lines().map(f).collect(Collectors.joining("\n", "", "\n"));
  }

  @Test
  void readsTheBaseArticle() throws ArticleException {
    HouseFormat.Result r = parse(BASE);
    assertEquals(BASE_ARTICLE, r.article());
    assertNull(r.warning());
  }

  static Stream<Arguments> sameArticle() {
    return Stream.of(
        Arguments.of("CRLF line ends", BASE.replace("\n", "\r\n")),
        Arguments.of("CR line ends", BASE.replace("\n", "\r")),
        Arguments.of("a UTF-8 byte-order mark", "\uFEFF" + BASE),
        Arguments.of("a byte-order mark and CRLF", "\uFEFF" + BASE.replace("\n", "\r\n")),
        Arguments.of("leading and trailing spaces", eachLine(BASE, l -> "   " + l + "  ")),
        Arguments.of(
            "tabs around and inside lines",
            eachLine(BASE, l -> "\t" + l.replace(' ', '\t') + "\t")),
        Arguments.of(
            "no-break spaces", eachLine(BASE, l -> "\u00A0" + l.replace(' ', '\u00A0') + "\u00A0")),
        Arguments.of("runs of spaces inside lines", BASE.replace(" ", "   ")),
        Arguments.of(
            "blank lines before the first line and after the last", "\n \n\t\n" + BASE + "\n\n\n"),
        Arguments.of("blank lines that hold white space", BASE.replace("\n\n", "\n \t\u00A0\n")),
        Arguments.of("several blank lines between paragraphs", BASE.replace("\n\n", "\n\n\n\n")),
        Arguments.of("an upper-case DATE keyword", BASE.replace(" date ", "DATE ")),
        Arguments.of(
            "'Source : ' in another case and spacing", BASE.replace("SOURCE:", "Source : ")),
        Arguments.of("no final line end", BASE.strip()),
        Arguments.of(
            "a timestamp on the date line", BASE.replace("2021-11-17", "2021-11-17T09:30:00Z")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void sameArticle(String variation, String text) throws ArticleException {
    HouseFormat.Result r = parse(text);
    assertEquals(BASE_ARTICLE, r.article());
    assertNull(r.warning());
  }

  /** The encodings {@link ArticleFiles} decodes before the parser sees the text. */
  static Stream<Arguments> sameArticleFromBytes() {
    return Stream.of(
        Arguments.of("UTF-8", BASE.getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "UTF-8 with a byte-order mark", ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_8)),
        Arguments.of(
            "UTF-16 big-endian with a byte-order mark",
            ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_16BE)),
        Arguments.of(
            "UTF-16 little-endian with a byte-order mark",
            ("\uFEFF" + BASE).getBytes(StandardCharsets.UTF_16LE)),
        Arguments.of(
            "UTF-16 with a byte-order mark and CRLF",
            ("\uFEFF" + BASE.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_16LE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void sameArticleFromBytes(String encoding, byte[] bytes, @TempDir Path tmp) {
    Path file = Fixtures.write(tmp.resolve("dam-talks.txt"), bytes);
    assertEquals(
        List.of(new ReadEvent.Parsed(BASE_ARTICLE, Location.file(file), null)),
        Fixtures.read(file));
  }

  @Test
  void nonAsciiTextInUtf16() throws Exception {
    String text = BASE.replace("Lena Park", "Recep Tayyip Erdoğan");
    String decoded = ArticleFiles.decode(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE));
    assertEquals(
        List.of("Recep Tayyip Erdoğan"), HouseFormat.parse("x", decoded).article().authors());
  }

  @Test
  void lineBreaksInsideABlankLineSeparatedParagraphJoinIt() throws ArticleException {
    String text = BASE.replace("met on Wednesday.", "met\non Wednesday.");
    assertEquals(BASE_ARTICLE.body(), parse(text).article().body());
  }

  // Regression, found writing these tests (issue 2, point 4: body paragraphs "blank-line or line
  // separated"): the blank line after the header made a body of one paragraph a line look
  // blank-line separated, and all its lines were joined into one paragraph.
  @Test
  void afterTheHeaderBodyLinesWithoutBlankLinesBetweenThemAreParagraphs() throws ArticleException {
    String text = BASE.replace("Wednesday.\n\nThey", "Wednesday.\nThey");
    assertEquals(BASE_ARTICLE, parse(text).article());
    assertEquals(BASE_ARTICLE, parse(text.replace("\n\nSOURCE", "\nSOURCE")).article());
  }

  @Test
  void dateLineWithoutSection() throws ArticleException {
    Article a = parse(BASE.replace(" WORLD\n", "\n")).article();
    assertEquals(LocalDate.of(2021, 11, 17), a.date());
    assertNull(a.section());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "November 17, 2021",
        "Nov. 17, 2021",
        "17 November 2021",
        "Wednesday, November 17, 2021",
        "11/17/2021"
      })
  void humanDateFormsGiveTheDateWhenThereIsNoDateLine(String humanDate) throws ArticleException {
    String text =
        BASE.replace(" date 2021-11-17 WORLD\n", "").replace("November 17, 2021", humanDate);
    HouseFormat.Result r = parse(text);
    assertEquals(
        new Article(
            "dam-talks",
            LocalDate.of(2021, 11, 17),
            null,
            BASE_ARTICLE.title(),
            BASE_ARTICLE.lede(),
            BASE_ARTICLE.authors(),
            BASE_ARTICLE.body(),
            "Morgue Wire",
            null),
        r.article());
    assertNull(r.warning());
  }

  // Regression, found writing these tests (issue 2, point 4: a missing date line): a title that
  // opened with the word "Date" was taken for the date line, and the lede for the title.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Date set for referendum",
        "Date night returns to the old cinema",
        "DATE OF VOTE MOVED"
      })
  void aTitleOpeningWithTheWordDateIsATitle(String title) throws ArticleException {
    HouseFormat.Result r =
        parse(title + "\nVoters will decide in the autumn.\nApril 4, 2022\n\nBody.\n");
    assertEquals(
        new Article(
            "dam-talks",
            LocalDate.of(2022, 4, 4),
            null,
            title,
            "Voters will decide in the autumn.",
            List.of(),
            List.of("Body."),
            null,
            null),
        r.article());
    assertNull(r.warning());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "' date unknown WORLD'  | unknown",
        "' date n/a WORLD'      | n/a",
        "'Date 17.11.2021 WORLD' | 17.11.2021"
      })
  void aDateLineWithAnUnreadableDateIsStillTheDateLine(String line, String date)
      throws ArticleException {
    HouseFormat.Result r =
        parse(BASE.replace(" date 2021-11-17 WORLD", line).replace("November 17, 2021\n", ""));
    assertEquals(
        new Article(
            "dam-talks",
            null,
            "WORLD",
            BASE_ARTICLE.title(),
            BASE_ARTICLE.lede(),
            BASE_ARTICLE.authors(),
            BASE_ARTICLE.body(),
            "Morgue Wire",
            null),
        r.article());
    assertEquals(
        new ReadEvent.Problem(Reason.NO_DATE, "unreadable date '" + date + "'"), r.warning());
  }

  @Test
  void theDateLineWinsOverTheHumanDate() throws ArticleException {
    String text = BASE.replace("November 17, 2021", "November 18, 2021");
    assertEquals(LocalDate.of(2021, 11, 17), parse(text).article().date());
  }

  @Test
  void aLedeOpeningWithByIsNotAByline() throws ArticleException {
    String lede = "By the end of the talks, both sides had agreed on a timetable.";
    Article a =
        parse(BASE.replace("Negotiators met for the first time since the spring.", lede)).article();
    assertEquals(lede, a.lede());
    assertEquals(List.of("Lena Park"), a.authors());
  }

  // Regression, found writing these tests: a byline ending in "Jr." was not a byline (it ends
  // with a full stop, like a sentence), and the lede, byline and human date became body text.
  @Test
  void aBylineEndingInJrIsAByline() throws ArticleException {
    Article a = parse(BASE.replace("By Lena Park", "By Martin Luther King Jr.")).article();
    assertEquals(List.of("Martin Luther King Jr."), a.authors());
    assertEquals(BASE_ARTICLE.lede(), a.lede());
    assertEquals(BASE_ARTICLE.body(), a.body());
  }

  @Test
  void urlAndSourceLinesInEitherOrder() throws ArticleException {
    String url = "URL: https://example.org/a";
    Article afterSource = parse(BASE + url + "\n").article();
    Article beforeSource =
        parse(BASE.replace("SOURCE:Morgue Wire\n", url + "\nSOURCE:Morgue Wire\n")).article();
    for (Article a : List.of(afterSource, beforeSource)) {
      assertEquals("https://example.org/a", a.url());
      assertEquals("Morgue Wire", a.source());
      assertEquals(BASE_ARTICLE.body(), a.body());
    }
  }

  @Test
  void aTitleAndALedeWithoutBodyIsAnArticle() throws ArticleException {
    Article a =
        parse(" date 2021-11-17 WORLD\nDam talks resume\nNegotiators met again.\n").article();
    assertEquals("Negotiators met again.", a.lede());
    assertEquals(List.of(), a.body());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\n", " \t\r\n\u00A0\n", "\uFEFF", "\uFEFF\r\n"})
  void noTextIsEmpty(String text) {
    ArticleException e = assertThrows(ArticleException.class, () -> parse(text));
    assertEquals(Reason.EMPTY, e.reason());
    assertEquals("no text", e.getMessage());
  }

  @Test
  void aDateLineAloneIsMalformed() {
    ArticleException e =
        assertThrows(ArticleException.class, () -> parse(" date 2021-11-17 WORLD\n\n"));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals("no title after the date line", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " date 2021-11-17 WORLD\nDam talks resume in the capital\n",
        "Dam talks resume in the capital\n",
        " date 2021-11-17 WORLD\nDam talks resume in the capital\n\nSOURCE:Morgue Wire\n",
        "Dam talks resume in the capital\nURL: https://example.org/a\n"
      })
  void aTitleAloneIsMalformed(String text) {
    ArticleException e = assertThrows(ArticleException.class, () -> parse(text));
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals("no text after the title", e.getMessage());
  }
}

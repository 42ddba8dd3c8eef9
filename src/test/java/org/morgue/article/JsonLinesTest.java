package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonLines#parse} on one line at a time: the field mapping, and each way a line can fail.
 * Whole files (line numbers, blank lines, a bad line among good ones) are in {@link
 * ArticleFilesTest}; lines in the shape of the real corpora are in {@link DemoCorpusShapeTest} and
 * {@link DevCorpusShapeTest}.
 */
class JsonLinesTest {

  private static JsonLines.Result parse(String json) throws ArticleException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    return JsonLines.parse(b, 0, b.length);
  }

  private static Article article(String json) throws ArticleException {
    return parse(json).article();
  }

  private static ArticleException rejected(String json) {
    return assertThrows(ArticleException.class, () -> parse(json));
  }

  @Test
  void mapsEveryField() throws ArticleException {
    JsonLines.Result r =
        parse(
            """
            {"id": "a-1", "date": "2021-11-17", "section": "WORLD", "title": "Dam talks resume",\
             "lede": "Negotiators met again.", "authors": ["Lena Park", "Omar Haddad"],\
             "body": "First paragraph.\\n\\nSecond paragraph.", "source": "Morgue Wire",\
             "url": "https://example.org/a-1"}\
            """);
    assertEquals(
        new Article(
            "a-1",
            LocalDate.of(2021, 11, 17),
            "WORLD",
            "Dam talks resume",
            "Negotiators met again.",
            List.of("Lena Park", "Omar Haddad"),
            List.of("First paragraph.", "Second paragraph."),
            "Morgue Wire",
            "https://example.org/a-1"),
        r.article());
    assertNull(r.warning());
  }

  @Test
  void onlyIdTitleAndBodyAreNeeded() throws ArticleException {
    assertEquals(
        new Article("a", null, null, "T", null, List.of(), List.of("B"), null, null),
        article("{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"}"));
  }

  @Test
  void aNumericIdIsText() throws ArticleException {
    assertEquals("12345", article("{\"id\": 12345, \"title\": \"T\", \"body\": \"B\"}").id());
  }

  @Test
  void theUrlIsTheIdWhenThereIsNoId() throws ArticleException {
    Article a = article("{\"url\": \"https://example.org/x\", \"title\": \"T\", \"body\": \"B\"}");
    assertEquals("https://example.org/x", a.id());
    assertEquals("https://example.org/x", a.url());
  }

  @ParameterizedTest
  @ValueSource(strings = {"null", "\"\"", "\"  \""})
  void anEmptyIdGivesWayToTheUrl(String id) throws ArticleException {
    assertEquals(
        "https://example.org/x",
        article(
                "{\"id\": "
                    + id
                    + ", \"url\": \"https://example.org/x\", \"title\": \"T\", \"body\": \"B\"}")
            .id());
  }

  @Test
  void textFieldsAreTrimmedAndTheirWhiteSpaceFolded() throws ArticleException {
    Article a =
        article(
            "{\"id\": \" a \", \"title\": \"  Dam\\ttalks \\u00A0resume\\n"
                + "\", \"section\": \" Press  Releases \", \"body\": \" B \"}");
    assertEquals("a", a.id());
    assertEquals("Dam talks resume", a.title());
    assertEquals("Press Releases", a.section());
    assertEquals(List.of("B"), a.body());
  }

  @Test
  void blankOptionalFieldsAreNull() throws ArticleException {
    Article a =
        article(
            "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"section\": \" \", \"source\":"
                + " \"\", \"lede\": null, \"url\": null}");
    assertNull(a.section());
    assertNull(a.source());
    assertNull(a.lede());
    assertNull(a.url());
  }

  // --- body

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"One.\\n\\nTwo.\\n\\nThree.\"",
        "\"One.\\r\\n\\r\\nTwo.\\r\\n\\r\\nThree.\"",
        "\"One.\\n \\t\\u00A0\\nTwo.\\n\\n\\n\\nThree.\"",
        "\"\\n\\nOne.\\n\\nTwo.\\n\\nThree.\\n\\n\"",
        "[\"One.\", \"Two.\", \"Three.\"]",
        "[\"One.\", \"\", \"  \", \"Two.\", \"Three.\"]",
      })
  void bodyAsAStringOfBlankLineSeparatedParagraphsOrAsAnArray(String body) throws ArticleException {
    assertEquals(
        List.of("One.", "Two.", "Three."),
        article("{\"id\": \"a\", \"title\": \"T\", \"body\": " + body + "}").body());
  }

  @Test
  void withBlankLinesBetweenParagraphsTheLinesOfAParagraphJoin() throws ArticleException {
    assertEquals(
        List.of("One a. One b.", "Two."),
        article("{\"id\": \"a\", \"title\": \"T\", \"body\": \"One a.\\nOne b.\\n\\nTwo.\"}")
            .body());
  }

  @Test
  void withoutBlankLinesEachLineIsAParagraph() throws ArticleException {
    assertEquals(
        List.of("One.", "Two.", "Three."),
        article("{\"id\": \"a\", \"title\": \"T\", \"body\": \"One.\\nTwo.\\r\\nThree.\"}").body());
  }

  @Test
  void textIsTheBodyWhenThereIsNoBody() throws ArticleException {
    assertEquals(
        List.of("One.", "Two."),
        article("{\"id\": \"a\", \"title\": \"T\", \"text\": \"One.\\n\\nTwo.\"}").body());
  }

  @Test
  void aFirstParagraphThatRepeatsTheTitleIsDropped() throws ArticleException {
    assertEquals(
        List.of("Negotiators met again."),
        article(
                "{\"id\": \"a\", \"title\": \"Dam talks resume\", \"body\": \"Dam talks resume\\n"
                    + "\\n"
                    + "Negotiators met again.\"}")
            .body());
    assertEquals(
        List.of("Negotiators met again."),
        article(
                "{\"id\": \"a\", \"title\": \"Dam talks resume\", \"body\": [\" Dam  talks resume"
                    + " \", \"Negotiators met again.\"]}")
            .body());
  }

  @Test
  void aTitleRepeatedLaterOrInPartStays() throws ArticleException {
    assertEquals(
        List.of("Dam talks resume today", "Dam talks resume"),
        article(
                "{\"id\": \"a\", \"title\": \"Dam talks resume\", \"body\": \"Dam talks resume"
                    + " today\\n"
                    + "\\n"
                    + "Dam talks resume\"}")
            .body());
  }

  @Test
  void aLedeWithoutBodyIsAnArticle() throws ArticleException {
    Article a = article("{\"id\": \"a\", \"title\": \"T\", \"lede\": \"L\"}");
    assertEquals("L", a.lede());
    assertEquals(List.of(), a.body());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\": \"a\", \"title\": \"T\"}",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"\"}",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \" \\n\\n \"}",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": []}",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": null}",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"T\"}"
      })
  void noBodyAndNoLedeIsMalformed(String json) {
    ArticleException e = rejected(json);
    assertEquals(Reason.MALFORMED, e.reason());
    assertEquals("no 'body' text", e.getMessage());
  }

  // --- lede

  @ParameterizedTest
  @ValueSource(strings = {"lede", "standfirst", "description", "summary"})
  void ledeAndItsAliases(String field) throws ArticleException {
    assertEquals(
        "L",
        article("{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"" + field + "\": \"L\"}")
            .lede());
  }

  @Test
  void ledeWinsOverItsAliasesInOrder() throws ArticleException {
    assertEquals(
        "lede",
        article(
                "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"summary\": \"summary\","
                    + " \"description\": \"description\", \"lede\": \"lede\"}")
            .lede());
    assertEquals(
        "standfirst",
        article(
                "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"summary\": \"summary\","
                    + " \"standfirst\": \"standfirst\"}")
            .lede());
  }

  // --- authors

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"authors\": [\"Lena Park\", \"Omar Haddad\"]",
        "\"authors\": [\" Lena  Park \", \"\", \"Omar Haddad\", \"Lena Park\"]",
        "\"authors\": \"Lena Park and Omar Haddad\"",
        "\"author\": [\"Lena Park\", \"Omar Haddad\"]",
        "\"author\": \"Lena Park, Omar Haddad\"",
        "\"byline\": \"By Lena Park and Omar Haddad\"",
        "\"byline\": \"Lena Park & Omar Haddad\"",
        "\"authors\": [\"Lena Park\", \"Omar Haddad\"], \"byline\": \"By Sofia Ruiz\""
      })
  void authorsFromAnArrayAStringOrAByline(String field) throws ArticleException {
    assertEquals(
        List.of("Lena Park", "Omar Haddad"),
        article("{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", " + field + "}").authors());
  }

  @Test
  void aBylineWithAJobTitleNamesOnePerson() throws ArticleException {
    assertEquals(
        List.of("Antony J. Blinken"),
        article(
                "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"byline\": \"Antony J."
                    + " Blinken, Secretary of State\"}")
            .authors());
  }

  @Test
  void anOfficeInTheBylineIsItsAuthor() throws ArticleException {
    assertEquals(
        List.of("Office of the Spokesperson"),
        article(
                "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"byline\": \"Office of the"
                    + " Spokesperson\"}")
            .authors());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"authors\": []",
        "\"authors\": null",
        "\"byline\": null",
        "\"byline\": \"\"",
        "\"author\": \" \""
      })
  void noAuthors(String field) throws ArticleException {
    assertEquals(
        List.of(),
        article("{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", " + field + "}").authors());
  }

  // --- date

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"date\": \"2021-05-21\"                                   | 2021-05-21",
        "\"date\": \"2021-05-21T01:10:41+00:00\"                    | 2021-05-21",
        "\"date\": \"2021-05-21T23:59:59Z\"                         | 2021-05-21",
        "\"date\": \"2021-05-21 01:10:41\"                          | 2021-05-21",
        "\"date\": \"12/1/16\"                                      | 2016-12-01",
        "\"date\": \"5/21/2021\"                                    | 2021-05-21",
        "\"date\": \"May 21, 2021\"                                 | 2021-05-21",
        "\"datetime\": \"2021-05-21T01:10:41+00:00\"                | 2021-05-21",
        "\"date\": null, \"datetime\": \"2021-05-21T01:10:41+00:00\" | 2021-05-21",
        "\"date\": \"2021-05-20\", \"datetime\": \"2021-05-21T01:10:41+00:00\" | 2021-05-20",
      })
  void dateForms(String field, LocalDate expected) throws ArticleException {
    JsonLines.Result r = parse("{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", " + field + "}");
    assertEquals(expected, r.article().date());
    assertNull(r.warning());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ", \"date\": null",
        ", \"date\": \"\"",
        ", \"date\": \" \", \"datetime\": null"
      })
  void noDateIsAWarningNotARejection(String field) throws ArticleException {
    JsonLines.Result r = parse("{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"" + field + "}");
    assertNull(r.article().date());
    assertEquals(new ReadEvent.Problem(Reason.NO_DATE, "no 'date'"), r.warning());
  }

  @ParameterizedTest
  @ValueSource(strings = {"31/31/2020", "2021-02-30", "yesterday", "20210521"})
  void anUnreadableDateIsAWarningThatQuotesIt(String date) throws ArticleException {
    JsonLines.Result r =
        parse("{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"date\": \"" + date + "\"}");
    assertNull(r.article().date());
    assertEquals(
        new ReadEvent.Problem(Reason.NO_DATE, "unreadable date '" + date + "'"), r.warning());
  }

  // --- what is not an article

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "[1, 2]           | a JSON array, not an object",
        "\"an article\"   | a JSON string, not an object",
        "42               | a JSON number, not an object",
        "true             | a JSON boolean, not an object",
        "null             | a JSON null, not an object",
      })
  void jsonThatIsNotAnObject(String json, String detail) {
    ArticleException e = rejected(json);
    assertEquals(Reason.NOT_AN_ARTICLE, e.reason());
    assertEquals(detail, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"T\", \"body\": \"B\"}",
        "{\"id\": null, \"title\": \"T\", \"body\": \"B\"}",
        "{\"id\": \"\", \"url\": \" \", \"title\": \"T\", \"body\": \"B\"}",
        "{}"
      })
  void noIdAndNoUrl(String json) {
    ArticleException e = rejected(json);
    assertEquals(Reason.NOT_AN_ARTICLE, e.reason());
    assertEquals("no 'id' or 'url'", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\": \"a\", \"body\": \"B\"}",
        "{\"id\": \"a\", \"title\": null, \"body\": \"B\"}",
        "{\"id\": \"a\", \"title\": \" \\n \", \"body\": \"B\"}",
        "{\"id\": \"a\", \"headline\": \"T\", \"body\": \"B\"}"
      })
  void noTitle(String json) {
    ArticleException e = rejected(json);
    assertEquals(Reason.NOT_AN_ARTICLE, e.reason());
    assertEquals("no 'title'", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "\"title\": {\"main\": \"T\"}, \"body\": \"B\" | field 'title' is not a string",
        "\"title\": [\"T\"], \"body\": \"B\"           | field 'title' is not a string",
        "\"title\": \"T\", \"body\": \"B\", \"date\": true | field 'date' is not a string",
        "\"title\": \"T\", \"body\": \"B\", \"date\": {\"y\": 2021} | field 'date' is not a string",
        "\"title\": \"T\", \"body\": \"B\", \"section\": [\"WORLD\"] | field 'section' is not a"
            + " string",
        "\"title\": \"T\", \"body\": \"B\", \"lede\": {} | field 'lede' is not a string",
        "\"title\": \"T\", \"body\": 42                | field 'body' is not a string or array",
        "\"title\": \"T\", \"body\": {\"text\": \"B\"}  | field 'body' is not a string or array",
        "\"title\": \"T\", \"body\": [\"B\", 2]         | 'body' holds a non-string",
        "\"title\": \"T\", \"body\": \"B\", \"authors\": [\"A\", null] | 'authors' holds a"
            + " non-string",
        "\"title\": \"T\", \"body\": \"B\", \"authors\": {\"name\": \"A\"} | field 'authors' is not"
            + " a string",
        "\"title\": \"T\", \"body\": \"B\", \"byline\": false | field 'byline' is not a string",
      })
  void aFieldOfTheWrongType(String fields, String detail) {
    ArticleException e = rejected("{\"id\": \"a\", " + fields + "}");
    assertEquals(Reason.NOT_AN_ARTICLE, e.reason());
    assertEquals(detail, e.getMessage());
  }

  @Test
  void otherFieldsAreIgnored() throws ArticleException {
    assertEquals(
        new Article("a", null, null, "T", null, List.of(), List.of("B"), null, null),
        article(
            "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\", \"dateline\": null, \"licence\":"
                + " \"CC BY 2.5\", \"origin\": {\"repo\": \"x/y\", \"n\": [1, 2]}, \"words\": 1}"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "{\"id\": \"a\",",
        "{'id': 'a'}",
        "{\"id\": \"a\" \"title\": \"T\"}",
        "<html>",
        "}"
      })
  void textThatIsNotJsonIsMalformed(String line) {
    ArticleException e = rejected(line);
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().startsWith("not JSON: "), e.getMessage());
  }

  // Regression, found writing these tests: text after the first JSON value was ignored, so two
  // records run together on one line (a lost line end) silently gave the first and lost the second.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"} {\"id\": \"b\", \"title\": \"T\","
            + " \"body\": \"B\"}",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"}{\"id\": \"b\", \"title\": \"T\","
            + " \"body\": \"B\"}",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"} 42",
        "{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"}]"
      })
  void textAfterTheRecordIsMalformed(String line) {
    ArticleException e = rejected(line);
    assertEquals(Reason.MALFORMED, e.reason());
    assertTrue(e.getMessage().startsWith("not JSON: "), e.getMessage());
  }

  @Test
  void whiteSpaceAroundTheRecordIsFine() throws ArticleException {
    assertEquals("a", article(" \t{\"id\": \"a\", \"title\": \"T\", \"body\": \"B\"} \t ").id());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "E9 | Invalid UTF-8 middle byte 0x22", // Latin-1 e acute, then the closing quote
        "FF | Invalid UTF-8 start byte 0xff",
        "80 | Invalid UTF-8 start byte 0x80", // a continuation byte with nothing before it
      })
  void bytesThatAreNotUtf8AreAnEncodingProblem(String hex, String message) {
    byte[] line =
        Fixtures.bytes(
            Fixtures.utf8("{\"id\": \"a\", \"title\": \"Caf"),
            new byte[] {(byte) Integer.parseInt(hex, 16)},
            Fixtures.utf8("\", \"body\": \"B\"}"));
    ArticleException e =
        assertThrows(ArticleException.class, () -> JsonLines.parse(line, 0, line.length));
    assertEquals(Reason.ENCODING, e.reason());
    assertEquals("not UTF-8: " + message, e.getMessage());
  }

  @Test
  void readsOnlyTheGivenSliceOfTheBuffer() throws ArticleException {
    byte[] b = Fixtures.utf8("xx{\"id\": \"a\", \"title\": \"Erdoğan\", \"body\": \"B\"}yy");
    assertEquals("Erdoğan", JsonLines.parse(b, 2, b.length - 4).article().title());
  }
}

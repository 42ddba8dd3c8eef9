package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link HouseFormat#write} then {@link HouseFormat#parse} gives back an equal article. */
class HouseFormatRoundTripTest {

  static Stream<Arguments> articles() {
    return Stream.of(
            HouseFormatTest.BASE_ARTICLE,
            Fixtures.articles(Fixtures.read(Fixtures.fixture("seed/000_27f0df3f21ae055d.txt")))
                .get(0),
            // every optional field, several authors, a section with spaces
            new Article(
                "state-1",
                LocalDate.of(2022, 1, 14),
                "Press Releases",
                "Office announces a new visa appointment system",
                "The system opens for bookings next month.",
                List.of("Lena Park", "Omar Haddad", "Sofia Ruiz"),
                List.of("Applicants will choose a time online.", "Fees are unchanged."),
                "U.S. Department of State",
                "https://example.org/visa-appointments"),
            // non-ASCII names everywhere
            new Article(
                "tr-1",
                LocalDate.of(2021, 11, 20),
                "WORLD",
                "Erdoğan meets Şahin in Ankara",
                "Recep Tayyip Erdoğan received the mayor.",
                List.of("Ayşe Yılmaz", "Zoë Müller"),
                List.of("Erdoğan and Şahin spoke for an hour."),
                "AA",
                null),
            // a name suffix, written 'By Lena Park Jr. and Omar Haddad'
            new Article(
                "suffix",
                LocalDate.of(2020, 1, 2),
                "WORLD",
                "A title",
                "A lede.",
                List.of("Lena Park Jr.", "Omar Haddad"),
                List.of("Body."),
                null,
                null),
            // only what is required, and a body
            new Article(
                "bare",
                null,
                null,
                "A title",
                null,
                List.of(),
                List.of("One paragraph."),
                null,
                null),
            // no date but a section
            new Article(
                "undated",
                null,
                "LOCAL",
                "A title",
                "A lede.",
                List.of("Mara Lind"),
                List.of("Body."),
                null,
                null),
            // a lede and no body
            new Article(
                "lede-only",
                LocalDate.of(2020, 2, 29),
                "WORLD",
                "A title",
                "Only a lede.",
                List.of(),
                List.of(),
                null,
                null))
        .map(a -> Arguments.argumentSet(a.id(), a));
  }

  @ParameterizedTest
  @MethodSource("articles")
  void writeThenParseGivesAnEqualArticle(Article article) throws ArticleException {
    String text = HouseFormat.write(article);
    assertEquals(article, HouseFormat.parse(article.id(), text).article(), text);
  }

  @ParameterizedTest
  @MethodSource("articles")
  void warnsOnlyWhenTheArticleHasNoDate(Article article) throws ArticleException {
    ReadEvent.Problem warning =
        HouseFormat.parse(article.id(), HouseFormat.write(article)).warning();
    if (article.date() == null) {
      assertEquals(new ReadEvent.Problem(Reason.NO_DATE, "unreadable date 'unknown'"), warning);
    } else {
      assertNull(warning);
    }
  }

  @Test
  void writesTheHouseLayout() {
    assertEquals(
        """
         date 2022-01-14 Press Releases
        Office announces a new visa appointment system
        The system opens for bookings next month.
        By Lena Park and Omar Haddad and Sofia Ruiz
        January 14, 2022

        Applicants will choose a time online.

        Fees are unchanged.

        SOURCE:U.S. Department of State
        URL: https://example.org/visa-appointments
        """,
        HouseFormat.write(
            new Article(
                "state-1",
                LocalDate.of(2022, 1, 14),
                "Press Releases",
                "Office announces a new visa appointment system",
                "The system opens for bookings next month.",
                List.of("Lena Park", "Omar Haddad", "Sofia Ruiz"),
                List.of("Applicants will choose a time online.", "Fees are unchanged."),
                "U.S. Department of State",
                "https://example.org/visa-appointments")));
  }

  @Test
  void writesWhatIsMissingAsLittleAsPossible() {
    assertEquals(
        " date unknown\nA title\n\nOne paragraph.\n\n",
        HouseFormat.write(
            new Article(
                "bare",
                null,
                null,
                "A title",
                null,
                List.of(),
                List.of("One paragraph."),
                null,
                null)));
  }

  @Test
  void lineBreaksInsideAFieldBecomeSpaces() throws ArticleException {
    Article article =
        new Article(
            "x",
            LocalDate.of(2020, 1, 2),
            "WORLD",
            "Two\nline title",
            "A\r\nlede",
            List.of(),
            List.of("One\nparagraph"),
            null,
            null);
    Article back = HouseFormat.parse("x", HouseFormat.write(article)).article();
    assertEquals("Two line title", back.title());
    assertEquals("A lede", back.lede());
    assertEquals(List.of("One paragraph"), back.body());
  }
}

package org.morgue.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * JSON Lines in the shape of {@code ../shared/dev-corpora/news-2012-2020.jsonl.gz}: a 16-character
 * {@code id}, {@code date} as an ISO date, {@code null} or {@code 12/1/16}, a topic {@code
 * section}, the outlet as {@code source}, an {@code authors} array (often empty), and a {@code
 * body} that sometimes opens with the title. Every record is invented; nothing is copied from that
 * corpus.
 */
class DevCorpusShapeTest extends ArticleFormatTest {

  @Override
  String fixture() {
    return "jsonl/dev-corpus-shape.jsonl";
  }

  @Override
  List<Article> expected() {
    return List.of(
        new Article(
            "aB3dE5fG7hJ9kL1m",
            LocalDate.of(2014, 5, 6),
            "education",
            "Survey finds students sleep less before exams",
            null,
            List.of("Mara Lind"),
            List.of(
                "Students sleep about an hour less in the week before exams, a survey of five"
                    + " schools found.",
                "Teachers said they would move some deadlines.",
                "The survey will be repeated next year."),
            "Example Daily",
            "http://www.example.com/2014/05/06/students-sleep-less"),
        // date null: kept, with a NO_DATE warning
        new Article(
            "Zx8Yw7Vu6Ts5Rq4P",
            null,
            "elections",
            "County adds polling stations",
            null,
            List.of(),
            List.of(
                "The county will open four more polling stations in November.",
                "Officials said queues were too long last time."),
            "Example Post",
            "http://www.example.com/politics/county-adds-polling-stations"),
        // date '12/1/16', and a body that opens with the title: that paragraph is dropped
        new Article(
            "Qw1Er2Ty3Ui4Op5A",
            LocalDate.of(2016, 12, 1),
            "terrorism",
            "City reviews security at the main station",
            null,
            List.of("Tomas Berg", "Ines Vale"),
            List.of(
                "The city council ordered a review of security at the main station on Thursday.",
                "The review will take three months."),
            "Example News",
            "http://www.example.com/2016/12/01/city-reviews-station-security"),
        // a body with no line break at all: one paragraph
        new Article(
            "Lk9Jh8Gf7Ds6Aa5S",
            LocalDate.of(2019, 11, 30),
            "world",
            "Ferry line adds a winter route",
            null,
            List.of("Zoë Müller"),
            List.of(
                "The ferry line will run a winter route between the two islands. Tickets go on sale"
                    + " on Monday."),
            "Example Times",
            "https://www.example.com/2019/11/30/world/ferry-winter-route.html"),
        // a blank line that holds a space, and trailing blank lines
        new Article(
            "Mn0Bv9Cx8Zl7Kj6H",
            LocalDate.of(2012, 2, 29),
            "economy",
            "Bakery chain reports a leap-day record",
            null,
            List.of("Lena Park", "Omar Haddad"),
            List.of(
                "A bakery chain said it sold more bread on Wednesday than on any day before.",
                "Its shares rose 2 percent."),
            "Example Wire",
            "http://www.example.com/business/2012/02/29/bakery-leap-day"));
  }

  @Override
  Map<String, ReadEvent.Problem> expectedWarnings() {
    return Map.of("Zx8Yw7Vu6Ts5Rq4P", new ReadEvent.Problem(Reason.NO_DATE, "no 'date'"));
  }
}

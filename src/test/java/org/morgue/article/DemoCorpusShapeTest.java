package org.morgue.article;

import java.time.LocalDate;
import java.util.List;

/**
 * JSON Lines in the shape of {@code ../shared/demo-corpus/*}{@code /*.jsonl} (State Department
 * press releases and Wikinews): {@code id}, {@code date}, {@code datetime}, {@code byline} with a
 * job title, a {@code dateline}, {@code licence} and an {@code origin} object, all with invented
 * text.
 */
class DemoCorpusShapeTest extends ArticleFormatTest {
  private static final String STATE = "U.S. Department of State (state.gov press-releases RSS)";
  private static final String WIKINEWS = "Wikinews (en.wikinews.org)";

  @Override
  String fixture() {
    return "jsonl/demo-corpus-shape.jsonl";
  }

  @Override
  List<Article> expected() {
    return List.of(
        new Article(
            "state:900001",
            LocalDate.of(2021, 6, 3),
            "Press Releases",
            "Secretary\u2019s Call with a Partner Foreign Minister",
            null,
            List.of("Office of the Spokesperson"),
            List.of(
                "The below is attributable to Spokesperson Jane Roe:",
                "The Secretary spoke today with the Foreign Minister of a partner country about a"
                    + " shared plan for clean water.",
                "They agreed to stay in close touch."),
            STATE,
            "https://www.example.gov/secretarys-call-with-a-partner-foreign-minister/"),
        new Article(
            "state:900002",
            LocalDate.of(2021, 7, 4),
            "Press Releases",
            "On the National Day of a Partner Country",
            null,
            List.of("Antony J. Blinken"),
            List.of(
                "On behalf of the United States, I send warm wishes to the people of a partner"
                    + " country on their national day.",
                "We look forward to another year of close work together."),
            STATE,
            "https://www.example.gov/on-the-national-day-of-a-partner-country/"),
        new Article(
            "state:900003",
            LocalDate.of(2022, 2, 10),
            "Press Releases",
            "Deputy Secretary\u2019s Meeting in Madrid",
            null,
            List.of("Wendy R. Sherman"),
            List.of(
                "The Deputy Secretary met officials in Madrid today to discuss energy links across"
                    + " the region."),
            STATE,
            "https://www.example.gov/deputy-secretarys-meeting-in-madrid/"),
        new Article(
            "wikinews:Bridge_reopens_in_river_town_after_floods",
            LocalDate.of(2019, 3, 8),
            null,
            "Bridge reopens in river town after floods",
            null,
            List.of(),
            List.of(
                "The bridge over the river reopened on Friday, a week after flood waters closed"
                    + " it.",
                "Engineers said the structure had not been damaged. Traffic was light in the"
                    + " morning."),
            WIKINEWS,
            "https://en.wikinews.org/wiki/Bridge_reopens_in_river_town_after_floods"),
        new Article(
            "wikinews:Erdoğan_opens_new_airport_terminal",
            LocalDate.of(2020, 1, 15),
            null,
            "Erdoğan opens new airport terminal",
            null,
            List.of(),
            List.of(
                "Turkish President Recep Tayyip Erdoğan opened a new terminal on Wednesday.",
                "The terminal can handle ten million passengers a year, officials said."),
            WIKINEWS,
            "https://en.wikinews.org/wiki/Erdo%C4%9Fan_opens_new_airport_terminal"));
  }
}

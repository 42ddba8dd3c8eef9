package org.morgue.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The house-format variations of issue 2, point 4, one short invented file each in {@code
 * fixtures/house/}: the id is the file name's stem, so each test names the variation it covers.
 * Variations of bytes and white space (CRLF, byte-order marks, tabs, no-break spaces) are built in
 * {@link HouseFormatTest}, where they can be seen.
 */
class HouseFormatFixturesTest extends ArticleFormatTest {
  private static final String WIRE = "Morgue Wire";

  @Override
  String fixture() {
    return "house";
  }

  @Override
  List<Article> expected() {
    return List.of(
        // line 3 starts the body: no standfirst, byline or blank line; one paragraph a line
        new Article(
            "body-on-line-3",
            LocalDate.of(2020, 7, 1),
            "LOCAL",
            "Library extends its opening hours",
            null,
            List.of(),
            List.of(
                "The town library will stay open until nine on weekdays.",
                "Staff said the change follows a survey of readers.",
                "Saturday hours are unchanged."),
            WIRE,
            null),
        // 'By Antony J. Blinken, Secretary of State': the job title is not a second author
        new Article(
            "byline-job-title",
            LocalDate.of(2022, 2, 8),
            "Press Releases",
            "Statement on the national day of a partner country",
            "We send our warm wishes to the people of a close partner.",
            List.of("Antony J. Blinken"),
            List.of("We look forward to another year of close work together."),
            null,
            null),
        new Article(
            "byline-three-names",
            LocalDate.of(2020, 4, 2),
            "WORLD",
            "Three ports join a shipping data pact",
            "The ports will share arrival times of cargo ships.",
            List.of("Lena Park", "Omar Haddad", "Sofia Ruiz"),
            List.of("The pact was signed on Thursday."),
            WIRE,
            null),
        new Article(
            "byline-two-names",
            LocalDate.of(2020, 4, 1),
            "WORLD",
            "Ministers agree on a shared rail timetable",
            "Trains between the two capitals will run every hour.",
            List.of("Lena Park", "Omar Haddad"),
            List.of("The timetable starts in June."),
            WIRE,
            null),
        // after the header's blank line, one paragraph a line with no blank line between them
        new Article(
            "lines-as-paragraphs",
            LocalDate.of(2020, 8, 12),
            "LOCAL",
            "Night buses return to the city centre",
            "Four routes will run on Friday and Saturday nights.",
            List.of("Tomas Berg"),
            List.of(
                "The first buses leave the main square at midnight.",
                "Tickets cost the same as in the daytime.",
                "The council will review the trial after six months."),
            WIRE,
            null),
        new Article(
            "missing-byline",
            LocalDate.of(2020, 3, 3),
            "BUSINESS",
            "Bakery chain opens its hundredth shop",
            "The family firm started with one oven in 1987.",
            List.of(),
            List.of("The new shop opened on Tuesday in the old station hall."),
            WIRE,
            null),
        new Article(
            "missing-human-date",
            LocalDate.of(2020, 3, 4),
            "SPORT",
            "Local club wins the cup after extra time",
            "A late goal settled a tense final.",
            List.of("Tomas Berg"),
            List.of(
                "The match was level after ninety minutes.",
                "A header in the last minute of extra time decided it."),
            WIRE,
            null),
        new Article(
            "missing-source",
            LocalDate.of(2020, 3, 5),
            "SCIENCE",
            "Telescope finds a cold planet",
            "Astronomers describe a world far from its star.",
            List.of("Ines Vale"),
            List.of("The planet takes about forty years to go round its star."),
            null,
            null),
        new Article(
            "missing-standfirst",
            LocalDate.of(2020, 3, 2),
            "WORLD",
            "Flood waters recede in river town",
            null,
            List.of("Mara Lind"),
            List.of(
                "Residents of the river town began cleaning their homes on Monday as the water"
                    + " fell.",
                "The mayor said the bridge would reopen within a week."),
            WIRE,
            null),
        // no date line and no human date: kept, with a NO_DATE warning
        new Article(
            "no-date-at-all",
            null,
            null,
            "Museum reopens its north wing",
            "Visitors can see the restored ceiling again.",
            List.of(),
            List.of("The wing was closed for three years."),
            WIRE,
            null),
        // no date line: the date comes from the human date, and there is no section
        new Article(
            "no-date-line",
            LocalDate.of(2019, 9, 8),
            null,
            "Harbour crane collapses in high winds",
            "No one was hurt when the crane fell onto an empty quay.",
            List.of("Pieter de Vries"),
            List.of("The crane had been out of use since the spring."),
            WIRE,
            null),
        new Article(
            "non-ascii-names",
            LocalDate.of(2021, 11, 20),
            "WORLD",
            "Erdoğan meets Şahin in Ankara",
            "Recep Tayyip Erdoğan received the mayor at the presidential complex.",
            List.of("Ayşe Yılmaz", "Zoë Müller"),
            List.of("Erdoğan and Şahin spoke for an hour, officials in Ankara said."),
            "TRTWorld and agencies",
            null),
        new Article(
            "section-with-spaces",
            LocalDate.of(2022, 1, 14),
            "Press Releases",
            "Office announces a new visa appointment system",
            "The system opens for bookings next month.",
            List.of("Office of the Spokesperson"),
            List.of("Applicants will be able to choose a time online."),
            WIRE,
            null),
        // 'SOURCE: AA', with a space after the colon
        new Article(
            "source-with-space",
            LocalDate.of(2021, 6, 10),
            "TURKEY",
            "Ferry service resumes across the strait",
            "Boats ran again after a two-day storm.",
            List.of("Deniz Kaya"),
            List.of("The first ferry left at seven in the morning."),
            "AA",
            null),
        // no date line, and a title that opens with the word "Date": a title, not a date line
        new Article(
            "title-starts-with-date",
            LocalDate.of(2022, 4, 4),
            null,
            "Date set for referendum on new constitution",
            "Voters will decide on the draft in the autumn.",
            List.of("Tomas Berg"),
            List.of("Parliament approved the timetable on Monday."),
            WIRE,
            null),
        // an unreadable date line (31/31/2021) gives way to the human date, without a warning
        new Article(
            "unreadable-date-with-human-date",
            LocalDate.of(2021, 3, 3),
            "WORLD",
            "Election result confirmed after the recount",
            "The second count matched the first.",
            List.of("Mara Lind"),
            List.of("The commission published the final figures on Wednesday."),
            WIRE,
            null),
        // an unreadable date line (2021-02-30) and no human date: kept, with a NO_DATE warning
        new Article(
            "unreadable-date",
            null,
            "WORLD",
            "Election result delayed by a recount",
            "Officials began counting the ballots again.",
            List.of("Mara Lind"),
            List.of("The recount is expected to take two days."),
            WIRE,
            null),
        // Morgue's own optional last line
        new Article(
            "url-line",
            LocalDate.of(2022, 5, 2),
            "Press Releases",
            "Statement on the anniversary of the treaty",
            "The treaty entered into force thirty years ago today.",
            List.of("Office of the Spokesperson"),
            List.of("We mark the anniversary with our partners."),
            WIRE,
            "https://example.org/statements/treaty-anniversary"));
  }

  @Override
  Map<String, ReadEvent.Problem> expectedWarnings() {
    return Map.of(
        "no-date-at-all", new ReadEvent.Problem(Reason.NO_DATE, "no date line"),
        "unreadable-date", new ReadEvent.Problem(Reason.NO_DATE, "unreadable date '2021-02-30'"));
  }
}

package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Dates#parse}: the forms real exports carry, and what is not a date. */
class DatesTest {

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // ISO dates and timestamps: the date part, as written (no time-zone shift)
        "2021-11-17                | 2021-11-17",
        "2021-05-21T01:10:41+00:00 | 2021-05-21",
        "2021-05-21T23:59:59-05:00 | 2021-05-21",
        "2021-05-21T01:10:41Z      | 2021-05-21",
        "2021-05-21T01:10:41.123Z  | 2021-05-21",
        "2021-05-21 01:10:41       | 2021-05-21",
        "2020-02-29                | 2020-02-29",
        // US short dates, month first; two-digit years are 20xx
        "12/1/16                   | 2016-12-01",
        "1/2/16                    | 2016-01-02",
        "01/02/2016                | 2016-01-02",
        "12/1/2016                 | 2016-12-01",
        "2/29/20                   | 2020-02-29",
        // written dates, any case, with or without abbreviation dots
        "November 17, 2021         | 2021-11-17",
        "november 17, 2021         | 2021-11-17",
        "NOVEMBER 17, 2021         | 2021-11-17",
        "Nov. 17, 2021             | 2021-11-17",
        "Nov 17, 2021              | 2021-11-17",
        "Sept. 5, 2021             | 2021-09-05",
        "Sep. 5, 2021              | 2021-09-05",
        "September 5, 2021         | 2021-09-05",
        "17 November 2021          | 2021-11-17",
        "17 Nov 2021               | 2021-11-17",
        "Wednesday, November 17, 2021 | 2021-11-17",
      })
  void reads(String text, LocalDate date) {
    assertEquals(Optional.of(date), Dates.parse(text));
  }

  @Test
  void surroundingWhiteSpaceIsIgnored() {
    assertEquals(Optional.of(LocalDate.of(2021, 11, 17)), Dates.parse(" \tNovember 17, 2021 \n"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        " ",
        "2021-02-30", // no such day
        "2021-13-01",
        "2021-11-17x",
        "31/31/2020",
        "13/1/16", // month first: there is no month 13
        "2/30/16",
        "November 31, 2021",
        "Movember 17, 2021",
        "17.11.2021",
        "2021/11/17",
        "20211117",
        "yesterday",
        "unknown",
        "By Lena Park",
        "November 2021",
        "2021"
      })
  void givesNothingForWhatIsNotADate(String text) {
    assertEquals(Optional.empty(), Dates.parse(text));
  }
}

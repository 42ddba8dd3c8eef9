package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link DayRange}: the one reader of the dates a search writes ({@code from}, {@code date:}). */
class DayRangeTest {
  @ParameterizedTest
  @CsvSource({
    "2021-11-17, 2021-11-17, 2021-11-17",
    "2021-11, 2021-11-01, 2021-11-30",
    "2024-02, 2024-02-01, 2024-02-29",
    "2021, 2021-01-01, 2021-12-31",
    "' 2021-11 ', 2021-11-01, 2021-11-30",
  })
  void aDayAMonthOrAYearIsItsDays(String text, LocalDate first, LocalDate last) {
    assertEquals(Optional.of(new DayRange(first, last)), DayRange.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "yesterday",
        "2021-02-30",
        "2021-13",
        "21",
        "2021-1",
        "2021-11-17T10:00",
        "+10000-01-01",
        "2021*"
      })
  void anythingElseIsNoDate(String text) {
    assertEquals(Optional.empty(), DayRange.parse(text));
  }
}

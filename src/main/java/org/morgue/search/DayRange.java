package org.morgue.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A day, a month or a year, as a search writes a date, and the days it spans: {@code 2021-11-17} is
 * that day, {@code 2021-11} the days of November 2021, {@code 2021} the days of 2021. The one
 * reader of such dates: the {@code from} and {@code to} parameters (and the command line's {@code
 * --from}, {@code --to}) and {@code date:} in a query all read them here.
 *
 * @param first the first day, inclusive
 * @param last the last day, inclusive
 */
public record DayRange(LocalDate first, LocalDate last) {
  private static final Pattern YEAR = Pattern.compile("\\d{4}");
  private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
  private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /**
   * The days a date spans, surrounding spaces ignored: {@code parse("2021-11")} is November 1st to
   * 30th, 2021; {@code parse("2020")} is 2020-01-01 to 2020-12-31.
   *
   * @return empty when {@code text} is none of the three forms, or no real date ({@code
   *     2021-02-30}, {@code 2021-13})
   */
  public static Optional<DayRange> parse(String text) {
    String t = text.strip();
    try {
      if (YEAR.matcher(t).matches()) {
        int year = Integer.parseInt(t);
        return Optional.of(new DayRange(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)));
      }
      if (MONTH.matcher(t).matches()) {
        YearMonth month = YearMonth.parse(t);
        return Optional.of(new DayRange(month.atDay(1), month.atEndOfMonth()));
      }
      if (DAY.matcher(t).matches()) {
        LocalDate day = LocalDate.parse(t);
        return Optional.of(new DayRange(day, day));
      }
    } catch (DateTimeException e) {
      // no such day or month: as for any other text that is not a date
    }
    return Optional.empty();
  }
}

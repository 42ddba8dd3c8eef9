package org.morgue.article;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the dates that real exports carry: ISO dates and timestamps ({@code 2021-11-17}, {@code
 * 2021-05-21T01:10:41+00:00}), US short dates ({@code 12/1/16}, {@code 12/1/2016}) and written
 * dates ({@code November 17, 2021}, {@code Nov. 17, 2021}, {@code 17 November 2021}).
 */
public final class Dates {
  private static final Pattern ISO_PREFIX = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})([T ].*)?$");
  private static final List<DateTimeFormatter> WRITTEN =
      List.of(
          formatter("MMMM d, uuuu"),
          formatter("MMM d, uuuu"),
          formatter("d MMMM uuuu"),
          formatter("d MMM uuuu"),
          formatter("EEEE, MMMM d, uuuu"),
          formatter("M/d/uuuu"),
          // two-digit years: 12/1/16 is 2016 (the base year keeps them in 2000-2099)
          new DateTimeFormatterBuilder()
              .appendPattern("M/d/")
              .appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 2000)
              .toFormatter(Locale.ROOT)
              .withResolverStyle(ResolverStyle.STRICT));

  private Dates() {}

  private static DateTimeFormatter formatter(String pattern) {
    return new DateTimeFormatterBuilder()
        .parseCaseInsensitive()
        .appendPattern(pattern)
        .toFormatter(Locale.ENGLISH)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  /**
   * Parses {@code text} as one of the accepted forms.
   *
   * @return the date, or empty when the text is blank or in no accepted form
   */
  public static Optional<LocalDate> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.strip().replace("Sept.", "Sep.").replace(".", "");
    var iso = ISO_PREFIX.matcher(t);
    if (iso.matches()) {
      try {
        return Optional.of(LocalDate.parse(iso.group(1)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    for (DateTimeFormatter f : WRITTEN) {
      try {
        return Optional.of(LocalDate.parse(t, f));
      } catch (DateTimeParseException e) {
        // try the next form
      }
    }
    return Optional.empty();
  }
}

package org.morgue.search;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The matches of a search over time: consecutive buckets of a day, week (from Monday), month,
 * quarter or year, each with its matching articles and all the archive's articles of that period
 * (so that a page can show coverage as a share). Buckets run from the first to the last day asked
 * ({@code from}, {@code to}) or, when not asked, matched, within the archive's span; empty buckets
 * between are kept, so the buckets are a timeline. Each bucket counts its whole period (a week from
 * Monday, a whole month, a quarter from January, April, July or October), cut only by {@code from}
 * and {@code to}. Articles without a date are counted apart.
 *
 * <p>Each bucket also carries its <em>base</em>, the denominator of a share: the articles of the
 * period that the search's filters keep (its facet values, exclusions and dates, not its words).
 * With no filter it is the archive's own, {@code all}; {@code baseQuery} is the canonical query
 * string of the base's search ({@code ""} for the whole archive), so that the share of "ceasefire"
 * with {@code section=Press Releases} is a share of the Press Releases desk's articles.
 *
 * <p>When no interval is asked, the span chooses it: up to {@value #DAYS_FOR_DAY} days by day, up
 * to {@value #DAYS_FOR_WEEK} by week, up to {@value #DAYS_FOR_MONTH} (15 years) by month, beyond by
 * year. An interval that would give more than {@value #MAX_BUCKETS} buckets is widened, with a
 * warning (years are never widened).
 *
 * @param interval the bucket
 * @param undated matching articles without a date
 * @param buckets the buckets, oldest first
 * @param baseQuery the query string of the articles each bucket's {@code base} counts: the search's
 *     filters without its words; {@code ""} when that is the whole archive
 */
public record Histogram(
    SearchRequest.Interval interval, long undated, List<Bucket> buckets, String baseQuery) {
  static final int DAYS_FOR_DAY = 92;
  static final int DAYS_FOR_WEEK = 731;
  static final int DAYS_FOR_MONTH = 5479;

  /** The most buckets a histogram gives. */
  public static final int MAX_BUCKETS = 2000;

  /**
   * One period.
   *
   * @param start its first day
   * @param count matching articles
   * @param all the archive's articles of the period
   * @param base the articles of the period that the search's filters keep (the share's
   *     denominator); {@code all} when it has none
   */
  public record Bucket(LocalDate start, long count, long all, long base) {}

  /** A histogram of a search without filters: the base is the archive. */
  public Histogram(SearchRequest.Interval interval, long undated, List<Bucket> buckets) {
    this(interval, undated, buckets, "");
  }

  /**
   * The histogram of some matches.
   *
   * @param matches the matching articles by day
   * @param undated matching articles without a date
   * @param state the reader: the archive's span and its articles by day
   * @param request its {@code from}, {@code to} and {@code interval}
   * @param warnings told when the asked interval was widened
   */
  static Histogram of(
      DayCounts matches,
      long undated,
      ArchiveDays state,
      SearchRequest request,
      List<String> warnings) {
    return of(matches, undated, null, "", state, request, warnings);
  }

  /**
   * The histogram of some matches, each bucket's base counted by {@code base}.
   *
   * @param base the articles the search's filters keep, by day; {@code null} for the archive's
   * @param baseQuery the query string of {@code base}
   */
  static Histogram of(
      DayCounts matches,
      long undated,
      DayCounts base,
      String baseQuery,
      ArchiveDays state,
      SearchRequest request,
      List<String> warnings) {
    long lo = request.from() != null ? request.from().toEpochDay() : matches.first();
    long hi = request.to() != null ? request.to().toEpochDay() : matches.last();
    return over(lo, hi, matches, undated, base, baseQuery, state, request, warnings);
  }

  /**
   * The histogram of the days {@code lo} to {@code hi} (epoch days, cut to the archive's span):
   * several searches over one span share their buckets.
   */
  static Histogram over(
      long lo,
      long hi,
      DayCounts matches,
      long undated,
      DayCounts base,
      String baseQuery,
      ArchiveDays state,
      SearchRequest request,
      List<String> warnings) {
    lo = Math.max(lo, state.minDay());
    hi = Math.min(hi, state.maxDay());
    SearchRequest.Interval interval = request.interval();
    if (lo > hi) { // nothing dated matched, or the range lies outside the archive
      return new Histogram(
          interval == null ? SearchRequest.Interval.DAY : interval, undated, List.of(), baseQuery);
    }
    LocalDate first = LocalDate.ofEpochDay(lo);
    LocalDate last = LocalDate.ofEpochDay(hi);
    if (interval == null) {
      long span = hi - lo + 1;
      interval =
          span <= DAYS_FOR_DAY
              ? SearchRequest.Interval.DAY
              : span <= DAYS_FOR_WEEK
                  ? SearchRequest.Interval.WEEK
                  : span <= DAYS_FOR_MONTH
                      ? SearchRequest.Interval.MONTH
                      : SearchRequest.Interval.YEAR;
    }
    SearchRequest.Interval asked = interval;
    while (interval != SearchRequest.Interval.YEAR
        && bucketCount(first, last, interval) > MAX_BUCKETS) {
      interval = SearchRequest.Interval.values()[interval.ordinal() + 1];
    }
    if (interval != asked) {
      warnings.add(
          "interval "
              + asked.param()
              + " would give more than "
              + MAX_BUCKETS
              + " buckets; "
              + interval.param()
              + " was used");
    }
    // a bucket counts its whole period, cut only by the asked from and to: the share of all
    // articles in a month is then that month's, though the matches start in its middle
    long askedLo = request.from() != null ? request.from().toEpochDay() : Long.MIN_VALUE;
    long askedHi = request.to() != null ? request.to().toEpochDay() : Long.MAX_VALUE;
    List<Bucket> buckets = new ArrayList<>();
    for (LocalDate start = start(first, interval);
        !start.isAfter(last);
        start = next(start, interval)) {
      long from = Math.max(start.toEpochDay(), askedLo);
      long to = Math.min(next(start, interval).toEpochDay() - 1, askedHi);
      long all = state.allDays().sum(from, to);
      buckets.add(
          new Bucket(start, matches.sum(from, to), all, base == null ? all : base.sum(from, to)));
    }
    return new Histogram(interval, undated, buckets, baseQuery);
  }

  private static long bucketCount(
      LocalDate first, LocalDate last, SearchRequest.Interval interval) {
    return switch (interval) {
      case DAY -> last.toEpochDay() - first.toEpochDay() + 1;
      case WEEK ->
          (start(last, interval).toEpochDay() - start(first, interval).toEpochDay()) / 7 + 1;
      case MONTH ->
          (last.getYear() - first.getYear()) * 12L
              + last.getMonthValue()
              - first.getMonthValue()
              + 1;
      case QUARTER ->
          ((last.getYear() - first.getYear()) * 12L
                      + last.getMonthValue()
                      - 1
                      - (start(first, interval).getMonthValue() - 1))
                  / 3
              + 1;
      case YEAR -> last.getYear() - first.getYear() + 1L;
    };
  }

  /** The first day of the bucket holding {@code day}. */
  static LocalDate start(LocalDate day, SearchRequest.Interval interval) {
    return switch (interval) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case QUARTER -> LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  /** The last day of the bucket that starts on {@code start}. */
  public static LocalDate end(LocalDate start, SearchRequest.Interval interval) {
    return next(start, interval).minusDays(1);
  }

  private static LocalDate next(LocalDate start, SearchRequest.Interval interval) {
    return switch (interval) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case QUARTER -> start.plusMonths(3);
      case YEAR -> start.plusYears(1);
    };
  }

  /** The interval's parameter value. */
  public String intervalName() {
    return interval.name().toLowerCase(Locale.ROOT);
  }
}

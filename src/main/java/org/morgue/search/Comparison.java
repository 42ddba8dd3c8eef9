package org.morgue.search;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Several searches over time on one chart: each series a whole search (its words, dates and
 * filters), all counted in the same buckets, each with its own base (the articles its filters
 * keep), so that shares compare like with like.
 *
 * <p>Its query string: {@code s} once a series (1 to {@value #MAX_SERIES}), each a search's query
 * string, percent-encoded, that may carry its {@code name}; {@code interval} for all of them (a
 * series' own is ignored). Example: {@code
 * s=q%3Dceasefire%26name%3DCeasefire&s=q%3Dtruce%26section%3DWORLD&interval=month}.
 *
 * @param interval the buckets asked, or {@code null} to choose them from the span of all series
 * @param series the searches, in order
 * @param warnings what was ignored in reading it
 */
public record Comparison(
    SearchRequest.Interval interval, List<Series> series, List<String> warnings) {
  /** The most series one comparison holds. */
  public static final int MAX_SERIES = 8;

  /** The parameter of a series. */
  public static final String SERIES = "s";

  /** The parameter of a series' name, inside its query string. */
  public static final String NAME = "name";

  /** The longest name of a series. */
  public static final int MAX_NAME = 100;

  /**
   * One search of a comparison.
   *
   * @param name its label: the {@code name} given, or its query string
   * @param request the search
   */
  public record Series(String name, SearchRequest request) {}

  /**
   * One series counted.
   *
   * @param series the search
   * @param total its matching articles
   * @param histogram its buckets, the same periods as every other series'
   */
  public record Counted(Series series, long total, Histogram histogram) {}

  /**
   * A comparison's answer.
   *
   * @param interval the buckets used
   * @param series each series' counts, in the order asked
   * @param tookMs the time it took
   * @param timedOut whether a search was cut by the time limit
   * @param warnings what was ignored
   */
  public record Result(
      SearchRequest.Interval interval,
      List<Counted> series,
      long tookMs,
      boolean timedOut,
      List<String> warnings) {}

  /**
   * Reads a comparison from its parameters.
   *
   * @throws InvalidRequestException naming {@code s} when there is no series or more than {@value
   *     #MAX_SERIES}, or the parameter of a series that is bad (its message says which series)
   */
  public static Comparison parse(Map<String, List<String>> params) {
    List<String> warnings = new ArrayList<>();
    List<String> given =
        params.getOrDefault(SERIES, List.of()).stream().filter(v -> !v.isBlank()).toList();
    if (given.isEmpty()) {
      throw new InvalidRequestException(
          SERIES, "a comparison needs at least one series: s=QUERY (e.g. s=q%3Dceasefire)");
    }
    if (given.size() > MAX_SERIES) {
      throw new InvalidRequestException(
          SERIES, "a comparison holds at most " + MAX_SERIES + " series, not " + given.size());
    }
    SearchRequest.Interval interval = null;
    for (Map.Entry<String, List<String>> e : params.entrySet()) {
      if (e.getKey().equals(SERIES)) {
        continue;
      }
      if (e.getKey().equals("interval")) {
        interval = SearchParameters.parse(Map.of("interval", e.getValue())).request().interval();
      } else {
        warnings.add("unknown parameter '" + e.getKey() + "' was ignored");
      }
    }
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String qs = given.get(i).startsWith("?") ? given.get(i).substring(1) : given.get(i);
      Map<String, List<String>> own = SearchParameters.decode(qs);
      SearchParameters.Parsed p;
      try {
        p = SearchParameters.parse(own, Set.of(NAME));
      } catch (InvalidRequestException ex) {
        String parameter = ex.parameter() == null ? SERIES : ex.parameter();
        String message = "series " + (i + 1) + ": " + ex.getMessage();
        throw ex.tooLarge()
            ? InvalidRequestException.tooLarge(parameter, message)
            : new InvalidRequestException(parameter, message, ex.position());
      }
      for (String w : p.warnings()) {
        warnings.add("series " + (i + 1) + ": " + w);
      }
      String name =
          own.getOrDefault(NAME, List.of()).stream()
              .filter(v -> !v.isBlank())
              .map(String::strip)
              .findFirst()
              .orElse(null);
      SearchRequest request = p.request();
      if (name == null) {
        name = SearchParameters.toQueryString(request);
        name = name.isEmpty() ? "all articles" : name;
      }
      if (name.length() > MAX_NAME) {
        name = name.substring(0, MAX_NAME - 1) + "…";
      }
      series.add(new Series(name, request));
    }
    return new Comparison(interval, List.copyOf(series), List.copyOf(warnings));
  }

  /** A series' query string, with its name when one was given. */
  public static String queryString(Series s) {
    return SearchParameters.toQueryString(s.request());
  }

  /**
   * The comparison as CSV (RFC 4180, a header row), one row a series and bucket: {@code
   * series,name,query,start,end,count,base,share,all} ({@code share} is {@code count/base}, empty
   * when the base is 0: a period without articles is a gap, not a zero).
   */
  public static void csv(Result r, Writer out) throws IOException {
    out.write("series,name,query,start,end,count,base,share,all\r\n");
    int i = 0;
    for (Counted c : r.series()) {
      i++;
      List<Histogram.Bucket> buckets = c.histogram().buckets();
      for (Histogram.Bucket b : buckets) {
        out.write(Integer.toString(i));
        out.write(',');
        out.write(CsvExport.field(c.series().name()));
        out.write(',');
        out.write(CsvExport.field(SearchParameters.toQueryString(c.series().request())));
        out.write(',');
        out.write(b.start().toString());
        out.write(',');
        out.write(Histogram.end(b.start(), r.interval()).toString());
        out.write(',');
        out.write(Long.toString(b.count()));
        out.write(',');
        out.write(Long.toString(b.base()));
        out.write(',');
        out.write(
            b.base() == 0 ? "" : String.format(Locale.ROOT, "%.6f", (double) b.count() / b.base()));
        out.write(',');
        out.write(Long.toString(b.all()));
        out.write("\r\n");
      }
    }
    out.flush();
  }

  /**
   * What a backend counted of one series: its matches by day, the undated among them, its total,
   * its base by day ({@code null} when the whole archive is its base), the warnings of its query,
   * and whether the time limit cut it.
   */
  record SeriesCount(
      DayCounts days,
      long undated,
      long total,
      DayCounts base,
      List<String> warnings,
      boolean timedOut) {}

  /** How a backend counts one series' search. */
  interface SeriesCounter {
    SeriesCount count(SearchRequest request) throws IOException;
  }

  /**
   * The answer of a comparison, the same on every backend: each series counted by {@code counter}
   * (a query that does not parse refused with the series' number), then all bucketed over the same
   * span (from the first day any series asks or matches to the last) and interval.
   */
  static Result compute(
      Comparison comparison, ArchiveDays archive, SeriesCounter counter, long startNanos)
      throws IOException {
    List<String> warnings = new ArrayList<>(comparison.warnings());
    int n = comparison.series().size();
    DayCounts[] matches = new DayCounts[n];
    DayCounts[] bases = new DayCounts[n];
    long[] totals = new long[n];
    long[] undated = new long[n];
    boolean timedOut = false;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      SearchRequest request = comparison.series().get(i).request();
      SeriesCount c;
      try {
        c = counter.count(request);
      } catch (InvalidRequestException e) {
        throw new InvalidRequestException(
            e.parameter(), "series " + (i + 1) + ": " + e.getMessage(), e.position());
      }
      matches[i] = c.days();
      totals[i] = c.total();
      undated[i] = c.undated();
      bases[i] = c.base();
      for (String w : c.warnings()) {
        warnings.add("series " + (i + 1) + ": " + w);
      }
      timedOut |= c.timedOut();
      lo = Math.min(lo, request.from() != null ? request.from().toEpochDay() : c.days().first());
      hi = Math.max(hi, request.to() != null ? request.to().toEpochDay() : c.days().last());
    }
    return result(
        comparison,
        lo,
        hi,
        matches,
        undated,
        bases,
        totals,
        archive,
        timedOut,
        warnings,
        startNanos);
  }

  /**
   * The answer of a comparison from each series' counts: every series bucketed over the same span
   * ({@code lo} to {@code hi}, epoch days) and interval, as either backend counted them.
   */
  private static Result result(
      Comparison comparison,
      long lo,
      long hi,
      DayCounts[] matches,
      long[] undated,
      DayCounts[] bases,
      long[] totals,
      ArchiveDays archive,
      boolean timedOut,
      List<String> warnings,
      long startNanos) {
    List<Counted> counted = new ArrayList<>();
    List<String> widened = new ArrayList<>();
    for (int i = 0; i < comparison.series().size(); i++) {
      Series series = comparison.series().get(i);
      SearchRequest request = series.request().withInterval(comparison.interval());
      Histogram h =
          Histogram.over(
              lo,
              hi,
              matches[i],
              undated[i],
              bases[i],
              ArchiveSearcher.baseQueryString(request),
              archive,
              request,
              i == 0 ? widened : new ArrayList<>());
      counted.add(new Counted(series, totals[i], h));
    }
    List<String> all = new ArrayList<>(warnings);
    all.addAll(widened);
    return new Result(
        counted.get(0).histogram().interval(),
        List.copyOf(counted),
        (System.nanoTime() - startNanos) / 1_000_000,
        timedOut,
        List.copyOf(all));
  }
}

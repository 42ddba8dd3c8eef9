package org.morgue.search;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.morgue.index.Fields;

/**
 * A batch of searches as a table of counts: each search (a row) counted by year, by month or by the
 * values of a facet dimension (the columns), under the same date range and filters.
 *
 * <p><b>How a line is read.</b> Each line is one search, read exactly as the search box reads a
 * query: quotes make a phrase only where the line has them, and a comma is no operator (as in the
 * search box, it separates nothing: {@code iran, sanctions} is the two words). A name may come
 * first, separated from the query by a tab (as a two-column range pasted from a spreadsheet is):
 * {@code Sanctions<TAB>sanctions W/3 iran}. Without a tab the name is the query. Blank lines are
 * skipped.
 */
public final class BatchTable {
  /** The most searches a batch may hold. */
  public static final int MAX_SEARCHES = 100;

  /** The most columns a table may have. */
  public static final int MAX_COLUMNS = 600;

  /** The values of a facet dimension given unless asked otherwise. */
  public static final int DEFAULT_VALUES = 20;

  /** The most values of a facet dimension a table may have. */
  public static final int MAX_VALUES = 100;

  private BatchTable() {}

  /**
   * One line of the batch.
   *
   * @param name its name (the query when none is given)
   * @param q the query
   */
  public record Line(String name, String q) {
    /**
     * Reads one line: {@code NAME<TAB>QUERY} or {@code QUERY}; {@code null} for a blank line.
     * Nothing else is interpreted: quotes and commas stay as written.
     */
    public static Line read(String line) {
      if (line == null || line.isBlank()) {
        return null;
      }
      int tab = line.indexOf('\t');
      String q = (tab < 0 ? line : line.substring(tab + 1)).strip();
      String name = tab < 0 ? q : line.substring(0, tab).strip();
      return new Line(name.isEmpty() ? q : name, q);
    }
  }

  /**
   * What the columns are.
   *
   * @param param {@code year}, {@code month} or a facet dimension
   */
  public record By(String param) {
    public static By of(String raw) {
      String p = raw == null || raw.isBlank() ? "year" : raw.strip().toLowerCase(Locale.ROOT);
      if (!p.equals("year") && !p.equals("month") && !Fields.FACETS.contains(p)) {
        throw new InvalidRequestException(
            "by",
            "by must be year, month or one of the facet dimensions "
                + Fields.FACETS
                + ", not '"
                + raw
                + "'");
      }
      return new By(p);
    }

    boolean time() {
      return param.equals("year") || param.equals("month");
    }
  }

  /**
   * One column: a period ({@code from}, {@code to}, within the batch's date range) or a facet value
   * ({@code dimension}, {@code value}).
   *
   * @param label {@code 2021}, {@code 2021-03}, or the value
   * @param total the articles of all the rows in it
   */
  public record Column(
      String label, LocalDate from, LocalDate to, String dimension, String value, long total) {}

  /**
   * One search.
   *
   * @param name its name
   * @param q its query
   * @param queryString the canonical query string of the search with the batch's filters
   * @param total its articles
   * @param counts its articles in each column, in the columns' order
   * @param timedOut whether the time limit cut it (or it was not run: counts then empty)
   */
  public record Row(
      String name, String q, String queryString, long total, List<Long> counts, boolean timedOut) {}

  /**
   * The table.
   *
   * @param by what the columns are
   * @param columns the columns
   * @param rows the searches, in the batch's order
   * @param timedOut whether a search was cut or not run for the batch's time limit
   */
  public record Table(
      String by, List<Column> columns, List<Row> rows, boolean timedOut, List<String> warnings) {}

  /** The consecutive years or months from the first day to the last. */
  static List<Column> periods(boolean years, long first, long last, LocalDate from, LocalDate to) {
    List<Column> out = new ArrayList<>();
    LocalDate a = LocalDate.ofEpochDay(first);
    LocalDate b = LocalDate.ofEpochDay(last);
    LocalDate start = years ? a.withDayOfYear(1) : a.withDayOfMonth(1);
    long n =
        years
            ? b.getYear() - a.getYear() + 1L
            : YearMonth.from(b).getYear() * 12L
                + YearMonth.from(b).getMonthValue()
                - (a.getYear() * 12L + a.getMonthValue())
                + 1;
    if (n > MAX_COLUMNS) {
      throw new InvalidRequestException(
          "by",
          "by="
              + (years ? "year" : "month")
              + " gives "
              + n
              + " columns; at most "
              + MAX_COLUMNS
              + " are drawn: count by year, or narrow from and to");
    }
    for (LocalDate s = start; !s.isAfter(b); s = years ? s.plusYears(1) : s.plusMonths(1)) {
      LocalDate e = (years ? s.plusYears(1) : s.plusMonths(1)).minusDays(1);
      LocalDate f = from != null && from.isAfter(s) ? from : s;
      LocalDate t = to != null && to.isBefore(e) ? to : e;
      String label = years ? String.valueOf(s.getYear()) : YearMonth.from(s).toString();
      out.add(new Column(label, f, t, null, null, 0));
    }
    return out;
  }

  /**
   * Checks a batch before it runs: at least one line, at most {@value #MAX_SEARCHES}, and {@code
   * values} from 1 to {@value #MAX_VALUES}.
   */
  static void check(List<Line> lines, int values) {
    if (lines.isEmpty()) {
      throw new InvalidRequestException(
          "s", "the batch has no search: give one s=QUERY for each search");
    }
    if (lines.size() > MAX_SEARCHES) {
      throw InvalidRequestException.tooLarge(
          "s",
          "the batch has "
              + lines.size()
              + " searches; at most "
              + MAX_SEARCHES
              + " are taken: split it into several batches");
    }
    if (values < 1 || values > MAX_VALUES) {
      throw new InvalidRequestException(
          "values", "values must be from 1 to " + MAX_VALUES + ", not " + values);
    }
  }

  /** Line {@code i}'s search: its query under the shared dates and filters; a long one refused. */
  static SearchRequest request(List<Line> lines, int i, SearchRequest shared) {
    Line line = lines.get(i);
    if (line.q().length() > SearchParameters.MAX_Q_LENGTH) {
      throw InvalidRequestException.tooLarge(
          "s",
          where(lines, i)
              + "the query is "
              + line.q().length()
              + " characters long; at most "
              + SearchParameters.MAX_Q_LENGTH
              + " are taken");
    }
    return shared.withQuery(line.q());
  }

  /** A line's refusal, naming the line. */
  static InvalidRequestException refusal(List<Line> lines, int i, InvalidRequestException e) {
    String where = where(lines, i);
    return e.position() < 0
        ? new InvalidRequestException("s", where + e.getMessage())
        : new InvalidRequestException("s", where + e.getMessage(), e.position());
  }

  private static String where(List<Line> lines, int i) {
    return "search " + (i + 1) + " (" + lines.get(i).q() + "): ";
  }

  /**
   * What one line's search counted: its matches, by day (counted by time) or by value (counted by a
   * facet dimension), and whether the time limit cut it.
   */
  record Counted(long total, DayCounts days, Map<String, Long> values, boolean cut) {
    /** A search the batch did not start (its time was up): no counts, cut. */
    static final Counted NOT_RUN = new Counted(0, null, Map.of(), true);

    boolean ran() {
      return this != NOT_RUN;
    }
  }

  /**
   * The table of a batch's counts, the same on every backend: by time, a column a year or month
   * from the first day any search matched to the last (within the shared dates and the archive's
   * days {@code minDay} to {@code maxDay}); by a dimension, the {@code values} most frequent values
   * of all the rows together.
   */
  static Table table(
      List<Line> lines,
      List<SearchRequest> requests,
      SearchRequest shared,
      By by,
      int values,
      long minDay,
      long maxDay,
      List<Counted> counted) {
    List<Column> columns = new ArrayList<>();
    if (by.time()) {
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (Counted c : counted) {
        if (c.days() != null && !c.days().isEmpty()) {
          first = Math.min(first, c.days().first());
          last = Math.max(last, c.days().last());
        }
      }
      if (shared.from() != null) {
        first = Math.max(shared.from().toEpochDay(), minDay);
      }
      if (shared.to() != null) {
        last = Math.min(shared.to().toEpochDay(), maxDay);
      }
      if (first <= last) {
        for (Column c :
            periods(by.param().equals("year"), first, last, shared.from(), shared.to())) {
          long total = 0;
          for (Counted k : counted) {
            total +=
                k.days() == null ? 0 : k.days().sum(c.from().toEpochDay(), c.to().toEpochDay());
          }
          columns.add(new Column(c.label(), c.from(), c.to(), null, null, total));
        }
      }
    } else {
      Map<String, Long> all = new LinkedHashMap<>();
      counted.forEach(k -> k.values().forEach((v, n) -> all.merge(v, n, Long::sum)));
      all.entrySet().stream()
          .sorted(
              Map.Entry.<String, Long>comparingByValue()
                  .reversed()
                  .thenComparing(Map.Entry.comparingByKey()))
          .limit(values)
          .forEach(
              e ->
                  columns.add(
                      new Column(e.getKey(), null, null, by.param(), e.getKey(), e.getValue())));
    }
    List<Row> rows = new ArrayList<>();
    boolean anyCut = false;
    for (int i = 0; i < counted.size(); i++) {
      Counted k = counted.get(i);
      List<Long> counts = new ArrayList<>();
      if (k.ran()) {
        for (Column c : columns) {
          counts.add(
              by.time()
                  ? k.days().sum(c.from().toEpochDay(), c.to().toEpochDay())
                  : k.values().getOrDefault(c.value(), 0L));
        }
      }
      anyCut |= k.cut();
      rows.add(
          new Row(
              lines.get(i).name(),
              lines.get(i).q(),
              SearchParameters.toQueryString(requests.get(i)),
              k.total(),
              List.copyOf(counts),
              k.cut()));
    }
    List<String> warnings = new ArrayList<>();
    if (anyCut) {
      warnings.add(
          "the time limit cut some searches (timedOut): their counts cover part of the"
              + " archive, or none when they were not run; run fewer searches at once");
    }
    return new Table(by.param(), List.copyOf(columns), List.copyOf(rows), anyCut, warnings);
  }
}

package org.morgue.search;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.morgue.index.Fields;

/**
 * The URL query string of a search, both ways: the one mapping from parameters to a {@link
 * SearchRequest} ({@link #request}), shared by the page at {@code /}, every {@code /api/search*}
 * route, the facet route, saved searches and the command line ({@code morgue search}, whose options
 * bear the parameters' names). It knows nothing of HTTP: it takes the parameters as a map of names
 * to their values, in order.
 *
 * <p>It checks the text: its encoding, its size, and that a number, a choice or a date reads as
 * one. What the values may be (a page from 1, a size to {@value SearchRequest#MAX_SIZE}, {@code
 * from} not after {@code to}) the {@link SearchRequest} constructor checks, once, for every caller.
 *
 * <table>
 * <caption>Parameters</caption>
 * <tr><td>{@code q}</td><td>the query, Lucene syntax; at most {@value #MAX_Q_LENGTH} characters</td></tr>
 * <tr><td>{@code from}, {@code to}</td><td>first and last day, inclusive: {@code 2021-11-17}, or a
 *     month {@code 2021-11} or a year {@code 2021} (from its first day, to its last)</td></tr>
 * <tr><td>{@code section}, {@code source}, {@code author}, ... (every dimension of
 *     {@link Fields#FACETS})</td><td>a value to keep; repeated: any of them; different names: all</td></tr>
 * <tr><td>{@code all}</td><td>a dimension whose values must all match ({@code all=person}: articles
 *     naming every person kept); repeatable; without it a dimension keeps any of its values</td></tr>
 * <tr><td>{@code not.DIM}</td><td>a value to leave out, e.g. {@code not.section=Sport}; repeatable</td></tr>
 * <tr><td>{@code sort}</td><td>{@code relevance} (default), {@code newest}, {@code oldest}</td></tr>
 * <tr><td>{@code page}, {@code size}</td><td>page from 1; stories a page, 1 to {@value SearchRequest#MAX_SIZE}
 *     (default 10)</td></tr>
 * <tr><td>{@code facetSize}</td><td>values a facet dimension, 1 to {@value SearchRequest#MAX_FACET_SIZE}
 *     (default 10)</td></tr>
 * <tr><td>{@code interval}</td><td>histogram buckets: {@code day}, {@code week}, {@code month}, {@code quarter},
 *     {@code year}; default: chosen from the span of the matches</td></tr>
 * </table>
 *
 * <p>A blank value counts as absent (an empty form field). Unknown parameters are ignored with a
 * warning, never refused, so that old saved URLs keep working; so is a {@code not.} of an unknown
 * dimension. A bad value is refused naming its parameter.
 *
 * <p>Example: {@code q=ceasefire&section=WORLD&section=SPORT&not.source=AA&sort=newest} keeps the
 * articles that mention a ceasefire, in WORLD or SPORT, not from AA, newest first.
 */
public final class SearchParameters {
  /** The longest query, in characters. */
  public static final int MAX_Q_LENGTH = 1_000;

  /** The longest facet value, in characters. */
  public static final int MAX_VALUE_LENGTH = 500;

  /** The most parameter values a request may carry. */
  public static final int MAX_PARAMETERS = 100;

  /** The parameter naming a dimension whose values must all match: {@code all=person}. */
  public static final String ALL = "all";

  /** The prefix of an exclusion: {@code not.section=Sport}. */
  public static final String NOT = "not.";

  /** The single-valued parameters, in the order they are read. */
  private static final List<String> SCALARS =
      List.of("q", "from", "to", "sort", "interval", "page", "size", "facetSize");

  private SearchParameters() {}

  /**
   * A request and what was ignored in reading it.
   *
   * @param request the search
   * @param warnings the parameters ignored, and why
   */
  public record Parsed(SearchRequest request, List<String> warnings) {}

  /**
   * The parameters of a query string ({@code q=a+b&section=WORLD}), decoded ({@code +} is a space),
   * each name with its values in order. Unlike lenient decoders, a value that is not valid
   * percent-encoding is refused rather than dropped: {@code q=%ZZ} must not become "every article".
   *
   * @param queryString the raw query string, without {@code ?}; {@code null} for none
   * @throws InvalidRequestException naming the parameter whose name or value is badly encoded
   */
  public static Map<String, List<String>> decode(String queryString) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (queryString == null || queryString.isEmpty()) {
      return out;
    }
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String rawName = eq < 0 ? pair : pair.substring(0, eq);
      String name = decodeOne(rawName, null);
      String value = eq < 0 ? "" : decodeOne(pair.substring(eq + 1), name);
      out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static String decodeOne(String s, String parameter) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      String what =
          parameter == null ? "the parameter name '" + s + "'" : "the value of " + parameter;
      throw new InvalidRequestException(
          parameter, what + " is not valid percent-encoding: " + e.getMessage());
    }
  }

  /** Reads a search from parameters, with no parameter other than the search's own. */
  public static Parsed parse(Map<String, List<String>> params) {
    return parse(params, Set.of());
  }

  /**
   * Reads a search from parameters.
   *
   * @param params each parameter's values, in order (as a query string holds them)
   * @param alsoKnown names of other parameters the caller reads itself (such as {@code prefix}),
   *     which are neither used nor warned about here
   * @return the request, and warnings for the parameters ignored
   * @throws InvalidRequestException naming the parameter with a bad value, or {@linkplain
   *     InvalidRequestException#tooLarge() too large} for a long query or too many parameters
   */
  public static Parsed parse(Map<String, List<String>> params, Set<String> alsoKnown) {
    int count = params.values().stream().mapToInt(List::size).sum();
    if (count > MAX_PARAMETERS) {
      throw InvalidRequestException.tooLarge(
          null,
          "the request has " + count + " parameters; at most " + MAX_PARAMETERS + " are taken");
    }
    List<String> warnings = new ArrayList<>();
    Map<String, List<String>> filters = new LinkedHashMap<>();
    Map<String, List<String>> excludes = new LinkedHashMap<>();
    params.forEach(
        (name, values) -> {
          if (SCALARS.contains(name) || alsoKnown.contains(name) || ALL.equals(name)) {
            return;
          }
          if (Fields.FACETS.contains(name)) {
            filters.put(name, checkValues(name, values));
          } else if (name.startsWith(NOT) && Fields.FACETS.contains(name.substring(NOT.length()))) {
            excludes.put(name.substring(NOT.length()), checkValues(name, values));
          } else if (name.startsWith(NOT)) {
            warnings.add(
                "unknown parameter '"
                    + name
                    + "' was ignored: exclude with not.DIM=VALUE, DIM one of "
                    + Fields.FACETS);
          } else {
            warnings.add("unknown parameter '" + name + "' was ignored");
          }
        });
    Map<String, String> scalars = new LinkedHashMap<>();
    for (String name : SCALARS) {
      String value = one(params, name, warnings);
      if (value != null) {
        scalars.put(name, value);
      }
    }
    String q = scalars.get("q");
    if (q != null && q.length() > MAX_Q_LENGTH) {
      throw InvalidRequestException.tooLarge(
          "q", "q is " + q.length() + " characters long; at most " + MAX_Q_LENGTH + " are taken");
    }
    Set<String> allOf = new java.util.LinkedHashSet<>();
    for (String v : params.getOrDefault(ALL, List.of())) {
      if (v != null && !v.isBlank()) {
        allOf.add(v.strip());
      }
    }
    return new Parsed(request(scalars, filters, excludes, allOf), List.copyOf(warnings));
  }

  /**
   * The one mapping from named values to a request: {@link #parse} reads a query string into it,
   * and the command line ({@code morgue search --from 2021-11 --section WORLD --sort newest}) calls
   * it with its options, which bear the same names. It reads the text of each value (a number, a
   * choice, a date); the request's own constructor checks the values, once, for every caller.
   *
   * <p>Example: {@code request(Map.of("q", "ceasefire", "from", "2021-11", "sort", "newest"),
   * Map.of("section", List.of("WORLD")), Map.of("source", List.of("AA")))} is the request of {@code
   * q=ceasefire&from=2021-11&section=WORLD&not.source=AA&sort=newest}: from 2021-11-01, newest
   * first, first page of ten.
   *
   * @param scalars the single-valued parameters ({@code q, from, to, sort, interval, page, size,
   *     facetSize}) by name, absent or blank for the default
   * @param filters per facet dimension, the values to keep
   * @param excludes per facet dimension, the values to leave out
   * @throws InvalidRequestException naming the parameter whose value is bad, or the dimension that
   *     is none
   * @throws IllegalArgumentException for a scalar name that is no parameter (a caller's mistake)
   */
  public static SearchRequest request(
      Map<String, String> scalars,
      Map<String, List<String>> filters,
      Map<String, List<String>> excludes) {
    return request(scalars, filters, excludes, Set.of());
  }

  /**
   * As {@link #request(Map, Map, Map)}, with the dimensions whose values must all match ({@code
   * all=person}; {@code --all person} on the command line).
   */
  public static SearchRequest request(
      Map<String, String> scalars,
      Map<String, List<String>> filters,
      Map<String, List<String>> excludes,
      Set<String> allOf) {
    for (String name : scalars.keySet()) {
      if (!SCALARS.contains(name)) {
        throw new IllegalArgumentException(
            "'" + name + "' is not a single-valued parameter; they are " + SCALARS);
      }
    }
    Map<String, String> given = new LinkedHashMap<>();
    scalars.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            given.put(name, value.strip());
          }
        });
    LocalDate from = date(given.get("from"), "from", true);
    LocalDate to = date(given.get("to"), "to", false);
    SearchRequest.Sort sort = choice(given.get("sort"), "sort", SearchRequest.Sort.class);
    SearchRequest.Interval interval =
        choice(given.get("interval"), "interval", SearchRequest.Interval.class);
    int page = integer(given.get("page"), "page", 1);
    int size = integer(given.get("size"), "size", 10);
    int facetSize = integer(given.get("facetSize"), "facetSize", SearchRequest.DEFAULT_FACET_SIZE);
    return new SearchRequest(
        given.get("q"), from, to, filters, excludes, sort, page, size, facetSize, interval, allOf);
  }

  /**
   * The canonical query string of a request: parameters in a fixed order, defaults left out, values
   * percent-encoded. Two URLs of the same search give the same string, so it can name a search (a
   * feed id, a saved search).
   *
   * <p>Example: {@code q=ceasefire&section=WORLD&not.source=AA&sort=newest}.
   */
  public static String toQueryString(SearchRequest r) {
    StringJoiner out = new StringJoiner("&");
    if (!r.q().isEmpty()) {
      out.add(pair("q", r.q()));
    }
    if (r.from() != null) {
      out.add(pair("from", r.from().toString()));
    }
    if (r.to() != null) {
      out.add(pair("to", r.to().toString()));
    }
    r.filters().forEach((dim, values) -> values.forEach(v -> out.add(pair(dim, v))));
    r.allOf().forEach(dim -> out.add(pair(ALL, dim)));
    r.excludes().forEach((dim, values) -> values.forEach(v -> out.add(pair(NOT + dim, v))));
    if (r.sort() != SearchRequest.Sort.RELEVANCE) {
      out.add(pair("sort", r.sort().param()));
    }
    if (r.page() != 1) {
      out.add(pair("page", Integer.toString(r.page())));
    }
    if (r.size() != 10) {
      out.add(pair("size", Integer.toString(r.size())));
    }
    if (r.facetSize() != SearchRequest.DEFAULT_FACET_SIZE) {
      out.add(pair("facetSize", Integer.toString(r.facetSize())));
    }
    if (r.interval() != null) {
      out.add(pair("interval", r.interval().param()));
    }
    return out.toString();
  }

  private static String pair(String name, String value) {
    return encode(name) + "=" + encode(value);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static List<String> checkValues(String name, List<String> values) {
    for (String v : values) {
      if (v != null && v.length() > MAX_VALUE_LENGTH) {
        throw InvalidRequestException.tooLarge(
            name,
            name
                + " has a value of "
                + v.length()
                + " characters; at most "
                + MAX_VALUE_LENGTH
                + " are taken");
      }
    }
    return values;
  }

  /** The first non-blank value of a single-valued parameter, warning when it was given again. */
  private static String one(Map<String, List<String>> params, String name, List<String> warnings) {
    List<String> values = params.get(name);
    if (values == null) {
      return null;
    }
    List<String> given = values.stream().filter(v -> v != null && !v.isBlank()).toList();
    if (given.isEmpty()) {
      return null;
    }
    if (given.size() > 1) {
      warnings.add(
          name
              + " was given "
              + given.size()
              + " times; the first ("
              + given.get(0)
              + ") was used");
    }
    return given.get(0).strip();
  }

  private static int integer(String value, String name, int absent) {
    if (value == null) {
      return absent;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(
          name, name + " must be a whole number, not '" + value + "'");
    }
  }

  private static <E extends Enum<E>> E choice(String value, String name, Class<E> type) {
    if (value == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    StringJoiner names = new StringJoiner(", ");
    for (E e : type.getEnumConstants()) {
      names.add(e.name().toLowerCase(Locale.ROOT));
    }
    throw new InvalidRequestException(
        name, name + " must be one of " + names + ", not '" + value + "'");
  }

  /**
   * A day, a month or a year ({@link DayRange}): {@code 2021-11-17}, {@code 2021-11}, {@code 2021};
   * a month or year {@code from} starts on its first day, a {@code to} ends on its last.
   */
  private static LocalDate date(String value, String name, boolean first) {
    if (value == null) {
      return null;
    }
    Optional<DayRange> days = DayRange.parse(value);
    if (days.isPresent()) {
      return first ? days.get().first() : days.get().last();
    }
    throw new InvalidRequestException(
        name,
        name
            + " must be a date such as 2021-11-17 (or a month 2021-11, or a year 2021), not '"
            + value
            + "'");
  }
}

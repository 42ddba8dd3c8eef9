package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The URL parameters of a search, read and written back (DESIGN.md, "URL parameters"). */
class SearchParametersTest {

  /**
   * Parameters from a query string such as {@code q=a&section=WORLD}, decoded as the server does.
   */
  static Map<String, List<String>> params(String queryString) {
    return SearchParameters.decode(queryString);
  }

  private static SearchParameters.Parsed parse(String queryString) {
    return SearchParameters.parse(params(queryString));
  }

  private static InvalidRequestException refused(String queryString) {
    return assertThrows(InvalidRequestException.class, () -> parse(queryString), queryString);
  }

  @Test
  void noParametersIsTheFirstPageOfEverything() {
    SearchParameters.Parsed p = parse("");
    assertEquals(
        new SearchRequest(
            "", null, null, Map.of(), Map.of(), SearchRequest.Sort.RELEVANCE, 1, 10, 10, null),
        p.request());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void everyParameterIsRead() {
    SearchRequest r =
        parse(
                "q=ceasefire+border&from=2021-11-01&to=2021-11-30&section=WORLD&section=SPORT&source=AA"
                    + "&not.author=Jane%20Roe&not.author=John+Doe&sort=newest&page=2&size=20&facetSize=50&interval=week")
            .request();
    assertEquals("ceasefire border", r.q());
    assertEquals(LocalDate.of(2021, 11, 1), r.from());
    assertEquals(LocalDate.of(2021, 11, 30), r.to());
    assertEquals(
        Map.of("section", List.of("WORLD", "SPORT"), "source", List.of("AA")), r.filters());
    assertEquals(Map.of("author", List.of("Jane Roe", "John Doe")), r.excludes());
    assertEquals(SearchRequest.Sort.NEWEST, r.sort());
    assertEquals(2, r.page());
    assertEquals(20, r.size());
    assertEquals(50, r.facetSize());
    assertEquals(SearchRequest.Interval.WEEK, r.interval());
  }

  @Test
  void aMonthOrAYearIsARangeOfDays() {
    SearchRequest r = parse("from=2021-11&to=2021-11").request();
    assertEquals(LocalDate.of(2021, 11, 1), r.from());
    assertEquals(LocalDate.of(2021, 11, 30), r.to());
    SearchRequest y = parse("from=2020&to=2021").request();
    assertEquals(LocalDate.of(2020, 1, 1), y.from());
    assertEquals(LocalDate.of(2021, 12, 31), y.to());
  }

  @Test
  void namedValuesMapAsTheQueryStringDoes() {
    Map<String, String> scalars = new java.util.LinkedHashMap<>();
    scalars.put("q", " ceasefire ");
    scalars.put("from", "2021-11");
    scalars.put("to", null);
    scalars.put("sort", "NEWEST");
    scalars.put("page", "2");
    scalars.put("size", "");
    SearchRequest r =
        SearchParameters.request(
            scalars,
            Map.of("section", List.of("WORLD"), "author", List.of()),
            Map.of("source", List.of("AA")));
    assertEquals(
        parse("q=ceasefire&from=2021-11&section=WORLD&not.source=AA&sort=newest&page=2").request(),
        r);
    assertEquals(
        "q=ceasefire&from=2021-11-01&section=WORLD&not.source=AA&sort=newest&page=2",
        SearchParameters.toQueryString(r));
    assertEquals(
        "size",
        assertThrows(
                InvalidRequestException.class,
                () -> SearchParameters.request(Map.of("size", "ten"), Map.of(), Map.of()))
            .parameter());
    assertThrows(
        IllegalArgumentException.class,
        () -> SearchParameters.request(Map.of("colour", "red"), Map.of(), Map.of()),
        "not a parameter: the caller's mistake");
  }

  @Test
  void blankValuesAreAbsent() {
    SearchRequest r =
        parse("q=&from=&to=&sort=&page=&size=&interval=&section=&not.source=").request();
    assertEquals(parse("").request(), r);
  }

  @Test
  void unknownParametersAreIgnoredWithAWarning() {
    SearchParameters.Parsed p = parse("q=ceasefire&colour=red&not.colour=blue&Q=x");
    assertEquals("ceasefire", p.request().q());
    assertEquals(
        List.of(
            "unknown parameter 'colour' was ignored",
            "unknown parameter 'not.colour' was ignored: exclude with not.DIM=VALUE, DIM one of [section, source, author, person, org, place]",
            "unknown parameter 'Q' was ignored"),
        p.warnings());
  }

  @Test
  void aParameterTheCallerReadsIsNotWarnedAbout() {
    assertEquals(
        List.of(), SearchParameters.parse(params("prefix=jo"), Set.of("prefix")).warnings());
  }

  @Test
  void aRepeatedSingleParameterKeepsTheFirstWithAWarning() {
    SearchParameters.Parsed p = parse("sort=oldest&sort=newest");
    assertEquals(SearchRequest.Sort.OLDEST, p.request().sort());
    assertEquals(List.of("sort was given 2 times; the first (oldest) was used"), p.warnings());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "page=0 | page | page must be 1 or more, not 0",
        "page=two | page | page must be a whole number, not 'two'",
        "page=99999999999 | page | page must be a whole number, not '99999999999'",
        "size=0 | size | size must be from 1 to 100, not 0",
        "size=101 | size | size must be from 1 to 100, not 101",
        "facetSize=1001 | facetSize | facetSize must be from 1 to 1000, not 1001",
        "sort=best | sort | sort must be one of relevance, newest, oldest, not 'best'",
        "interval=hour | interval | interval must be one of day, week, month, quarter, year, not 'hour'",
        "from=yesterday | from | from must be a date such as 2021-11-17 (or a month 2021-11, or a year 2021), not 'yesterday'",
        "to=2021-02-30 | to | to must be a date such as 2021-11-17 (or a month 2021-11, or a year 2021), not '2021-02-30'",
        "from=2022-01-02&to=2022-01-01 | from | from (2022-01-02) is after to (2022-01-01)",
        "page=101&size=100 | page | page 101 of size 100 is deeper than the first 10000 hits; narrow the search",
      })
  void aBadValueNamesItsParameter(String queryString, String parameter, String message) {
    InvalidRequestException e = refused(queryString);
    assertEquals(parameter, e.parameter());
    assertEquals(message, e.getMessage());
    assertEquals(false, e.tooLarge());
  }

  @Test
  void aLongQueryIsTooLarge() {
    InvalidRequestException e = refused("q=" + "a".repeat(SearchParameters.MAX_Q_LENGTH + 1));
    assertTrue(e.tooLarge());
    assertEquals("q", e.parameter());
    assertEquals("q is 1001 characters long; at most 1000 are taken", e.getMessage());
    assertEquals(
        SearchParameters.MAX_Q_LENGTH,
        parse("q=" + "a".repeat(SearchParameters.MAX_Q_LENGTH)).request().q().length());
  }

  @Test
  void tooManyParametersAreTooLarge() {
    String many = "section=A&".repeat(SearchParameters.MAX_PARAMETERS) + "q=x";
    InvalidRequestException e = refused(many);
    assertTrue(e.tooLarge());
    assertNull(e.parameter());
    assertEquals("the request has 101 parameters; at most 100 are taken", e.getMessage());
  }

  @Test
  void aLongFacetValueIsTooLarge() {
    InvalidRequestException e =
        refused("not.author=" + "x".repeat(SearchParameters.MAX_VALUE_LENGTH + 1));
    assertTrue(e.tooLarge());
    assertEquals("not.author", e.parameter());
  }

  @Test
  void decodingIsStrict() {
    assertEquals(
        Map.of("q", List.of("a b+c"), "section", List.of("WORLD", "")),
        SearchParameters.decode("q=a+b%2Bc&section=WORLD&section&&"));
    InvalidRequestException bad =
        assertThrows(InvalidRequestException.class, () -> SearchParameters.decode("page=1&q=%ZZ"));
    assertEquals("q", bad.parameter());
    assertTrue(
        bad.getMessage().startsWith("the value of q is not valid percent-encoding"),
        bad.getMessage());
    assertEquals(Map.of(), SearchParameters.decode(null));
  }

  @Test
  void theCanonicalQueryStringLeavesOutDefaultsAndReadsBackTheSame() {
    String url =
        "size=10&interval=&not.source=AA&section=SPORT&q=ceasefire+border&section=WORLD&sort=newest&page=1";
    SearchRequest r = parse(url).request();
    String canonical = SearchParameters.toQueryString(r);
    assertEquals(
        "q=ceasefire%20border&section=SPORT&section=WORLD&not.source=AA&sort=newest", canonical);
    assertEquals(r, parse(canonical).request());
    assertEquals("", SearchParameters.toQueryString(parse("").request()));
    String all =
        "q=%22prime%20minister%22&from=2021-01-01&to=2021-12-31&author=Zo%C3%AB%20Mart%C3%ADn"
            + "&sort=oldest&page=3&size=5&facetSize=20&interval=month";
    assertEquals(all, SearchParameters.toQueryString(parse(all).request()));
  }
}

package org.morgue.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.morgue.index.Fields;
import org.morgue.search.Archive;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.SearchJson;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code morgue search QUERY}: the top hits and facet counts, as text or JSON. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Searches the archive and prints the top hits (date, section, title) and the facet counts.",
      "QUERY is Lucene syntax: words (all must match), \"exact phrases\", wild*, fuzzy~, AND OR NOT,"
          + " and the fields title: lede: body: author: section: source: person: org: place: date:[2021-01-01 TO 2021-12-31].",
    })
public final class SearchCommand implements Callable<Integer> {
  @Mixin IndexOption index = new IndexOption();
  @Mixin BackendOption backend = new BackendOption();

  @Parameters(
      arity = "0..*",
      paramLabel = "QUERY",
      description = "The query (words are joined; none: every article).")
  List<String> query = new ArrayList<>();

  @Option(
      names = "--from",
      paramLabel = "DATE",
      description = "First day, inclusive: 2021-11-17, or a month 2021-11, or a year 2021.")
  String from;

  @Option(
      names = "--to",
      paramLabel = "DATE",
      description = "Last day, inclusive: 2021-11-17, or a month 2021-11, or a year 2021.")
  String to;

  @Option(
      names = "--section",
      paramLabel = "S",
      description = "Keep this section (repeat: any of them).")
  List<String> sections = new ArrayList<>();

  @Option(
      names = "--source",
      paramLabel = "S",
      description = "Keep this source (repeat: any of them).")
  List<String> sources = new ArrayList<>();

  @Option(
      names = "--author",
      paramLabel = "A",
      description = "Keep this author (repeat: any of them).")
  List<String> authors = new ArrayList<>();

  @Option(
      names = "--person",
      paramLabel = "P",
      description = "Keep this person (canonical name; repeat: any of them).")
  List<String> persons = new ArrayList<>();

  @Option(
      names = "--org",
      paramLabel = "O",
      description = "Keep this organisation (repeat: any of them).")
  List<String> orgs = new ArrayList<>();

  @Option(
      names = "--place",
      paramLabel = "P",
      description = "Keep this place (repeat: any of them).")
  List<String> places = new ArrayList<>();

  @Option(
      names = "--not",
      paramLabel = "DIM=VALUE",
      description = "Leave out articles with this value, e.g. --not section=Sport.")
  List<String> nots = new ArrayList<>();

  @Option(
      names = "--all",
      paramLabel = "DIM",
      description =
          "Keep the articles with all the values given of this dimension, not any of them,"
              + " e.g. --person A --person B --all person.")
  List<String> allOf = new ArrayList<>();

  @Option(
      names = "--sort",
      description = "relevance, newest or oldest (default: ${DEFAULT-VALUE}).")
  String sort = "relevance";

  @Option(names = "--page", description = "Page, from 1 (default: ${DEFAULT-VALUE}).")
  int page = 1;

  @Option(names = "--size", description = "Hits a page, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int size = 10;

  @Option(names = "--json", description = "Print the result as the API's JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    SearchRequest request = request();
    try (Archive searcher = backend.open(index)) {
      SearchResult result = searcher.search(request);
      if (json) {
        System.out.println(Json.pretty(SearchJson.result(result)));
      } else {
        print(result, System.out);
      }
    }
    return 0;
  }

  /**
   * The search the options state, through the URL's own mapping ({@link SearchParameters#request}):
   * each option is the parameter of its name ({@code --from 2021-11} is {@code from=2021-11},
   * {@code --not section=Sport} is {@code not.section=Sport}), so the command line and a URL read
   * and check a search the same way.
   */
  SearchRequest request() {
    Map<String, String> scalars = new LinkedHashMap<>();
    scalars.put("q", String.join(" ", query));
    scalars.put("from", from);
    scalars.put("to", to);
    scalars.put("sort", sort);
    scalars.put("page", Integer.toString(page));
    scalars.put("size", Integer.toString(size));
    Map<String, List<String>> filters = new LinkedHashMap<>();
    filters.put(Fields.SECTION, sections);
    filters.put(Fields.SOURCE, sources);
    filters.put(Fields.AUTHOR, authors);
    filters.put(Fields.PERSON, persons);
    filters.put(Fields.ORG, orgs);
    filters.put(Fields.PLACE, places);
    Map<String, List<String>> excludes = new LinkedHashMap<>();
    for (String not : nots) {
      int eq = not.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "--not takes DIM=VALUE, e.g. section=Sport, not '" + not + "'");
      }
      excludes
          .computeIfAbsent(not.substring(0, eq).strip(), k -> new ArrayList<>())
          .add(not.substring(eq + 1));
    }
    try {
      return SearchParameters.request(
          scalars, filters, excludes, new java.util.LinkedHashSet<>(allOf));
    } catch (InvalidRequestException e) {
      if ("sort".equals(e.parameter())) { // said in the terms of the command line
        throw new IllegalArgumentException(
            "--sort takes relevance, newest or oldest, not '" + sort + "'", e);
      }
      throw e;
    }
  }

  static void print(SearchResult r, PrintStream out) {
    int first = (r.request().page() - 1) * r.request().size() + 1;
    out.printf(
        Locale.ROOT,
        "%,d articles (%d ms)%s%n",
        r.total(),
        r.tookMs(),
        r.hits().isEmpty()
            ? ""
            : String.format(Locale.ROOT, ", %d-%d:", first, first + r.hits().size() - 1));
    for (SearchResult.Hit h : r.hits()) {
      out.printf(
          Locale.ROOT,
          "  %-10s  %-16s  %s%n",
          h.date() == null ? "(no date)" : h.date(),
          truncate(h.section() == null ? "" : h.section(), 16),
          truncate(Terminal.oneLine(h.title()), 100));
    }
    r.facets()
        .forEach(
            (dim, values) -> {
              if (!values.isEmpty()) {
                out.println(dim + ":");
                for (SearchResult.FacetValue v : values) {
                  out.printf(
                      Locale.ROOT,
                      "  %,8d  %s%n",
                      v.count(),
                      truncate(Terminal.oneLine(v.value()), 80));
                }
              }
            });
    for (String w : r.warnings()) {
      out.println("warning: " + w);
    }
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}

package org.morgue.http;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.Concordance;
import org.morgue.search.CsvExport;
import org.morgue.search.Diagnosis;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;

/**
 * The routes of the archivist's reading tools, over the same query string as {@code /api/search}:
 *
 * <ul>
 *   <li>{@code GET /api/concordance?QUERY&order=article|before|after&page=N&size=N}: a page of the
 *       concordance (every occurrence of the query's words, phrases and operators in their
 *       context);
 *   <li>{@code GET /api/concordance.csv?QUERY}: every line, streamed, uncapped;
 *   <li>on {@code /api/search}: {@code didYouMean} and, when nothing matched, {@code nothing}.
 * </ul>
 */
final class QueryLanguageRoutes {
  private final ArchiveSearcher searcher;

  QueryLanguageRoutes(ArchiveSearcher searcher) {
    this.searcher = searcher;
  }

  /** {@code didYouMean} (or null) and {@code nothing} (or null) of a search's answer. */
  static Map<String, Object> diagnosis(
      ArchiveSearcher searcher, SearchRequest request, SearchResult result) throws IOException {
    Map<String, Object> out = new LinkedHashMap<>();
    Diagnosis.DidYouMean dym = searcher.didYouMean(request);
    out.put("didYouMean", dym);
    out.put(
        "nothing", result.total() == 0 && !result.timedOut() ? searcher.nothing(request) : null);
    return out;
  }

  /** The concordance's own parameters, read apart from the search's. */
  private record Paging(
      SearchParameters.Parsed search, Concordance.Order order, int page, int size) {}

  private static Paging paging(Context ctx) {
    Map<String, List<String>> params = SearchParameters.decode(ctx.queryString());
    String order = first(params.remove("order"));
    String page = first(params.remove("page"));
    String size = first(params.remove("size"));
    Concordance.Order o = Concordance.Order.ARTICLE;
    if (order != null && !order.isBlank()) {
      try {
        o = Concordance.Order.valueOf(order.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "order", "order must be one of article, before, after, not '" + order + "'");
      }
    }
    return new Paging(
        SearchParameters.parse(params), o, number(page, "page", 1), number(size, "size", 50));
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static int number(String raw, String name, int absent) {
    if (raw == null || raw.isBlank()) {
      return absent;
    }
    try {
      return Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name, name + " must be a whole number, not '" + raw + "'");
    }
  }

  void concordance(Context ctx) throws IOException {
    Paging p = paging(ctx);
    Concordance.Page page =
        searcher.concordance(p.search().request(), p.order(), p.page(), p.size());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("queryString", SearchParameters.toQueryString(p.search().request()));
    out.put("articles", page.articles());
    out.put("lines", page.lines());
    out.put("truncated", page.truncated());
    out.put("timedOut", page.timedOut());
    out.put("order", page.order().param());
    out.put("page", page.page());
    out.put("size", page.size());
    out.put("items", page.items().stream().map(QueryLanguageRoutes::line).toList());
    out.put("warnings", p.search().warnings());
    ctx.json(out);
  }

  private static Map<String, Object> line(Concordance.Line l) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", l.id());
    out.put("date", l.date() == null ? null : l.date().toString());
    out.put("title", l.title());
    out.put("field", l.field());
    out.put("left", l.left());
    out.put("match", l.match());
    out.put("right", l.right());
    return out;
  }

  /** The CSV columns of a concordance line. */
  static final List<String> CSV_COLUMNS =
      List.of("id", "date", "title", "field", "left", "match", "right");

  void concordanceCsv(Context ctx) throws IOException {
    Paging p = paging(ctx);
    SearchRequest request = p.search().request();
    searcher.validate(request);
    ctx.contentType("text/csv; charset=utf-8; header=present");
    ctx.header("Content-Disposition", "attachment; filename=\"morgue-concordance.csv\"");
    MorgueServer.stream(
        ctx,
        () -> {
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
          out.write(row(CSV_COLUMNS));
          try {
            searcher.eachLine(
                request,
                l -> {
                  try {
                    out.write(
                        row(
                            List.of(
                                l.id(),
                                l.date() == null ? "" : l.date().toString(),
                                l.title() == null ? "" : l.title(),
                                l.field(),
                                l.left(),
                                l.match(),
                                l.right())));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
          } finally {
            out.flush();
          }
        });
  }

  private static String row(List<String> cells) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(CsvExport.field(cells.get(i)));
    }
    return line.append("\r\n").toString();
  }
}

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
import org.morgue.search.Archive;
import org.morgue.search.BatchTable;
import org.morgue.search.Concordance;
import org.morgue.search.CsvExport;
import org.morgue.search.Diagnosis;
import org.morgue.search.DistinctiveTerms;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.SearchJson;
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
 *   <li>{@code GET /api/terms?QUERY&size=N&background=archive|filters}: the distinctive terms of
 *       the search;
 *   <li>{@code GET /api/batch?s=QUERY&s=QUERY&by=year|month|DIM&FILTERS} and {@code
 *       /api/batch.csv}: a batch of searches as a table of counts;
 *   <li>on {@code /api/search}: {@code didYouMean} and, when nothing matched, {@code nothing}.
 * </ul>
 */
final class QueryLanguageRoutes {
  private final Archive searcher;

  QueryLanguageRoutes(Archive searcher) {
    this.searcher = searcher;
  }

  /** {@code didYouMean} (or null) and {@code nothing} (or null) of a search's answer. */
  static Map<String, Object> diagnosis(Archive searcher, SearchRequest request, SearchResult result)
      throws IOException {
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

  // --- distinctive terms and the batch table ----------------------------------------------------

  /** {@code GET /api/terms?QUERY&size=N&background=archive|filters}. */
  void terms(Context ctx) throws IOException {
    long start = System.nanoTime();
    Map<String, List<String>> params = SearchParameters.decode(ctx.queryString());
    String size = first(params.remove("size"));
    String background = first(params.remove("background"));
    DistinctiveTerms.Background against = DistinctiveTerms.Background.ARCHIVE;
    if (background != null && !background.isBlank()) {
      try {
        against = DistinctiveTerms.Background.valueOf(background.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(
            "background", "background must be archive or filters, not '" + background + "'");
      }
    }
    SearchParameters.Parsed p = SearchParameters.parse(params);
    DistinctiveTerms.Result r =
        searcher.distinctiveTerms(
            p.request(), against, number(size, "size", DistinctiveTerms.DEFAULT_SIZE));
    List<String> warnings = new java.util.ArrayList<>(p.warnings());
    warnings.addAll(r.warnings());
    ctx.json(SearchJson.terms(p.request(), r, (System.nanoTime() - start) / 1_000_000, warnings));
  }

  /** The batch's own parameters, read apart from the shared filters'. */
  private record Batch(
      List<BatchTable.Line> lines, SearchParameters.Parsed shared, BatchTable.By by, int values) {}

  private static Batch batchOf(Context ctx) {
    Map<String, List<String>> params = SearchParameters.decode(ctx.queryString());
    List<String> raw = params.remove("s");
    List<BatchTable.Line> lines = new java.util.ArrayList<>();
    if (raw != null) {
      if (raw.size() > BatchTable.MAX_SEARCHES) {
        throw InvalidRequestException.tooLarge(
            "s",
            "the batch has "
                + raw.size()
                + " searches; at most "
                + BatchTable.MAX_SEARCHES
                + " are taken: split it into several batches");
      }
      for (String s : raw) {
        BatchTable.Line line = BatchTable.Line.read(s);
        if (line != null) {
          lines.add(line);
        }
      }
    }
    BatchTable.By by = BatchTable.By.of(first(params.remove("by")));
    int values = number(first(params.remove("values")), "values", BatchTable.DEFAULT_VALUES);
    SearchParameters.Parsed shared = SearchParameters.parse(params);
    if (!shared.request().q().isEmpty()) {
      throw new InvalidRequestException(
          "q", "a batch takes its queries from s=, one for each search, not from q");
    }
    return new Batch(lines, shared, by, values);
  }

  /** {@code GET /api/batch?s=QUERY&s=NAME%09QUERY...&by=year|month|DIM&values=N&FILTERS}. */
  void batch(Context ctx) throws IOException {
    long start = System.nanoTime();
    Batch b = batchOf(ctx);
    BatchTable.Table t = searcher.batch(b.lines(), b.shared().request(), b.by(), b.values());
    List<String> warnings = new java.util.ArrayList<>(b.shared().warnings());
    warnings.addAll(t.warnings());
    ctx.json(SearchJson.batch(t, (System.nanoTime() - start) / 1_000_000, warnings));
  }

  /** {@code GET /api/batch.csv?...}: {@code name,query,total,COLUMN...}, one row a search. */
  void batchCsv(Context ctx) throws IOException {
    Batch b = batchOf(ctx);
    BatchTable.Table t = searcher.batch(b.lines(), b.shared().request(), b.by(), b.values());
    StringBuilder out = new StringBuilder();
    List<String> header = new java.util.ArrayList<>(List.of("name", "query", "total"));
    t.columns().forEach(c -> header.add(c.label()));
    out.append(row(header));
    for (BatchTable.Row r : t.rows()) {
      List<String> cells =
          new java.util.ArrayList<>(List.of(r.name(), r.q(), String.valueOf(r.total())));
      r.counts().forEach(n -> cells.add(String.valueOf(n)));
      out.append(row(cells));
    }
    if (t.timedOut()) {
      ctx.header("Morgue-Warnings", String.join("; ", t.warnings()));
    }
    ctx.contentType("text/csv; charset=utf-8; header=present");
    ctx.header("Content-Disposition", "attachment; filename=\"morgue-batch.csv\"");
    ctx.result(out.toString());
  }
}

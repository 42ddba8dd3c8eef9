package org.morgue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.morgue.index.Fields;

/**
 * Writes articles as CSV (RFC 4180): a header row, then one row an article, fields separated by
 * commas, rows by CRLF; a field holding a comma, a double quote, a CR or an LF is quoted, its
 * quotes doubled. The columns are the article's metadata and lede ({@link #COLUMNS}); the body is
 * left to the JSON Lines export, as spreadsheets cut cells at 32,767 characters.
 *
 * <p>Spreadsheets run a cell that starts with {@code = + - @}, a tab or a CR as a formula (CSV
 * injection), so such a text field is written with a leading apostrophe, which spreadsheets show as
 * text: {@code =HYPERLINK(...)} becomes {@code '=HYPERLINK(...)}.
 *
 * <pre>{@code
 * try (CsvExport csv = new CsvExport(writer)) {
 *   searcher.export(request, csv);
 * }
 * }</pre>
 */
public final class CsvExport implements Consumer<StoredArticle>, AutoCloseable {
  /** The columns, in order: several authors or entity names are joined by {@code "; "}. */
  public static final List<String> COLUMNS;

  static {
    List<String> columns =
        new ArrayList<>(
            List.of(
                "id", "date", "section", "source", "authors", "title", "lede", "url", "copyOf"));
    columns.addAll(Fields.ENTITIES);
    COLUMNS = List.copyOf(columns);
  }

  private final Writer out;

  /** Writes the header row at once. */
  public CsvExport(Writer out) throws IOException {
    this.out = out;
    row(COLUMNS);
  }

  @Override
  public void accept(StoredArticle a) {
    List<String> cells = new ArrayList<>(COLUMNS.size());
    cells.add(a.id());
    cells.add(a.date() == null ? "" : a.date().toString());
    cells.add(a.section());
    cells.add(a.source());
    cells.add(String.join("; ", a.authors()));
    cells.add(a.title());
    cells.add(a.lede());
    cells.add(a.url());
    cells.add(a.copyOf());
    for (String dim : Fields.ENTITIES) {
      cells.add(String.join("; ", a.entities().getOrDefault(dim, List.of())));
    }
    try {
      row(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void row(List<String> cells) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(field(cells.get(i)));
    }
    out.write(line.append("\r\n").toString());
  }

  /**
   * One field: guarded against formulas, then quoted if it must be.
   *
   * <p>Example: {@code Hello, "world"} gives {@code "Hello, ""world"""}; {@code @SUM(A1)} gives
   * {@code '@SUM(A1)}.
   */
  public static String field(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String v = startsLikeAFormula(value) ? "'" + value : value;
    boolean quote = false;
    for (int i = 0; i < v.length() && !quote; i++) {
      char c = v.charAt(i);
      quote = c == ',' || c == '"' || c == '\r' || c == '\n';
    }
    return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
  }

  /**
   * Whether a spreadsheet would take the text for a formula: its first character, full-width ones
   * too.
   */
  static boolean startsLikeAFormula(String value) {
    return switch (value.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' -> true;
      default -> false;
    };
  }

  /** Flushes the writer (closing it is the caller's business). */
  @Override
  public void close() throws IOException {
    out.flush();
  }
}

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
 * quotes doubled. The columns are by default the article's metadata and lede ({@link #COLUMNS}); a
 * caller may choose others among {@link #CHOOSABLE}, the snippet (plain text, the search's best
 * passage) and the body (paragraphs separated by a blank line; spreadsheets cut a cell at 32,767
 * characters, so the JSON Lines export is the one for whole texts).
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

  /** Every column a caller may choose: {@link #COLUMNS}, {@code snippet} and {@code body}. */
  public static final List<String> CHOOSABLE;

  static {
    List<String> columns = new ArrayList<>(COLUMNS);
    columns.add("snippet");
    columns.add("body");
    CHOOSABLE = List.copyOf(columns);
  }

  /** The UTF-8 byte-order mark, which spreadsheet programs need to read a CSV file as UTF-8. */
  public static final char BOM = '\uFEFF';

  private final Writer out;
  private final List<String> columns;

  /** Writes the header row of the default {@link #COLUMNS} at once. */
  public CsvExport(Writer out) throws IOException {
    this(out, COLUMNS, false);
  }

  /**
   * Writes a byte-order mark if asked, then the header row of {@code columns} (each one of {@link
   * #CHOOSABLE}).
   */
  public CsvExport(Writer out, List<String> columns, boolean bom) throws IOException {
    for (String c : columns) {
      if (!CHOOSABLE.contains(c)) {
        throw new IllegalArgumentException("no column " + c);
      }
    }
    this.out = out;
    this.columns = List.copyOf(columns);
    if (bom) {
      out.write(BOM);
    }
    row(this.columns);
  }

  /**
   * The columns of a {@code fields} parameter: names separated by commas, each one of {@link
   * #CHOOSABLE}, each once; blank for the default {@link #COLUMNS}.
   *
   * @throws InvalidRequestException naming {@code fields} for an unknown or repeated name
   */
  public static List<String> columns(String fields) {
    if (fields == null || fields.isBlank()) {
      return COLUMNS;
    }
    List<String> out = new ArrayList<>();
    for (String part : fields.split(",", -1)) {
      String name = part.strip();
      if (!CHOOSABLE.contains(name)) {
        throw new InvalidRequestException(
            "fields",
            "fields takes column names separated by commas, among "
                + String.join(",", CHOOSABLE)
                + "; not '"
                + name
                + "'");
      }
      if (out.contains(name)) {
        throw new InvalidRequestException("fields", "the column " + name + " is named twice");
      }
      out.add(name);
    }
    return List.copyOf(out);
  }

  /** Whether these columns need the search's snippets. */
  public boolean needsSnippets() {
    return columns.contains("snippet");
  }

  @Override
  public void accept(StoredArticle a) {
    accept(a, null);
  }

  /** One row, with the article's snippet (HTML as {@link Snippets} marks it) or {@code null}. */
  public void accept(StoredArticle a, String snippetHtml) {
    List<String> cells = new ArrayList<>(columns.size());
    for (String c : columns) {
      cells.add(cell(a, c, snippetHtml));
    }
    try {
      row(cells);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String cell(StoredArticle a, String column, String snippetHtml) {
    return switch (column) {
      case "id" -> a.id();
      case "date" -> a.date() == null ? "" : a.date().toString();
      case "section" -> a.section();
      case "source" -> a.source();
      case "authors" -> String.join("; ", a.authors());
      case "title" -> a.title();
      case "lede" -> a.lede();
      case "url" -> a.url();
      case "copyOf" -> a.copyOf();
      case "snippet" -> snippetHtml == null ? "" : Snippets.plain(snippetHtml);
      case "body" -> String.join("\n\n", a.paragraphs());
      default -> String.join("; ", a.entities().getOrDefault(column, List.of()));
    };
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

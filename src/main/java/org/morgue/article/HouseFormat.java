package org.morgue.article;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the house text format, one article a file:
 *
 * <pre>
 *  date 2021-11-17 WORLD          date and section (the section may hold spaces or be missing)
 * Azerbaijan: Armenian forces ...  title
 * At least seven Azerbaijani ...   standfirst (lede), may be missing
 * By Alican Tekingunduz            byline, may be missing, may name several
 * November 17, 2021                human-readable date, may be missing
 *
 * Seven Azerbaijani troops ...     body paragraphs, separated by blank lines or one a line
 * SOURCE:TRTWorld and agencies     credit line, may be missing
 * URL: https://...                 Morgue's own optional last line: the article's address
 * </pre>
 *
 * <p>The reader tolerates what real exports do: CRLF or CR line ends, a byte-order mark, stray
 * white space, blank lines before the first line, a body that starts on line 3 (no blank line after
 * the header). When the date line is missing or unreadable, the human-readable date is used.
 */
public final class HouseFormat {
  private static final Pattern DATE_LINE =
      Pattern.compile("^date\\s+(\\S+)(?:\\s+(.*))?$", Pattern.CASE_INSENSITIVE);
  private static final Pattern SOURCE_LINE =
      Pattern.compile("^source\\s*:\\s*(.*)$", Pattern.CASE_INSENSITIVE);
  private static final Pattern URL_LINE =
      Pattern.compile("^url\\s*:\\s*(\\S+)$", Pattern.CASE_INSENSITIVE);
  private static final DateTimeFormatter HUMAN_DATE =
      DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.ENGLISH);

  private HouseFormat() {}

  /** An article and, when its date was missing or unreadable, the warning that says so. */
  public record Result(Article article, ReadEvent.Problem warning) {}

  /**
   * Parses one house-format article.
   *
   * <p>Example: {@code parse("000_27f0df3f21ae055d", text)} on the seed article gives its title,
   * lede, one author, the date 2021-11-17, section {@code WORLD} and source {@code TRTWorld and
   * agencies}.
   *
   * @param id the article's id (the file name's stem)
   * @param text the decoded file contents, line ends of any kind
   * @return the article, with a {@link Reason#NO_DATE} warning if it has no usable date
   * @throws ArticleException {@link Reason#EMPTY} for no text, {@link Reason#MALFORMED} for no
   *     title or no text beyond the title
   */
  public static Result parse(String id, String text) throws ArticleException {
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    String[] raw = text.split("\r\n|\r|\n", -1);
    List<String> lines = new ArrayList<>(raw.length);
    for (String line : raw) {
      lines.add(Text.collapse(line));
    }
    int i = skipBlank(lines, 0);
    if (i == lines.size()) {
      throw new ArticleException(Reason.EMPTY, "no text");
    }

    String dateText = null;
    String section = null;
    Matcher dateLine = DATE_LINE.matcher(lines.get(i));
    if (dateLine.matches() && isDateLine(lines.get(i), dateLine.group(1))) {
      dateText = dateLine.group(1);
      section = Text.orNull(dateLine.group(2));
      i = skipBlank(lines, i + 1);
    }
    if (i == lines.size()) {
      throw new ArticleException(Reason.MALFORMED, "no title after the date line");
    }
    String title = lines.get(i++);

    // Trailing credit and address lines, read from the end.
    int end = lines.size();
    String source = null;
    String url = null;
    for (boolean more = true; more; ) {
      while (end > i && lines.get(end - 1).isEmpty()) {
        end--;
      }
      more = false;
      if (end > i) {
        Matcher s = SOURCE_LINE.matcher(lines.get(end - 1));
        Matcher u = URL_LINE.matcher(lines.get(end - 1));
        if (source == null && s.matches()) {
          source = Text.orNull(s.group(1));
          end--;
          more = true;
        } else if (url == null && u.matches()) {
          url = u.group(1);
          end--;
          more = true;
        }
      }
    }

    // The header: the non-blank lines right after the title.
    int headerEnd = i;
    while (headerEnd < end && !lines.get(headerEnd).isEmpty()) {
      headerEnd++;
    }
    String lede = null;
    String byline = null;
    String humanDate = null;
    int bodyStart = headerEnd;
    for (int h = i; h < headerEnd; h++) {
      String line = lines.get(h);
      if (byline == null && Bylines.isByline(line)) {
        byline = line;
      } else if (humanDate == null && Dates.parse(line).isPresent() && line.length() < 40) {
        humanDate = line;
      } else if (h == i && (h + 1 == headerEnd || isMeta(lines.get(h + 1)))) {
        lede = line;
      } else {
        // Text that is neither lede nor byline nor date: the body started right after the title.
        bodyStart = h;
        break;
      }
    }
    List<String> body = paragraphs(lines.subList(bodyStart, end));
    if (lede == null && body.isEmpty()) {
      throw new ArticleException(Reason.MALFORMED, "no text after the title");
    }

    LocalDate date = null;
    ReadEvent.Problem warning = null;
    if (dateText != null) {
      date = Dates.parse(dateText).orElse(null);
    }
    if (date == null && humanDate != null) {
      date = Dates.parse(humanDate).orElse(null);
    }
    if (date == null) {
      warning =
          new ReadEvent.Problem(
              Reason.NO_DATE,
              dateText == null ? "no date line" : "unreadable date '" + dateText + "'");
    }
    List<String> authors = byline == null ? List.of() : Bylines.authors(byline);
    return new Result(
        new Article(id, date, section, title, lede, authors, body, source, url), warning);
  }

  /**
   * Whether a line of the form "date X ..." is the date line rather than a title that opens with
   * the word, such as "Date set for referendum": the house format writes 'date' in lower case, and
   * a date written otherwise has a digit in it.
   */
  private static boolean isDateLine(String line, String value) {
    return line.startsWith("date") || value.chars().anyMatch(Character::isDigit);
  }

  private static boolean isMeta(String line) {
    return line.isEmpty()
        || Bylines.isByline(line)
        || (Dates.parse(line).isPresent() && line.length() < 40);
  }

  private static int skipBlank(List<String> lines, int i) {
    while (i < lines.size() && lines.get(i).isEmpty()) {
      i++;
    }
    return i;
  }

  /**
   * Groups body lines into paragraphs: with blank lines between them, consecutive lines form one
   * paragraph; with none, each line is a paragraph.
   */
  private static List<String> paragraphs(List<String> lines) {
    // Only blank lines between lines count: the one after the header separates no paragraphs.
    lines = lines.subList(skipBlank(lines, 0), lines.size());
    boolean blankSeparated = lines.stream().anyMatch(String::isEmpty);
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : lines) {
      if (line.isEmpty() || !blankSeparated) {
        if (!blankSeparated && !line.isEmpty()) {
          out.add(line);
        } else if (!current.isEmpty()) {
          out.add(current.toString());
          current.setLength(0);
        }
      } else {
        if (!current.isEmpty()) {
          current.append(' ');
        }
        current.append(line);
      }
    }
    if (!current.isEmpty()) {
      out.add(current.toString());
    }
    return out;
  }

  /**
   * Writes {@code article} in the house format, so that {@link #parse} reads it back equal (line
   * breaks inside a field become spaces).
   */
  public static String write(Article article) {
    StringBuilder b = new StringBuilder();
    b.append(" date ");
    b.append(article.date() == null ? "unknown" : article.date().toString());
    if (article.section() != null) {
      b.append(' ').append(oneLine(article.section()));
    }
    b.append('\n').append(oneLine(article.title())).append('\n');
    if (article.lede() != null) {
      b.append(oneLine(article.lede())).append('\n');
    }
    if (!article.authors().isEmpty()) {
      b.append("By ")
          .append(
              String.join(" and ", article.authors().stream().map(HouseFormat::oneLine).toList()))
          .append('\n');
    }
    if (article.date() != null) {
      b.append(HUMAN_DATE.format(article.date())).append('\n');
    }
    b.append('\n');
    for (String p : article.body()) {
      b.append(oneLine(p)).append("\n\n");
    }
    if (article.source() != null) {
      b.append("SOURCE:").append(oneLine(article.source())).append('\n');
    }
    if (article.url() != null) {
      b.append("URL: ").append(oneLine(article.url())).append('\n');
    }
    return b.toString();
  }

  private static String oneLine(String s) {
    return Text.collapse(s);
  }
}

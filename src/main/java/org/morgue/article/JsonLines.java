package org.morgue.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads one JSON Lines record into an {@link Article}. The fields (all optional unless said):
 *
 * <ul>
 *   <li>{@code id} (string or number; required unless {@code url} is given, which then serves as
 *       id)
 *   <li>{@code title} (required), {@code body} (a string whose paragraphs are separated by blank
 *       lines, or an array of paragraphs; {@code text} is accepted too)
 *   <li>{@code lede} (or {@code standfirst}, {@code description}, {@code summary})
 *   <li>{@code date} (ISO date or timestamp, or {@code 12/31/16}; {@code datetime} if {@code date}
 *       is missing), {@code section}, {@code source}, {@code url}
 *   <li>{@code authors} (array of names), or {@code author} (string or array), or {@code byline}
 *       (string, split like a house byline)
 * </ul>
 *
 * Other fields are ignored. A body whose first paragraph repeats the title (as scraped pages often
 * do) loses that paragraph.
 */
public final class JsonLines {
  // Trailing tokens fail: two records run together on one line must not give just the first.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t\\u00a0\\r]*\\n");

  private JsonLines() {}

  /** The outcome of one line: an article with maybe a warning. */
  public record Result(Article article, ReadEvent.Problem warning) {}

  /**
   * Parses one line of JSON Lines.
   *
   * @param bytes the line's bytes (UTF-8), without its line end
   * @throws ArticleException {@link Reason#MALFORMED} for text that is not JSON, {@link
   *     Reason#ENCODING} for bytes that are not UTF-8, {@link Reason#NOT_AN_ARTICLE} for JSON that
   *     is not an article
   */
  public static Result parse(byte[] bytes, int offset, int length) throws ArticleException {
    JsonNode node;
    try {
      node = MAPPER.readTree(bytes, offset, length);
    } catch (JsonProcessingException e) {
      String msg = e.getOriginalMessage();
      if (msg != null && msg.contains("UTF-8")) {
        throw new ArticleException(Reason.ENCODING, "not UTF-8: " + firstLine(msg));
      }
      throw new ArticleException(Reason.MALFORMED, "not JSON: " + firstLine(msg));
    } catch (java.io.IOException e) {
      throw new ArticleException(Reason.MALFORMED, "not JSON: " + e.getMessage());
    }
    return fromNode(node);
  }

  static Result fromNode(JsonNode node) throws ArticleException {
    if (node == null || !node.isObject()) {
      throw new ArticleException(
          Reason.NOT_AN_ARTICLE,
          "a JSON "
              + (node == null
                  ? "nothing"
                  : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
              + ", not an object");
    }
    String url = string(node, "url");
    String id = string(node, "id");
    if (id == null) {
      id = url;
    }
    if (id == null) {
      throw new ArticleException(Reason.NOT_AN_ARTICLE, "no 'id' or 'url'");
    }
    String title = string(node, "title");
    if (title == null) {
      throw new ArticleException(Reason.NOT_AN_ARTICLE, "no 'title'");
    }
    List<String> body = paragraphs(node.has("body") ? node.get("body") : node.get("text"));
    if (!body.isEmpty() && body.get(0).equals(title)) {
      body = body.subList(1, body.size());
    }
    String lede = firstString(node, "lede", "standfirst", "description", "summary");
    if (body.isEmpty() && lede == null) {
      throw new ArticleException(Reason.MALFORMED, "no 'body' text");
    }
    String dateText = firstString(node, "date", "datetime");
    var date = Dates.parse(dateText).orElse(null);
    ReadEvent.Problem warning =
        date != null
            ? null
            : new ReadEvent.Problem(
                Reason.NO_DATE,
                dateText == null ? "no 'date'" : "unreadable date '" + dateText + "'");
    Article article =
        new Article(
            id,
            date,
            string(node, "section"),
            title,
            lede,
            authors(node),
            body,
            string(node, "source"),
            url);
    return new Result(article, warning);
  }

  private static List<String> authors(JsonNode node) throws ArticleException {
    JsonNode names = node.has("authors") ? node.get("authors") : node.get("author");
    List<String> out = new ArrayList<>();
    if (names != null && names.isArray()) {
      if (names.size() > Article.MAX_AUTHORS) {
        throw new ArticleException(
            Reason.TOO_LARGE,
            "'authors' holds "
                + names.size()
                + " names; an article may have at most "
                + Article.MAX_AUTHORS);
      }
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (JsonNode n : names) {
        if (!n.isTextual()) {
          throw new ArticleException(Reason.NOT_AN_ARTICLE, "'authors' holds a non-string");
        }
        String name = Text.orNull(n.asText());
        if (name != null && seen.add(name)) {
          out.add(name);
        }
      }
      return out;
    }
    String byline =
        names != null
            ? string(node, node.has("authors") ? "authors" : "author")
            : string(node, "byline");
    return byline == null ? out : Bylines.authors(byline);
  }

  private static List<String> paragraphs(JsonNode body) throws ArticleException {
    List<String> out = new ArrayList<>();
    if (body == null || body.isNull()) {
      return out;
    }
    if (body.isArray()) {
      for (JsonNode p : body) {
        if (!p.isTextual()) {
          throw new ArticleException(Reason.NOT_AN_ARTICLE, "'body' holds a non-string");
        }
        addParagraph(out, p.asText());
      }
      return out;
    }
    if (!body.isTextual()) {
      throw new ArticleException(Reason.NOT_AN_ARTICLE, "field 'body' is not a string or array");
    }
    String text = body.asText().replace("\r\n", "\n").replace('\r', '\n');
    String[] parts = BLANK_LINE.matcher(text).find() ? BLANK_LINE.split(text) : text.split("\n");
    for (String p : parts) {
      addParagraph(out, p);
    }
    return out;
  }

  private static void addParagraph(List<String> out, String p) {
    String c = Text.collapse(p);
    if (!c.isEmpty()) {
      out.add(c);
    }
  }

  private static String firstString(JsonNode node, String... names) throws ArticleException {
    for (String name : names) {
      String s = string(node, name);
      if (s != null) {
        return s;
      }
    }
    return null;
  }

  /** The field as collapsed text, {@code null} when absent, null or blank. */
  private static String string(JsonNode node, String name) throws ArticleException {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual() && !v.isNumber()) {
      throw new ArticleException(Reason.NOT_AN_ARTICLE, "field '" + name + "' is not a string");
    }
    return Text.orNull(v.asText());
  }

  private static String firstLine(String msg) {
    if (msg == null) {
      return "unreadable";
    }
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }
}

package org.morgue.article;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One news article, as read from any input format, before it knows anything of the index.
 *
 * <p>Every text field is already trimmed; absent values are {@code null} (strings, date) or empty
 * (lists), never blank strings. Example: the seed article has id {@code 000_27f0df3f21ae055d}, date
 * 2021-11-17, section {@code WORLD}, one author and twelve body paragraphs.
 *
 * @param id stable identity: the file name's stem, or the JSON record's own {@code id} or {@code
 *     url}
 * @param date publication date, or {@code null} when the input has none (the article is still
 *     indexed)
 * @param section the desk or topic, as written ({@code WORLD}, {@code Press Releases}), or {@code
 *     null}
 * @param title the headline; never blank
 * @param lede the standfirst, or {@code null}
 * @param authors the names of the byline, in order
 * @param body the body paragraphs, in order
 * @param source the credit line or outlet ({@code TRTWorld and agencies}), or {@code null}
 * @param url the article's address, or {@code null}
 */
public record Article(
    String id,
    LocalDate date,
    String section,
    String title,
    String lede,
    List<String> authors,
    List<String> body,
    String source,
    String url) {

  /**
   * The longest id, in UTF-8 bytes: as Elasticsearch's {@code _id}. An id is an exact term of the
   * index (and a key in URLs and reports), so it must stay far below Lucene's 32,766 bytes a term.
   */
  public static final int MAX_ID_BYTES = 512;

  /**
   * The longest section, source or author name, in characters: each is a facet value (an exact term
   * and a doc value), so it must stay far below Lucene's 32,766 bytes a term.
   */
  public static final int MAX_VALUE_CHARS = 1_000;

  /** The most authors an article may name. */
  public static final int MAX_AUTHORS = 100;

  public Article {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    authors = List.copyOf(authors);
    body = List.copyOf(body);
  }

  /** The body as one string, paragraphs separated by a blank line. */
  public String bodyText() {
    return String.join("\n\n", body);
  }
}

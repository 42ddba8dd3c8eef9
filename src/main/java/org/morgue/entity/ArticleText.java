package org.morgue.entity;

import java.time.LocalDate;
import org.morgue.article.Article;

/**
 * The parts of an article that resolution reads beside its mentions: the texts the offsets point
 * into (for titles before a name, roles, acronym definitions, boilerplate lines), the date (to
 * weigh the archive's names by time) and the source (boilerplate is per source).
 *
 * @param title the title, or {@code null}
 * @param lede the standfirst, or {@code null}
 * @param body {@link Article#bodyText()} (or the plain text of {@link #plain}), or {@code null}
 * @param date the publication date, or {@code null}
 * @param source the credit line or outlet, or {@code null}
 * @param copy whether the article is a wire copy of one already in the archive (its lines do not
 *     count again towards boilerplate)
 */
public record ArticleText(
    String title, String lede, String body, LocalDate date, String source, boolean copy) {

  /** A text with no article around it ({@code morgue entities}). */
  public static ArticleText plain(String text) {
    return new ArticleText(null, null, text, null, null, false);
  }

  /** The texts of an article. */
  public static ArticleText of(Article a, boolean copy) {
    return new ArticleText(
        a.title(), a.lede(), a.body().isEmpty() ? null : a.bodyText(), a.date(), a.source(), copy);
  }

  /**
   * The text a mention's offsets point into, or {@code null} (a plain text is held as the body).
   */
  String text(Mention.Field field) {
    return switch (field) {
      case TITLE -> title;
      case LEDE -> lede;
      case BODY, TEXT -> body;
    };
  }
}

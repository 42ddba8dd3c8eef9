package org.morgue.search;

import java.time.LocalDate;
import java.util.List;
import org.morgue.entity.Mention;

/**
 * One article as the article view shows it: every stored field, its wire copies and the articles
 * most like it.
 *
 * @param article the stored fields
 * @param mentions its entity mentions, with offsets into its title, lede or body (the body as
 *     {@link StoredArticle#body()}: paragraphs joined by a blank line), in article order
 * @param copies the ids of the other articles with the same text (same fingerprint), oldest first,
 *     at most {@value StorySelector#MAX_COPY_IDS}
 * @param related up to {@value #RELATED} articles most like this one (Lucene's MoreLikeThis over
 *     title, lede and body), its copies left out, most alike first
 */
public record ArticleView(
    StoredArticle article, List<Mention> mentions, List<String> copies, List<Related> related) {

  /** The related articles an article view lists, at most. */
  public static final int RELATED = 5;

  /** A related article, enough to list and link it. */
  public record Related(
      String id, LocalDate date, String section, String title, String lede, String source) {}
}

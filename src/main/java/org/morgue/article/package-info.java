/**
 * Reading article files into {@link org.morgue.article.Article} records: the house text format
 * ({@link org.morgue.article.HouseFormat}), JSON Lines ({@link org.morgue.article.JsonLines}),
 * gzip, folders ({@link org.morgue.article.ArticleFiles}). Bad input becomes a typed {@link
 * org.morgue.article.ReadEvent.Rejected} with its file, line and {@link org.morgue.article.Reason},
 * never an exception that stops the reading.
 *
 * <p>Knows nothing of Lucene, the index or HTTP.
 */
package org.morgue.article;

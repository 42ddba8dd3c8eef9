/**
 * The index: the fields ({@link org.morgue.index.Fields}, every choice and its reason), the
 * analysis ({@link org.morgue.index.Analyzers}, {@link org.morgue.index.StemExpansion}), the one
 * facet configuration ({@link org.morgue.index.Schema}), articles turned into documents ({@link
 * org.morgue.index.ArticleDocuments}), and the ingest, the only writer of an archive ({@link
 * org.morgue.index.Ingester}).
 *
 * <p>Depends on {@code article}; knows nothing of search requests or HTTP.
 */
package org.morgue.index;

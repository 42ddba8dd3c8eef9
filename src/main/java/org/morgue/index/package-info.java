/**
 * The index: the fields ({@link org.morgue.index.Fields}, every choice and its reason), the
 * analysis ({@link org.morgue.index.Analyzers}, {@link org.morgue.index.StemExpansion}; with the
 * archive's one accent folding, {@link org.morgue.index.Analyzers#fold}, which whatever compares
 * text with the index must use), the one facet configuration ({@link org.morgue.index.Schema}),
 * articles turned into documents ({@link org.morgue.index.ArticleDocuments}) and back ({@link
 * org.morgue.index.StoredArticles}, the one decoder of stored fields: nothing else reads a stored
 * date, body or entity list), the archive's name statistics ({@link
 * org.morgue.index.LuceneNameStatistics}, the document frequencies of the name facts) and its
 * boilerplate ({@link org.morgue.index.Boilerplate}, {@link
 * org.morgue.index.BoilerplateOverrides}), and the ingest, the only writer of an archive ({@link
 * org.morgue.index.Ingester}), which also resolves the archive's names again ({@code
 * recanonicalize}).
 *
 * <p>Depends on {@code article} and {@code entity}; knows nothing of search requests or HTTP.
 */
package org.morgue.index;

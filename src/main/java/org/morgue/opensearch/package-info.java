/**
 * The OpenSearch cluster as a place to keep an archive: the connection ({@link
 * org.morgue.opensearch.OpenSearchClient}, OpenSearch's low-level REST client with Jackson), the
 * index's settings and mapping ({@link org.morgue.opensearch.OpenSearchMapping}), an article as a
 * document of the cluster and back ({@link org.morgue.opensearch.OpenSearchDocuments}), bulk writes
 * with retries ({@link org.morgue.opensearch.OpenSearchIndex}) and the archive's words for stem
 * expansion ({@link org.morgue.opensearch.OpenSearchWords}).
 *
 * <p>It depends on {@code index} (the fields and the one analysis, so that the cluster holds the
 * same words as the embedded index); {@code search} depends on it, never the reverse.
 */
package org.morgue.opensearch;

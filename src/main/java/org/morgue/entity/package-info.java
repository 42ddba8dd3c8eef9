/**
 * People, organisations and places named in an article: extraction, canonical names and the
 * archivist's authority file.
 *
 * <p>The stage between {@code article} and {@code index}: it turns an {@link
 * org.morgue.article.Article} into {@link org.morgue.entity.ArticleEntities} (the mentions, with
 * offsets in the title, lede or body, and the canonical names that become the {@code person},
 * {@code org} and {@code place} facets). It knows nothing of Lucene, of the index layout or of
 * HTTP; it depends only on {@code article} and on Stanford CoreNLP (behind {@link
 * org.morgue.entity.EntityExtractor}).
 *
 * <ul>
 *   <li>{@link org.morgue.entity.EntityFinder}: the one entry point the ingest calls per article,
 *       and the one that re-canonicalises stored mentions when the authority file changes.
 *   <li>{@link org.morgue.entity.CoreNlpExtractor}: the model, behind {@link
 *       org.morgue.entity.EntityExtractor}.
 *   <li>{@link org.morgue.entity.Canonicalizer}: names within one article, the shipped alias and
 *       demonym tables ({@link org.morgue.entity.NameTables}), junk rejection.
 *   <li>{@link org.morgue.entity.AuthorityFile}: the archivist's merges, renames, blocks and
 *       retypes.
 * </ul>
 */
package org.morgue.entity;

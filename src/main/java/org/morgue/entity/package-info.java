/**
 * People, organisations and places named in an article: extraction, resolution to the names an
 * archivist can trust, and the archivist's authority file.
 *
 * <p>The stage between {@code article} and {@code index}. It knows nothing of Lucene, of the index
 * layout or of HTTP; it depends only on {@code article} and on Stanford CoreNLP (behind {@link
 * org.morgue.entity.EntityExtractor}). What it needs of the archive it asks through {@link
 * org.morgue.entity.NameStatistics}, which the index implements.
 *
 * <ul>
 *   <li>{@link org.morgue.entity.EntityFinder}: the one entry point: {@code find} (the model's
 *       output, what the index stores), {@code resolve} (names from it, against the archive) and
 *       {@code facts} (what an article adds to the archive's statistics).
 *   <li>{@link org.morgue.entity.CoreNlpExtractor}: the model, behind {@link
 *       org.morgue.entity.EntityExtractor}.
 *   <li>{@link org.morgue.entity.Canonicalizer}: the per-article steps (cleaning, the shipped
 *       alias, demonym, nickname and given-name tables of {@link org.morgue.entity.NameTables},
 *       roles read as organisations in {@code Context}, capitals, junk), then {@code Resolver}, the
 *       archive's evidence: boilerplate, acronyms, one type per name, partial names and forms of
 *       one person ({@link org.morgue.entity.PersonName}), outlets, one spelling per name.
 *   <li>{@link org.morgue.entity.NameFacts} and {@link org.morgue.entity.NameStatistics}: the facts
 *       each article adds, and their counts over the archive.
 *   <li>{@link org.morgue.entity.AuthorityFile}: the archivist's merges, renames, blocks and
 *       retypes, applied last.
 * </ul>
 */
package org.morgue.entity;

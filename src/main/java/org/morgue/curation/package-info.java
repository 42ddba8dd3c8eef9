/**
 * Curation of the archive's names: the report of suspected splits and junk with the rule that fixes
 * each ({@link org.morgue.curation.NamesReport}), a rule added to the authority file and applied to
 * the running archive ({@link org.morgue.curation.NameCuration}), and their JSON ({@link
 * org.morgue.curation.NamesJson}).
 *
 * <p>Depends on {@code entity}, {@code index} and {@code search}; knows nothing of HTTP (the routes
 * in {@code http} call it).
 */
package org.morgue.curation;

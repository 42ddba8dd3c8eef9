package org.morgue.saved;

import java.time.Instant;

/**
 * One saved search: what it asks, and what it found when it was saved and when it was last marked
 * as seen, so that it can say "412 results when saved on 2026-11-25, 431 now".
 *
 * @param slug its short name in {@code /s/{slug}}: {@code [a-z0-9-]}, unique in the archive
 * @param name the archivist's name for it
 * @param query the canonical query string of the search (without {@code ?}), as the API gives it
 * @param savedAt when it was saved
 * @param totalAtSave the matching articles when it was saved
 * @param indexVersion the version of the index it was saved against (changes with every commit)
 * @param indexGeneration the generation of that index commit
 * @param lastOpenedAt when it was last marked as seen ({@code POST /api/saved/{slug}/seen}), or
 *     {@code null}
 * @param totalAtLastOpen the matching articles then, or {@code null}
 */
public record SavedSearch(
    String slug,
    String name,
    String query,
    Instant savedAt,
    long totalAtSave,
    long indexVersion,
    long indexGeneration,
    Instant lastOpenedAt,
    Long totalAtLastOpen) {

  /** The total it was last seen with: at the last open, else at the save. */
  public long lastSeenTotal() {
    return totalAtLastOpen != null ? totalAtLastOpen : totalAtSave;
  }

  /**
   * How many matches are new since it was saved or last marked as seen: the current total less the
   * total last seen, never negative. (A count, not a list: an article deleted meanwhile hides one
   * new.)
   */
  public long newSince(long currentTotal) {
    return Math.max(0, currentTotal - lastSeenTotal());
  }

  SavedSearch withName(String newName) {
    return new SavedSearch(
        slug,
        newName,
        query,
        savedAt,
        totalAtSave,
        indexVersion,
        indexGeneration,
        lastOpenedAt,
        totalAtLastOpen);
  }

  SavedSearch opened(Instant at, long total) {
    return new SavedSearch(
        slug, name, query, savedAt, totalAtSave, indexVersion, indexGeneration, at, total);
  }
}

package org.morgue.article;

/** What reading an input produced: an article, or a problem at a location. */
public sealed interface ReadEvent {

  Location where();

  /** An article read from {@code where}, maybe with a warning (such as {@link Reason#NO_DATE}). */
  record Parsed(Article article, Location where, Problem warning) implements ReadEvent {}

  /** Input that could not become an article. */
  record Rejected(Location where, Reason reason, String detail) implements ReadEvent {}

  /** A reason with its human detail, e.g. {@code NO_DATE, "unreadable date '31/31/2020'"}. */
  record Problem(Reason reason, String detail) {}
}

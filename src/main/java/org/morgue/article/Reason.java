package org.morgue.article;

/**
 * Why an input was not indexed, or what was wrong with one that was. Each reason is counted in the
 * ingest summary and written, with its location, to the rejects report.
 */
public enum Reason {
  /** The file could not be opened or read to its end (permissions, a truncated gzip stream). */
  UNREADABLE("unreadable", true),
  /** The file, or the article in it, holds no text at all. */
  EMPTY("empty", true),
  /** The bytes are not text (NUL bytes, control characters). */
  BINARY("binary", true),
  /** The bytes are not valid UTF-8 (or UTF-16 with a byte-order mark). */
  ENCODING("bad encoding", true),
  /** Text that does not follow its format: no title, no body, a line that is not JSON. */
  MALFORMED("malformed", true),
  /**
   * Valid JSON that is not an article: not an object, no id, no title, a field of the wrong type.
   */
  NOT_AN_ARTICLE("not an article", true),
  /** The file's name does not say a format Morgue reads (.txt, .jsonl, .ndjson, each maybe .gz). */
  UNSUPPORTED("unsupported file type", true),
  /** The same id came twice in one ingest; the first one is kept. */
  DUPLICATE_ID("duplicate id in this run", true),
  /** Larger than an article can reasonably be. */
  TOO_LARGE("too large", true),
  /**
   * Not a file Morgue can read: a directory named like an article file, a FIFO, a device, a
   * symbolic link that loops or points nowhere.
   */
  NOT_A_FILE("not a regular file", true),
  /** Read, but the index refused it (a value Lucene cannot index, or a failure building it). */
  UNINDEXABLE("cannot index", true),
  /** Indexed, but without a date: it has none, or one that could not be read. */
  NO_DATE("no date", false),
  /** Indexed, but without entities: the extractor failed on it. */
  NO_ENTITIES("no entities", false);

  private final String label;
  private final boolean rejects;

  Reason(String label, boolean rejects) {
    this.label = label;
    this.rejects = rejects;
  }

  /** A short human label, as printed in summaries. */
  public String label() {
    return label;
  }

  /** Whether this reason keeps the article out of the index ({@code false}: a warning only). */
  public boolean rejects() {
    return rejects;
  }
}

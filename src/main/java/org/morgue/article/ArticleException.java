package org.morgue.article;

/** A typed, per-article failure to parse: the ingest counts it and goes on. */
public final class ArticleException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Reason reason;

  public ArticleException(Reason reason, String detail) {
    super(detail);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}

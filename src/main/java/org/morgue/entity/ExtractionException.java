package org.morgue.entity;

/**
 * An extractor failed on one text. The ingest counts it and indexes the article without entities;
 * it never stops an ingest. The message names what failed (the cause is kept).
 */
public final class ExtractionException extends Exception {
  public ExtractionException(String message, Throwable cause) {
    super(message, cause);
  }
}

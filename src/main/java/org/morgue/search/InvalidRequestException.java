package org.morgue.search;

/**
 * A search that cannot run as asked: a bad parameter or a query that does not parse. It names the
 * parameter and, for a query, the character position (0-based) where parsing failed.
 */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;
  private final int position;

  public InvalidRequestException(String parameter, String message) {
    this(parameter, message, -1);
  }

  public InvalidRequestException(String parameter, String message, int position) {
    super(message);
    this.parameter = parameter;
    this.position = position;
  }

  /** The parameter at fault, such as {@code q} or {@code size}. */
  public String parameter() {
    return parameter;
  }

  /** Where in the query parsing failed (0-based), or -1. */
  public int position() {
    return position;
  }
}

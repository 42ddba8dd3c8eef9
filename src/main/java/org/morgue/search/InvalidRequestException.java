package org.morgue.search;

/**
 * A search that cannot run as asked: a bad parameter or a query that does not parse. It names the
 * parameter and, for a query, the character position (0-based) where parsing failed. A request that
 * is too large (a very long query, too many parameters) says so with {@link #tooLarge()}.
 */
public final class InvalidRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;
  private final int position;
  private final boolean tooLarge;

  public InvalidRequestException(String parameter, String message) {
    this(parameter, message, -1);
  }

  public InvalidRequestException(String parameter, String message, int position) {
    this(parameter, message, position, false);
  }

  private InvalidRequestException(
      String parameter, String message, int position, boolean tooLarge) {
    super(message);
    this.parameter = parameter;
    this.position = position;
    this.tooLarge = tooLarge;
  }

  /**
   * A request refused for its size rather than its meaning.
   *
   * @param parameter the parameter at fault, or {@code null} for the request as a whole
   */
  public static InvalidRequestException tooLarge(String parameter, String message) {
    return new InvalidRequestException(parameter, message, -1, true);
  }

  /**
   * The parameter at fault, such as {@code q} or {@code size}; {@code null} for the whole request.
   */
  public String parameter() {
    return parameter;
  }

  /** Where in the query parsing failed (0-based), or -1. */
  public int position() {
    return position;
  }

  /** Whether the request was refused for its size (HTTP 413) rather than its meaning (400). */
  public boolean tooLarge() {
    return tooLarge;
  }
}

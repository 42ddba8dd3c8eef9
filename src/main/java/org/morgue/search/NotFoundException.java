package org.morgue.search;

/**
 * Something asked for by name does not exist: an article id, a facet dimension. It names the
 * parameter that held the name.
 */
public final class NotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String parameter;

  public NotFoundException(String parameter, String message) {
    super(message);
    this.parameter = parameter;
  }

  /** The parameter that named the missing thing, such as {@code id} or {@code dimension}. */
  public String parameter() {
    return parameter;
  }
}

package org.morgue.entity;

import java.util.List;

/**
 * An authority file that cannot be used: every bad line, each named by its number and quoted.
 *
 * <p>Example message: {@code authority.txt line 4: unknown entity type 'PLAC' (PERSON, ORGANIZATION
 * or LOCATION; or person, org, place): type Apple => PLAC}.
 */
public final class AuthorityFileException extends Exception {
  /** One bad line: its number (from 1), what is wrong, and the line as written. */
  public record Problem(int line, String message, String text) {}

  private final String source;
  private final List<Problem> problems;

  AuthorityFileException(String source, List<Problem> problems) {
    super(message(source, problems));
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** The file's name, as given to the parser. */
  public String source() {
    return source;
  }

  /** The bad lines, in file order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String source, List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    for (Problem p : problems) {
      if (!b.isEmpty()) {
        b.append('\n');
      }
      b.append(source)
          .append(" line ")
          .append(p.line())
          .append(": ")
          .append(p.message())
          .append(": ")
          .append(p.text());
    }
    return b.toString();
  }
}

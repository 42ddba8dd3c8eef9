package org.morgue.cli;

/** Output to a person: whether one is at a terminal, and article text made safe to print there. */
final class Terminal {
  private Terminal() {}

  /** Whether output goes to a person at a terminal (the launcher says so with -Dmorgue.tty). */
  static boolean isInteractive() {
    String tty = System.getProperty("morgue.tty");
    return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
  }

  /**
   * Article text printed to a terminal, on one line and without control characters (an article
   * could hold escape sequences): {@code "Cup\nfinal\u001b[2J"} gives {@code "Cup final [2J"}.
   */
  static String oneLine(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
    return b.toString();
  }
}

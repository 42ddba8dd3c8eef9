package org.morgue.cli;

/** Whether output goes to a person at a terminal (the launcher says so with -Dmorgue.tty). */
final class Terminal {
  private Terminal() {}

  static boolean isInteractive() {
    String tty = System.getProperty("morgue.tty");
    return tty != null ? Boolean.parseBoolean(tty) : System.console() != null;
  }
}

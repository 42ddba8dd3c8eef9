package org.morgue.article;

/** Small text helpers shared by the readers. */
final class Text {
  private Text() {}

  /** Trims and folds every run of white space (no-break spaces included) into one space. */
  static String collapse(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        space = b.length() > 0;
      } else {
        if (space) {
          b.append(' ');
          space = false;
        }
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@link #collapse} that gives {@code null} for what would be empty. */
  static String orNull(String s) {
    String c = collapse(s);
    return c.isEmpty() ? null : c;
  }
}

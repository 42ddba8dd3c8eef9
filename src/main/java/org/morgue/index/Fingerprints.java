package org.morgue.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.morgue.article.Article;

/**
 * Hashes of an article: its text fingerprint, shared by wire copies, and its content hash, which
 * changes with any field.
 */
public final class Fingerprints {
  /** Below this many normalised characters, the body alone is too generic and the title joins it. */
  static final int MIN_BODY_CHARS = 200;

  private Fingerprints() {}

  /**
   * The hash of the article's normalised body: lower-cased, letters and digits only, one space
   * between words. Copies of an agency story that differ only in punctuation, spacing, case or
   * headline share it. A short body is hashed with its title, so that one-line items do not collide.
   *
   * <p>Example: bodies {@code "Seven  soldiers died."} and {@code "seven soldiers died"} share one
   * fingerprint.
   */
  public static String fingerprint(Article article) {
    StringBuilder text = new StringBuilder();
    for (String p : article.body()) {
      normalise(p, text);
    }
    if (article.lede() != null && text.length() < MIN_BODY_CHARS) {
      normalise(article.lede(), text);
    }
    if (text.length() < MIN_BODY_CHARS) {
      normalise(article.title(), text);
    }
    return sha256(text.toString(), 16);
  }

  /** A hash of every field of the article and the schema version. */
  public static String contentHash(Article article) {
    StringBuilder b = new StringBuilder(8192);
    b.append(Fields.SCHEMA_VERSION).append('\u0000');
    b.append(article.id()).append('\u0000').append(article.date()).append('\u0000');
    b.append(article.section()).append('\u0000').append(article.title()).append('\u0000');
    b.append(article.lede()).append('\u0000').append(article.authors()).append('\u0000');
    b.append(article.source()).append('\u0000').append(article.url()).append('\u0000');
    for (String p : article.body()) {
      b.append(p).append('\u0001');
    }
    return sha256(b.toString(), 16);
  }

  private static void normalise(String s, StringBuilder out) {
    boolean space = out.length() > 0;
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isLetterOrDigit(c)) {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.appendCodePoint(Character.toLowerCase(c));
      } else if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      }
    }
    if (out.length() > 0) {
      out.append(' ');
    }
  }

  private static String sha256(String s, int bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}

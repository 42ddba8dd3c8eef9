package org.morgue.index;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.lucene.util.StringHelper;
import org.morgue.article.Article;

/**
 * Hashes of an article: its text fingerprint, shared by wire copies, and its content hash, which
 * changes with any field. Both are 128-bit MurmurHash3, written as 32 hex digits: they tell apart
 * articles, not adversaries, and run on the ingest's one reading thread, where SHA-256 would cost a
 * tenth of its time.
 */
public final class Fingerprints {
  /**
   * Below this many normalised characters, the body alone is too generic and the title joins it.
   */
  static final int MIN_BODY_CHARS = 200;

  private Fingerprints() {}

  /**
   * The hash of the article's normalised body: lower-cased, letters and digits only, one space
   * between words. Copies of an agency story that differ only in punctuation, spacing, case or
   * headline share it. A short body is hashed with its lede and title, so that one-line items do
   * not collide.
   *
   * <p>Example: bodies {@code "Seven soldiers died."} and {@code "seven soldiers died"} share one
   * fingerprint.
   */
  public static String fingerprint(Article article) {
    Buffer text = new Buffer();
    for (String p : article.body()) {
      text.normalised(p);
    }
    if (article.lede() != null && text.length < MIN_BODY_CHARS) {
      text.normalised(article.lede());
    }
    if (text.length < MIN_BODY_CHARS) {
      text.normalised(article.title());
    }
    return text.hash();
  }

  /**
   * The hash a copy of the archive (an OpenSearch index) is compared by: the article's content
   * hash, {@code +}, a hash of its names as resolved ({@link Fields#ENTITIES} and the stored
   * mentions), which {@code entities apply} changes without changing the content. {@code stored}
   * needs only those fields.
   */
  public static String copyHash(String contentHash, org.apache.lucene.document.Document stored) {
    Buffer b = new Buffer();
    for (String dim : Fields.ENTITIES) {
      b.field(dim);
      for (String v : stored.getValues(dim)) {
        b.field(v);
      }
    }
    b.field(stored.get(Fields.MENTIONS));
    return contentHash + '+' + b.hash();
  }

  /** The content hash of a {@link #copyHash} (itself when it is a plain content hash). */
  public static String contentOf(String copyHash) {
    int plus = copyHash.indexOf('+');
    return plus < 0 ? copyHash : copyHash.substring(0, plus);
  }

  /** The stored fields {@link #copyHash} reads, and the id. */
  public static final java.util.Set<String> COPY_FIELDS = copyFields();

  private static java.util.Set<String> copyFields() {
    java.util.Set<String> out = new java.util.HashSet<>(Fields.ENTITIES);
    out.add(Fields.ID);
    out.add(Fields.MENTIONS);
    return java.util.Set.copyOf(out);
  }

  /** A hash of every field of the article, the schema version and {@code salt}. */
  public static String contentHash(Article article, String salt) {
    Buffer b = new Buffer();
    b.field(Integer.toString(Fields.SCHEMA_VERSION));
    b.field(salt);
    b.field(article.id());
    b.field(String.valueOf(article.date()));
    b.field(article.section());
    b.field(article.title());
    b.field(article.lede());
    for (String a : article.authors()) {
      b.field(a);
    }
    b.field(article.source());
    b.field(article.url());
    for (String p : article.body()) {
      b.field(p);
    }
    return b.hash();
  }

  private static final byte SPACE = -1;

  /** For each ASCII char: its lower case if a letter or digit, {@link #SPACE}, or 0 (dropped). */
  private static final byte[] ASCII = new byte[128];

  static {
    for (int c = 0; c < 128; c++) {
      if (Character.isLetterOrDigit(c)) {
        ASCII[c] = (byte) Character.toLowerCase(c);
      } else if (Character.isWhitespace(c)) {
        ASCII[c] = SPACE;
      }
    }
  }

  /** A growing byte buffer of UTF-8 text. */
  private static final class Buffer {
    byte[] bytes = new byte[8192];
    int length;

    private void ensure(int more) {
      if (length + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(length + more, bytes.length * 2));
      }
    }

    /** Appends a field and a separator that no text holds. */
    void field(String s) {
      if (s == null) {
        ensure(1);
        bytes[length++] = (byte) 0xFE;
        return;
      }
      byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
      ensure(utf8.length + 1);
      System.arraycopy(utf8, 0, bytes, length, utf8.length);
      length += utf8.length;
      bytes[length++] = (byte) 0xFF;
    }

    /** Appends the letters and digits of {@code s}, lower-cased, one space between words. */
    void normalised(String s) {
      ensure(s.length() * 3 + 1);
      byte[] out = bytes;
      int n = length;
      boolean space = n > 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          byte kind = ASCII[c];
          if (kind > 0) {
            if (space) {
              out[n++] = ' ';
              space = false;
            }
            out[n++] = kind;
          } else if (kind == SPACE) {
            space = n > 0;
          }
        } else if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
          if (space) {
            out[n++] = ' ';
            space = false;
          }
          // UTF-8 of the lower-cased char; a surrogate half is kept as is (3 bytes), which is
          // consistent for the same text, all a fingerprint needs
          char l = Character.toLowerCase(c);
          if (l < 0x800) {
            out[n++] = (byte) (0xC0 | (l >> 6));
            out[n++] = (byte) (0x80 | (l & 0x3F));
          } else {
            out[n++] = (byte) (0xE0 | (l >> 12));
            out[n++] = (byte) (0x80 | ((l >> 6) & 0x3F));
            out[n++] = (byte) (0x80 | (l & 0x3F));
          }
        } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
          space = n > 0;
        }
      }
      length = n; // the next text starts with a space: paragraph breaks count as one space
    }

    String hash() {
      long[] h = StringHelper.murmurhash3_x64_128(bytes, 0, length, 0x6d6f7267);
      return String.format(Locale.ROOT, "%016x%016x", h[0], h[1]);
    }
  }
}

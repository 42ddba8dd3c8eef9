package org.morgue.article;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Helpers shared by the tests of this package: fixture paths, reading, gzip. */
final class Fixtures {
  private Fixtures() {}

  /**
   * A fixture under {@code src/test/resources/fixtures}, as a path on disk.
   *
   * @param relative e.g. {@code "seed/000_27f0df3f21ae055d.txt"}
   */
  static Path fixture(String relative) {
    URL url = Fixtures.class.getResource("/fixtures/" + relative);
    if (url == null) {
      throw new IllegalArgumentException("no fixture '" + relative + "'");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every event {@link ArticleFiles#read} gives for the inputs, in order. */
  static List<ReadEvent> read(Path... inputs) {
    List<ReadEvent> events = new ArrayList<>();
    new ArticleFiles().read(List.of(inputs), events::add);
    return events;
  }

  /** The articles among the events, in order. */
  static List<Article> articles(List<ReadEvent> events) {
    return events.stream()
        .filter(e -> e instanceof ReadEvent.Parsed)
        .map(e -> ((ReadEvent.Parsed) e).article())
        .toList();
  }

  /** The rejections among the events, in order. */
  static List<ReadEvent.Rejected> rejected(List<ReadEvent> events) {
    return events.stream()
        .filter(e -> e instanceof ReadEvent.Rejected)
        .map(e -> (ReadEvent.Rejected) e)
        .toList();
  }

  /** Writes {@code bytes} gzip-compressed to {@code file} and returns the file. */
  static Path gzip(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** Writes {@code text} as UTF-8 to {@code file} (making its folders) and returns the file. */
  static Path write(Path file, String text) {
    return write(file, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} to {@code file} (making its folders) and returns the file. */
  static Path write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Concatenates byte arrays: {@code bytes(utf8("a"), new byte[] {(byte) 0xFF})}. */
  static byte[] bytes(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }
}

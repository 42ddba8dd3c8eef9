package org.morgue.article;

import java.nio.file.Path;

/**
 * Where an article or a problem was found: a file and, for JSON Lines, a line (1-based; 0 means the
 * whole file).
 */
public record Location(Path file, int line) {

  public static Location file(Path file) {
    return new Location(file, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line : file.toString();
  }
}

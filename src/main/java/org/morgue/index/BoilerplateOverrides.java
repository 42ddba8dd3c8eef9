package org.morgue.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.morgue.entity.NameFacts;

/**
 * The archivist's corrections to boilerplate detection, read from {@code boilerplate.txt} beside
 * the index ({@link IndexLayout#boilerplateFile()}). Morgue finds boilerplate from the data: a line
 * that at least five articles of one source share is left out of entity extraction ({@code morgue
 * entities boilerplate} lists them). This file says otherwise, for every source:
 *
 * <pre>
 * # a line to keep, though many articles share it
 * keep: The below is attributable to Spokesperson Ned Price:
 * # a line to leave out, though few articles share it
 * drop: Photo: Getty Images
 * </pre>
 *
 * Lines are compared as boilerplate lines are: case, digits, punctuation and spacing aside (so a
 * copyright line's year does not matter). Blank lines and lines starting with {@code #} are
 * ignored; any other line is an error naming its number. Changes take effect at the next ingest or
 * {@code morgue entities apply}.
 *
 * @param keep hashes ({@link NameFacts#lineHash}) of lines that are never boilerplate
 * @param drop hashes of lines that always are
 */
public record BoilerplateOverrides(Set<String> keep, Set<String> drop) {
  /** No corrections. */
  public static final BoilerplateOverrides NONE = new BoilerplateOverrides(Set.of(), Set.of());

  public BoilerplateOverrides {
    keep = Set.copyOf(keep);
    drop = Set.copyOf(drop);
  }

  /**
   * Reads the file; {@link #NONE} when there is none.
   *
   * @throws IllegalArgumentException naming the file and line of a line that is not a rule
   */
  public static BoilerplateOverrides read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      return NONE;
    }
    Set<String> keep = new HashSet<>();
    Set<String> drop = new HashSet<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String verb = colon < 0 ? "" : line.substring(0, colon).strip();
      String text = colon < 0 ? "" : line.substring(colon + 1).strip();
      String hash = NameFacts.lineHash(text);
      if (!verb.equals("keep") && !verb.equals("drop") || hash == null) {
        throw new IllegalArgumentException(
            file
                + " line "
                + (i + 1)
                + ": expected 'keep: LINE' or 'drop: LINE' with a line of 12 to 200 characters, not '"
                + line
                + "'");
      }
      (verb.equals("keep") ? keep : drop).add(hash);
    }
    return new BoilerplateOverrides(keep, drop);
  }

  /** The count of a boilerplate fact ({@code B|source|hash}) as corrected. */
  long correct(String fact, long count) {
    String hash = fact.substring(fact.lastIndexOf('|') + 1);
    if (keep.contains(hash)) {
      return 0;
    }
    return drop.contains(hash) ? Math.max(count, Integer.MAX_VALUE) : count;
  }
}

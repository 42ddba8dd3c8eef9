package org.morgue.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A person's name taken apart for matching: given name, middle names or initials, surname (with its
 * particles) and suffix, each as a key ({@link NameTables#key}: lower case, no accents, periods or
 * hyphens).
 *
 * <p>Examples: {@code Lloyd J. Austin III} is given {@code lloyd}, middles {@code [j]}, surname
 * {@code austin}, suffix {@code iii}; {@code Sayyid Badr al-Busaidi} is given {@code sayyid},
 * middles {@code [badr]}, surname {@code al busaidi} (also found by {@code busaidi} alone); {@code
 * Hayashi Yoshimasa} (family name first) is given {@code hayashi}, surname {@code yoshimasa}: a
 * one-word mention matches either end, so "Hayashi" finds it as "Hillary" finds Hillary Clinton.
 *
 * @param words every word's key, suffix included
 * @param given the first word
 * @param middles the words between the given name and the surname
 * @param surname the last word with the particles before it ({@code al busaidi}, {@code van gogh})
 * @param bareSurname the last word alone ({@code busaidi})
 * @param suffix {@code jr}, {@code sr}, {@code ii}, ... or empty
 */
public record PersonName(
    List<String> words,
    String given,
    List<String> middles,
    String surname,
    String bareSurname,
    String suffix) {

  /** Particles that belong to the surname that follows them. */
  static final Set<String> PARTICLES =
      Set.of(
          "al", "el", "bin", "bint", "ibn", "abu", "van", "von", "der", "den", "de", "da", "di",
          "du", "la", "le", "dos", "das", "del", "della", "ter", "ten", "st", "mac");

  static final Set<String> SUFFIXES = Set.of("jr", "sr", "ii", "iii", "iv", "v");

  /**
   * The parts of a cleaned person name; {@code null} when it has fewer than two words once its
   * suffix is set aside (a one-word name is a partial name, not a full one).
   */
  public static PersonName parse(String name) {
    Object known = CACHE.get(name);
    if (known != null) {
      return known == NONE ? null : (PersonName) known;
    }
    PersonName p = parseAnew(name);
    if (CACHE.size() > 200_000) {
      CACHE.clear(); // bounded: a cache of the names of recent articles
    }
    CACHE.put(name, p == null ? NONE : p);
    return p;
  }

  private static final Object NONE = new Object();

  private static final java.util.Map<String, Object> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static PersonName parseAnew(String name) {
    String key = NameTables.key(name);
    if (key.isEmpty()) {
      return null;
    }
    List<String> words = List.of(key.split(" "));
    int end = words.size();
    String suffix = "";
    if (end > 2 && SUFFIXES.contains(words.get(end - 1))) {
      suffix = words.get(end - 1);
      end--;
    }
    if (end < 2 || end == 2 && PARTICLES.contains(words.get(0))) {
      return null; // one word, or a surname with its particle ("Al-Busaidi")
    }
    int surnameStart = end - 1;
    while (surnameStart > 1 && PARTICLES.contains(words.get(surnameStart - 1))) {
      surnameStart--;
    }
    String surname = String.join(" ", words.subList(surnameStart, end));
    return new PersonName(
        words,
        words.get(0),
        List.copyOf(words.subList(1, surnameStart)),
        surname,
        words.get(end - 1),
        suffix);
  }

  /** The key of the whole name without its suffix: {@code lloyd j austin}. */
  public String keyWithoutSuffix() {
    List<String> w = new ArrayList<>(words);
    if (!suffix.isEmpty()) {
      w.remove(w.size() - 1);
    }
    return String.join(" ", w);
  }

  /** Whether a word is a repeat of another word of the name ("Trump Trump"), a sign of junk. */
  public boolean hasRepeatedWord() {
    return words.stream().distinct().count() < words.size();
  }
}

package org.morgue.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * English inflections by rule, with no dictionary: the words a word may be an inflection of (its
 * <em>bases</em>), so that two words are forms of one word when their bases meet. A word is its own
 * base; a plural or third person ({@code -s}, {@code -es}, {@code -ies}), a past ({@code -ed},
 * {@code -ied}) or a present participle ({@code -ing}) adds what undoing its ending may give, the
 * silent {@code e} and a doubled consonant considered ({@code hoping} → {@code hope}, {@code
 * planned} → {@code plan}). Derivations are never undone: {@code officer} is not {@code office},
 * {@code nationalism} not {@code nation}, {@code economics} not {@code economic}.
 *
 * <p>Examples: {@code bases("officers")} is {@code [officers, officer]}; {@code bases("running")}
 * is {@code [running, runn, run, runne]}, which meets {@code bases("runs")}, {@code [runs, run]}.
 * Irregular forms ({@code ran}, {@code children}) are only themselves.
 */
final class Inflections {
  /** A base is at least this long: {@code news} is not {@code new}'s plural by length alone. */
  private static final int MIN_BASE = 3;

  /** Words ending in {@code -s} that are no plural. */
  private static final Set<String> NOT_PLURAL =
      Set.of(
          "news",
          "always",
          "perhaps",
          "sometimes",
          "towards",
          "afterwards",
          "besides",
          "whereas",
          "economics",
          "politics",
          "physics",
          "ethics",
          "mathematics",
          "athletics",
          "genetics",
          "electronics",
          "series",
          "species",
          "lens");

  private Inflections() {}

  /** The bases of a lower-cased word: itself first, then what undoing an inflection gives. */
  static List<String> bases(String w) {
    List<String> out = new ArrayList<>(4);
    out.add(w);
    int n = w.length();
    if (w.endsWith("s") && !NOT_PLURAL.contains(w)) {
      if (w.endsWith("ies")) {
        add(out, w.substring(0, n - 3) + "y"); // policies
      } else if (w.endsWith("es") && sibilant(w.substring(0, n - 2))) {
        add(out, w.substring(0, n - 2)); // taxes, speeches
      }
      if (!w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
        add(out, w.substring(0, n - 1)); // officers, races
      }
    } else if (w.endsWith("ed")) {
      if (w.endsWith("ied")) {
        add(out, w.substring(0, n - 3) + "y"); // studied
      }
      String s = w.substring(0, n - 2);
      add(out, s); // worked
      add(out, w.substring(0, n - 1)); // voted
      addUndoubled(out, s); // planned
    } else if (w.endsWith("ing")) {
      String s = w.substring(0, n - 3);
      add(out, s); // working
      addUndoubled(out, s); // running
      if (!s.isEmpty() && !vowel(s.charAt(s.length() - 1))) {
        add(out, s + "e"); // hoping
      }
    }
    return out;
  }

  /**
   * Whether two lower-cased words are forms of one word: their bases meet ({@code officers} and
   * {@code officer's}; not {@code officers} and {@code office}). A possessive counts as its word.
   */
  static boolean sameWord(List<String> basesOfOne, String other) {
    for (String b : bases(withoutPossessive(other))) {
      if (basesOfOne.contains(b)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The letters every form of a word starts with: those of its shortest base but the last, which an
   * {@code e} or {@code y} may replace ({@code stud} for {@code studies}).
   */
  static String walkPrefix(List<String> bases) {
    String shortest = bases.get(0);
    for (String b : bases) {
      if (b.length() < shortest.length()) {
        shortest = b;
      }
    }
    return shortest.substring(0, Math.max(1, shortest.length() - 1));
  }

  /** A word with its possessive ending dropped: {@code officer's}, {@code officers'}. */
  static String withoutPossessive(String w) {
    int n = w.length();
    if (n > 2 && w.charAt(n - 1) == 's' && apostrophe(w.charAt(n - 2))) {
      return w.substring(0, n - 2);
    }
    if (n > 1 && apostrophe(w.charAt(n - 1))) {
      return w.substring(0, n - 1);
    }
    return w;
  }

  private static boolean apostrophe(char c) {
    return c == '\'' || c == '\u2019' || c == '\uFF07';
  }

  private static void add(List<String> out, String base) {
    if (base.length() >= MIN_BASE && !out.contains(base)) {
      out.add(base);
    }
  }

  private static void addUndoubled(List<String> out, String s) {
    int n = s.length();
    if (n >= 2 && s.charAt(n - 1) == s.charAt(n - 2) && !vowel(s.charAt(n - 1))) {
      add(out, s.substring(0, n - 1));
    }
  }

  private static boolean sibilant(String s) {
    return s.endsWith("s")
        || s.endsWith("x")
        || s.endsWith("z")
        || s.endsWith("ch")
        || s.endsWith("sh")
        || s.endsWith("o");
  }

  private static boolean vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
  }
}

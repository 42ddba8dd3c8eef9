package org.morgue.entity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped name tables: aliases ({@code aliases.tsv}) and demonyms ({@code demonyms.tsv}), both
 * in {@code src/main/resources/org/morgue/entity/}, whose header comments document their format.
 *
 * <p>Example: {@code NameTables.shipped().alias("U.S.")} gives {@code Entry[type=LOCATION,
 * name=United States]}; {@code demonym("Azerbaijanis")} gives {@code Azerbaijan}.
 *
 * <p>Immutable and thread-safe; {@link #shipped()} loads the tables once per JVM.
 */
public final class NameTables {
  /** A canonical name and the type it is filed under. */
  public record Entry(EntityType type, String name) {}

  /** A demonym found in a text, with its place. */
  public record Found(int start, int end, String place) {}

  private final Map<String, Entry> exact = new HashMap<>();
  private final Map<String, Entry> anyCase = new HashMap<>();
  private final Map<String, String> demonyms = new HashMap<>();
  private final Set<String> places = new HashSet<>();
  private final Pattern demonymPattern;
  private final Map<String, Set<String>> formal = new HashMap<>();
  private final Map<String, Set<String>> formalWithSelf =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Character> gender = new HashMap<>();

  private NameTables(List<String> aliasLines, List<String> demonymLines) {
    for (int i = 0; i < aliasLines.size(); i++) {
      String line = aliasLines.get(i);
      if (skip(line)) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length < 2) {
        throw new IllegalStateException(
            "aliases.tsv line " + (i + 1) + ": needs TYPE<TAB>Canonical name: " + line);
      }
      Entry entry = new Entry(EntityType.parse(cols[0]), cols[1].strip());
      for (int c = 1; c < cols.length; c++) {
        String alias = cols[c].strip();
        if (alias.isEmpty()) {
          continue;
        }
        String k = fold(alias);
        Entry before = exact.put(k, entry);
        if (before != null && !before.equals(entry)) {
          throw new IllegalStateException(
              "aliases.tsv line "
                  + (i + 1)
                  + ": '"
                  + alias
                  + "' is already an alias of "
                  + before.name());
        }
        if (letters(k) > 3) {
          anyCase.put(k.toLowerCase(Locale.ROOT), entry);
        }
      }
    }
    List<String> words = new ArrayList<>();
    for (int i = 0; i < demonymLines.size(); i++) {
      String line = demonymLines.get(i);
      if (skip(line)) {
        continue;
      }
      String[] cols = line.split("\t");
      if (cols.length != 2) {
        throw new IllegalStateException(
            "demonyms.tsv line " + (i + 1) + ": needs Demonym<TAB>Place: " + line);
      }
      String word = cols[0].strip();
      demonyms.put(word, cols[1].strip());
      places.add(key(cols[1]));
      demonyms.put(word.toUpperCase(Locale.ROOT), cols[1].strip());
      words.add(word);
      words.add(word.toUpperCase(Locale.ROOT));
    }
    // longest first, so that "South African" wins over "African" were both listed
    words.sort(Comparator.comparingInt(String::length).reversed());
    StringBuilder alternation = new StringBuilder();
    for (String w : words) {
      alternation.append(alternation.isEmpty() ? "" : "|").append(Pattern.quote(w));
    }
    demonymPattern =
        Pattern.compile("(?<![\\p{L}\\p{N}])(" + alternation + ")(?:s|S)?(?![\\p{L}\\p{N}])");
  }

  /** The tables shipped with Morgue. */
  public static NameTables shipped() {
    return Shipped.TABLES;
  }

  private static final class Shipped {
    static final NameTables TABLES =
        new NameTables(resource("aliases.tsv"), resource("demonyms.tsv"))
            .withNicknames(resource("nicknames.tsv"))
            .withGivenNames(resource("given-names.tsv"));
  }

  /** These tables with the given-name table's lines ({@code given-names.tsv}'s format). */
  NameTables withGivenNames(List<String> lines) {
    for (String line : lines) {
      if (skip(line)) {
        continue;
      }
      String[] cols = line.strip().split("\\t");
      char g = cols[0].strip().charAt(0);
      for (String name : cols[1].strip().split(" +")) {
        Character before = gender.putIfAbsent(key(name), g);
        if (before != null && before != g) {
          gender.put(key(name), '?'); // listed as both: says nothing
        }
      }
    }
    return this;
  }

  /**
   * {@code 'F'} or {@code 'M'} for a given name's key that is almost always a woman's or a man's;
   * {@code 0} otherwise. Example: {@code gender("melania")} is {@code 'F'}.
   */
  public char gender(String given) {
    Character g = gender.get(given);
    return g == null || g == '?' ? 0 : g;
  }

  /** These tables with the nickname table's lines ({@code nicknames.tsv}'s format). */
  NameTables withNicknames(List<String> lines) {
    for (String line : lines) {
      if (skip(line)) {
        continue;
      }
      String[] cols = line.strip().split("\t");
      String name = key(cols[0]);
      formal.computeIfAbsent(name, k -> new HashSet<>()).add(name);
      for (int c = 1; c < cols.length; c++) {
        formal.computeIfAbsent(key(cols[c]), k -> new HashSet<>()).add(name);
      }
    }
    return this;
  }

  /**
   * The formal given names a given name's key stands for, itself included: {@code formal("tony")}
   * is {@code [tony, anthony, antony]}, {@code formal("nikol")} is {@code [nikol]}.
   */
  public Set<String> formalNames(String given) {
    Set<String> known = formalWithSelf.get(given);
    if (known != null) {
      return known;
    }
    Set<String> out = new HashSet<>(formal.getOrDefault(given, Set.of()));
    out.add(given);
    if (formalWithSelf.size() > 100_000) {
      formalWithSelf.clear(); // bounded: a cache, not a table
    }
    Set<String> answer = Set.copyOf(out);
    formalWithSelf.put(given, answer);
    return answer;
  }

  /**
   * Whether two given names' keys may name the same person: equal, sharing a formal name ({@code
   * bill} and {@code william}), or one the other's initial ({@code j} and {@code james}).
   */
  public boolean sameGiven(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.length() == 1 || b.length() == 1) {
      return a.charAt(0) == b.charAt(0);
    }
    Set<String> fa = formalNames(a);
    for (String f : formalNames(b)) {
      if (fa.contains(f)) {
        return true;
      }
    }
    return false;
  }

  /** Tables from the given lines, in the shipped files' formats (for tests). */
  static NameTables of(List<String> aliasLines, List<String> demonymLines) {
    return new NameTables(aliasLines, demonymLines);
  }

  /**
   * The canonical entry a name is an alias of (or is the canonical name of), or {@code null}.
   * Periods, accents, hyphens and spacing do not count; case counts only for names of three letters
   * or fewer. Example: {@code alias("U.N.")} and {@code alias("UNITED NATIONS")} give United
   * Nations; {@code alias("Un")} gives {@code null}.
   */
  public Entry alias(String name) {
    String k = fold(name);
    Entry e = exact.get(k);
    if (e == null && letters(k) > 3) {
      e = anyCase.get(k.toLowerCase(Locale.ROOT));
    }
    return e;
  }

  /**
   * Whether a name is a known place: a place of the alias table (as canonical name or alias) or of
   * the demonym table. Example: {@code isPlace("Israel")}, {@code isPlace("Va.")} are true; {@code
   * isPlace("Kalbajar")} is false (the model alone knows it).
   */
  public boolean isPlace(String name) {
    Entry e = alias(name);
    return e != null ? e.type() == EntityType.LOCATION : places.contains(key(name));
  }

  /**
   * The place a demonym names, or {@code null}: {@code demonym("Armenians")} gives Armenia. The
   * word must be written as in the table or in capitals.
   */
  public String demonym(String word) {
    String w = word.strip();
    String place = demonyms.get(w);
    if (place == null && (w.endsWith("s") || w.endsWith("S"))) {
      place = demonyms.get(w.substring(0, w.length() - 1));
    }
    return place;
  }

  /** The demonyms in a text, in order, as whole words. */
  public List<Found> findDemonyms(String text) {
    List<Found> found = new ArrayList<>();
    Matcher m = demonymPattern.matcher(text);
    while (m.find()) {
      found.add(new Found(m.start(), m.end(), demonyms.get(m.group(1))));
    }
    return found;
  }

  /**
   * A name's matching key: accents removed (NFKD without combining marks), periods removed, hyphens
   * and runs of white space as one space, trimmed; case kept. {@code fold("U.S.")} is {@code US},
   * {@code fold("Kim Jong-un")} is {@code Kim Jong un}, {@code fold("Erdoğan")} is {@code Erdogan}.
   */
  static String fold(String name) {
    // plain ASCII (most names) has no accents to take apart: skip the costly normalisation
    String s = isAscii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK || c == '.') {
        continue;
      }
      if (Character.isWhitespace(c)
          || Character.isSpaceChar(c)
          || c == '-'
          || c == '\u2010'
          || c == '\u2011'
          || c == '\u2013') {
        space = true;
        continue;
      }
      if (space && !b.isEmpty()) {
        b.append(' ');
      }
      space = false;
      String letters = UNDECOMPOSED.get(c);
      if (letters != null) {
        b.append(letters);
      } else {
        b.append(c == '\u2019' ? '\'' : c);
      }
    }
    return b.toString();
  }

  /**
   * Letters that Unicode does not decompose into a base letter and a mark, folded as the index
   * folds them ({@code index.Analyzers#fold}), so that a name key agrees with the words of the
   * index: "Søren" and "Soren" are one name.
   */
  private static final Map<Character, String> UNDECOMPOSED =
      Map.ofEntries(
          Map.entry('ø', "o"),
          Map.entry('Ø', "O"),
          Map.entry('æ', "ae"),
          Map.entry('Æ', "AE"),
          Map.entry('œ', "oe"),
          Map.entry('Œ', "OE"),
          Map.entry('ß', "ss"),
          Map.entry('ł', "l"),
          Map.entry('Ł', "L"),
          Map.entry('đ', "d"),
          Map.entry('Đ', "D"),
          Map.entry('ð', "d"),
          Map.entry('Ð', "D"),
          Map.entry('þ', "th"),
          Map.entry('Þ', "TH"),
          Map.entry('ı', "i"));

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /** {@link #fold} in lower case: the key for comparing names regardless of case. */
  public static String key(String name) {
    return fold(name).toLowerCase(Locale.ROOT);
  }

  private static int letters(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isLetter(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  private static boolean skip(String line) {
    String s = line.strip();
    return s.isEmpty() || s.startsWith("#");
  }

  private static List<String> resource(String name) {
    try (InputStream in = NameTables.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "resource org/morgue/entity/" + name + " is missing from the class path");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.morgue.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts one article adds to the archive's name statistics ({@link NameStatistics}), as short
 * strings: a kind letter, then keys ({@link NameTables#key}) separated by {@code |}. The index
 * keeps each as a term, so the archive counts how many articles hold each fact.
 *
 * <table>
 * <caption>The facts</caption>
 * <tr><th>fact</th><th>what its count says</th></tr>
 * <tr><td>{@code T|PERSON|trump}</td><td>articles where "Trump" is found as a person (type votes)</td></tr>
 * <tr><td>{@code V|ORGANIZATION|senate|U.S. Senate}</td><td>articles spelling a name so (one spelling
 *     per name; a leading "U.S." of an institution is not part of its key)</td></tr>
 * <tr><td>{@code P|barack obama|Barack Obama}</td><td>articles naming a full person name so</td></tr>
 * <tr><td>{@code L|obama|barack obama}</td><td>full names by surname (also the bare last word of a
 *     particle surname: {@code L|busaidi|...})</td></tr>
 * <tr><td>{@code G|hillary|hillary clinton}</td><td>full names by given name and its formal forms
 *     (and by the first word of a family-name-first name)</td></tr>
 * <tr><td>{@code Y|2016|donald trump}</td><td>full names by year, to weigh names near a date</td></tr>
 * <tr><td>{@code H|president|barack obama}</td><td>titles and honorifics written just before a
 *     full name</td></tr>
 * <tr><td>{@code A|CDC|Centers for Disease Control and Prevention}</td><td>acronym definitions
 *     written in the text: "Centers for Disease Control and Prevention (CDC)"</td></tr>
 * <tr><td>{@code B|washington times|5f3a...}</td><td>articles of a source holding a line (digits
 *     folded): lines many articles of one source share are boilerplate. Wire copies do not
 *     count</td></tr>
 * <tr><td>{@code S|the hill|The Hill}</td><td>the archive's sources: a name that is a source is the
 *     outlet</td></tr>
 * <tr><td>{@code Q|bucha}</td><td>articles where a one-word name found as a person is written as a
 *     place is: "in Bucha", "the town of Bucha", "Bucha, Ukraine" (see {@link #placeCue})</td></tr>
 * </table>
 */
public final class NameFacts {
  private NameFacts() {}

  /**
   * Common words that start a capitalised phrase the model takes for a name ("Never Trump", "Dear
   * Donald", "Team Biden"), never a given name.
   */
  static final Set<String> NOT_GIVEN =
      Set.of(
          ("never not no yes why how when where what who all any every more most anti pro ex dear hey oh thank thanks vote team president former sen rep gov mr mrs ms dr and or but with without for from after before says said via by reporter photo credit getty ap reuters afp image images video watch read breaking exclusive update live new old young big little saint st")
              .split(" "));

  /** Lines shorter or longer than these are never boilerplate candidates. */
  static final int MIN_LINE = 12;

  static final int MAX_LINE = 200;

  /**
   * The version of the facts: bumped when a change of Morgue changes the facts an article gives, so
   * that {@code entities apply} writes every article's facts again before resolving.
   */
  public static final int VERSION = 9;

  /** An acronym in brackets right after a name: " (INL)". */
  private static final Pattern DEFINED_AFTER =
      Pattern.compile("^[\\s\\u00A0]*\\((\\p{Lu}[\\p{Lu}.&]{1,7})\\)");

  /** An acronym in brackets: "(CDC)", "(U.N.)". */
  private static final Pattern ACRONYM = Pattern.compile("\\((\\p{Lu}[\\p{Lu}.&]{1,7})\\)");

  /** The capitalised words (and small joining words) just before it, read backwards. */
  private static final Pattern LONG_NAME =
      Pattern.compile(
          "((?:\\p{Lu}[\\p{L}'’&.-]*[\\s\\u00A0]+)(?:(?:of|for|and|on|the|in|to|de|&)[\\s\\u00A0]+|\\p{Lu}[\\p{L}'’&.-]*[\\s\\u00A0]+){0,9}\\p{Lu}[\\p{L}'’&.-]*)[\\s\\u00A0]*$");

  static Set<String> of(ArticleText text, List<Canonicalizer.Draft> drafts, NameTables tables) {
    Set<String> facts = new LinkedHashSet<>();
    int year = text == null || text.date() == null ? -1 : text.date().getYear();
    Map<String, List<String>> fullBySurname = new HashMap<>();
    for (Canonicalizer.Draft d : drafts) {
      if (d.dropped) {
        continue;
      }
      String k = NameTables.key(d.name);
      if (k.isEmpty() || Canonicalizer.junk(d.name)) {
        continue;
      }
      facts.add("T|" + d.type + "|" + k);
      Matcher defined = DEFINED_AFTER.matcher(d.after);
      if (d.type == EntityType.ORGANIZATION && defined.find() && d.words.length > 1) {
        // "the Bureau of International Narcotics and Law Enforcement Affairs (INL)"
        facts.add("A|" + defined.group(1).replace(".", "") + "|" + d.name);
      }
      facts.add("V|" + d.type + "|" + variantKey(d.type, k) + "|" + d.name);
      if (d.type != EntityType.PERSON) {
        continue;
      }
      if (d.words.length == 1 && placeCue(d.before, d.after, tables)) {
        facts.add("Q|" + k);
      }
      PersonName p = PersonName.parse(d.name);
      if (p == null || !plausible(d.name, p)) {
        continue;
      }
      String fk = p.keyWithoutSuffix();
      facts.add("P|" + fk + "|" + d.name);
      facts.add("L|" + p.surname() + "|" + fk);
      if (!p.bareSurname().equals(p.surname())) {
        facts.add("L|" + p.bareSurname() + "|" + fk);
      }
      for (String g : tables.formalNames(p.given())) {
        facts.add("G|" + g + "|" + fk);
      }
      if (year > 0) {
        facts.add("Y|" + year + "|" + fk);
      }
      for (String t : d.titles) {
        facts.add("H|" + t + "|" + fk);
      }
      // the surname as written finds the name too ("Zelenskyy" for Volodymyr Zelensky)
      PersonName w = d.written.equals(d.name) ? null : PersonName.parse(d.written);
      if (w != null && !w.surname().equals(p.surname())) {
        facts.add("L|" + w.surname() + "|" + fk);
      }
      fullBySurname.computeIfAbsent(p.surname(), x -> new ArrayList<>()).add(fk);
      fullBySurname.computeIfAbsent(p.bareSurname(), x -> new ArrayList<>()).add(fk);
    }
    if (text != null) {
      for (String t : new String[] {text.title(), text.lede(), text.body()}) {
        for (Map.Entry<String, String> def : definitions(t).entrySet()) {
          facts.add("A|" + def.getKey() + "|" + def.getValue());
        }
      }
      if (text.source() != null) {
        String sk = sourceKey(text.source());
        if (!sk.isEmpty()) {
          facts.add("S|" + sk + "|" + sourceName(text.source()));
          if (!text.copy() && text.body() != null) {
            for (String line : text.body().split("\n")) {
              String h = lineHash(line);
              if (h != null) {
                facts.add("B|" + sk + "|" + h);
              }
            }
          }
        }
      }
    }
    return facts;
  }

  /** Words after which a name is a place: "in Bucha", "near Irpin", "the town of Ferguson". */
  private static final Pattern PLACE_BEFORE =
      Pattern.compile(
          "(?i)(?:^|[\\s(])(?:in|near|outside|(?:town|city|village|suburb|region|province|district)"
              + " of)[\\s\\u00A0]+$");

  /**
   * What may follow such a name: not a possessive, not another capitalised word ("in Trump Tower").
   */
  private static final Pattern PLACE_AFTER_OK =
      Pattern.compile("^(?!['’]s\\b)(?![\\s\\u00A0]+\\p{Lu})");

  /** A comma and a known place after a name: "Bucha, Ukraine", "Ferguson, Mo." */
  private static final Pattern PLACE_AFTER =
      Pattern.compile("^,[\\s\\u00A0]+(\\p{Lu}[\\p{L}.’'-]*(?:[\\s\\u00A0]\\p{Lu}[\\p{L}.’'-]*)?)");

  /**
   * Whether the words around a one-word name found as a person say it is a place: a preposition of
   * place before it ("in", "near", "outside", "the town of") and neither a possessive nor another
   * capitalised word after it, or a comma and a place the shipped tables know after it ("Bucha,
   * Ukraine", "Ferguson, Missouri"), not followed by a capitalised word ("Cornyn, Texas
   * Republican"). The archive counts the articles that write a name so; a name written so in enough
   * of its articles is a place (see {@code Resolver}).
   */
  static boolean placeCue(String before, String after, NameTables tables) {
    if (PLACE_BEFORE.matcher(before).find() && PLACE_AFTER_OK.matcher(after).find()) {
      return true;
    }
    Matcher m = PLACE_AFTER.matcher(after);
    if (!m.find()) {
      return false;
    }
    if (!PLACE_AFTER_OK.matcher(after.substring(m.end())).find()) {
      return false;
    }
    String place = m.group(1);
    NameTables.Entry e = tables.alias(place);
    if (e == null && place.endsWith(".")) {
      e = tables.alias(place.substring(0, place.length() - 1));
    }
    return e != null && e.type() == EntityType.LOCATION;
  }

  /**
   * The key under which spellings of one name are counted together: its key, and for an
   * organisation without a leading "U.S." or "United States" ({@code U.S. Senate} and {@code
   * Senate} are one institution, spelled as the archive most often spells it; so are {@code
   * Department of the Treasury} and {@code Department of Treasury}).
   */
  static String variantKey(EntityType type, String key) {
    if (type == EntityType.ORGANIZATION) {
      key = key.replace(" the ", " "); // "Department of the Treasury", "Department of Treasury"
      for (String prefix : new String[] {"united states ", "us "}) {
        if (key.startsWith(prefix) && key.length() > prefix.length() + 3) {
          return key.substring(prefix.length());
        }
      }
    }
    return key;
  }

  /**
   * Whether a full person name can stand for a person: at most six words, no word repeated ("Trump
   * Trump"), no words run together ("TrumpGOP").
   */
  static boolean plausible(String display, PersonName p) {
    if (p.words().size() > 6 || p.hasRepeatedWord() || NOT_GIVEN.contains(p.given())) {
      return false;
    }
    return !runTogether(display);
  }

  /**
   * A word with a capital after four or more lower-case letters ("TrumpGOP"; not "McConnell",
   * "MacArthur" or "MaliVai").
   */
  static boolean runTogether(String s) {
    int lower = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        lower++;
      } else if (Character.isUpperCase(c)) {
        if (lower >= 4) {
          return true;
        }
        lower = 0;
      } else {
        lower = 0;
      }
    }
    return false;
  }

  /** The acronym definitions of a text: acronym to long name, where the initials agree. */
  static Map<String, String> definitions(String text) {
    Map<String, String> out = new HashMap<>();
    if (text == null || text.indexOf('(') < 0) {
      return out;
    }
    Matcher a = ACRONYM.matcher(text);
    while (a.find()) {
      String acronym = a.group(1).replace(".", "");
      Matcher m = LONG_NAME.matcher(text.substring(Math.max(0, a.start() - 160), a.start()));
      if (!m.find()) {
        continue;
      }
      String[] words = Canonicalizer.SPACES.split(m.group(1).strip());
      // the long name is the shortest tail whose capitalised words give the acronym's letters
      for (int start = words.length - 1; start >= 0; start--) {
        String initials = initials(words, start);
        if (initials.equals(acronym) || initials.equals(acronym.replace("&", ""))) {
          if (Character.isUpperCase(words[start].charAt(0))) {
            out.put(
                acronym,
                String.join(" ", java.util.Arrays.copyOfRange(words, start, words.length)));
          }
          break;
        }
        if (initials.length() > acronym.length()) {
          break;
        }
      }
    }
    return out;
  }

  private static String initials(String[] words, int start) {
    StringBuilder b = new StringBuilder();
    for (int i = start; i < words.length; i++) {
      char c = words[i].charAt(0);
      if (Character.isUpperCase(c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * A line's hash for boilerplate counting, or {@code null} for a line too short or too long: lower
   * case, digits as {@code 0} (so the year of a copyright line does not matter), punctuation and
   * spacing as one space.
   */
  public static String lineHash(String line) {
    String s = line.strip();
    if (s.length() < MIN_LINE || s.length() > MAX_LINE) {
      return null;
    }
    StringBuilder b = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetter(c)) {
        if (space && !b.isEmpty()) {
          b.append(' ');
        }
        space = false;
        b.append(Character.toLowerCase(c));
      } else if (Character.isDigit(c)) {
        if (space && !b.isEmpty()) {
          b.append(' ');
        }
        space = false;
        b.append('0');
      } else {
        space = true;
      }
    }
    // 40 bits: two lines of one source colliding would count one article twice, not make
    // boilerplate, and the index keeps a term per line, so the term stays short
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < b.length(); i++) {
      h = (h ^ b.charAt(i)) * 0x100000001b3L;
    }
    return Long.toHexString((h >>> 24) | (1L << 40)).substring(1);
  }

  /** A source's key: without what it says in brackets and a leading "the". */
  static String sourceKey(String source) {
    String k = NameTables.key(sourceName(source));
    return k.startsWith("the ") ? k.substring(4) : k;
  }

  /** A source's name without what it says in brackets: "U.S. Department of State". */
  static String sourceName(String source) {
    return source.replaceAll("\\s*\\([^)]*\\)", "").strip();
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}

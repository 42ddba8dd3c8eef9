package org.morgue.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Gives the mentions of one article their canonical names, so that a facet shows one value for each
 * real entity; drops junk and what the authority file blocks.
 *
 * <p>For each mention, in article order (title, lede, body):
 *
 * <ol>
 *   <li><b>Clean</b> the surface text ({@link #clean}): spacing collapsed, surrounding quotes and
 *       brackets and a possessive {@code 's} dropped; for organisations and places also a leading
 *       "the", an "anti-" or "pro-" and a trailing "-based"; for people a leading title ("Mr.",
 *       "Dr.", "President").
 *   <li><b>Aliases</b> from the shipped table ({@link NameTables#alias}): {@code U.S.}, {@code
 *       America} become United States, {@code EU} European Union. An entry applies to mentions of
 *       its own type, and to an acronym of another type ({@code EU} found as a place is still the
 *       organisation).
 *   <li><b>Demonyms</b>: a rule mention ("Azerbaijani") is the place of the demonym table, filed as
 *       a place; a model place written as a demonym likewise. Off: rule mentions are dropped.
 *   <li><b>Capitals</b>: a name written all in capitals ({@code RUSSIA}) takes the article's own
 *       mixed case spelling of it, else (people and places with a word of four letters or more)
 *       title case.
 *   <li><b>Partial names</b>: a person's surname alone ({@code Pashinyan}, {@code Mr. Pashinyan})
 *       joins the article's full name that ends with it ({@code Nikol Pashinyan}); the nearest full
 *       name before it wins, else the nearest after it. A one-word organisation or place may join a
 *       person the same way and become a person (details at {@code partialNames}).
 *   <li><b>Authority file</b> ({@link AuthorityFile#resolve}): merges, types, blocks.
 *   <li><b>Junk</b> is dropped: a name with no letter or of one character, a lone article or
 *       pronoun ("The"), a weekday or month name ("Tuesday") that did not join a longer name, a
 *       lone "LLC".
 * </ol>
 *
 * A mention's surface text, field and offsets never change; only its type and canonical name do, so
 * that running this again on the stored output gives the same result.
 *
 * <p>Immutable and thread-safe.
 */
public final class Canonicalizer {
  private static final Set<String> JUNK =
      Set.of(
          "the",
          "a",
          "an",
          "this",
          "that",
          "these",
          "those",
          "it",
          "its",
          "he",
          "she",
          "we",
          "they",
          "i",
          "you",
          "his",
          "her",
          "our",
          "their",
          "mr",
          "mrs",
          "ms",
          "dr",
          "sir",
          "today",
          "yesterday",
          "tomorrow",
          "monday",
          "tuesday",
          "wednesday",
          "thursday",
          "friday",
          "saturday",
          "sunday",
          "january",
          "february",
          "march",
          "april",
          "may",
          "june",
          "july",
          "august",
          "september",
          "october",
          "november",
          "december",
          "llc",
          "inc",
          "corp",
          "co",
          "ltd",
          "plc",
          "dad",
          "mom",
          "mum");

  /** Titles dropped from the front of a person's name ("Mr. Pashinyan" is "Pashinyan"). */
  private static final Set<String> TITLES =
      Set.of(
          "mr",
          "mrs",
          "ms",
          "mx",
          "miss",
          "dr",
          "prof",
          "professor",
          "sir",
          "dame",
          "sen",
          "senator",
          "rep",
          "representative",
          "gov",
          "governor",
          "gen",
          "general",
          "lt",
          "col",
          "maj",
          "sgt",
          "capt",
          "adm",
          "rev",
          "president",
          "minister",
          "premier",
          "chancellor",
          "secretary",
          "ambassador",
          "judge",
          "justice",
          "mayor");

  /** What follows a place or organisation in a compound adjective: "Boston-based" names Boston. */
  private static final Pattern SUFFIX =
      Pattern.compile("(?i)-(based|born|led|backed|owned|registered|run|made|headquartered)$");

  private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Pattern WRAPPING = Pattern.compile("^[\"'“”‘’«»(\\[{]+|[\"“”»)\\]},;:!?]+$");
  private static final Pattern POSSESSIVE = Pattern.compile("(?i)\\s*['’]s$");
  private static final Pattern THE = Pattern.compile("(?i)^the\\s+");

  /** "anti-U.S." and "pro-Russia" name the place or organisation after the prefix. */
  private static final Pattern PREFIX = Pattern.compile("(?i)^(anti|pro|non)-");

  private final NameTables tables;
  private final AuthorityFile authority;
  private final boolean demonyms;

  /**
   * @param tables the alias and demonym tables, usually {@link NameTables#shipped()}
   * @param authority the archivist's rules, or {@link AuthorityFile#EMPTY}
   * @param demonyms whether demonyms count as places (rule mentions are dropped when not)
   */
  public Canonicalizer(NameTables tables, AuthorityFile authority, boolean demonyms) {
    this.tables = tables;
    this.authority = authority;
    this.demonyms = demonyms;
  }

  /** What is known of one mention while its article is canonicalised. */
  private static final class Draft {
    final Mention mention;
    final String written;
    EntityType type;
    String name;
    String[] words;

    Draft(Mention mention, String written, EntityType type, String name) {
      this.mention = mention;
      this.written = written;
      this.type = type;
      this.name = name;
    }
  }

  /**
   * The mentions of one article with their canonical names and types, in article order (field, then
   * offset), junk and blocked mentions left out.
   *
   * @param mentions all mentions of one article (any order), as the extractor and the rules found
   *     them or as stored earlier
   * @return the canonicalised mentions
   */
  public List<Mention> canonicalize(List<Mention> mentions) {
    List<Mention> sorted = new ArrayList<>(mentions);
    sorted.sort(
        Comparator.comparing(Mention::field)
            .thenComparingInt(Mention::start)
            .thenComparingInt(Mention::end));
    List<Draft> drafts = new ArrayList<>();
    for (Mention m : sorted) {
      Draft d = draft(m);
      if (d != null) {
        drafts.add(d);
      }
    }
    capitals(drafts);
    partialNames(drafts);
    List<Mention> out = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      NameTables.Entry e = authority.resolve(d.type, d.written, d.name);
      if (e != null && !junk(e.name())) {
        out.add(d.mention.resolved(e.type(), e.name()));
      }
    }
    return out;
  }

  private Draft draft(Mention m) {
    if (m.origin() == Mention.Origin.RULE) {
      String place = demonyms ? tables.demonym(m.text()) : null;
      if (place == null) {
        return null;
      }
      NameTables.Entry alias = tables.alias(place);
      return new Draft(m, m.text(), EntityType.LOCATION, alias == null ? place : alias.name());
    }
    String written = clean(m.type(), m.text());
    if (written.isEmpty()) {
      return null;
    }
    NameTables.Entry alias = alias(m.type(), written);
    if (alias != null) {
      return new Draft(m, written, alias.type(), alias.name());
    }
    if (demonyms && m.type() == EntityType.LOCATION) {
      String place = tables.demonym(written);
      if (place != null) {
        return new Draft(m, written, EntityType.LOCATION, place);
      }
    }
    return new Draft(m, written, m.type(), written);
  }

  /**
   * The alias entry of a name found as {@code type}: an entry of the same type, or of another type
   * when the name is an acronym ({@code EU} found as a place is still the European Union). A place
   * name found as an organisation is usually a team or a government ("Los Angeles beat Houston"),
   * and a person may bear a place's name (Holland): those keep their type and name. So does a
   * place's own name in capitals ("TEXAS" for a team, in a headline).
   */
  private NameTables.Entry alias(EntityType type, String name) {
    NameTables.Entry e = tables.alias(name);
    if (e == null || e.type() == type) {
      return e;
    }
    // "TEXAS" in a headline is the capitalised name, not an acronym: it keeps its type
    return acronym(name) && !NameTables.key(name).equals(NameTables.key(e.name())) ? e : null;
  }

  /** Two to five capitals, periods allowed: {@code EU}, {@code U.N.}, {@code NATO}. */
  private static boolean acronym(String name) {
    String s = name.replace(".", "");
    return s.length() >= 2 && s.length() <= 5 && s.chars().allMatch(c -> c >= 'A' && c <= 'Z');
  }

  /**
   * All-capitals names take the article's mixed-case spelling, else title case (people and places).
   */
  private void capitals(List<Draft> drafts) {
    Map<String, String> spellings = new HashMap<>();
    for (Draft d : drafts) {
      if (!allCaps(d.name)) {
        spellings.putIfAbsent(d.type + " " + NameTables.key(d.name), d.name);
      }
    }
    for (Draft d : drafts) {
      if (!allCaps(d.name)) {
        continue;
      }
      String spelled = spellings.get(d.type + " " + NameTables.key(d.name));
      if (spelled == null && d.type != EntityType.ORGANIZATION && hasLongWord(d.name)) {
        spelled = titleCase(d.name);
      }
      if (spelled != null) {
        NameTables.Entry alias = alias(d.type, spelled);
        d.name = alias == null ? spelled : alias.name();
        d.type = alias == null ? d.type : alias.type();
      }
    }
  }

  /**
   * A one-word person name (a surname, "Mr. Pashinyan" once cleaned) joins the nearest longer
   * person name of the same article that ends with it; the nearest before it wins, else the nearest
   * after it. So does a one-word organisation or place that is not in the tables, and a known place
   * ({@link NameTables#isPlace}) if the model also took that word alone for a person in this
   * article: the model often takes a surname for a place ("Jamil" after "Jamil Ahmed"), and within
   * one article the person is the likelier reading; but "Washington" or "Israel" beside "Kerry
   * Washington" or "Steve Israel" stays a place. Longer partial names do not join ("Hillary
   * Clinton" never becomes the run-together "Booing Hillary Clinton" of a headline); the alias
   * table and the authority file merge such variants ("Tayyip Erdoğan").
   */
  private void partialNames(List<Draft> drafts) {
    // longer person names by their last word: a name that ends another shares its last word
    Map<String, List<Integer>> people = new HashMap<>();
    Set<String> personWords = new HashSet<>();
    List<Integer> joining = new ArrayList<>();
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      d.words = NameTables.key(d.name).split(" ");
      if (d.type == EntityType.PERSON) {
        if (d.words.length > 1) {
          people.computeIfAbsent(d.words[d.words.length - 1], w -> new ArrayList<>()).add(i);
        } else {
          joining.add(i);
        }
        personWords.add(NameTables.key(d.written));
      }
    }
    for (int i = 0; i < drafts.size(); i++) {
      Draft d = drafts.get(i);
      if (d.type == EntityType.PERSON || d.words.length != 1) {
        continue;
      }
      boolean place = tables.isPlace(d.written) || tables.demonym(d.written) != null;
      boolean known = place || tables.alias(d.name) != null; // e.g. NATO
      if (!known || place && personWords.contains(NameTables.key(d.written))) {
        joining.add(i);
      }
    }
    Set<Integer> runTogether = runTogether(drafts, people);
    for (int i : joining) {
      Draft d = drafts.get(i);
      Draft best = null;
      int bestDistance = Integer.MAX_VALUE;
      for (int j : people.getOrDefault(d.words[d.words.length - 1], List.of())) {
        Draft f = drafts.get(j);
        if (f.words.length > d.words.length
            && endsWith(f.words, d.words)
            && !runTogether.contains(j)) {
          // before it beats after it: a distance after is counted past every distance before
          int distance = j < i ? i - j : drafts.size() + (j - i);
          if (distance < bestDistance) {
            bestDistance = distance;
            best = f;
          }
        }
      }
      if (best != null) {
        d.name = best.name;
        d.words = best.words;
        d.type = EntityType.PERSON;
      }
    }
  }

  /**
   * The person names that may be two names run together ("Is Joe Biden Hillary Clinton ...", "lead
   * over Sanders Elizabeth Warren holds ...", "Booing Hillary Clinton"): they end with another
   * person name of two words or more of the same article. Nothing joins them; the shorter name is
   * there.
   */
  private static Set<Integer> runTogether(List<Draft> drafts, Map<String, List<Integer>> people) {
    Set<Integer> out = new HashSet<>();
    for (List<Integer> sameLastWord : people.values()) {
      for (int j : sameLastWord) {
        for (int k : sameLastWord) {
          String[] f = drafts.get(j).words;
          String[] g = drafts.get(k).words;
          if (g.length < f.length && endsWith(f, g)) {
            out.add(j);
            break;
          }
        }
      }
    }
    return out;
  }

  private static boolean endsWith(String[] full, String[] part) {
    int offset = full.length - part.length;
    return Arrays.equals(full, offset, full.length, part, 0, part.length);
  }

  /**
   * A surface text as a name: white space collapsed; surrounding quotes and brackets, a possessive
   * {@code 's} and, except for people, a leading "the", a leading "anti-", "pro-" or "non-" and a
   * trailing "-based" (or "-led", ...) dropped; for people, leading titles dropped. Examples:
   * {@code clean(LOCATION, "Armenia's")} is {@code Armenia}, {@code clean(ORGANIZATION, "the
   * European Union")} is {@code European Union}, {@code clean(PERSON, "Mr. Pashinyan")} is {@code
   * Pashinyan}.
   *
   * @return the cleaned name; empty when nothing is left
   */
  public static String clean(EntityType type, String surface) {
    String s = SPACES.matcher(surface).replaceAll(" ").strip();
    s = WRAPPING.matcher(s).replaceAll("").strip();
    s = POSSESSIVE.matcher(s).replaceAll("");
    if (s.length() > 1 && (s.endsWith("s'") || s.endsWith("s’"))) {
      s = s.substring(0, s.length() - 1);
    }
    if (type != EntityType.PERSON) {
      String dropped =
          SUFFIX
              .matcher(PREFIX.matcher(THE.matcher(s).replaceFirst("")).replaceFirst(""))
              .replaceFirst("");
      if (!dropped.isBlank()) {
        s = dropped;
      }
    } else {
      while (true) {
        int space = s.indexOf(' ');
        if (space < 0) {
          break;
        }
        String first = s.substring(0, space).replace(".", "").toLowerCase(Locale.ROOT);
        if (!TITLES.contains(first)) {
          break;
        }
        s = s.substring(space + 1).strip();
      }
    }
    return s.strip();
  }

  private static boolean junk(String name) {
    int letters = 0;
    for (int i = 0; i < name.length(); i++) {
      if (Character.isLetter(name.charAt(i))) {
        letters++;
      }
    }
    return letters == 0
        || name.codePointCount(0, name.length()) < 2
        || JUNK.contains(NameTables.key(name));
  }

  private static boolean allCaps(String s) {
    boolean upper = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLowerCase(c)) {
        return false;
      }
      upper |= Character.isUpperCase(c);
    }
    return upper;
  }

  private static boolean hasLongWord(String s) {
    for (String w : s.split("[\\s-]+")) {
      if (w.codePointCount(0, w.length()) >= 4) {
        return true;
      }
    }
    return false;
  }

  /** {@code O'NEILL} is {@code O'Neill}, {@code NIZHNY NOVGOROD} is {@code Nizhny Novgorod}. */
  static String titleCase(String s) {
    StringBuilder b = new StringBuilder(s.length());
    boolean start = true;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        b.appendCodePoint(start ? Character.toTitleCase(cp) : Character.toLowerCase(cp));
        start = false;
      } else {
        b.appendCodePoint(cp);
        start = true;
      }
      i += Character.charCount(cp);
    }
    return b.toString();
  }
}

package org.morgue.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
 *   <li><b>Roles</b>: a portfolio word filed as an organisation inside a title ("Secretary of
 *       State", "Defense Secretary") is dropped, or filed as the department where the text names it
 *       ({@link Context}).
 *   <li><b>The archive's evidence</b> ({@link Resolver}): boilerplate lines, acronyms, one type per
 *       name, partial names (a surname alone, {@code Mr. Pashinyan}, joins the full name it stands
 *       for: the article's own, the nearest before it first, weighed against the archive's), one
 *       spelling per name. Without archive statistics ({@link NameStatistics#NONE}) the article's
 *       own evidence decides alone.
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
  static final Set<String> TITLES =
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

  private static final Pattern INNER_MARKS =
      Pattern.compile("\\s*[\\[\\]{}\"“”«»]+\\s*|(?<=\\p{L})[)(]\\s+|\\s+[)(](?=\\p{L})");

  private static final Pattern REPEATED_WORD =
      Pattern.compile("(?i)\\b(\\p{L}[\\p{L}.'’-]*)(?:\\s+\\1(?=\\s|$))+");

  static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
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
  static final class Draft {
    final Mention mention;
    final String written;
    EntityType type;
    String name;
    String[] words;

    /** Set by the alias table or a rule: the type is decided, type votes do not change it. */
    boolean fixed;

    /** Left out: boilerplate, a role word. */
    boolean dropped;

    /** Titles and honorifics before or inside a person's name ({@code president}, {@code mrs}). */
    java.util.Set<String> titles = new java.util.LinkedHashSet<>();

    /** The start and end of the line of its field's text that holds it (for boilerplate). */
    int lineStart = -1;

    int lineEnd = -1;

    /** Up to 40 characters of its field's text before and after it. */
    String before = "";

    String after = "";

    Draft(Mention mention, String written, EntityType type, String name) {
      this.mention = mention;
      this.written = written;
      this.type = type;
      this.name = name;
    }
  }

  /**
   * The mentions of one article with their canonical names and types, in article order (field, then
   * offset), junk and blocked mentions left out; with no article text and no archive statistics
   * (what {@code morgue entities} does with a plain text that it has no texts for).
   *
   * @param mentions all mentions of one article (any order), as the extractor and the rules found
   *     them
   * @return the canonicalised mentions
   */
  public List<Mention> canonicalize(List<Mention> mentions) {
    return canonicalize(null, mentions, NameStatistics.NONE);
  }

  /**
   * The mentions of one article resolved against the archive: the per-article steps above, then the
   * archive's evidence ({@link Resolver}): boilerplate lines left out, acronyms and partial names
   * resolved to the archive's full names, one type per name, one spelling per name.
   *
   * @param text the article's texts, date and source, or {@code null} when unknown
   * @param found what the extractor found ({@link ArticleEntities#found()}), any order
   * @param stats what the archive knows of names, or {@link NameStatistics#NONE}
   * @return the resolved mentions, in article order
   */
  public List<Mention> canonicalize(ArticleText text, List<Mention> found, NameStatistics stats) {
    List<Draft> drafts = local(text, found);
    new Resolver(tables, stats, text).resolve(drafts);
    List<Mention> out = new ArrayList<>(drafts.size());
    for (Draft d : drafts) {
      if (d.dropped) {
        continue;
      }
      if (d.type == EntityType.ORGANIZATION && Context.roleWord(d.name)) {
        continue; // a fragment that became an organisation by its archive type
      }
      NameTables.Entry e = authority.resolve(d.type, d.written, d.name);
      if (e != null && !junk(e.name())) {
        out.add(d.mention.resolved(e.type(), e.name()));
      }
    }
    return out;
  }

  /**
   * The name facts of one article ({@link NameFacts}): what it adds to the archive's statistics.
   * They depend on the article alone (its mentions after the per-article steps, its texts), never
   * on the statistics, so that the statistics never feed on resolution's own output.
   */
  public java.util.Set<String> facts(ArticleText text, List<Mention> found) {
    return NameFacts.of(text, local(text, found), tables);
  }

  /** The per-article steps: cleaning, aliases, demonyms, context, capitals. */
  private List<Draft> local(ArticleText text, List<Mention> mentions) {
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
    for (Draft d : drafts) {
      d.words = NameTables.key(d.name).split(" ");
      d.titles = titles(d.mention);
      if (text != null) {
        Context.read(d, text.text(d.mention.field()));
      }
    }
    Context.roles(drafts, tables);
    capitals(drafts);
    for (Draft d : drafts) {
      d.words = NameTables.key(d.name).split(" ");
    }
    return drafts;
  }

  /** The titles written inside a person's mention ("President Obama"): keys, periods dropped. */
  private static java.util.Set<String> titles(Mention m) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    if (m.type() != EntityType.PERSON) {
      return out;
    }
    for (String w : SPACES.split(m.text().strip())) {
      String k = w.replace(".", "").toLowerCase(Locale.ROOT);
      if (!TITLES.contains(k)) {
        break;
      }
      out.add(k);
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
      Draft d = new Draft(m, m.text(), EntityType.LOCATION, alias == null ? place : alias.name());
      d.fixed = true;
      return d;
    }
    String written = clean(m.type(), m.text());
    if (written.isEmpty()) {
      return null;
    }
    NameTables.Entry alias = alias(m.type(), written);
    if (alias != null) {
      Draft d = new Draft(m, written, alias.type(), alias.name());
      d.fixed = true;
      return d;
    }
    if (demonyms && m.type() == EntityType.LOCATION) {
      String place = tables.demonym(written);
      if (place != null) {
        Draft d = new Draft(m, written, EntityType.LOCATION, place);
        d.fixed = true;
        return d;
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
  NameTables.Entry alias(EntityType type, String name) {
    NameTables.Entry e = tables.alias(name);
    if (e == null || e.type() == type) {
      return e;
    }
    if (e.type() == EntityType.ORGANIZATION && type == EntityType.LOCATION) {
      return e; // an organisation is never a place: the Kremlin, the African Union
    }
    // "TEXAS" in a headline is the capitalised name, not an acronym: it keeps its type
    return acronym(name) && !NameTables.key(name).equals(NameTables.key(e.name())) ? e : null;
  }

  /** Two to five capitals, periods allowed: {@code EU}, {@code U.N.}, {@code NATO}. */
  static boolean acronym(String name) {
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
        d.fixed |= alias != null;
      }
    }
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
    // brackets and quotes left inside by link markup: "Barack] Obama", "Hillary [Clinton"
    s = INNER_MARKS.matcher(s).replaceAll(" ").strip();
    s = REPEATED_WORD.matcher(s).replaceAll("$1"); // "Trump Trump", "Obama Obama"
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

  static boolean junk(String name) {
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

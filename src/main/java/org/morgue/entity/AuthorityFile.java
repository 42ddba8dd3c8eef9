package org.morgue.entity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The archivist's corrections to the entity facets: a plain-text file beside the index ({@value
 * #FILE_NAME}) that merges names, renames them, blocks false positives and changes types.
 *
 * <h2>Format</h2>
 *
 * UTF-8 text, one rule a line. Blank lines and lines whose first non-blank character is {@code #}
 * are ignored (a {@code #} later in a line is part of the name). Names are compared ignoring case,
 * accents, periods, hyphens and spacing ({@code U.S.} is {@code us}).
 *
 * <pre>
 * # merge (or rename): the name on the left is counted as the name on the right
 * Pashinian => Nikol Pashinyan
 * merge Sergei Shoigu => Sergey Shoygu
 * rename Kiev => Kyiv
 * # limited to one type: only people called Washington become George Washington
 * PERSON: Washington => George Washington
 * # block a false positive: never an entity, of any type; or never of one type
 * block Breaking News
 * block PERSON: Apple
 * # change the type a name is filed under (the facet it goes to)
 * type Amazon => ORGANIZATION
 * type LOCATION: Goldman Sachs => ORGANIZATION
 * </pre>
 *
 * <ul>
 *   <li><b>{@code A => B}</b>, also written {@code merge A => B} or {@code rename A => B} (one
 *       operation: merging a variant into an entity and renaming an entity are the same thing
 *       here): a mention named A, either as written (after a leading "the", a possessive and a
 *       title such as "Mr." are dropped) or as Morgue canonicalised it, is counted as B. Rules
 *       chain: with {@code A => B} and {@code B => C}, A is counted as C. A merge keeps the
 *       mention's type; add a {@code type} line to file B elsewhere.
 *   <li><b>{@code block A}</b>: a mention named A (as written, as canonicalised, or after the
 *       merges) is dropped: it is in no facet and is not highlighted.
 *   <li><b>{@code type A => TYPE}</b> (also {@code retype}): a mention whose final name is A is
 *       filed under TYPE: {@code PERSON}, {@code ORGANIZATION} or {@code LOCATION} (or {@code
 *       person}, {@code org}, {@code place}).
 *   <li>Any rule may start with a type and a colon ({@code PERSON:}, {@code org:}) to apply only to
 *       mentions of that type; without one it applies to every type.
 * </ul>
 *
 * Rules are applied after Morgue's own canonicalisation (aliases, partial names, demonyms), in the
 * order merges, then types, then blocks, whatever their order in the file. The file is checked as a
 * whole: a line that is not a rule, an unknown type, a name merged into itself, a name merged into
 * two names or given two types, a merge that comes back to its start, or a name both merged and
 * blocked are all errors, each reported with its line number ({@link AuthorityFileException}).
 *
 * <h2>Applying it</h2>
 *
 * The ingest passes it to {@link EntityFinder#withAuthority}; to apply a changed file to an
 * existing index, {@link EntityFinder#recanonicalize} rebuilds each article's names from its stored
 * mentions without running the extractor. One limit: a mention blocked when the article was stored
 * is not stored, so lifting a block takes effect for articles ingested (or re-extracted)
 * afterwards. A sample file is shipped as {@code org/morgue/entity/authority.sample.txt}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AuthorityFile {
  /** The file's name in an index folder. */
  public static final String FILE_NAME = "authority.txt";

  /** No rules. */
  public static final AuthorityFile EMPTY = new AuthorityFile(List.of());

  /** One rule of the file; {@code only} is the type it is limited to, or {@code null} for all. */
  public sealed interface Rule permits Merge, Block, Retype {
    /** The line it came from, from 1. */
    int line();
  }

  /** {@code A => B}: the name {@code from} is counted as {@code to}. */
  public record Merge(int line, EntityType only, String from, String to) implements Rule {}

  /** {@code block A}: the name is never an entity (of type {@code only}, when given). */
  public record Block(int line, EntityType only, String name) implements Rule {}

  /** {@code type A => T}: the name is filed under {@code to}. */
  public record Retype(int line, EntityType only, String name, EntityType to) implements Rule {}

  private static final Pattern KEYWORD =
      Pattern.compile("(?i)^(merge|rename|block|type|retype)(?:\\s+(.*))?$");
  private static final Pattern SCOPE = Pattern.compile("^([A-Za-z]+)\\s*:\\s*(.*)$");
  private static final int MAX_CHAIN = 50;

  private final List<Rule> rules;

  /** Merge targets by scope (null key in the inner map's owner = any type) and name key. */
  private final Map<EntityType, Map<String, Merge>> merges = new HashMap<>();

  private final Map<EntityType, Map<String, Retype>> retypes = new HashMap<>();
  private final Map<EntityType, Set<String>> blocks = new HashMap<>();

  private AuthorityFile(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (Rule r : rules) {
      switch (r) {
        case Merge m ->
            merges.computeIfAbsent(m.only(), t -> new HashMap<>()).put(NameTables.key(m.from()), m);
        case Retype t ->
            retypes
                .computeIfAbsent(t.only(), x -> new HashMap<>())
                .put(NameTables.key(t.name()), t);
        case Block b ->
            blocks.computeIfAbsent(b.only(), x -> new HashSet<>()).add(NameTables.key(b.name()));
      }
    }
  }

  /**
   * Reads an authority file; a file that does not exist has no rules.
   *
   * @param file the file, usually {@code <index>/authority.txt}
   * @return its rules, or {@link #EMPTY} if there is no such file
   * @throws IOException if it exists but cannot be read
   * @throws AuthorityFileException if any line is wrong (all are reported)
   */
  public static AuthorityFile read(Path file) throws IOException, AuthorityFileException {
    if (!Files.exists(file)) {
      return EMPTY;
    }
    return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * Parses the text of an authority file.
   *
   * @param source the name to give in error messages, e.g. {@code authority.txt}
   * @param text the whole file
   * @return its rules
   * @throws AuthorityFileException if any line is wrong (all are reported)
   */
  public static AuthorityFile parse(String source, String text) throws AuthorityFileException {
    List<Rule> rules = new ArrayList<>();
    List<AuthorityFileException.Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String raw = lines[i];
      String line = (i == 0 && raw.startsWith("\uFEFF") ? raw.substring(1) : raw).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        rules.add(rule(i + 1, line));
      } catch (IllegalArgumentException e) {
        problems.add(new AuthorityFileException.Problem(i + 1, e.getMessage(), line));
      }
    }
    check(rules, lines, problems);
    if (!problems.isEmpty()) {
      problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
      throw new AuthorityFileException(source, problems);
    }
    return new AuthorityFile(rules);
  }

  private static Rule rule(int line, String text) {
    Matcher k = KEYWORD.matcher(text);
    String keyword = k.matches() ? k.group(1).toLowerCase(Locale.ROOT) : "merge";
    String rest = k.matches() ? (k.group(2) == null ? "" : k.group(2).strip()) : text;
    if (!k.matches() && !text.contains("=>")) {
      throw new IllegalArgumentException(
          "not a rule: expected 'A => B', 'merge', 'rename', 'block' or 'type'");
    }
    EntityType only = null;
    Matcher s = SCOPE.matcher(rest);
    if (s.matches() && isType(s.group(1))) {
      only = EntityType.parse(s.group(1));
      rest = s.group(2).strip();
    }
    if (keyword.equals("block")) {
      if (rest.contains("=>")) {
        throw new IllegalArgumentException("'block' takes one name, without '=>'");
      }
      return new Block(line, only, name(rest, "after 'block'"));
    }
    String[] sides = rest.split("=>", -1);
    if (sides.length != 2) {
      throw new IllegalArgumentException(
          sides.length < 2
              ? "'" + keyword + "' needs 'NAME => " + (keyword.contains("type") ? "TYPE'" : "NAME'")
              : "more than one '=>' on the line");
    }
    String left = name(sides[0], "left of '=>'");
    if (keyword.equals("type") || keyword.equals("retype")) {
      return new Retype(line, only, left, EntityType.parse(sides[1]));
    }
    String right = name(sides[1], "right of '=>'");
    if (NameTables.key(left).equals(NameTables.key(right))) {
      throw new IllegalArgumentException("a name merged into itself");
    }
    return new Merge(line, only, left, right);
  }

  private static boolean isType(String word) {
    try {
      EntityType.parse(word);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String name(String s, String where) {
    String n = s.strip().replaceAll("\\s+", " ");
    if (NameTables.key(n).isEmpty()) {
      throw new IllegalArgumentException("no name " + where);
    }
    return n;
  }

  /** Conflicts between lines: two targets or types for one name, cycles, merged and blocked. */
  private static void check(
      List<Rule> rules, String[] lines, List<AuthorityFileException.Problem> problems) {
    Map<String, Rule> seen = new HashMap<>();
    Map<String, Merge> mergeByKey = new HashMap<>();
    Set<String> blocked = new HashSet<>();
    for (Rule r : rules) {
      String scope =
          switch (r) {
            case Merge m -> "merge " + m.only() + " " + NameTables.key(m.from());
            case Retype t -> "type " + t.only() + " " + NameTables.key(t.name());
            case Block b -> "block " + b.only() + " " + NameTables.key(b.name());
          };
      Rule before = seen.putIfAbsent(scope, r);
      if (before != null && !same(before, r)) {
        problems.add(
            problem(
                r,
                lines,
                "conflicts with line "
                    + before.line()
                    + (r instanceof Merge
                        ? ", which merges the same name elsewhere"
                        : ", which gives the same name another type")));
      }
      if (r instanceof Merge m) {
        mergeByKey.putIfAbsent(NameTables.key(m.from()), m);
      } else if (r instanceof Block b) {
        blocked.add(NameTables.key(b.name()));
      }
    }
    for (Rule r : rules) {
      if (r instanceof Merge m) {
        if (blocked.contains(NameTables.key(m.from()))) {
          problems.add(
              problem(m, lines, "the name is also blocked; merge it or block it, not both"));
        }
        // follow the chain from here: coming back to this name is a cycle
        String key = NameTables.key(m.to());
        for (int step = 0; step < MAX_CHAIN && key != null; step++) {
          if (key.equals(NameTables.key(m.from()))) {
            problems.add(problem(m, lines, "the merges come back to '" + m.from() + "' (a cycle)"));
            break;
          }
          Merge next = mergeByKey.get(key);
          key = next == null ? null : NameTables.key(next.to());
        }
      }
    }
  }

  private static boolean same(Rule a, Rule b) {
    return switch (a) {
      case Merge m -> b instanceof Merge n && NameTables.key(m.to()).equals(NameTables.key(n.to()));
      case Retype t -> b instanceof Retype u && t.to() == u.to();
      case Block x -> true;
    };
  }

  private static AuthorityFileException.Problem problem(Rule r, String[] lines, String message) {
    return new AuthorityFileException.Problem(r.line(), message, lines[r.line() - 1].strip());
  }

  /** The rules, in file order. */
  public List<Rule> rules() {
    return rules;
  }

  /** Whether there are no rules. */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * What the file makes of one mention: the name and type it is counted under, or {@code null} when
   * it is blocked. Example: with {@code Pashinian => Nikol Pashinyan}, {@code resolve(PERSON,
   * "Pashinian", "Pashinian")} gives {@code Entry[type=PERSON, name=Nikol Pashinyan]}.
   *
   * @param type the type Morgue gave it
   * @param written the name as written, cleaned (no leading "the", possessive or title)
   * @param canonical the name Morgue gave it
   * @return the resulting entry, or {@code null} if blocked
   */
  public NameTables.Entry resolve(EntityType type, String written, String canonical) {
    if (rules.isEmpty()) {
      return new NameTables.Entry(type, canonical);
    }
    String name = canonical;
    Merge m = merge(type, written);
    if (m == null) {
      m = merge(type, canonical);
    }
    for (int step = 0; m != null && step < MAX_CHAIN; step++) {
      name = m.to();
      m = merge(type, name);
    }
    EntityType finalType = type;
    Retype t = lookup(retypes, type, NameTables.key(name));
    if (t != null) {
      finalType = t.to();
    }
    for (String n : new String[] {written, canonical, name}) {
      String k = NameTables.key(n);
      if (blocked(null, k) || blocked(finalType, k)) {
        return null;
      }
    }
    return new NameTables.Entry(finalType, name);
  }

  private Merge merge(EntityType type, String name) {
    return lookup(merges, type, NameTables.key(name));
  }

  private static <T> T lookup(
      Map<EntityType, Map<String, T>> byScope, EntityType type, String key) {
    Map<String, T> typed = byScope.get(type);
    T hit = typed == null ? null : typed.get(key);
    if (hit == null) {
      Map<String, T> any = byScope.get(null);
      hit = any == null ? null : any.get(key);
    }
    return hit;
  }

  private boolean blocked(EntityType scope, String key) {
    Set<String> s = blocks.get(scope);
    return s != null && s.contains(key);
  }
}

package org.morgue.curation;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.AuthorityFileException;
import org.morgue.entity.EntityType;
import org.morgue.search.Archive;
import org.morgue.search.SearchResult.FacetValue;

/**
 * What the archivist may want to correct in the person, organisation and place facets, found from
 * their values and article counts alone, each with the authority-file rule that would fix it.
 *
 * <ul>
 *   <li><b>Splits</b>: a value whose words all appear, in order, in a longer value of the same type
 *       ({@code Obama} in {@code Barack Obama}, {@code Customs Enforcement} in {@code Immigration
 *       and Customs Enforcement}, {@code Sarah Sanders} in {@code Sarah Huckabee Sanders}); words
 *       compared ignoring case, accents and punctuation. Rule: {@code PERSON: Obama => Barack
 *       Obama}. A value gets at most {@value #MAX_INTO} such targets, those with most articles
 *       first.
 *   <li><b>Junk</b>: a one-word value that is a title or portfolio word ({@code State}, {@code
 *       Defense}, {@code Congressional}; rule {@code block ORG: State}); a value with a word
 *       repeated ({@code Trump Trump}); a value with two names run together, where both halves are
 *       values of the archive ({@code TrumpGOP}); a name filed under two types, listed under the
 *       one with fewer articles (rule {@code type Fox News => ORGANIZATION}, the type with more).
 * </ul>
 *
 * The report looks at the {@code top} most frequent values of each type: a split is listed when
 * either of its two values is among them, junk when the value is. A value that is junk is never a
 * split nor the target of one. A suggested rule is {@code null} when the name cannot be written in
 * the authority file (it holds {@code =>}, say).
 *
 * @param top how many values of each type were looked at
 * @param splits the suspected splits: most articles first
 * @param junk the suspected junk: most articles first
 */
public record NamesReport(int top, List<Split> splits, List<Junk> junk) {
  /** The most values a split value is reported to belong to. */
  public static final int MAX_INTO = 3;

  /** The usual number of values of each type looked at. */
  public static final int DEFAULT_TOP = 100;

  /** The most values of each type the report may look at. */
  public static final int MAX_TOP = 10_000;

  /** Longer values are not searched for the values inside them (2^words subsequences). */
  private static final int MAX_WORDS = 8;

  /**
   * {@code value} ({@code count} articles) is probably {@code into} ({@code intoCount}).
   *
   * @param rule the merge that fixes it, or {@code null}
   */
  public record Split(
      EntityType type, String value, long count, String into, long intoCount, String rule) {}

  /**
   * {@code value} ({@code count} articles) is probably no name of its type, for the reason {@code
   * why}.
   *
   * @param rule the block or retype that fixes it, or {@code null}
   */
  public record Junk(EntityType type, String value, long count, String why, String rule) {}

  /** The types in the report, in its order. */
  public static final List<EntityType> TYPES =
      List.of(EntityType.PERSON, EntityType.ORGANIZATION, EntityType.LOCATION);

  /**
   * Titles, offices and portfolios that the model sometimes files as a whole name ("Secretary of
   * State" gives the organisation {@code State}).
   */
  static final Set<String> ROLE_WORDS =
      Set.of(
          "administration",
          "affairs",
          "agriculture",
          "ambassador",
          "attorney",
          "cabinet",
          "chairman",
          "chairwoman",
          "chancellor",
          "chief",
          "commerce",
          "commissioner",
          "congressional",
          "congressman",
          "congresswoman",
          "counsel",
          "defence",
          "defense",
          "deputy",
          "director",
          "education",
          "energy",
          "envoy",
          "finance",
          "foreign",
          "general",
          "governor",
          "health",
          "homeland",
          "housing",
          "interior",
          "justice",
          "labor",
          "labour",
          "lawmaker",
          "lawmakers",
          "legislative",
          "mayor",
          "minister",
          "ministry",
          "pac",
          "premier",
          "president",
          "presidential",
          "prosecutor",
          "secretary",
          "security",
          "senator",
          "sheriff",
          "speaker",
          "spokesman",
          "spokesperson",
          "spokeswoman",
          "state",
          "trade",
          "transportation",
          "treasury",
          "undersecretary",
          "veterans");

  /** The report of the archive {@code searcher} reads, over its {@code top} values of each type. */
  public static NamesReport of(Archive searcher, int top) throws IOException {
    Map<EntityType, List<FacetValue>> values = new EnumMap<>(EntityType.class);
    for (EntityType t : TYPES) {
      values.put(t, searcher.allValues(t.facet()));
    }
    return of(values, top);
  }

  /**
   * The report of these facet values.
   *
   * @param values every value of each type with its article count, most first
   * @param top how many values of each type to look at (the first of each list)
   */
  public static NamesReport of(Map<EntityType, List<FacetValue>> values, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("top must be 1 or more, not " + top);
    }
    Set<String> everyValue = new HashSet<>(); // folded, of any type: halves of run-together words
    Map<EntityType, Map<String, Long>> counts = new EnumMap<>(EntityType.class);
    Map<EntityType, Set<String>> tops = new EnumMap<>(EntityType.class);
    for (EntityType t : TYPES) {
      List<FacetValue> list = sorted(values.getOrDefault(t, List.of()));
      Map<String, Long> byValue = new HashMap<>();
      Set<String> topValues = new HashSet<>();
      for (int i = 0; i < list.size(); i++) {
        byValue.put(list.get(i).value(), list.get(i).count());
        everyValue.add(fold(list.get(i).value()));
        if (i < top) {
          topValues.add(list.get(i).value());
        }
      }
      counts.put(t, byValue);
      tops.put(t, topValues);
    }

    List<Junk> junk = new ArrayList<>();
    Map<EntityType, Set<String>> junkValues = new EnumMap<>(EntityType.class);
    for (EntityType t : TYPES) {
      Set<String> bad = new HashSet<>();
      for (String v : counts.get(t).keySet()) {
        List<String> whys = junkReasons(v, everyValue);
        if (whys.isEmpty()) {
          continue;
        }
        bad.add(v);
        if (tops.get(t).contains(v)) {
          for (String why : whys) {
            junk.add(new Junk(t, v, counts.get(t).get(v), why, blockRule(t, v)));
          }
        }
      }
      junkValues.put(t, bad);
    }
    for (EntityType t : TYPES) {
      for (String v : tops.get(t)) {
        long count = counts.get(t).get(v);
        for (EntityType other : TYPES) {
          Long otherCount = counts.get(other).get(v);
          if (other == t || otherCount == null) {
            continue;
          }
          // the type with fewer articles is the odd one; a tie goes to the earlier type
          if (otherCount > count || (otherCount == count && other.ordinal() < t.ordinal())) {
            junk.add(
                new Junk(
                    t,
                    v,
                    count,
                    "also filed as "
                        + other.facet()
                        + " ("
                        + otherCount
                        + (otherCount == 1 ? " article)" : " articles)"),
                    retypeRule(v, other)));
          }
        }
      }
    }
    junk.sort(
        Comparator.comparingLong(Junk::count)
            .reversed()
            .thenComparing(Junk::type)
            .thenComparing(Junk::value)
            .thenComparing(Junk::why));

    List<Split> splits = new ArrayList<>();
    for (EntityType t : TYPES) {
      splits.addAll(splits(t, counts.get(t), tops.get(t), junkValues.get(t)));
    }
    splits.sort(
        Comparator.comparingLong(Split::count)
            .reversed()
            .thenComparing(Split::type)
            .thenComparing(Split::value)
            .thenComparing(Comparator.comparingLong(Split::intoCount).reversed())
            .thenComparing(Split::into));
    return new NamesReport(top, List.copyOf(splits), List.copyOf(junk));
  }

  private static List<FacetValue> sorted(List<FacetValue> values) {
    List<FacetValue> out = new ArrayList<>(values);
    out.sort(
        Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value));
    return out;
  }

  /** The splits of one type: each value's words as an ordered part of a longer value's. */
  private static List<Split> splits(
      EntityType type, Map<String, Long> counts, Set<String> top, Set<String> junk) {
    Map<String, List<String>> byWords = new HashMap<>();
    for (String v : counts.keySet()) {
      if (!junk.contains(v)) {
        byWords.computeIfAbsent(String.join(" ", words(v)), k -> new ArrayList<>()).add(v);
      }
    }
    Map<String, List<String>> into = new HashMap<>();
    for (String longer : counts.keySet()) {
      List<String> w = words(longer);
      if (junk.contains(longer) || w.size() < 2 || w.size() > MAX_WORDS) {
        continue;
      }
      Set<String> parts = new LinkedHashSet<>();
      for (int mask = 1; mask < (1 << w.size()) - 1; mask++) {
        List<String> part = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) {
          if ((mask & (1 << i)) != 0) {
            part.add(w.get(i));
          }
        }
        if (part.stream().anyMatch(p -> p.length() > 1)) {
          parts.add(String.join(" ", part));
        }
      }
      for (String part : parts) {
        for (String shorter : byWords.getOrDefault(part, List.of())) {
          if (top.contains(shorter) || top.contains(longer)) {
            into.computeIfAbsent(shorter, k -> new ArrayList<>()).add(longer);
          }
        }
      }
    }
    List<Split> out = new ArrayList<>();
    into.forEach(
        (value, targets) -> {
          targets.sort(
              Comparator.comparingLong((String s) -> counts.get(s))
                  .reversed()
                  .thenComparing(Comparator.naturalOrder()));
          for (String target : targets.subList(0, Math.min(MAX_INTO, targets.size()))) {
            out.add(
                new Split(
                    type,
                    value,
                    counts.get(value),
                    target,
                    counts.get(target),
                    mergeRule(type, value, target)));
          }
        });
    return out;
  }

  /** Why a value looks like no name: role word, repeated word, words run together; or none. */
  static List<String> junkReasons(String value, Set<String> everyValue) {
    List<String> whys = new ArrayList<>();
    List<String> w = words(value);
    if (w.size() == 1 && ROLE_WORDS.contains(w.get(0))) {
      whys.add("a title or portfolio word");
    }
    String[] tokens = value.strip().split("\\s+");
    Set<String> seen = new HashSet<>();
    for (String token : tokens) {
      if (!seen.add(fold(token))) {
        whys.add("a word repeated (" + token + ")");
        break;
      }
    }
    for (String token : tokens) {
      String joined = runTogether(token, everyValue);
      if (joined != null) {
        whys.add("words run together (" + joined + ")");
        break;
      }
    }
    return whys;
  }

  /**
   * {@code "Trump + GOP"} when a word is two values of the archive written without a space (a
   * lower-case letter then a capital where it is cut), else {@code null}.
   */
  private static String runTogether(String token, Set<String> everyValue) {
    for (int i = 1; i < token.length(); i++) {
      if (Character.isLowerCase(token.charAt(i - 1)) && Character.isUpperCase(token.charAt(i))) {
        String left = token.substring(0, i);
        String right = token.substring(i);
        if (left.length() > 1
            && right.length() > 1
            && everyValue.contains(fold(left))
            && everyValue.contains(fold(right))) {
          return left + " + " + right;
        }
      }
    }
    return null;
  }

  /** Lower-case words without accents: {@code Antony J. Blinken} → {@code [antony, j, blinken]}. */
  static List<String> words(String value) {
    List<String> out = new ArrayList<>();
    for (String w : fold(value).split("[^\\p{L}\\p{N}]+")) {
      if (!w.isEmpty()) {
        out.add(w);
      }
    }
    return out;
  }

  private static String fold(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT);
  }

  // --- rules ----------------------------------------------------------------------------------

  /**
   * The scope a rule limited to {@code type} starts with: {@code PERSON}, {@code ORG}, {@code
   * PLACE}.
   */
  public static String scope(EntityType type) {
    return type.facet().toUpperCase(Locale.ROOT);
  }

  /** {@code PERSON: Obama => Barack Obama}, or {@code null} if it cannot be written. */
  public static String mergeRule(EntityType type, String from, String to) {
    String rule = scope(type) + ": " + from + " => " + to;
    return parsesAs(rule, new AuthorityFile.Merge(1, type, clean(from), clean(to))) ? rule : null;
  }

  /** {@code block ORG: State}, or {@code null} if it cannot be written. */
  public static String blockRule(EntityType type, String name) {
    String rule = "block " + scope(type) + ": " + name;
    return parsesAs(rule, new AuthorityFile.Block(1, type, clean(name))) ? rule : null;
  }

  /** {@code type Fox News => ORGANIZATION}, or {@code null} if it cannot be written. */
  public static String retypeRule(String name, EntityType to) {
    String rule = "type " + name + " => " + to.name();
    return parsesAs(rule, new AuthorityFile.Retype(1, null, clean(name), to)) ? rule : null;
  }

  private static String clean(String name) {
    return name.strip().replaceAll("\\s+", " ");
  }

  /** Whether {@code rule} is one valid line that means exactly {@code expected}. */
  private static boolean parsesAs(String rule, AuthorityFile.Rule expected) {
    if (rule.contains("\n") || rule.contains("\r") || rule.strip().startsWith("#")) {
      return false;
    }
    try {
      List<AuthorityFile.Rule> rules = AuthorityFile.parse("rule", rule).rules();
      return rules.equals(List.of(expected));
    } catch (AuthorityFileException e) {
      return false;
    }
  }
}

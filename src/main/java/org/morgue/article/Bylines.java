package org.morgue.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a byline into author names: {@code "By Jane Roe and John Doe"} gives {@code [Jane Roe,
 * John Doe]}; commas, semicolons, {@code &} and {@code and} separate names.
 */
public final class Bylines {
  private static final Pattern BY =
      Pattern.compile("^by\\s*[:\\-]?(?:\\s+|$)", Pattern.CASE_INSENSITIVE);
  private static final Pattern SEPARATORS =
      Pattern.compile("\\s*(?:,|;|&|\\band\\b)\\s*", Pattern.CASE_INSENSITIVE);

  /** A generational suffix: part of the name before it ("Martin Luther King, Jr."). */
  private static final Pattern SUFFIX = Pattern.compile("(?i:jr|sr)\\.?|II|III|IV");

  /** A byline that ends with a full stop because its last name ends with "Jr." or "Sr.". */
  private static final Pattern ENDS_WITH_SUFFIX = Pattern.compile("(?:^|[\\s,])(?i:jr|sr)\\.$");

  /** Words that make a byline part a job title rather than a name. */
  private static final Pattern ROLE =
      Pattern.compile(
          "\\b(?:of|the|for|Secretary|Deputy|Assistant|Spokesperson|Spokesman|Ambassador|Minister|"
              + "President|Director|Editor|Correspondent|Reporter|Writer|Staff|Contributor|Columnist|"
              + "Bureau|Desk|Office)\\b");

  private Bylines() {}

  /** Whether {@code line} is a byline: it starts with "By " (any case) and names someone. */
  public static boolean isByline(String line) {
    var by = BY.matcher(line);
    if (!by.find()) {
      return false;
    }
    String names = line.substring(by.end());
    // "By the end of the war, ..." opens a sentence, not a byline: names are short, with no full
    // stop
    return !names.isEmpty()
        && names.length() <= 120
        && (!names.endsWith(".") || ENDS_WITH_SUFFIX.matcher(names).find())
        && names.split(" ").length <= 16;
  }

  /** The names of a byline, with or without its leading "By". */
  public static List<String> authors(String byline) {
    String names = BY.matcher(byline.strip()).replaceFirst("");
    List<String> out = new ArrayList<>();
    java.util.Set<String> seen =
        new java.util.HashSet<>(); // the names of out: linear de-duplication
    for (String name : SEPARATORS.split(names)) {
      String n = Text.collapse(name);
      if (!out.isEmpty() && SUFFIX.matcher(n).matches()) {
        String last = out.get(out.size() - 1);
        seen.remove(last);
        out.set(out.size() - 1, last + " " + n); // "King, Jr." is "King Jr."
        seen.add(out.get(out.size() - 1));
        continue;
      }
      if (!out.isEmpty() && ROLE.matcher(n).find()) {
        continue; // "Antony J. Blinken, Secretary of State": the title of the name before it
      }
      if (!n.isEmpty() && seen.add(n)) {
        out.add(n);
      }
    }
    return out;
  }
}

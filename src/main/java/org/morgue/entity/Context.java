package org.morgue.entity;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the words around a mention say of it: the titles before a person's name ("President Obama",
 * "Mrs. Trump"), the line that holds it (for boilerplate), and roles read as organisations
 * ("Secretary of State" is a title, not the organisation "State").
 */
final class Context {
  private Context() {}

  /**
   * Portfolio words that the model takes for organisations inside a title ("Secretary of State",
   * "Defense Secretary", "Under Secretary for Energy"). Filed only where the text names the
   * department ("Department of State", "Ministry of Defence").
   */
  private static final Set<String> PORTFOLIOS =
      Set.of(
          "state",
          "defense",
          "defence",
          "treasury",
          "energy",
          "interior",
          "commerce",
          "labor",
          "labour",
          "justice",
          "education",
          "agriculture",
          "health",
          "transportation",
          "transport",
          "homeland security",
          "veterans affairs",
          "foreign affairs",
          "housing",
          "finance",
          "foreign",
          "trade",
          "environment",
          "war",
          "home affairs",
          "internal affairs",
          "health and human services",
          "housing and urban development",
          "public security",
          "foreign affairs and trade",
          "economy",
          "culture",
          "information");

  /** Adjectives and fragments the model files as organisations ("Congressional leaders"). */
  private static final Set<String> ADJECTIVES =
      Set.of(
          "congressional",
          "federal",
          "pac",
          "super pac",
          "administration",
          "ministry",
          "department",
          "cabinet",
          "parliamentary",
          "legislative",
          "presidential",
          "bureau",
          "executive order",
          "foreign operations");

  /** Titles ending an organisation's span ("OSCE Minsk Group Co-Chair"): not part of its name. */
  private static final Pattern TRAILING_ROLE =
      Pattern.compile(
          "(?i)(.+?)(\\s+(Co-Chair|Chair|Chairman|Chairwoman|Secretary|Envoy|Spokesperson|Spokesman|Spokeswoman|Director|Coordinator))+$");

  /** "Department of the Treasury's Office of Foreign Assets Control": the unit after the 's. */
  private static final Pattern POSSESSIVE_UNIT = Pattern.compile("^.+?['’]s\\s+(\\p{Lu}.+)$");

  /** "Department of", "Ministry for the", "Dept. of" just before a portfolio word. */
  private static final Pattern DEPARTMENT_BEFORE =
      Pattern.compile(
          "(?i)\\b(department|ministry|dept\\.?|office|secretariat)\\s+(of|for)\\s+(the\\s+)?$");

  /** A party and a state abbreviated after a lawmaker's name: "D-Calif.", "R-Texas", "I-Vt.". */
  private static final Pattern PARTY_STATE = Pattern.compile("[DRI]-\\p{Lu}[\\p{L}.]*");

  /**
   * An organisation with "Press" or a portfolio at its end, before a role: "White House Press
   * (Secretary)", "MFA State (Secretary)".
   */
  private static final Pattern PRESS = Pattern.compile("(.+?)\\s+(Press|State)");

  private static final Pattern ROLE_AFTER =
      Pattern.compile("^\\s*(Secretary|Office|Corps|Briefing|Pool|Aide|Staff)\\b");

  /** A title just before an organisation's span: what follows is a portfolio, not a body. */
  private static final Pattern ROLE_BEFORE =
      Pattern.compile("(?i)\\b(Secretary|Minister|Undersecretary)\\s+(of|for)\\s+(the\\s+)?$");

  /** Whether a name is a role word or fragment that is no organisation ("Congressional", "PAC"). */
  static boolean roleWord(String name) {
    return ADJECTIVES.contains(NameTables.key(name));
  }

  private static final Pattern WORD_BEFORE =
      Pattern.compile("([\\p{L}][\\p{L}.'’-]*)[\\s\\u00A0]+$");

  /** Reads the mention's surroundings in its field's text (nothing when the text is unknown). */
  static void read(Canonicalizer.Draft d, String text) {
    int s = d.mention.start();
    int e = d.mention.end();
    if (text == null || e > text.length() || !text.substring(s, e).equals(d.mention.text())) {
      return;
    }
    d.before = text.substring(Math.max(0, s - 40), s);
    d.after = text.substring(e, Math.min(text.length(), e + 40));
    d.lineStart = text.lastIndexOf('\n', Math.max(0, s - 1)) + 1;
    if (s == 0) {
      d.lineStart = 0;
    }
    int end = text.indexOf('\n', e);
    d.lineEnd = end < 0 ? text.length() : end;
    if (d.type == EntityType.PERSON) {
      // "President Barack Obama", "Mrs. Trump", "Prime Minister Kishida": up to two title words
      String before = d.before;
      for (int i = 0; i < 2; i++) {
        Matcher m = WORD_BEFORE.matcher(before);
        if (!m.find()) {
          break;
        }
        String w = m.group(1).replace(".", "").toLowerCase(Locale.ROOT);
        if (!Canonicalizer.TITLES.contains(w) && !w.equals("lady") && !w.equals("first")) {
          break;
        }
        d.titles.add(w);
        before = before.substring(0, m.start());
      }
    }
  }

  /**
   * Roles read as organisations: a portfolio word ("State", "Defense") is the department only where
   * the text says "Department of" (it is then filed as that department), and dropped elsewhere; an
   * adjective or fragment ("Congressional", "PAC") is dropped.
   */
  static void roles(List<Canonicalizer.Draft> drafts, NameTables tables) {
    for (Canonicalizer.Draft d : drafts) {
      if (d.type != EntityType.PERSON && PARTY_STATE.matcher(d.written).matches()) {
        d.dropped = true; // "D-Calif.", "R-Texas": a party and a state after a lawmaker's name
        continue;
      }
      if (d.type != EntityType.ORGANIZATION) {
        continue;
      }
      if (!d.fixed && ROLE_BEFORE.matcher(d.before).find()) {
        d.dropped = true; // "Assistant Secretary of [State for International Organization Affairs]"
        continue;
      }
      Matcher press = PRESS.matcher(d.name);
      if (press.matches() && ROLE_AFTER.matcher(d.after).find()) {
        d.name = press.group(1); // "White House Press Secretary": the White House
      }
      Matcher role = TRAILING_ROLE.matcher(d.name);
      if (role.matches()) {
        d.name = role.group(1);
      }
      Matcher possessive = POSSESSIVE_UNIT.matcher(d.name);
      if (possessive.matches()) {
        d.name = possessive.group(1);
        NameTables.Entry alias = tables.alias(d.name);
        if (alias != null) {
          d.name = alias.name();
        }
      }
      String k = NameTables.key(d.name);
      if (ADJECTIVES.contains(k)) {
        d.dropped = true;
      } else if (PORTFOLIOS.contains(k)) {
        Matcher m = DEPARTMENT_BEFORE.matcher(d.before);
        if (m.find()) {
          String unit =
              m.group(1).toLowerCase(Locale.ROOT).startsWith("min") ? "Ministry" : "Department";
          String name = unit + " of " + d.name;
          NameTables.Entry alias = tables.alias(name);
          d.name = alias == null ? name : alias.name();
          d.fixed = true;
        } else {
          d.dropped = true;
        }
      }
    }
  }
}

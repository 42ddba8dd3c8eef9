package org.morgue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.morgue.entity.EntityType.LOCATION;
import static org.morgue.entity.EntityType.ORGANIZATION;
import static org.morgue.entity.EntityType.PERSON;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Canonical names within one article, on hand-built mentions (no model): each test lists what the
 * model "found" as {@code TYPE surface} and expects {@code TYPE surface => canonical} back.
 */
class CanonicalizerTest {
  private static final Canonicalizer CANON =
      new Canonicalizer(NameTables.shipped(), AuthorityFile.EMPTY, true);

  /** Mentions at increasing offsets of a text field, from "TYPE surface" or "RULE surface". */
  static List<Mention> mentions(String... specs) {
    List<Mention> out = new ArrayList<>();
    int at = 0;
    for (String spec : specs) {
      String word = spec.substring(0, spec.indexOf(' '));
      String surface = spec.substring(spec.indexOf(' ') + 1);
      boolean rule = word.equals("RULE");
      EntityType type = rule ? LOCATION : EntityType.valueOf(word);
      out.add(
          new Mention(
              type,
              surface,
              surface,
              Mention.Field.BODY,
              at,
              at + surface.length(),
              rule ? Mention.Origin.RULE : Mention.Origin.MODEL));
      at += surface.length() + 10;
    }
    return out;
  }

  static List<String> canon(Canonicalizer c, String... specs) {
    return c.canonicalize(mentions(specs)).stream()
        .map(m -> m.type() + " " + m.text() + " => " + m.canonical())
        .toList();
  }

  static List<String> canon(String... specs) {
    return canon(CANON, specs);
  }

  @Test
  void aLaterPartialNameJoinsTheFullOne() {
    assertEquals(
        List.of(
            "PERSON Nikol Pashinyan => Nikol Pashinyan",
            "PERSON Pashinyan => Nikol Pashinyan",
            "PERSON Mr. Pashinyan => Nikol Pashinyan",
            "PERSON Pashinyan's => Nikol Pashinyan"),
        canon(
            "PERSON Nikol Pashinyan",
            "PERSON Pashinyan",
            "PERSON Mr. Pashinyan",
            "PERSON Pashinyan's"));
  }

  @Test
  void theNearestFullNameBeforeWinsElseTheOneAfter() {
    assertEquals(
        List.of(
            "PERSON Clinton => Bill Clinton",
            "PERSON Bill Clinton => Bill Clinton",
            "PERSON Clinton => Bill Clinton",
            "PERSON Hillary Clinton => Hillary Clinton",
            "PERSON Clinton => Hillary Clinton"),
        canon(
            "PERSON Clinton",
            "PERSON Bill Clinton",
            "PERSON Clinton",
            "PERSON Hillary Clinton",
            "PERSON Clinton"));
  }

  @Test
  void middleNamesAccentsAndCapitalsJoinToo() {
    assertEquals(
        List.of(
            "PERSON Recep Tayyip Erdoğan => Recep Tayyip Erdoğan",
            "PERSON Tayyip Erdogan => Recep Tayyip Erdoğan",
            "PERSON ERDOGAN => Recep Tayyip Erdoğan"),
        canon("PERSON Recep Tayyip Erdoğan", "PERSON Tayyip Erdogan", "PERSON ERDOGAN"));
  }

  @Test
  void aSurnameTakenForAPlaceJoinsThePerson() {
    assertEquals(
        List.of(
            "PERSON Ahmed Jamil => Ahmed Jamil",
            "PERSON Jamil => Ahmed Jamil",
            "PERSON Jamil => Ahmed Jamil",
            "ORGANIZATION Ahmed => Ahmed"),
        canon("PERSON Ahmed Jamil", "LOCATION Jamil", "ORGANIZATION Jamil", "ORGANIZATION Ahmed"));
  }

  @Test
  void aKnownPlaceStaysAPlaceUnlessTheModelAlsoTookItForThePerson() {
    assertEquals(
        List.of(
            "PERSON Kerry Washington => Kerry Washington",
            "LOCATION Washington => Washington",
            "LOCATION Israel => Israel"),
        canon("PERSON Kerry Washington", "LOCATION Washington", "LOCATION Israel"));
    assertEquals(
        List.of(
            "PERSON MaliVai Washington => MaliVai Washington",
            "PERSON Washington => MaliVai Washington",
            "PERSON Washington => MaliVai Washington"),
        canon("PERSON MaliVai Washington", "LOCATION Washington", "PERSON Washington"));
  }

  @Test
  void namesRunTogetherAreNotJoined() {
    // a headline's "Booing Hillary Clinton" and "Is Joe Biden Hillary Clinton": the surname goes to
    // Hillary Clinton
    assertEquals(
        List.of(
            "PERSON Booing Hillary Clinton => Booing Hillary Clinton",
            "PERSON Hillary Clinton => Hillary Clinton",
            "PERSON Clinton => Hillary Clinton",
            "PERSON Joe Biden Hillary Clinton => Joe Biden Hillary Clinton",
            "PERSON Clinton => Hillary Clinton"),
        canon(
            "PERSON Booing Hillary Clinton",
            "PERSON Hillary Clinton",
            "PERSON Clinton",
            "PERSON Joe Biden Hillary Clinton",
            "PERSON Clinton"));
  }

  @Test
  void onlyOneWordJoins() {
    // two-word variants are left to the alias table and the authority file
    assertEquals(
        List.of(
            "PERSON John Fitzgerald Kennedy => John Fitzgerald Kennedy",
            "PERSON Fitzgerald Kennedy => Fitzgerald Kennedy"),
        canon("PERSON John Fitzgerald Kennedy", "PERSON Fitzgerald Kennedy"));
    // but the alias table knows Erdoğan's
    assertEquals(
        List.of(
            "PERSON Recep Tayyip Erdogan => Recep Tayyip Erdoğan",
            "PERSON Tayyip Erdoğan => Recep Tayyip Erdoğan"),
        canon("PERSON Recep Tayyip Erdogan", "PERSON Tayyip Erdoğan"));
  }

  @Test
  void aliasesWithTheAndPossessiveDropped() {
    assertEquals(
        List.of(
            "LOCATION U.S. => United States",
            "LOCATION US => United States",
            "LOCATION the United States => United States",
            "LOCATION America's => United States",
            "ORGANIZATION UN => United Nations",
            "ORGANIZATION The European Union's => European Union",
            "ORGANIZATION EU => European Union"),
        canon(
            "LOCATION U.S.",
            "LOCATION US",
            "LOCATION the United States",
            "LOCATION America's",
            "ORGANIZATION UN",
            "ORGANIZATION The European Union's",
            "ORGANIZATION EU"));
  }

  @Test
  void anAcronymFoundAsAnotherTypeTakesTheTablesType() {
    assertEquals(
        List.of("ORGANIZATION EU => European Union", "LOCATION U.S. => United States"),
        canon("LOCATION EU", "ORGANIZATION U.S."));
  }

  @Test
  void aPlaceNameOfAnotherTypeKeepsItsTypeAndName() {
    // a team called after its city, a person called after a country
    assertEquals(
        List.of("ORGANIZATION Los Angeles => Los Angeles", "PERSON Holland => Holland"),
        canon("ORGANIZATION Los Angeles", "PERSON Holland"));
  }

  @Test
  void demonymsArePlacesOrNothing() {
    assertEquals(
        List.of(
            "LOCATION Azerbaijani => Azerbaijan",
            "LOCATION Armenians => Armenia",
            "LOCATION AMERICAN => United States"),
        canon("RULE Azerbaijani", "RULE Armenians", "RULE AMERICAN"));
    Canonicalizer off = new Canonicalizer(NameTables.shipped(), AuthorityFile.EMPTY, false);
    assertEquals(
        List.of("LOCATION Armenia => Armenia"), canon(off, "RULE Azerbaijani", "LOCATION Armenia"));
    // a demonym the model took for a place is its place, unless demonyms are off
    assertEquals(List.of("LOCATION Russian => Russia"), canon("LOCATION Russian"));
    assertEquals(List.of("LOCATION Russian => Russian"), canon(off, "LOCATION Russian"));
  }

  @Test
  void junkIsDropped() {
    assertEquals(
        List.of("ORGANIZATION The Fed => Federal Reserve"),
        canon(
            "ORGANIZATION The",
            "PERSON Tuesday",
            "LOCATION TUESDAY",
            "PERSON May",
            "ORGANIZATION 2021",
            "PERSON X",
            "ORGANIZATION \"",
            "PERSON Mr.",
            "ORGANIZATION LLC",
            "PERSON Dad",
            "ORGANIZATION The Fed"));
  }

  @Test
  void aMonthThatIsASurnameStays() {
    assertEquals(
        List.of(
            "PERSON Theresa May => Theresa May",
            "PERSON May => Theresa May",
            "PERSON Mrs May => Theresa May"),
        canon("PERSON Theresa May", "PERSON May", "PERSON Mrs May"));
  }

  @Test
  void capitalsTakeTheArticlesSpellingElseTitleCase() {
    assertEquals(
        List.of(
            "LOCATION RUSSIA => Russia",
            "LOCATION Russia => Russia",
            "LOCATION NIZHNY NOVGOROD => Nizhny Novgorod",
            "ORGANIZATION NATO => NATO",
            "ORGANIZATION GAZPROM => GAZPROM",
            "PERSON JEAN-CLAUDE O'NEILL => Jean-Claude O'Neill"),
        canon(
            "LOCATION RUSSIA",
            "LOCATION Russia",
            "LOCATION NIZHNY NOVGOROD",
            "ORGANIZATION NATO",
            "ORGANIZATION GAZPROM",
            "PERSON JEAN-CLAUDE O'NEILL"));
  }

  @Test
  void clean() {
    assertEquals("Armenia", Canonicalizer.clean(LOCATION, "Armenia's"));
    assertEquals("Armenia", Canonicalizer.clean(LOCATION, "Armenia’s"));
    assertEquals("Reuters", Canonicalizer.clean(ORGANIZATION, "Reuters'"));
    assertEquals("European Union", Canonicalizer.clean(ORGANIZATION, "the  European\nUnion"));
    assertEquals("Hague", Canonicalizer.clean(LOCATION, "The Hague"));
    assertEquals("Boston", Canonicalizer.clean(LOCATION, "Boston-based"));
    assertEquals("U.S.", Canonicalizer.clean(LOCATION, "anti-U.S."));
    assertEquals("Pashinyan", Canonicalizer.clean(PERSON, "Mr. Pashinyan"));
    assertEquals(
        "Sergey Shoygu",
        Canonicalizer.clean(PERSON, "Defence Minister Sergey Shoygu".replace("Defence ", "")));
    assertEquals("Pashinyan", Canonicalizer.clean(PERSON, "\u201CPashinyan\u201D"));
    assertEquals("The Rock", Canonicalizer.clean(PERSON, "The Rock"));
    assertEquals("The", Canonicalizer.clean(ORGANIZATION, "The"));
    assertEquals("", Canonicalizer.clean(ORGANIZATION, "\"\""));
  }

  @Test
  void titleCase() {
    assertEquals("Nizhny Novgorod", Canonicalizer.titleCase("NIZHNY NOVGOROD"));
    assertEquals("O'Neill", Canonicalizer.titleCase("O'NEILL"));
    assertEquals("U.S.", Canonicalizer.titleCase("U.S."));
  }

  @Test
  void canonicalisingTwiceChangesNothingAndKeepsOffsets() {
    List<Mention> once =
        CANON.canonicalize(
            mentions(
                "PERSON Nikol Pashinyan",
                "PERSON Pashinyan",
                "LOCATION U.S.",
                "RULE Azerbaijani",
                "ORGANIZATION the EU",
                "LOCATION Washington",
                "PERSON George Washington"));
    assertEquals(once, CANON.canonicalize(once));
    List<Mention> given = mentions("PERSON Nikol Pashinyan", "PERSON Pashinyan");
    List<Mention> out = CANON.canonicalize(given);
    for (int i = 0; i < given.size(); i++) {
      assertEquals(given.get(i).start(), out.get(i).start());
      assertEquals(given.get(i).text(), out.get(i).text());
    }
  }

  @Test
  void articleOrderIsTitleLedeBody() {
    List<Mention> given =
        List.of(
            new Mention(
                PERSON,
                "Nikol Pashinyan",
                "Nikol Pashinyan",
                Mention.Field.BODY,
                0,
                15,
                Mention.Origin.MODEL),
            new Mention(
                PERSON,
                "Pashinyan",
                "Pashinyan",
                Mention.Field.TITLE,
                30,
                39,
                Mention.Origin.MODEL));
    List<Mention> out = CANON.canonicalize(given);
    assertEquals(Mention.Field.TITLE, out.get(0).field());
    assertEquals(
        "Nikol Pashinyan", out.get(0).canonical(), "the full name after it is the nearest one");
  }
}

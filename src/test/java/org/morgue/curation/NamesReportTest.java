package org.morgue.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.morgue.entity.EntityType.LOCATION;
import static org.morgue.entity.EntityType.ORGANIZATION;
import static org.morgue.entity.EntityType.PERSON;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.morgue.entity.EntityType;
import org.morgue.search.SearchResult.FacetValue;

/** The names report on hand-made facet counts: each kind of split and junk, with its rule. */
class NamesReportTest {

  /** Facet values from "name=count" pairs. */
  private static List<FacetValue> values(String... specs) {
    List<FacetValue> out = new ArrayList<>();
    for (String s : specs) {
      int eq = s.lastIndexOf('=');
      out.add(new FacetValue(s.substring(0, eq), Long.parseLong(s.substring(eq + 1))));
    }
    return out;
  }

  private static List<String> splits(NamesReport r) {
    return r.splits().stream()
        .map(
            s ->
                s.type().facet()
                    + " "
                    + s.value()
                    + " "
                    + s.count()
                    + " -> "
                    + s.into()
                    + " "
                    + s.intoCount()
                    + " | "
                    + s.rule())
        .toList();
  }

  private static List<String> junk(NamesReport r) {
    return r.junk().stream()
        .map(
            j ->
                j.type().facet()
                    + " "
                    + j.value()
                    + " "
                    + j.count()
                    + ": "
                    + j.why()
                    + " | "
                    + j.rule())
        .toList();
  }

  @Test
  void aValueInsideALongerOneOfTheSameTypeIsASplitWithItsMerge() {
    NamesReport r =
        NamesReport.of(
            Map.of(
                PERSON,
                values(
                    "Obama=680",
                    "Barack Obama=508",
                    "Antony J. Blinken=405",
                    "Blinken=25",
                    "Antony Blinken=12",
                    "Sarah Sanders=9",
                    "Sarah Huckabee Sanders=7",
                    "Nikol Pashinyan=5"),
                ORGANIZATION,
                values(
                    "Immigration and Customs Enforcement=40", "Customs Enforcement=30", "Obama=2"),
                LOCATION,
                values("Ohio=3")),
            100);
    assertEquals(
        List.of(
            "person Obama 680 -> Barack Obama 508 | PERSON: Obama => Barack Obama",
            "org Customs Enforcement 30 -> Immigration and Customs Enforcement 40 | ORG: Customs"
                + " Enforcement => Immigration and Customs Enforcement",
            "person Blinken 25 -> Antony J. Blinken 405 | PERSON: Blinken => Antony J. Blinken",
            "person Blinken 25 -> Antony Blinken 12 | PERSON: Blinken => Antony Blinken",
            "person Antony Blinken 12 -> Antony J. Blinken 405 | PERSON: Antony Blinken => Antony"
                + " J. Blinken",
            "person Sarah Sanders 9 -> Sarah Huckabee Sanders 7 | PERSON: Sarah Sanders => Sarah"
                + " Huckabee Sanders"),
        splits(r));
    // org Obama is no split of person Barack Obama, but it is a name filed under two types
    assertEquals(
        List.of("org Obama 2: also filed as person (680 articles) | type Obama => PERSON"),
        junk(r));
  }

  @Test
  void roleWordsRepeatedWordsRunTogetherNamesAndTwoTypesAreJunk() {
    NamesReport r =
        NamesReport.of(
            Map.of(
                PERSON,
                values(
                    "Donald Trump=50",
                    "Trump=30",
                    "Trump Trump=4",
                    "TrumpGOP=3",
                    "McConnell=3",
                    "Fox News=2",
                    "YouTube=1"),
                ORGANIZATION,
                values("State=579", "Fox News=66", "GOP=20", "Congressional=12", "Mc=1")),
            100);
    assertEquals(
        List.of(
            "org State 579: a title or portfolio word | block ORG: State",
            "org Congressional 12: a title or portfolio word | block ORG: Congressional",
            "person Trump Trump 4: a word repeated (Trump) | block PERSON: Trump Trump",
            "person TrumpGOP 3: words run together (Trump + GOP) | block PERSON: TrumpGOP",
            "person Fox News 2: also filed as org (66 articles) | type Fox News => ORGANIZATION"),
        junk(r));
    // McConnell and YouTube are not run together: "Connell", "You" and "Tube" are no values;
    // junk is neither split nor the target of one (Trump is in Trump Trump and TrumpGOP too)
    assertEquals(
        List.of("person Trump 30 -> Donald Trump 50 | PERSON: Trump => Donald Trump"), splits(r));
  }

  @Test
  void onlyTheTopValuesOfEachTypeAreLookedAt() {
    Map<EntityType, List<FacetValue>> v =
        Map.of(
            PERSON,
            values("Barack Obama=10", "Nikol Pashinyan=9", "Obama=1"),
            ORGANIZATION,
            values("Fox News=5", "Defense=1"),
            LOCATION,
            values("Fox News=1"));
    NamesReport one = NamesReport.of(v, 1);
    // the pair counts when either value is among the top: Barack Obama is
    assertEquals(
        List.of("person Obama 1 -> Barack Obama 10 | PERSON: Obama => Barack Obama"), splits(one));
    // Defense is outside the top 1 of org; place Fox News is the top place
    assertEquals(
        List.of("place Fox News 1: also filed as org (5 articles) | type Fox News => ORGANIZATION"),
        junk(one));
    NamesReport two = NamesReport.of(v, 2);
    assertEquals(2, two.junk().size(), two.junk().toString());
    assertThrows(IllegalArgumentException.class, () -> NamesReport.of(v, 0));
  }

  @Test
  void aValueIsReportedIntoAtMostThreeLongerValuesMostFirst() {
    NamesReport r =
        NamesReport.of(
            Map.of(
                PERSON,
                values(
                    "Trump=100",
                    "Donald Trump=90",
                    "Melania Trump=20",
                    "Ivanka Trump=10",
                    "Eric Trump=5")),
            100);
    assertEquals(
        List.of(
            "person Trump 100 -> Donald Trump 90 | PERSON: Trump => Donald Trump",
            "person Trump 100 -> Melania Trump 20 | PERSON: Trump => Melania Trump",
            "person Trump 100 -> Ivanka Trump 10 | PERSON: Trump => Ivanka Trump"),
        splits(r));
  }

  @Test
  void aNameThatCannotBeWrittenAsARuleHasNone() {
    NamesReport r =
        NamesReport.of(Map.of(PERSON, values("A => B Smith=3", "Smith=5", "State=2")), 100);
    assertEquals(List.of("person Smith 5 -> A => B Smith 3 | null"), splits(r));
    assertNull(NamesReport.mergeRule(PERSON, "X", "# Y => Z"));
    assertNull(NamesReport.blockRule(ORGANIZATION, "a\nb"));
    assertEquals("type Kremlin => ORGANIZATION", NamesReport.retypeRule("Kremlin", ORGANIZATION));
    assertEquals("block PLACE: Bucha", NamesReport.blockRule(LOCATION, "Bucha"));
  }
}

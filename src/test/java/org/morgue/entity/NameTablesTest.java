package org.morgue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped alias and demonym tables, and the matching rules they are read with. */
class NameTablesTest {
  private static final NameTables TABLES = NameTables.shipped();

  private static String alias(String name) {
    NameTables.Entry e = TABLES.alias(name);
    return e == null ? null : e.type() + " " + e.name();
  }

  @Test
  void theIssuesAliases() {
    for (String us :
        List.of(
            "U.S.",
            "US",
            "United States",
            "America",
            "U.S.A.",
            "USA",
            "UNITED STATES",
            "AMERICA")) {
      assertEquals("LOCATION United States", alias(us), us);
    }
    assertEquals("ORGANIZATION United Nations", alias("UN"));
    assertEquals("ORGANIZATION United Nations", alias("U.N."));
    assertEquals("ORGANIZATION European Union", alias("EU"));
    assertEquals("ORGANIZATION European Union", alias("E.U."));
    assertEquals("ORGANIZATION European Union", alias("european union"));
  }

  @Test
  void caseCountsForShortNamesOnly() {
    assertNull(alias("Us"));
    assertNull(alias("us"));
    assertNull(alias("Who"));
    assertEquals("ORGANIZATION World Health Organization", alias("WHO"));
    assertEquals("LOCATION United Kingdom", alias("BRITAIN"));
  }

  @Test
  void accentsHyphensAndSpacingDoNotCount() {
    assertEquals("PERSON Recep Tayyip Erdoğan", alias("Recep Tayyip Erdogan"));
    assertEquals("PERSON Recep Tayyip Erdoğan", alias("Recep  Tayyip\u00A0Erdoğan"));
    assertEquals("PERSON Kim Jong Un", alias("Kim Jong-un"));
    assertEquals("LOCATION Karabakh", alias("Nagorno-Karabakh"));
    assertNull(alias("Nikol"));
  }

  @Test
  void fold() {
    assertEquals("US", NameTables.fold("U.S."));
    assertEquals("Kim Jong un", NameTables.fold("Kim  Jong-un"));
    assertEquals("Erdogan", NameTables.fold("Erdoğan"));
    assertEquals("O'Neill", NameTables.fold("O’Neill"));
    assertEquals("erdogan", NameTables.key(" ERDOĞAN "));
  }

  @Test
  void demonymsWithPluralsAndCapitals() {
    assertEquals("Azerbaijan", TABLES.demonym("Azerbaijani"));
    assertEquals("Azerbaijan", TABLES.demonym("Azerbaijanis"));
    assertEquals("Armenia", TABLES.demonym("ARMENIAN"));
    assertEquals("Russia", TABLES.demonym("Russians"));
    assertEquals("Switzerland", TABLES.demonym("Swiss"));
    assertEquals("United States", TABLES.demonym("American"));
    assertNull(TABLES.demonym("russian"));
    assertNull(TABLES.demonym("English"));
  }

  @Test
  void findsDemonymsAsWholeWords() {
    String text =
        "Armenian-occupied land, two Azerbaijanis, the South African envoy, an Armenianist, RUSSIAN troops.";
    List<String> found =
        TABLES.findDemonyms(text).stream()
            .map(f -> text.substring(f.start(), f.end()) + "=" + f.place())
            .toList();
    assertEquals(
        List.of(
            "Armenian=Armenia",
            "Azerbaijanis=Azerbaijan",
            "South African=South Africa",
            "RUSSIAN=Russia"),
        found);
  }

  @Test
  void aTableWithAnAliasOfTwoEntitiesIsRejected() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                NameTables.of(
                    List.of(
                        "# test", "LOCATION\tGeorgia\tGA", "ORGANIZATION\tGeneral Assembly\tGA"),
                    List.of()));
    assertEquals("aliases.tsv line 3: 'GA' is already an alias of Georgia", e.getMessage());
  }
}

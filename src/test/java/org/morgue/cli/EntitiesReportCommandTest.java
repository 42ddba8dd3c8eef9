package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.curation.NamesFixtures;

/** {@code morgue entities report} on the names fixture archive, as text and as JSON. */
class EntitiesReportCommandTest {
  @TempDir static Path tmp;

  private static String archive;

  @BeforeAll
  static void build() throws Exception {
    archive = NamesFixtures.archive(tmp).root().toString();
  }

  @Test
  void printsEachFindingWithItsRuleReadyToPaste() {
    CommandLineTest.Run r = CommandLineTest.run("entities", "report", "--index", archive);
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "Suspected splits (1), among the top 100 values of each type:",
            "  org Customs Enforcement (2) is part of Immigration and Customs Enforcement (1)",
            "    ORG: Customs Enforcement => Immigration and Customs Enforcement",
            "Suspected junk (2):",
            "  person Brakka Trump Trump (1): a word repeated (Trump)",
            "    block PERSON: Brakka Trump Trump",
            "  org VelmoraQuillon (1): words run together (Velmora + Quillon)",
            "    block ORG: VelmoraQuillon"),
        r.lines());
  }

  @Test
  void printsTheApisJsonAndLooksAtTheTopValuesOnly() throws Exception {
    CommandLineTest.Run r =
        CommandLineTest.run("entities", "report", "--index", archive, "--top", "1", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "{\"top\":1,\"splits\":[],\"junk\":[{\"type\":\"person\",\"value\":\"Brakka Trump"
            + " Trump\",\"count\":1,\"why\":\"a word repeated (Trump)\",\"rule\":\"block PERSON:"
            + " Brakka Trump Trump\"}]}",
        r.json().toString());
  }

  @Test
  void aBadTopOrAMissingArchiveIsRefused() {
    CommandLineTest.Run r =
        CommandLineTest.run("entities", "report", "--index", archive, "--top", "0");
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("--top takes 1 to 10000, not 0"), r.err());
    CommandLineTest.Run none =
        CommandLineTest.run("entities", "report", "--index", tmp.resolve("nothing").toString());
    assertTrue(none.exit() != 0, none.out());
  }
}

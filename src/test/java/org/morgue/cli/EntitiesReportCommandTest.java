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
    Cli.Run r = Cli.run("entities", "report", "--index", archive);
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        List.of(
            "Suspected splits (1), among the top 100 values of each type:",
            "  org Harbour Authority (2) is part of Velmora Harbour Authority (1)",
            "    ORG: Harbour Authority => Velmora Harbour Authority",
            "Suspected junk (2):",
            "  person Trump Brakka Trump (1): a word repeated (Trump)",
            "    block PERSON: Trump Brakka Trump",
            "  org VelmoraQuillon (1): words run together (Velmora + Quillon)",
            "    block ORG: VelmoraQuillon"),
        r.lines());
  }

  @Test
  void printsTheApisJsonAndLooksAtTheTopValuesOnly() throws Exception {
    Cli.Run r = Cli.run("entities", "report", "--index", archive, "--top", "1", "--json");
    assertEquals(0, r.exit(), r.err());
    assertEquals(
        "{\"top\":1,\"splits\":[],\"junk\":[{\"type\":\"person\",\"value\":\"Trump Brakka"
            + " Trump\",\"count\":1,\"why\":\"a word repeated (Trump)\",\"rule\":\"block PERSON:"
            + " Trump Brakka Trump\"}]}",
        r.json().toString());
  }

  @Test
  void aBadTopOrAMissingArchiveIsRefused() {
    Cli.Run r = Cli.run("entities", "report", "--index", archive, "--top", "0");
    assertEquals(2, r.exit(), r.out());
    assertTrue(r.err().contains("--top takes 1 to 10000, not 0"), r.err());
    Cli.Run none = Cli.run("entities", "report", "--index", tmp.resolve("nothing").toString());
    assertTrue(none.exit() != 0, none.out());
  }
}

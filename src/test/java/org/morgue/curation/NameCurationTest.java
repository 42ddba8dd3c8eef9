package org.morgue.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.Ingester;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.SearchResult;

/** The names report of a small archive, and rules added to it while a searcher reads it. */
class NameCurationTest {
  @TempDir Path tmp;

  private IndexLayout layout;

  @BeforeEach
  void archive() throws Exception {
    layout = NamesFixtures.archive(tmp);
  }

  private static Map<String, Long> counts(ArchiveSearcher s, String dim) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    for (SearchResult.FacetValue v : s.allValues(dim)) {
      out.put(v.value(), v.count());
    }
    return out;
  }

  /** The report of the fixture archive, exactly. */
  static final Map<String, Object> REPORT =
      Map.of(
          "top",
          100,
          "splits",
          List.of(
              Map.of(
                  "type", "org",
                  "value", "Harbour Authority",
                  "count", 2L,
                  "into", "Velmora Harbour Authority",
                  "intoCount", 1L,
                  "rule", "ORG: Harbour Authority => Velmora Harbour Authority")),
          "junk",
          List.of(
              Map.of(
                  "type", "person",
                  "value", "Trump Brakka Trump",
                  "count", 1L,
                  "why", "a word repeated (Trump)",
                  "rule", "block PERSON: Trump Brakka Trump"),
              Map.of(
                  "type", "org",
                  "value", "VelmoraQuillon",
                  "count", 1L,
                  "why", "words run together (Velmora + Quillon)",
                  "rule", "block ORG: VelmoraQuillon")));

  @Test
  void theReportOfASmallArchive() throws Exception {
    try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
      // the fake model's Congressional is dropped by resolution (a role word, not an organisation)
      assertEquals(
          Map.of(
              "Fox News", 3L,
              "Harbour Authority", 2L,
              "Velmora Harbour Authority", 1L,
              "VelmoraQuillon", 1L),
          counts(s, "org"));
      Map<String, Object> json = NamesJson.report(NamesReport.of(s, 100));
      assertEquals(List.of("top", "splits", "junk"), List.copyOf(json.keySet()));
      assertEquals(REPORT, json);
      // with the top 1 of each type: org Fox News, person Trump Brakka Trump, place Velmora
      Map<String, Object> one = NamesJson.report(NamesReport.of(s, 1));
      assertEquals(List.of(), one.get("splits"));
      assertEquals(List.of(((List<?>) REPORT.get("junk")).get(0)), one.get("junk"));
    }
  }

  @Test
  void aMergeIsWrittenToTheAuthorityFileAndAppliedToTheArchive() throws Exception {
    try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
      NameCuration c = new NameCuration(s, NamesFixtures::finder);
      NameCuration.Applied a = c.add("  ORG: Harbour Authority => Velmora Harbour Authority ");
      assertEquals(
          new NameCuration.Applied("ORG: Harbour Authority => Velmora Harbour Authority", 1, 8, 2),
          a);
      assertEquals(
          "ORG: Harbour Authority => Velmora Harbour Authority\n",
          Files.readString(layout.authorityFile(), StandardCharsets.UTF_8));
      Map<String, Long> org = counts(s, "org");
      assertEquals(3L, org.get("Velmora Harbour Authority"));
      assertFalse(org.containsKey("Harbour Authority"), org.toString());
      assertEquals(List.of(), c.report(100).splits());

      // a second rule goes on the next line, after a file written by hand without a final newline
      Files.writeString(
          layout.authorityFile(),
          "# by hand\nORG: Harbour Authority => Velmora Harbour Authority",
          StandardCharsets.UTF_8);
      NameCuration.Applied b = c.add("PLACE: Quillon => Quillon City");
      assertEquals(new NameCuration.Applied("PLACE: Quillon => Quillon City", 3, 8, 2), b);
      assertEquals(Map.of("Velmora", 3L, "Quillon City", 2L), counts(s, "place"));
      assertFalse(Files.exists(layout.authorityFile().resolveSibling("authority.txt.tmp")));
    }
  }

  @Test
  void aBadRuleIsRefusedWithTheFilesMessageAndChangesNothing() throws Exception {
    try (ArchiveSearcher s = ArchiveSearcher.open(layout)) {
      NameCuration c = new NameCuration(s, NamesFixtures::finder);
      c.add("block ORG: VelmoraQuillon");
      String before = Files.readString(layout.authorityFile(), StandardCharsets.UTF_8);
      InvalidRequestException e =
          assertThrows(InvalidRequestException.class, () -> c.add("type Fox News => PLAC"));
      assertEquals("rule", e.parameter());
      assertEquals(
          "authority.txt line 2: unknown entity type 'PLAC' (PERSON, ORGANIZATION or LOCATION;"
              + " or person, org, place): type Fox News => PLAC",
          e.getMessage());
      e =
          assertThrows(
              InvalidRequestException.class, () -> c.add("ORG: VelmoraQuillon => Velmora"));
      assertEquals(
          "authority.txt line 2: the name is also blocked; merge it or block it, not both:"
              + " ORG: VelmoraQuillon => Velmora",
          e.getMessage());
      assertEquals(
          "one rule, on one line",
          assertThrows(InvalidRequestException.class, () -> c.add("block A\nblock B"))
              .getMessage());
      assertEquals(
          "a comment is not a rule",
          assertThrows(InvalidRequestException.class, () -> c.add("# block A")).getMessage());
      assertThrows(InvalidRequestException.class, () -> c.add(" "));
      assertEquals(before, Files.readString(layout.authorityFile(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void whileAnIngestHoldsTheIndexNothingChanges() throws Exception {
    try (ArchiveSearcher s = ArchiveSearcher.open(layout);
        Ingester ingest = new Ingester(layout, Ingester.Options.defaults())) {
      NameCuration c = new NameCuration(s, NamesFixtures::finder);
      NameCuration.IndexBusyException e =
          assertThrows(
              NameCuration.IndexBusyException.class, () -> c.add("block ORG: VelmoraQuillon"));
      assertEquals(
          "the archive is being written (an ingest or entities apply holds the index);"
              + " nothing was changed: try again when it ends",
          e.getMessage());
      assertFalse(Files.exists(layout.authorityFile()));
      assertEquals(1L, counts(s, "org").get("VelmoraQuillon"));
      assertEquals(layout, ingest.layout()); // the ingest that held it
    }
  }
}

package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.cli.Cli.run;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cli.Cli.Run;
import org.morgue.index.TestArchives;
import org.morgue.search.ArchiveStats;
import org.morgue.search.SearchResult;

/**
 * {@code ingest} without the entity model: an ingest that can read nothing fails and creates
 * nothing; one that reads something succeeds whatever it rejects. And what {@code stats} prints of
 * the articles without a section or source.
 */
class IngestCommandTest {
  @TempDir Path tmp;

  private Run ingest(Path archive, Path... inputs) {
    List<String> args = new java.util.ArrayList<>(List.of("ingest"));
    for (Path p : inputs) {
      args.add(p.toString());
    }
    args.addAll(List.of("--index", archive.toString(), "--no-entities", "--quiet"));
    return run(args.toArray(String[]::new));
  }

  @Test
  void aPathThatDoesNotExistFailsAndCreatesNoArchive() {
    Path archive = tmp.resolve("archive");
    Path missing = tmp.resolve("no-such-folder");
    Run r = ingest(archive, missing);
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(
        "morgue: "
            + missing
            + ": no such file or folder\n"
            + "morgue: nothing to read, so nothing was ingested and no archive was created",
        r.err().strip());
    assertTrue(Files.notExists(archive), "no archive");
  }

  @Test
  void aLoneUnsupportedFileOrAFolderWithoutArticlesFails() throws Exception {
    Path archive = tmp.resolve("archive");
    Path notes = TestArchives.write(tmp, "notes.md", "# notes\n");
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    TestArchives.write(empty, "README.md", "nothing here\n");
    TestArchives.write(
        empty, ".hidden/a.txt", TestArchives.house("2021-01-01", "T", null, null, null, "B."));
    Run r = ingest(archive, notes, empty);
    assertEquals(1, r.exit(), r.err());
    assertTrue(r.err().contains(notes + ": not a .txt, .jsonl or .ndjson file"), r.err());
    assertTrue(
        r.err().contains(empty + ": the folder holds no .txt, .jsonl or .ndjson file"), r.err());
    assertTrue(Files.notExists(archive), "no archive");
  }

  @Test
  void onlyBrokenArticlesFailButSomeReadAndSomeRejectedSucceeds() throws Exception {
    Path broken = TestArchives.write(tmp, "in/broken.jsonl", "{not json\n");
    Run bad = ingest(tmp.resolve("a"), broken);
    assertEquals(1, bad.exit(), bad.err());
    assertTrue(bad.err().contains("no article could be read"), bad.err());

    TestArchives.write(
        tmp, "in/good.txt", TestArchives.house("2021-01-01 WORLD", "T", null, null, null, "B."));
    Path notes = TestArchives.write(tmp, "in/notes.md", "# notes\n");
    Run mixed = ingest(tmp.resolve("b"), tmp.resolve("in"));
    assertEquals(0, mixed.exit(), mixed.err());
    assertTrue(mixed.out().contains("(not .txt, .jsonl or .ndjson: notes.md)"), mixed.out());
    assertTrue(Files.exists(notes));
  }

  @Test
  void statsPrintTheArticlesWithoutASectionSourceOrDate() {
    ArchiveStats s =
        new ArchiveStats(
            1791,
            LocalDate.of(2019, 1, 1),
            LocalDate.of(2022, 8, 31),
            List.of(new SearchResult.FacetValue("Press Releases", 1500)),
            12_000_000,
            "2026-11-25T10:00:00Z",
            2,
            291,
            List.of(new SearchResult.FacetValue("Wikinews", 291)),
            3,
            0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StatsCommand.print(s, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals("dates        2019-01-01 to 2022-08-31 (2 undated)", lines.get(1));
    assertEquals(
        List.of(
            "sections:",
            "     1,500  Press Releases",
            "       291  (no section)",
            "sources:",
            "       291  Wikinews",
            "            ... and 2 more"),
        lines.subList(4, lines.size()));
    assertFalse(lines.contains("  (none)"));
  }

  @Test
  void theTimeLeftFollowsTheRecentRateNotTheAverageSinceTheStart() {
    IngestCommand.RecentRate rate = new IngestCommand.RecentRate();
    long s = 1_000_000_000L;
    rate.add(0, 0);
    assertEquals(0, rate.perSecond(), "nothing to go by yet");
    rate.add(30 * s, 300); // a slow start: the model loads, 10 articles a second
    assertEquals(10, rate.perSecond(), 1e-9);
    for (int t = 31; t <= 45; t++) {
      rate.add(t * s, 300 + (t - 30) * 100L); // then 100 a second
    }
    assertEquals(100, rate.perSecond(), 1e-9, "the last 10 seconds only");
  }
}

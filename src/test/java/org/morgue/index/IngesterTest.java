package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.morgue.index.TestArchives.house;
import static org.morgue.index.TestArchives.ingest;
import static org.morgue.index.TestArchives.storedById;
import static org.morgue.index.TestArchives.write;
import static org.morgue.index.TestArchives.writeGzip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Reason;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchRequest;

/**
 * The ingest on a small mixed corpus written into a temporary folder: good files in every format,
 * bad files of every kind, and the counters, rejects report and index that result.
 */
class IngesterTest {
  @TempDir Path tmp;

  private Path corpus;
  private Path missing;
  private Path unsupported;
  private IndexLayout layout;

  /** The six articles of the mixed corpus that must be indexed. */
  private static final Set<String> GOOD_IDS =
      Set.of("a1", "a2", "feed-1", "feed-2", "feed-undated", "nodate");

  @BeforeEach
  void writeCorpus() throws IOException {
    corpus = tmp.resolve("in");
    layout = new IndexLayout(tmp.resolve("archive"));
    // good: house format, gzipped house format, JSON Lines, an article without a date
    write(
        corpus,
        "a1.txt",
        house(
            "2021-05-01 WORLD",
            "Harbour reopens after the storm",
            "Ships returned on Monday.",
            "By Jane Roe",
            "AA",
            "The harbour of the town reopened after three days."));
    writeGzip(
        corpus,
        "a2.txt.gz",
        house(
            "2021-05-02 BUSINESS",
            "Fish prices climb",
            null,
            "By John Doe",
            "Reuters",
            "Prices at the market rose by a tenth."));
    write(
        corpus,
        "nodate.txt",
        "Street party planned\nNeighbours will close the road.\n\nMusic starts at six.\n");
    write(
        corpus,
        "feed.jsonl",
        String.join(
            "\n",
            "{\"id\": \"feed-1\", \"date\": \"2021-05-03\", \"section\": \"WORLD\", \"title\": \"Bridge closed for repairs\", \"body\": \"Engineers found cracks in the bridge.\"}",
            "{not json",
            "[1, 2, 3]",
            "",
            "{\"id\": \"feed-no-title\", \"body\": \"A body without a headline.\"}",
            "{\"id\": \"feed-2\", \"date\": \"2021-05-04\", \"title\": \"Library extends its hours\", \"body\": [\"The library now opens on Sundays.\"]}",
            "{\"id\": \"a1\", \"date\": \"2021-05-05\", \"title\": \"Same id as a house file\", \"body\": \"This line reuses the id a1.\"}",
            "{\"id\": \"feed-undated\", \"title\": \"Undated notice from the council\", \"body\": \"The council meets on Tuesday.\"}",
            ""));
    // bad, each for one reason
    Files.write(corpus.resolve("b-binary.txt"), new byte[] {'a', 0, 1, 2, 'b', '\n'});
    Files.write(corpus.resolve("b-empty.txt"), new byte[0]);
    Files.write(
        corpus.resolve("b-latin1.txt"),
        " date 2021-05-01 WORLD\nCafé opens\n\nCoffee for all.\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    write(corpus, "b-notitle.txt", " date 2021-05-01 WORLD\n");
    write(corpus, "b-titleonly.txt", " date 2021-05-01 WORLD\nJust a headline\n");
    write(corpus, "broken.txt.gz", "not gzip at all\n");
    // passed over: another file type in a walked folder, and a hidden file
    write(corpus, "notes.md", "# notes\n");
    write(
        corpus,
        ".draft.txt",
        house("2021-05-09 WORLD", "A hidden draft", null, null, null, "Never indexed."));
    // named on the command line: a missing file and a file of an unsupported type
    missing = tmp.resolve("missing.txt");
    unsupported = write(tmp.resolve("other"), "notes.pdf", "%PDF-1.4\n");
  }

  private IngestReport ingestMixed() throws IOException {
    return ingest(layout, corpus, missing, unsupported);
  }

  @Test
  void mixedCorpusCountsEveryOutcomeAndIndexesEveryGoodArticle() throws IOException {
    IngestReport report = ingestMixed();

    assertEquals(
        7, report.read(), "a1, a2, nodate, feed-1, feed-2, feed-undated and the second a1");
    assertEquals(6, report.added());
    assertEquals(0, report.replaced());
    assertEquals(0, report.unchanged());
    assertEquals(0, report.duplicates());
    Map<Reason, Long> expected = new EnumMap<>(Reason.class);
    for (Reason r : Reason.values()) {
      expected.put(r, 0L);
    }
    expected.put(Reason.UNREADABLE, 2L); // broken.txt.gz, missing.txt
    expected.put(Reason.EMPTY, 1L);
    expected.put(Reason.BINARY, 1L);
    expected.put(Reason.ENCODING, 1L);
    expected.put(Reason.MALFORMED, 3L); // no title, title only, a line that is not JSON
    expected.put(Reason.NOT_AN_ARTICLE, 2L); // a JSON array, an object with no title
    expected.put(Reason.UNSUPPORTED, 1L);
    expected.put(Reason.DUPLICATE_ID, 1L);
    expected.put(Reason.NO_DATE, 2L); // a warning: both are indexed
    Map<Reason, Long> actual = new EnumMap<>(Reason.class);
    for (Reason r : Reason.values()) {
      actual.put(r, report.count(r));
    }
    assertEquals(expected, actual);
    assertEquals(12, report.rejected());
    assertEquals(1, report.skippedFiles(), "notes.md (the hidden .draft.txt is not even counted)");
    assertEquals(6, report.docsInIndex());

    Map<String, Document> docs = storedById(layout);
    assertEquals(GOOD_IDS, docs.keySet());
    assertEquals(
        "Harbour reopens after the storm", docs.get("a1").get(Fields.TITLE), "the first a1 wins");
    assertEquals("Fish prices climb", docs.get("a2").get(Fields.TITLE), "gzip is read");
    assertEquals(
        "feed.jsonl:6",
        docs.get("feed-2").get(Fields.ORIGIN),
        "relative to the folder ingested, never the machine's own folders");
  }

  @Test
  void gzippedJsonLinesAreReadLineByLine() throws IOException {
    Path feed =
        writeGzip(
            tmp.resolve("gz"),
            "wire.jsonl.gz",
            String.join(
                "\n",
                "{\"id\": \"gz-1\", \"date\": \"2021-07-01\", \"title\": \"Heatwave ends\", \"body\": \"Rain at last.\"}",
                "{\"id\": \"gz-2\", \"date\": \"2021-07-02\", \"title\": \"Rivers rise\", \"body\": \"Flood warnings.\"}",
                "{\"id\": 3}"));

    IngestReport report = ingest(layout, feed);

    assertEquals(2, report.added());
    assertEquals(1, report.count(Reason.NOT_AN_ARTICLE));
    assertEquals(3, report.problems().get(0).where().line());
    Map<String, Document> docs = storedById(layout);
    assertEquals(Set.of("gz-1", "gz-2"), docs.keySet());
    assertEquals("wire.jsonl.gz:2", docs.get("gz-2").get(Fields.ORIGIN), "a file: its name");
  }

  @Test
  void rejectsReportListsStatusReasonPathAndLineOfEveryProblem() throws IOException {
    IngestReport report = ingestMixed();
    Path tsv = tmp.resolve("reports/rejects.tsv");
    report.writeProblems(tsv);

    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
    assertEquals("status\treason\tfile\tline\tdetail", lines.get(0));
    List<String> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cols = line.split("\t", -1);
      assertEquals(5, cols.length, line);
      rows.add(String.join("|", cols[0], cols[1], cols[2], cols[3]));
    }
    String feed = corpus.resolve("feed.jsonl").toString();
    assertEquals(
        List.of(
            "rejected|binary|" + corpus.resolve("b-binary.txt") + "|0",
            "rejected|empty|" + corpus.resolve("b-empty.txt") + "|0",
            "rejected|bad encoding|" + corpus.resolve("b-latin1.txt") + "|0",
            "rejected|malformed|" + corpus.resolve("b-notitle.txt") + "|0",
            "rejected|malformed|" + corpus.resolve("b-titleonly.txt") + "|0",
            "rejected|unreadable|" + corpus.resolve("broken.txt.gz") + "|0",
            "rejected|malformed|" + feed + "|2",
            "rejected|not an article|" + feed + "|3",
            "rejected|not an article|" + feed + "|5",
            "rejected|duplicate id in this run|" + feed + "|7",
            "indexed|no date|" + feed + "|8",
            "indexed|no date|" + corpus.resolve("nodate.txt") + "|0",
            "rejected|unreadable|" + missing + "|0",
            "rejected|unsupported file type|" + unsupported + "|0"),
        rows);
    assertEquals(14, report.problems().size());
  }

  @Test
  void ingestingTheSameFilesAgainChangesNothing() throws IOException {
    ingestMixed();
    IngestReport again = ingestMixed();

    assertEquals(7, again.read());
    assertEquals(0, again.added());
    assertEquals(0, again.replaced());
    assertEquals(6, again.unchanged());
    assertEquals(0, again.duplicates());
    assertEquals(12, again.rejected());
    assertEquals(6, again.docsInIndex());
    assertEquals(GOOD_IDS, storedById(layout).keySet());
  }

  @Test
  void aChangedFileReplacesItsOldVersion() throws IOException {
    ingestMixed();
    write(
        corpus,
        "a1.txt",
        house(
            "2021-05-01 WORLD",
            "Lighthouse reopens after the gale",
            "Ships returned on Monday.",
            "By Jane Roe",
            "AA",
            "The harbour of the town reopened after three days."));

    IngestReport report = ingestMixed();

    assertEquals(0, report.added());
    assertEquals(1, report.replaced());
    assertEquals(5, report.unchanged());
    assertEquals(6, report.docsInIndex());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      assertEquals(1, searcher.search(SearchRequest.of("title:lighthouse")).total());
      assertEquals(0, searcher.search(SearchRequest.of("title:storm")).total());
      assertEquals(6, searcher.search(SearchRequest.of("")).total());
    }
  }

  @Test
  void aLaterBadFileLosesNothingIndexedBefore() throws IOException {
    ingestMixed();
    Path later = tmp.resolve("later");
    Files.createDirectories(later);
    Path junk = Files.write(later.resolve("junk.txt"), new byte[] {0, 0, 0, 7});
    Path fresh =
        write(
            later,
            "fresh.txt",
            house(
                "2021-06-01 WORLD",
                "Ferry timetable changes",
                null,
                null,
                null,
                "Two more crossings a day from June."));

    IngestReport report = ingest(layout, junk, tmp.resolve("gone.jsonl"), fresh);

    assertEquals(1, report.read());
    assertEquals(1, report.added());
    assertEquals(2, report.rejected());
    assertEquals(1, report.count(Reason.BINARY));
    assertEquals(1, report.count(Reason.UNREADABLE));
    assertEquals(7, report.docsInIndex());
    Set<String> ids = new java.util.TreeSet<>(GOOD_IDS);
    ids.add("fresh");
    assertEquals(ids, storedById(layout).keySet());

    IngestReport onlyBad = ingest(layout, junk);
    assertEquals(0, onlyBad.read());
    assertEquals(1, onlyBad.rejected());
    assertEquals(7, onlyBad.docsInIndex());
    assertEquals(ids, storedById(layout).keySet());
  }

  @Test
  void aFileThatTurnsBadKeepsItsIndexedVersion() throws IOException {
    ingestMixed();
    write(corpus, "a2.txt.gz", "no longer gzip\n");
    write(corpus, "nodate.txt", "");

    IngestReport report = ingestMixed();

    assertEquals(
        3, report.count(Reason.UNREADABLE), "a2.txt.gz now, besides broken.txt.gz and missing.txt");
    assertEquals(2, report.count(Reason.EMPTY), "nodate.txt now, besides b-empty.txt");
    assertEquals(0, report.added());
    assertEquals(0, report.replaced());
    assertEquals(4, report.unchanged(), "a1, feed-1, feed-2, feed-undated");
    assertEquals(
        0, report.count(Reason.NO_DATE), "an unchanged article is skipped before its warning");
    Map<String, Document> docs = storedById(layout);
    assertEquals(GOOD_IDS, docs.keySet());
    assertEquals("Fish prices climb", docs.get("a2").get(Fields.TITLE));
    assertEquals("Street party planned", docs.get("nodate").get(Fields.TITLE));
  }

  @Test
  void anArticleWithNoDateIsIndexedAndReported() throws IOException {
    IngestReport report = ingestMixed();

    List<IngestReport.Problem> noDate =
        report.problems().stream().filter(p -> p.reason() == Reason.NO_DATE).toList();
    assertEquals(2, noDate.size());
    assertEquals(corpus.resolve("feed.jsonl"), noDate.get(0).where().file());
    assertEquals(8, noDate.get(0).where().line());
    assertEquals("no 'date'", noDate.get(0).detail());
    assertEquals(corpus.resolve("nodate.txt"), noDate.get(1).where().file());
    assertEquals("no date line", noDate.get(1).detail());

    Map<String, Document> docs = storedById(layout);
    assertNull(docs.get("nodate").get(Fields.DATE));
    assertEquals("Street party planned", docs.get("nodate").get(Fields.TITLE));
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      var hits = searcher.search(SearchRequest.of("council")).hits();
      assertEquals(List.of("feed-undated"), hits.stream().map(h -> h.id()).toList());
      assertNull(hits.get(0).date());
      assertEquals(1, searcher.search(SearchRequest.of("street party")).total());
    }
  }

  @Test
  void theOriginOfAnArticleInASubfolderIsItsPathInsideTheFolderIngested() {
    Path root = Path.of("/srv/news");
    assertEquals(
        "wikinews/a.txt",
        Ingester.origin(
            org.morgue.article.Location.file(root.resolve("wikinews/a.txt")), List.of(root)));
    assertEquals(
        "b.jsonl:3",
        Ingester.origin(
            new org.morgue.article.Location(Path.of("in/b.jsonl"), 3),
            List.of(Path.of("in/b.jsonl"))));
  }
}

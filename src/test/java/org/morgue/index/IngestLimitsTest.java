package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.index.TestArchives.ingest;
import static org.morgue.index.TestArchives.storedById;
import static org.morgue.index.TestArchives.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Reason;

/**
 * Records whose values Lucene could not index (an id or a facet value past its limit on a term's
 * length) are rejected one by one with their file, line and reason; the ingest goes on.
 */
class IngestLimitsTest {
  @TempDir Path tmp;

  private static String line(String id, String extra) {
    return "{\"id\": \""
        + id
        + "\", \"date\": \"2021-05-03\", \"title\": \"Title of "
        + id.substring(0, Math.min(8, id.length()))
        + "\", \"body\": \"Some words about it.\""
        + extra
        + "}";
  }

  @Test
  void anImmenseIdOrValueRejectsItsRecordAndTheIngestGoesOn() throws IOException {
    String huge = "x".repeat(40_000);
    String longest = "é".repeat(Article.MAX_ID_BYTES / 2); // exactly 512 bytes: accepted
    List<String> lines = new ArrayList<>();
    lines.add(line("good-1", ""));
    lines.add(line(huge, "")); // the id
    lines.add(
        "{\"url\": \"https://example.com/"
            + huge
            + "\", \"title\": \"Untitled\", \"body\": \"Text.\"}"); // the url as the id
    lines.add(line("e" + longest, "")); // 513 bytes
    lines.add(line(longest, ""));
    lines.add(line("big-section", ", \"section\": \"" + "s".repeat(40_000) + "\""));
    lines.add(line("big-source", ", \"source\": \"" + "s ".repeat(20_000) + "x\""));
    lines.add(line("big-author", ", \"authors\": [\"" + "a".repeat(1_001) + "\"]"));
    lines.add(line("good-2", ""));
    Path feed = write(tmp.resolve("in"), "feed.jsonl", String.join("\n", lines));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));

    IngestReport report = ingest(layout, feed);

    assertEquals(Set.of("good-1", longest, "good-2"), storedById(layout).keySet());
    assertEquals(3, report.added());
    assertEquals(6, report.count(Reason.TOO_LARGE));
    List<String> where = new ArrayList<>();
    for (IngestReport.Problem p : report.problems()) {
      where.add(p.where().line() + " " + p.reason() + " " + p.detail());
    }
    assertEquals(
        List.of(
            "2 TOO_LARGE the id has 40000 bytes; an id may have at most 512",
            "3 TOO_LARGE the id has 40020 bytes; an id may have at most 512",
            "4 TOO_LARGE the id has 513 bytes; an id may have at most 512",
            "6 TOO_LARGE the section has 40000 characters; it may have at most 1000",
            "7 TOO_LARGE the source has 40001 characters; it may have at most 1000",
            "8 TOO_LARGE the author has 1001 characters; it may have at most 1000"),
        where);
    // and a re-run changes nothing, stopping nowhere
    IngestReport again = ingest(layout, feed);
    assertEquals(3, again.unchanged());
    assertEquals(6, again.rejected());
  }

  @Test
  void oneHundredThousandAuthorsOnOneLineAreRefusedAtOnce() throws IOException {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      names.append(i == 0 ? "" : ",").append("\"Name ").append(i % 50_000).append('"');
    }
    StringBuilder byline = new StringBuilder();
    for (int i = 0; i < 100_000; i++) {
      byline.append(i == 0 ? "By " : ", ").append("Name").append(i);
    }
    Path feed =
        write(
            tmp.resolve("in"),
            "feed.jsonl",
            String.join(
                "\n",
                line("many", ", \"authors\": [" + names + "]"),
                line("byline", ", \"byline\": \"" + byline + "\""),
                line("some", ", \"authors\": [\"A B\", \"C D\", \"A B\"]")));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    long start = System.nanoTime();
    IngestReport report = ingest(layout, feed);
    long ms = (System.nanoTime() - start) / 1_000_000;

    assertEquals(Set.of("some"), storedById(layout).keySet());
    assertEquals(
        List.of("A B", "C D"), List.of(storedById(layout).get("some").getValues("author")));
    assertEquals(2, report.count(Reason.TOO_LARGE));
    assertTrue(ms < 20_000, "took " + ms + " ms");
  }
}

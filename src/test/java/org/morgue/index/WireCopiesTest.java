package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.morgue.index.TestArchives.house;
import static org.morgue.index.TestArchives.ingest;
import static org.morgue.index.TestArchives.storedById;
import static org.morgue.index.TestArchives.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wire copies: the same normalised body under another id is indexed, counted as a duplicate and
 * marked with the id of the first article seen with that text.
 */
class WireCopiesTest {
  @TempDir Path tmp;

  /** A body of more than {@link Fingerprints#MIN_BODY_CHARS} normalised characters. */
  private static final String[] BODY = {
    "Heavy rain flooded the lower town on Tuesday, and the river rose two metres above its usual level by the evening.",
    "The mayor said 120 homes had been evacuated; volunteers handed out blankets, water and hot meals at the school."
  };

  /** The same body as an agency copy would print it: other case, punctuation and spacing. */
  private static final String[] BODY_RETYPED = {
    "HEAVY RAIN flooded the lower town on Tuesday -- and the river rose two metres above its usual level by the evening!",
    "The mayor said: \"120 homes had been evacuated\"... Volunteers   handed out blankets, water, and hot meals at the school"
  };

  /** The same body but one word. */
  private static final String[] BODY_OTHER = {
    "Heavy rain flooded the lower town on Tuesday, and the river rose three metres above its usual level by the evening.",
    BODY[1]
  };

  private Path article(String dir, String id, String title, String lede, String... body)
      throws IOException {
    return write(
        tmp.resolve(dir),
        id + ".txt",
        house("2021-09-14 WORLD", title, lede, "By Jane Roe", "AA", body));
  }

  @Test
  void theSameBodyUnderAnotherIdIsAWireCopyOfTheFirst() throws IOException {
    article("in", "a-original", "Floods hit the lower town", "Rain all day.", BODY);
    article("in", "b-copy", "River bursts its banks", "Evacuations under way.", BODY_RETYPED);
    article("in", "c-other", "Floods hit the lower town", "Rain all day.", BODY_OTHER);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));

    IngestReport report = ingest(layout, tmp.resolve("in"));

    assertEquals(3, report.read());
    assertEquals(3, report.added(), "a wire copy is indexed too");
    assertEquals(1, report.duplicates());
    Map<String, Document> docs = storedById(layout);
    assertNull(docs.get("a-original").get(Fields.COPY_OF));
    assertEquals("a-original", docs.get("b-copy").get(Fields.COPY_OF));
    assertNull(docs.get("c-other").get(Fields.COPY_OF));
    assertEquals(
        docs.get("a-original").get(Fields.FINGERPRINT), docs.get("b-copy").get(Fields.FINGERPRINT));
    assertNotEquals(
        docs.get("a-original").get(Fields.FINGERPRINT),
        docs.get("c-other").get(Fields.FINGERPRINT));
  }

  @Test
  void aCopyIngestedInALaterRunNamesTheArticleIndexedBefore() throws IOException {
    article("first", "a-original", "Floods hit the lower town", "Rain all day.", BODY);
    article("later", "z-copy", "Town under water", null, BODY_RETYPED);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    ingest(layout, tmp.resolve("first"));

    IngestReport report = ingest(layout, tmp.resolve("later"));

    assertEquals(1, report.added());
    assertEquals(1, report.duplicates());
    assertEquals("a-original", storedById(layout).get("z-copy").get(Fields.COPY_OF));
  }

  @Test
  void shortItemsWithTheSameBodyButOtherTitlesAreNotCopies() throws IOException {
    // below MIN_BODY_CHARS the title joins the fingerprint: one-line items must not collide
    write(
        tmp.resolve("in"),
        "tokyo.txt",
        house("2021-09-14 BUSINESS", "Tokyo stocks", null, null, null, "Markets closed early."));
    write(
        tmp.resolve("in"),
        "seoul.txt",
        house("2021-09-14 BUSINESS", "Seoul stocks", null, null, null, "Markets closed early."));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));

    IngestReport report = ingest(layout, tmp.resolve("in"));

    assertEquals(2, report.added());
    assertEquals(0, report.duplicates());
    assertNull(storedById(layout).get("seoul").get(Fields.COPY_OF));
  }

  @Test
  void reingestingCopiesKeepsTheirMarksAndCountsNoNewDuplicates() throws IOException {
    article("in", "a-original", "Floods hit the lower town", "Rain all day.", BODY);
    article("in", "b-copy", "River bursts its banks", "Evacuations under way.", BODY_RETYPED);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    ingest(layout, tmp.resolve("in"));

    IngestReport again = ingest(layout, tmp.resolve("in"));

    assertEquals(2, again.unchanged());
    assertEquals(0, again.duplicates());
    assertEquals("a-original", storedById(layout).get("b-copy").get(Fields.COPY_OF));
  }

  @Test
  void anOriginalWhoseHeadlineChangesStaysTheOriginal() throws IOException {
    article("in", "a-original", "Floods hit the lower town", "Rain all day.", BODY);
    article("in", "b-copy", "River bursts its banks", "Evacuations under way.", BODY_RETYPED);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    ingest(layout, tmp.resolve("in"));
    article("in", "a-original", "Floods hit the lower town again", "Rain all day.", BODY);

    IngestReport report = ingest(layout, tmp.resolve("in"));

    assertEquals(1, report.replaced());
    assertEquals(1, report.unchanged());
    Map<String, Document> docs = storedById(layout);
    assertEquals("a-original", docs.get("b-copy").get(Fields.COPY_OF));
    assertEquals(0, report.duplicates(), "the original is no wire copy");
    assertNull(
        docs.get("a-original").get(Fields.COPY_OF),
        "the original must not become a copy of its own copy");
  }
}

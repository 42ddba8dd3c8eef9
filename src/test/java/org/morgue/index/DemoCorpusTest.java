package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Reason;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.ArchiveStats;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;

/**
 * The demo corpus shipped in {@code src/demo/corpus} (1,500 State Department press releases and 291
 * Wikinews articles, in the house format) ingests whole: what {@code ./morgue demo} shows a
 * newcomer.
 */
class DemoCorpusTest {
  @TempDir Path tmp;

  @Test
  void theDemoCorpusIngestsWhole() throws IOException {
    Path corpus = Path.of(System.getProperty("basedir", ".")).resolve("src/demo/corpus");
    assertTrue(Files.isDirectory(corpus), corpus + " is missing");
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));

    IngestReport report = TestArchives.ingest(layout, corpus);

    assertEquals(1_791, report.read());
    assertEquals(1_791, report.added());
    assertEquals(0, report.rejected());
    assertEquals(0, report.count(Reason.NO_DATE));
    assertEquals(2, report.skippedFiles(), "the two ATTRIBUTION.md files");
    assertEquals(1_791, report.docsInIndex());
    assertEquals(2, report.duplicates(), "two press releases were published twice under new ids");
    Map<String, Document> docs = TestArchives.storedById(layout);
    assertEquals("state-351894", docs.get("state-351897").get(Fields.COPY_OF));
    assertEquals("state-350275", docs.get("state-352857").get(Fields.COPY_OF));

    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      ArchiveStats stats = searcher.stats(layout);
      assertEquals(1_791, stats.articles());
      assertEquals(LocalDate.of(2019, 1, 4), stats.firstDate());
      assertEquals(LocalDate.of(2022, 8, 3), stats.lastDate());
      // the Wikinews articles carry no section
      assertEquals(List.of(new SearchResult.FacetValue("Press Releases", 1_500)), stats.sections());
      assertEquals(
          List.of(
              new SearchResult.FacetValue(
                  "U.S. Department of State (state.gov press-releases RSS)", 1_500),
              new SearchResult.FacetValue("Wikinews (en.wikinews.org)", 291)),
          searcher.search(SearchRequest.of("")).facets().get(Fields.SOURCE));
    }
  }
}

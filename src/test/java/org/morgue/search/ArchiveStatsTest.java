package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;

/** The facts of a whole archive: count, date span, sections, size and last ingest. */
class ArchiveStatsTest {
  @TempDir Path tmp;

  @Test
  void statsOfTheSearchCorpus() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    Instant before = Instant.now();
    TestArchives.ingest(layout, TestArchives.searchCorpus());

    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      ArchiveStats stats = searcher.stats(layout);
      assertEquals(12, stats.articles());
      assertEquals(LocalDate.of(2019, 5, 5), stats.firstDate());
      assertEquals(LocalDate.of(2022, 2, 3), stats.lastDate());
      assertEquals(
          List.of(
              new SearchResult.FacetValue("WORLD", 5),
              new SearchResult.FacetValue("POLITICS", 3),
              new SearchResult.FacetValue("SPORT", 3),
              new SearchResult.FacetValue("Press Releases", 1)),
          stats.sections());
      assertEquals(0, stats.noSection());
      assertEquals(1, stats.undated(), "w3");
      assertEquals(
          List.of(
              new SearchResult.FacetValue("Reuters", 5),
              new SearchResult.FacetValue("AA", 4),
              new SearchResult.FacetValue("TRTWorld and agencies", 1),
              new SearchResult.FacetValue("U.S. Department of State", 1)),
          stats.sources());
      assertEquals(4, stats.sourceValues());
      assertEquals(1, stats.noSource(), "w3");
      assertEquals(layout.indexBytes(), stats.indexBytes());
      assertTrue(stats.indexBytes() > 0);
      assertNotNull(stats.lastIngest());
      assertTrue(!Instant.parse(stats.lastIngest()).isBefore(before), stats.lastIngest());
    }
  }

  @Test
  void statsSeeAReplacedArticleOnceAfterARefresh() throws IOException {
    Path in = tmp.resolve("in");
    TestArchives.write(
        in,
        "a.txt",
        TestArchives.house("2020-02-02 SCIENCE", "Comet seen", null, null, null, "Bright."));
    TestArchives.write(
        in,
        "b.txt",
        TestArchives.house("2020-03-03 SCIENCE", "Eclipse due", null, null, null, "Dark."));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, in);

    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      assertEquals(2, searcher.stats(layout).articles());
      TestArchives.write(
          in,
          "a.txt",
          TestArchives.house(
              "2019-01-01 SPACE", "Comet seen again", null, null, null, "Brighter."));
      TestArchives.write(
          in,
          "c.txt",
          TestArchives.house("2021-04-04 SPACE", "Probe lands", null, null, null, "Safely."));
      TestArchives.ingest(layout, in);
      assertEquals(
          2, searcher.stats(layout).articles(), "the searcher sees its commit until refreshed");
      searcher.refresh();
      ArchiveStats stats = searcher.stats(layout);
      assertEquals(3, stats.articles());
      assertEquals(LocalDate.of(2019, 1, 1), stats.firstDate());
      assertEquals(LocalDate.of(2021, 4, 4), stats.lastDate());
      assertEquals(
          List.of(
              new SearchResult.FacetValue("SPACE", 2), new SearchResult.FacetValue("SCIENCE", 1)),
          stats.sections());
    }
  }

  @Test
  void articlesWithoutASectionOrSourceAreCountedSoTheSectionsAddUp() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    Path in = tmp.resolve("in");
    TestArchives.write(
        in, "a.txt", TestArchives.house("2021-01-01 WORLD", "A", null, null, "AP", "Rain."));
    TestArchives.write(
        in, "b.txt", TestArchives.house("2021-01-02", "B", null, null, null, "Sun."));
    TestArchives.write(in, "c.txt", TestArchives.house(null, "C", null, null, "AP", "Snow."));
    TestArchives.ingest(layout, in);
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      ArchiveStats stats = searcher.stats(layout);
      assertEquals(3, stats.articles());
      assertEquals(List.of(new SearchResult.FacetValue("WORLD", 1)), stats.sections());
      assertEquals(2, stats.noSection());
      assertEquals(List.of(new SearchResult.FacetValue("AP", 2)), stats.sources());
      assertEquals(1, stats.noSource());
      assertEquals(1, stats.undated());
    }
  }

  @Test
  void statsOfAnArchiveWhoseOnlyFileWasRejected() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, Files.write(tmp.resolve("empty.txt"), new byte[0]));

    assertTrue(layout.hasIndex(), "the ingest committed an empty index");
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      ArchiveStats stats = searcher.stats(layout);
      assertEquals(0, stats.articles());
      assertNull(stats.firstDate());
      assertNull(stats.lastDate());
      assertEquals(List.of(), stats.sections());
      assertEquals(0, searcher.search(SearchRequest.of("")).total());
    }
  }

  @Test
  void anEmptyArchiveGivesTheSameFacetShape() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, Files.write(tmp.resolve("empty.txt"), new byte[0]));

    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      SearchResult r = searcher.search(SearchRequest.of(""));
      assertEquals(
          Map.of(
              "section", List.of(), "source", List.of(), "author", List.of(), "person", List.of(),
              "org", List.of(), "place", List.of()),
          r.facets());
    }
  }
}

package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.EntityType;
import org.morgue.entity.NameTables;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchResult;

/**
 * Names resolved across the archive, at the facet level: an ingest files a surname alone under the
 * archive's full name, boilerplate lines of a source are left out, the archivist's {@code
 * boilerplate.txt} corrects that, and resolving again changes nothing.
 */
class ArchiveNamesTest {
  @TempDir Path tmp;

  /** Finds the listed names as people, longest first, without overlaps. */
  static EntityFinder finder(List<String> names) {
    Map<String, EntityType> people = new LinkedHashMap<>();
    names.forEach(n -> people.put(n, EntityType.PERSON));
    return new EntityFinder(
        new org.morgue.entity.DictionaryExtractor(people),
        NameTables.shipped(),
        AuthorityFile.EMPTY,
        false);
  }

  private static final String FOOTER = "The below is attributable to Spokesperson Ned Price:";

  private IndexLayout archive() throws Exception {
    Path in = tmp.resolve("in");
    String[] places = {"", "Chile", "Peru", "Ghana", "Laos", "Nepal", "Oman"};
    for (int i = 1; i <= 6; i++) {
      TestArchives.write(
          in,
          "g" + i + ".txt",
          TestArchives.house(
              "2014-03-0" + i + " WORLD",
              "Talks, day " + i,
              null,
              null,
              "Gazette",
              "Barack Obama met the envoys of " + places[i] + ".",
              FOOTER));
    }
    TestArchives.write(
        in,
        "h1.txt",
        TestArchives.house(
            "2014-04-01 WORLD", "Obama again", null, null, "Herald", "Obama spoke to Ned Price."));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    EntityFinder f = finder(List.of("Barack Obama", "Obama", "Ned Price"));
    try (Ingester ingester =
        new Ingester(layout, Ingester.Options.defaults().withThreads(2).withEntities(f))) {
      ingester.ingest(List.of(in), Ingester.Progress.NONE);
      ingester.recanonicalize(f); // as `ingest` does after a batch this large
    }
    return layout;
  }

  private static Map<String, Long> people(IndexLayout layout) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      for (SearchResult.FacetValue v : searcher.allValues("person")) {
        out.put(v.value(), v.count());
      }
    }
    return out;
  }

  @Test
  void aSurnameIsFiledUnderTheFullNameAndBoilerplateIsLeftOut() throws Exception {
    IndexLayout layout = archive();
    assertEquals(Map.of("Barack Obama", 7L, "Ned Price", 1L), people(layout));
    try (var dir = FSDirectory.open(layout.lucene());
        var reader = DirectoryReader.open(dir)) {
      assertEquals(
          List.of(new Boilerplate.Line("gazette", 6, FOOTER, "boilerplate")),
          Boilerplate.lines(reader, BoilerplateOverrides.NONE, 10));
    }
  }

  @Test
  void theArchivistKeepsALineAndResolvingAgainChangesNothing() throws Exception {
    IndexLayout layout = archive();
    Files.writeString(layout.boilerplateFile(), "# not boilerplate for us\nkeep: " + FOOTER + "\n");
    EntityFinder f = finder(List.of("Barack Obama", "Obama", "Ned Price"));
    try (Ingester ingester = new Ingester(layout, Ingester.Options.defaults().withEntities(f))) {
      assertEquals(6, ingester.recanonicalize(f).changed());
      assertEquals(0, ingester.recanonicalize(f).changed());
    }
    assertEquals(Map.of("Barack Obama", 7L, "Ned Price", 7L), people(layout));
    Files.writeString(layout.boilerplateFile(), "keep this\n");
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> BoilerplateOverrides.read(layout.boilerplateFile()));
    assertEquals(
        layout.boilerplateFile()
            + " line 1: expected 'keep: LINE' or 'drop: LINE' with a line of 12 to 200 characters,"
            + " not 'keep this'",
        e.getMessage());
  }
}

package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.article.Article;
import org.morgue.article.Reason;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.ExtractionException;
import org.morgue.entity.Mention;
import org.morgue.entity.NameTables;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;

/**
 * The entities of issue 3 in the index: facets, searchable names, stored mentions, apply, failures.
 */
class EntitiesIndexIT {
  @TempDir Path tmp;

  private static Path seed() throws URISyntaxException {
    return Path.of(
        EntitiesIndexIT.class.getResource("/fixtures/seed/000_27f0df3f21ae055d.txt").toURI());
  }

  private IndexLayout ingestSeed(EntityFinder finder) throws Exception {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    try (Ingester ingester =
        new Ingester(layout, Ingester.Options.defaults().withThreads(2).withEntities(finder))) {
      IngestReport report = ingester.ingest(List.of(seed()), Ingester.Progress.NONE);
      assertEquals(1, report.added());
    }
    return layout;
  }

  private static Map<String, List<String>> values(SearchResult r) {
    return Map.of(
        "person", r.facets().get("person").stream().map(SearchResult.FacetValue::value).toList(),
        "org", r.facets().get("org").stream().map(SearchResult.FacetValue::value).toList(),
        "place", r.facets().get("place").stream().map(SearchResult.FacetValue::value).toList());
  }

  @Test
  void theSeedArticlesPeopleOrganisationsAndPlacesAreFacetsAndSearchable() throws Exception {
    IndexLayout layout = ingestSeed(EntityFinder.standard());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      Map<String, List<String>> facets = values(searcher.search(SearchRequest.of("")));
      assertTrue(
          facets.get("person").containsAll(List.of("Nikol Pashinyan", "Sergey Shoygu")),
          facets.toString());
      assertTrue(
          facets
              .get("place")
              .containsAll(
                  List.of("Azerbaijan", "Armenia", "Kalbajar", "Lachin", "Karabakh", "Russia")),
          facets.toString());
      assertTrue(
          facets.get("org").containsAll(List.of("European Union", "United Nations")),
          facets.toString());
      for (List<String> names : facets.values()) {
        assertFalse(names.contains("Tuesday"), facets.toString());
        assertFalse(names.contains("The"), facets.toString());
      }
      assertEquals(1, searcher.search(SearchRequest.of("person:\"Nikol Pashinyan\"")).total());
      assertEquals(1, searcher.search(SearchRequest.of("place:karabakh")).total());
      assertEquals(0, searcher.search(SearchRequest.of("person:\"Nikol Shoygu\"")).total());
      SearchResult filtered =
          searcher.search(
              new SearchRequest(
                  "",
                  null,
                  null,
                  Map.of("person", List.of("Sergey Shoygu")),
                  Map.of(),
                  SearchRequest.Sort.RELEVANCE,
                  1,
                  10));
      assertEquals(1, filtered.total());
      assertTrue(filtered.hits().get(0).entities().get("org").contains("United Nations"));
    }
  }

  @Test
  void theArticleViewGivesTheMentionsWithOffsetsIntoItsFields() throws Exception {
    IndexLayout layout = ingestSeed(EntityFinder.standard());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      var view = searcher.article("000_27f0df3f21ae055d");
      String body = view.article().body();
      Mention shoygu =
          view.mentions().stream()
              .filter(m -> m.canonical().equals("Sergey Shoygu"))
              .findFirst()
              .orElseThrow();
      assertEquals(Mention.Field.BODY, shoygu.field());
      assertEquals("Sergey Shoygu", body.substring(shoygu.start(), shoygu.end()));
      Map<String, Object> json = org.morgue.search.SearchJson.article(view);
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> mentions = (List<Map<String, Object>>) json.get("mentions");
      assertEquals(view.mentions().size(), mentions.size());
      assertTrue(
          mentions.contains(
              Map.of(
                  "type",
                  "person",
                  "text",
                  "Sergey Shoygu",
                  "canonical",
                  "Sergey Shoygu",
                  "field",
                  "body",
                  "start",
                  shoygu.start(),
                  "end",
                  shoygu.end(),
                  "origin",
                  "model")),
          mentions.toString());
    }
  }

  @Test
  void storedMentionsPointAtTheirTextInTheStoredFields() throws Exception {
    IndexLayout layout = ingestSeed(EntityFinder.standard());
    try (Directory dir = FSDirectory.open(layout.lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      Document doc = reader.storedFields().document(0);
      List<Mention> mentions = StoredMentions.decode(doc.get(Fields.MENTIONS));
      assertTrue(mentions.size() > 20, "mentions: " + mentions.size());
      for (Mention m : mentions) {
        String text =
            switch (m.field()) {
              case TITLE -> doc.get(Fields.TITLE);
              case LEDE -> doc.get(Fields.LEDE);
              default -> doc.get(Fields.BODY);
            };
        assertEquals(m.text(), text.substring(m.start(), m.end()), m.toString());
      }
      assertEquals(
          mentions,
          StoredMentions.decode(
              StoredMentions.encode(org.morgue.entity.ArticleEntities.of(mentions, mentions))));
    }
  }

  @Test
  void entitiesApplyRenamesMergesAndBlocksFromStoredMentions() throws Exception {
    IndexLayout layout = ingestSeed(EntityFinder.standard());
    Files.writeString(
        layout.authorityFile(),
        "# test rules\nNikol Pashinyan => Nikol Pashinian\nblock Lachin\nKarabakh => Nagorno-Karabakh\n",
        StandardCharsets.UTF_8);
    EntityFinder finder =
        EntityFinder.standard().withAuthority(AuthorityFile.read(layout.authorityFile()));
    try (Ingester ingester = new Ingester(layout, Ingester.Options.defaults())) {
      Ingester.Recanonicalized r = ingester.recanonicalize(finder);
      assertEquals(new Ingester.Recanonicalized(1, 1, 1), r);
      assertEquals(
          new Ingester.Recanonicalized(1, 1, 0),
          ingester.recanonicalize(finder),
          "applying again changes nothing");
    }
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      Map<String, List<String>> facets = values(searcher.search(SearchRequest.of("")));
      assertTrue(facets.get("person").contains("Nikol Pashinian"), facets.toString());
      assertFalse(facets.get("person").contains("Nikol Pashinyan"), facets.toString());
      assertFalse(facets.get("place").contains("Lachin"), facets.toString());
      assertTrue(facets.get("place").contains("Nagorno-Karabakh"), facets.toString());
      assertEquals(
          1,
          searcher.search(SearchRequest.of("person:pashinian AND title:azerbaijan")).total(),
          "the rest of the document survives");
    }
  }

  @Test
  void anArticleTheExtractorFailsOnIsIndexedWithoutEntitiesAndReported() throws Exception {
    EntityFinder failing =
        new EntityFinder(
            text -> {
              throw new ExtractionException("model exploded", new IllegalStateException("test"));
            },
            NameTables.shipped(),
            AuthorityFile.EMPTY,
            true);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    IngestReport report;
    try (Ingester ingester =
        new Ingester(layout, Ingester.Options.defaults().withEntities(failing))) {
      report = ingester.ingest(List.of(seed()), Ingester.Progress.NONE);
    }
    assertEquals(1, report.added());
    assertEquals(1, report.count(Reason.NO_ENTITIES));
    assertEquals(0, report.rejected());
    assertTrue(
        report.problems().get(0).detail().contains("model exploded"), report.problems().toString());
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      SearchResult r = searcher.search(SearchRequest.of("Pashinyan"));
      assertEquals(1, r.total());
      assertEquals(List.of(), r.facets().get("person"));
    }
  }

  @Test
  void turningEntitiesOnMakesTheNextIngestOfTheSameFilesAddThem() throws Exception {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, seed());
    try (Ingester ingester =
        new Ingester(layout, Ingester.Options.defaults().withEntities(EntityFinder.standard()))) {
      IngestReport again = ingester.ingest(List.of(seed()), Ingester.Progress.NONE);
      assertEquals(1, again.replaced());
    }
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      assertEquals(1, searcher.search(SearchRequest.of("person:\"Sergey Shoygu\"")).total());
    }
  }

  /** Keeps the Article import honest: the stored article comes back equal. */
  @Test
  void aStoredArticleComesBackEqual() throws Exception {
    IndexLayout layout = ingestSeed(EntityFinder.standard());
    Article original =
        org.morgue.article.HouseFormat.parse(
                "000_27f0df3f21ae055d", Files.readString(seed(), StandardCharsets.UTF_8))
            .article();
    try (Directory dir = FSDirectory.open(layout.lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      assertEquals(original, StoredArticles.article(reader.storedFields().document(0)));
    }
  }
}

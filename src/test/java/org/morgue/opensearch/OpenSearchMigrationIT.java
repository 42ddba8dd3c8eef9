package org.morgue.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.search.Archive;
import org.morgue.search.OpenSearchArchive;
import org.morgue.search.OpenSearchMigration;
import org.morgue.search.SearchRequest;

/**
 * {@code migrate --to opensearch} against a real node: a run copies every article, a second run
 * changes nothing, and a run that stopped resumes after its checkpoint.
 */
class OpenSearchMigrationIT {
  @TempDir Path dir;
  OpenSearchIndex index;
  IndexLayout layout;

  @BeforeEach
  void setUp() throws IOException {
    OpenSearchClient client = TestNode.connectOrSkip();
    layout = new IndexLayout(dir.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus(), TestArchives.apiCorpus());
    index = new OpenSearchIndex(client, "morgue-migrate-" + ProcessHandle.current().pid());
    index.delete();
    assertTrue(index.create(1, 0));
    assertFalse(index.create(1, 0), "an index that exists is kept");
  }

  @AfterEach
  void tearDown() throws IOException {
    if (index != null) { // null when no node answered and the test was skipped
      index.delete();
      index.client().close();
    }
  }

  private long clusterCount() throws IOException {
    index.refresh();
    return index.client().send("GET", "/" + index.name() + "/_count", null).path("count").asLong();
  }

  @Test
  void copiesEveryArticleOnceAndAgainIdempotently() throws IOException {
    OpenSearchMigration.Result first = OpenSearchMigration.copy(layout, index, 4, 3, s -> {});
    assertEquals(17, first.copied());
    assertEquals(0, first.refused());
    assertFalse(first.resumed());
    assertEquals(17, clusterCount());
    OpenSearchMigration.Result again = OpenSearchMigration.copy(layout, index, 100, 1, s -> {});
    assertEquals(0, again.copied(), "a second run sends nothing");
    assertEquals(17, again.unchanged(), "every article is held with the same content");
    assertEquals(0, again.deleted());
    assertEquals(17, clusterCount(), "and the cluster still holds 17");
    assertFalse(
        Files.exists(layout.root().resolve("opensearch-migrate-" + index.name() + ".txt")),
        "a finished run leaves no checkpoint");
    Archive cluster = new OpenSearchArchive(layout, index); // closing it would close the client
    assertEquals(17, cluster.count(SearchRequest.of("")));
    assertTrue(index.lastIngest() != null);
  }

  @Test
  void keepsTheClusterInStepWithTheArchive() throws IOException {
    OpenSearchMigration.copy(layout, index, 100, 1, s -> {});
    // an article the archive no longer has, and one whose content changed
    String first = TestArchives.storedById(layout).keySet().stream().sorted().findFirst().get();
    ObjectNode ghost =
        (ObjectNode) index.client().send("GET", "/" + index.name() + "/_source/" + first, null);
    ghost.put("id", "ghost");
    ((ObjectNode) ghost.path("stored")).putArray("id").add("ghost");
    index.write(List.of(ghost));
    index
        .client()
        .send(
            "POST",
            "/" + index.name() + "/_update/" + first,
            OpenSearchClient.JSON.readTree("{\"doc\":{\"content_hash\":\"stale\"}}"));
    assertEquals(18, clusterCount());
    OpenSearchMigration.Result r = OpenSearchMigration.copy(layout, index, 100, 1, s -> {});
    assertEquals(1, r.copied(), "the changed article is sent again");
    assertEquals(16, r.unchanged());
    assertEquals(1, r.deleted(), "the article the archive does not have is deleted");
    assertEquals(17, clusterCount());
  }

  /**
   * The way back: the cluster's index copied into a new embedded archive holds every article with
   * the same stored fields, and answers searches alike; a second run fetches nothing, and a run
   * after the archive lost some articles (a copy that stopped) fetches only those.
   */
  @Test
  void copiesTheClusterBackIntoAnEmbeddedArchive() throws IOException {
    OpenSearchMigration.copy(layout, index, 100, 1, s -> {});
    IndexLayout back = new IndexLayout(dir.resolve("back"));
    OpenSearchMigration.Result r = OpenSearchMigration.copyBack(index, back, 5, 2, s -> {});
    assertEquals(17, r.copied());
    assertEquals(0, r.unchanged());
    assertEquals(0, r.deleted());
    assertEquals(0, r.refused());

    java.util.Map<String, org.apache.lucene.document.Document> before =
        TestArchives.storedById(layout);
    java.util.Map<String, org.apache.lucene.document.Document> after =
        TestArchives.storedById(back);
    assertEquals(before.keySet(), after.keySet());
    for (String id : before.keySet()) {
      assertEquals(fields(before.get(id)), fields(after.get(id)), id);
    }
    try (org.morgue.search.ArchiveSearcher a = org.morgue.search.ArchiveSearcher.open(layout);
        org.morgue.search.ArchiveSearcher b = org.morgue.search.ArchiveSearcher.open(back)) {
      for (String q : List.of("", "ceasefire", "title:talks", "body:\"peace talks\"")) {
        org.morgue.search.SearchResult x = a.search(SearchRequest.of(q));
        org.morgue.search.SearchResult y = b.search(SearchRequest.of(q));
        assertEquals(x.total(), y.total(), q);
        assertEquals(x.facets(), y.facets(), q);
        assertEquals(x.stories(), y.stories(), q);
      }
    }

    OpenSearchMigration.Result again = OpenSearchMigration.copyBack(index, back, 5, 2, s -> {});
    assertEquals(0, again.copied(), "a second run fetches nothing");
    assertEquals(17, again.unchanged());

    List<String> ids = List.copyOf(new TreeSet<>(after.keySet()));
    try (org.morgue.index.Ingester archive =
        new org.morgue.index.Ingester(back, org.morgue.index.Ingester.Options.defaults())) {
      archive.deleteIds(ids.subList(0, 5)); // as if a copy had stopped before these
      archive.putStored(stored("ghost", after.get(ids.get(5))), "ghost-hash"); // not in the cluster
      archive.commitCopy();
    }
    OpenSearchMigration.Result resumed = OpenSearchMigration.copyBack(index, back, 5, 2, s -> {});
    assertEquals(5, resumed.copied(), "only what the archive lacks");
    assertEquals(12, resumed.unchanged());
    assertEquals(1, resumed.deleted(), "the article the cluster does not hold");
    assertEquals(before.keySet(), TestArchives.storedById(back).keySet());
  }

  /** A stored document's fields, name by name, in order. */
  private static java.util.Map<String, List<String>> fields(org.apache.lucene.document.Document d) {
    java.util.Map<String, List<String>> out = new java.util.TreeMap<>();
    for (org.apache.lucene.index.IndexableField f : d) {
      out.computeIfAbsent(f.name(), k -> new java.util.ArrayList<>())
          .add(f.numericValue() != null ? "#" + f.numericValue() : f.stringValue());
    }
    return out;
  }

  /** {@code d} under another id. */
  private static org.apache.lucene.document.Document stored(
      String id, org.apache.lucene.document.Document d) {
    org.apache.lucene.document.Document out = new org.apache.lucene.document.Document();
    for (org.apache.lucene.index.IndexableField f : d) {
      if (f.name().equals(org.morgue.index.Fields.ID)) {
        out.add(new org.apache.lucene.document.StoredField(f.name(), id));
      } else if (f.numericValue() != null) {
        out.add(new org.apache.lucene.document.StoredField(f.name(), f.numericValue().longValue()));
      } else {
        out.add(new org.apache.lucene.document.StoredField(f.name(), f.stringValue()));
      }
    }
    return out;
  }

  /**
   * An index created before the mapping held the sentence marks (version 1) keeps answering, and
   * refuses {@code /s} with the reason instead of answering it wrongly.
   */
  @Test
  void anIndexOfTheFirstMappingRefusesTheSameSentence() throws IOException {
    OpenSearchMigration.copy(layout, index, 100, 1, s -> {});
    index
        .client()
        .send(
            "PUT",
            "/" + index.name() + "/_mapping",
            OpenSearchClient.JSON.readTree("{\"_meta\":{\"morgue_mapping\":1}}"));
    OpenSearchIndex old = new OpenSearchIndex(index.client(), index.name());
    assertEquals(1, old.mappingVersion());
    assertFalse(old.hasMarks());
    Archive cluster = new OpenSearchArchive(layout, old);
    assertEquals(17, cluster.count(SearchRequest.of("")));
    Archive.UnsupportedSearchException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            Archive.UnsupportedSearchException.class,
            () -> cluster.search(SearchRequest.of("ceasefire /s talks")));
    assertTrue(
        e.getMessage().contains("created before the cluster held the sentence"), e.getMessage());
    old.markIngest(java.time.Instant.now());
    assertEquals(
        1,
        new OpenSearchIndex(index.client(), index.name()).mappingVersion(),
        "an ingest keeps the version the index was created with");
  }

  /**
   * {@code entities apply --backend opensearch}: the authority file applied to the archive folder's
   * index (the cluster's journal), and the changed articles sent to the cluster.
   */
  @Test
  void entitiesApplyBringsTheClusterInStep() throws IOException {
    IndexLayout named = new IndexLayout(dir.resolve("named"));
    Path in = dir.resolve("in");
    for (int i = 1; i <= 3; i++) {
      TestArchives.write(
          in,
          "a" + i + ".txt",
          TestArchives.house(
              "2021-11-1" + i + " WORLD",
              "Talks number " + i,
              null,
              null,
              null,
              "Nikol Pashinyan met the envoys for round " + i + "."));
    }
    TestArchives.ingestWithPeople(named, List.of("Nikol Pashinyan"), in);
    OpenSearchMigration.copy(named, index, 100, 1, s -> {});
    Archive cluster = new OpenSearchArchive(named, index);
    assertEquals(3, cluster.count(SearchRequest.of("person:\"Nikol Pashinyan\"")));
    Files.writeString(
        named.authorityFile(),
        "Nikol Pashinyan => Nikol Vovayi Pashinyan\n",
        StandardCharsets.UTF_8);
    org.morgue.cli.Cli.Run run =
        org.morgue.cli.Cli.run(
            "entities",
            "apply",
            "--index",
            named.root().toString(),
            "--backend",
            "opensearch",
            "--opensearch",
            index.client().hosts().stream()
                .map(Object::toString)
                .collect(java.util.stream.Collectors.joining(",")),
            "--opensearch-index",
            index.name());
    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("3 changed"), run.out());
    assertTrue(run.out().contains("copied 3 articles to OpenSearch"), run.out());
    index.refresh();
    assertEquals(
        3,
        cluster
            .search(
                org.morgue.search.SearchParameters.parse(
                        org.morgue.search.SearchParameters.decode("person=Nikol+Vovayi+Pashinyan"))
                    .request())
            .total(),
        "the cluster holds the new name");
  }

  @Test
  void resumesAfterItsCheckpoint() throws IOException {
    TreeSet<String> ids = new TreeSet<>(TestArchives.storedById(layout).keySet());
    List<String> sorted = List.copyOf(ids);
    String checkpointId = sorted.get(9); // as if the first ten were acknowledged before a crash
    Files.writeString(
        layout.root().resolve("opensearch-migrate-" + index.name() + ".txt"),
        checkpointId,
        StandardCharsets.UTF_8);
    OpenSearchMigration.Result r = OpenSearchMigration.copy(layout, index, 3, 2, s -> {});
    assertTrue(r.resumed());
    assertEquals(7, r.copied(), "only the articles after the checkpoint");
    assertEquals(7, clusterCount());
  }
}

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

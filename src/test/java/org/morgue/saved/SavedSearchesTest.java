package org.morgue.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cli.Main;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.NotFoundException;

/** The store alone: durability, atomic writes, concurrency, slugs, checks, export and import. */
class SavedSearchesTest {
  @TempDir Path tmp;

  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  private SavedSearch save(SavedSearches store, String name, String query) throws IOException {
    return store.create(name, query, 412, 7, 3, T);
  }

  @Test
  void savedSearchesSurviveANewStoreOverTheSameFolder() throws IOException {
    SavedSearches store = new SavedSearches(tmp.resolve("saved"));
    SavedSearch s = save(store, "Ceasefire in 2022", "q=ceasefire&from=2022");
    assertEquals("ceasefire-in-2022", s.slug());
    store.rename(s.slug(), "Ceasefires");
    store.opened(s.slug(), T.plusSeconds(60), 431);

    SavedSearches again = new SavedSearches(tmp.resolve("saved"));
    SavedSearch back = again.get("ceasefire-in-2022");
    assertEquals("Ceasefires", back.name());
    assertEquals("q=ceasefire&from=2022", back.query());
    assertEquals(T, back.savedAt());
    assertEquals(412, back.totalAtSave());
    assertEquals(7, back.indexVersion());
    assertEquals(T.plusSeconds(60), back.lastOpenedAt());
    assertEquals(431L, back.totalAtLastOpen());
    assertEquals(9, back.newSince(440));
    assertEquals(0, back.newSince(400), "never negative");
    again.delete("ceasefire-in-2022");
    assertTrue(new SavedSearches(tmp.resolve("saved")).list().isEmpty());
  }

  @Test
  void seenIdsSurviveANewStoreAndFallBackPastTheCap() throws IOException {
    SavedSearches store = new SavedSearches(tmp.resolve("saved"));
    SavedSearch s = store.create("Seen", "q=x", 3, 7, 3, T, List.of("a1", "a2", "a3"));
    assertEquals(
        Set.of("a1", "a2", "a3"),
        new SavedSearches(tmp.resolve("saved")).seen(s.slug()).orElseThrow());
    store.opened(s.slug(), T.plusSeconds(60), 4, List.of("a1", "a2", "a3", "a4"));
    SavedSearches again = new SavedSearches(tmp.resolve("saved"));
    assertEquals(Set.of("a1", "a2", "a3", "a4"), again.seen(s.slug()).orElseThrow());
    assertEquals(4L, again.get(s.slug()).totalAtLastOpen());

    List<String> many = new ArrayList<>();
    for (int i = 0; i <= SavedSearches.MAX_SEEN; i++) {
      many.add("id" + i);
    }
    again.opened(s.slug(), T.plusSeconds(120), many.size(), many);
    assertTrue(
        new SavedSearches(tmp.resolve("saved")).seen(s.slug()).isEmpty(),
        "over the cap: incomplete");
    assertEquals(5, again.get(s.slug()).newSince(many.size() + 5), "and new matches are counted");
    assertTrue(store.seen(save(store, "Old", "q=y").slug()).isEmpty(), "saved without ids: none");

    again.delete(s.slug());
    assertFalse(Files.exists(tmp.resolve("saved").resolve("seen-" + s.slug() + ".json")));
    assertTrue(again.seen(s.slug()).isEmpty());
  }

  @Test
  void aCrashMidWriteLeavesThePreviousFile() throws IOException {
    Path folder = tmp.resolve("saved");
    SavedSearches store = new SavedSearches(folder);
    save(store, "First", "q=a");
    byte[] before = Files.readAllBytes(store.file());

    // a crash after part of the temporary file was written: the real file is untouched
    Path temp = folder.resolve(SavedSearches.FILE_NAME + ".tmp");
    Files.writeString(temp, "{\"format\": \"morgue-saved-searches\", \"saved\": [{\"slug\": \"hal");
    assertEquals(
        List.of("first"),
        new SavedSearches(folder).list().stream().map(SavedSearch::slug).toList());

    // a write that fails (the temporary file cannot be made): the change fails, the old file stays
    Files.delete(temp);
    Files.createDirectory(temp);
    assertThrows(IOException.class, () -> save(store, "Second", "q=b"));
    assertEquals(new String(before, StandardCharsets.UTF_8), Files.readString(store.file()));
    assertEquals(1, new SavedSearches(folder).list().size());

    // once the obstacle goes (here the failed write cleared it), saving works again
    Files.deleteIfExists(temp);
    save(store, "Second", "q=b");
    assertEquals(2, new SavedSearches(folder).list().size());
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(
          List.of(SavedSearches.FILE_NAME, SavedSearches.LOCK_NAME),
          files.map(p -> p.getFileName().toString()).sorted().toList(),
          "no temporary file left");
    }
  }

  @Test
  void concurrentSavesLoseNothing() throws Exception {
    SavedSearches store = new SavedSearches(tmp.resolve("saved"));
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<SavedSearch>> futures = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        String name = "Same name";
        futures.add(pool.submit(() -> save(store, name, "q=x")));
      }
      Set<String> slugs = new HashSet<>();
      for (Future<SavedSearch> f : futures) {
        slugs.add(f.get().slug());
      }
      assertEquals(200, slugs.size(), "every slug unique");
      assertEquals(
          slugs,
          new HashSet<>(
              new SavedSearches(tmp.resolve("saved"))
                  .list().stream().map(SavedSearch::slug).toList()));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void slugsAreShortUrlSafeAndUnique() throws IOException {
    SavedSearches store = new SavedSearches(tmp.resolve("saved"));
    assertEquals("zurich-etat", SavedSearches.slugBase("  Zürich: État!! "));
    assertEquals("search", SavedSearches.slugBase("../../"));
    assertTrue(SavedSearches.slugBase("x".repeat(300)).length() <= SavedSearches.MAX_SLUG_BASE);
    SavedSearch a = save(store, "../../etc/passwd", "q=a");
    SavedSearch b = save(store, "../../etc/passwd", "q=a");
    assertEquals("etc-passwd", a.slug());
    assertNotEquals(a.slug(), b.slug());
    assertTrue(b.slug().matches("etc-passwd-[a-z0-9]{4}"), b.slug());
    for (String bad :
        List.of("../saved-searches", "..", "a/b", "A", "-a", "", "%2e%2e", "x".repeat(100))) {
      assertFalse(SavedSearches.isSlug(bad), bad);
      assertTrue(store.find(bad).isEmpty());
      assertThrows(NotFoundException.class, () -> store.delete(bad));
      assertThrows(NotFoundException.class, () -> store.rename(bad, "x"));
    }
  }

  @Test
  void badInputNamesTheField() throws IOException {
    SavedSearches store = new SavedSearches(tmp.resolve("saved"));
    assertEquals(
        "name",
        assertThrows(InvalidRequestException.class, () -> save(store, " ", "q=a")).parameter());
    assertEquals(
        "name",
        assertThrows(InvalidRequestException.class, () -> save(store, null, "q=a")).parameter());
    assertEquals(
        "name",
        assertThrows(
                InvalidRequestException.class,
                () -> save(store, "n".repeat(SavedSearches.MAX_NAME_LENGTH + 1), "q=a"))
            .parameter());
    assertEquals(
        "query",
        assertThrows(
                InvalidRequestException.class,
                () -> save(store, "ok", "q=" + "a".repeat(SavedSearches.MAX_QUERY_LENGTH)))
            .parameter());
    assertEquals(
        "query",
        assertThrows(InvalidRequestException.class, () -> save(store, "ok", null)).parameter());
    assertFalse(Files.exists(store.file()), "nothing written");
  }

  @Test
  void exportAndImportThroughTheCommandLine() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    SavedSearches store = new SavedSearches(a.resolve("saved"));
    save(store, "One", "q=one");
    save(store, "Two", "q=two&section=Sport");
    Path file = tmp.resolve("export.json");
    assertEquals(0, Main.run("saved", "export", "--index", a.toString(), file.toString()));
    assertEquals(0, Main.run("saved", "import", "--index", b.toString(), file.toString()));
    assertEquals(store.list(), new SavedSearches(b.resolve("saved")).list());

    // a bad file imports nothing
    Files.writeString(
        file,
        "{\"format\": \"morgue-saved-searches\", \"saved\": [{\"slug\": \"ok\", \"name\": \"x\","
            + " \"query\": \"\", \"savedAt\": \"2026-11-25T10:00:00Z\"}, {\"slug\": \"../evil\", \"name\": \"x\","
            + " \"query\": \"\", \"savedAt\": \"2026-11-25T10:00:00Z\"}]}");
    assertEquals(1, Main.run("saved", "import", "--index", b.toString(), file.toString()));
    assertEquals(2, new SavedSearches(b.resolve("saved")).list().size());
    Files.writeString(file, "not json");
    assertEquals(1, Main.run("saved", "import", "--index", b.toString(), file.toString()));
  }

  @Test
  void anArchiveKeepsAtMostAThousandSavedSearches() throws IOException {
    SavedSearches store = new SavedSearches(tmp.resolve("many"));
    Path file = exportOf(tmp.resolve("many.json"), SavedSearches.MAX_SAVED + 1);
    InvalidRequestException tooMany =
        assertThrows(InvalidRequestException.class, () -> store.importFrom(file));
    assertEquals("an archive keeps at most 1000 saved searches", tooMany.getMessage());
    assertEquals(List.of(), store.list(), "an import past the bound imports nothing");

    assertEquals(
        SavedSearches.MAX_SAVED,
        store.importFrom(exportOf(tmp.resolve("full.json"), SavedSearches.MAX_SAVED)));
    tooMany = assertThrows(InvalidRequestException.class, () -> save(store, "One more", "q=y"));
    assertEquals("an archive keeps at most 1000 saved searches", tooMany.getMessage());
    assertEquals(SavedSearches.MAX_SAVED, store.list().size());
    store.delete("s7");
    assertEquals("one-more", save(store, "One more", "q=y").slug(), "room again after a delete");
  }

  /** An export file of {@code n} saved searches, slugs s1 to sN. */
  private static Path exportOf(Path file, int n) throws IOException {
    StringBuilder b = new StringBuilder("{\"format\": \"morgue-saved-searches\", \"saved\": [");
    for (int i = 1; i <= n; i++) {
      b.append(i == 1 ? "" : ",")
          .append("{\"slug\": \"s")
          .append(i)
          .append("\", \"name\": \"S")
          .append(i)
          .append("\", \"query\": \"q=x\", \"savedAt\": \"2026-11-25T10:00:00Z\"}");
    }
    return Files.writeString(file, b.append("]}"));
  }

  @Test
  void leftoversOfACrashAreRemovedAndNothingElse() throws IOException {
    SavedSearches store = new SavedSearches(tmp.resolve("leftovers"));
    SavedSearch kept = store.create("Kept", "q=kept", 1, 1, 1, T, List.of("a1"));
    Path folder = store.folder();
    Path tmpStore = Files.writeString(folder.resolve(SavedSearches.FILE_NAME + ".tmp"), "{\"half");
    Path tmpSeen = Files.writeString(folder.resolve("seen-kept.json.tmp"), "[");
    Path orphan = Files.writeString(folder.resolve("seen-never-stored.json"), "{}");
    Path other = Files.writeString(folder.resolve("notes.txt"), "mine");

    assertEquals(List.of(tmpStore, tmpSeen, orphan), store.removeLeftovers()); // in name order

    assertFalse(Files.exists(tmpStore) || Files.exists(tmpSeen) || Files.exists(orphan));
    assertTrue(Files.exists(other));
    assertEquals(java.util.Optional.of(Set.of("a1")), store.seen(kept.slug()));
    assertEquals(List.of(kept), store.list());
    assertEquals(List.of(), store.removeLeftovers());
    assertEquals(List.of(), new SavedSearches(tmp.resolve("none")).removeLeftovers());
  }

  @Test
  void aWriteOnAFullDiskFailsCleanlyAndKeepsTheOldFile() throws IOException {
    Path full = Path.of("/dev/full"); // every write to it fails with ENOSPC
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(full), "needs /dev/full");
    SavedSearches store = new SavedSearches(tmp.resolve("full"));
    SavedSearch kept = store.create("Kept", "q=kept", 1, 1, 1, T, List.of("a1"));
    byte[] before = Files.readAllBytes(store.file());
    // the store's temporary file lands on the full device
    Path tmpFile = store.folder().resolve(SavedSearches.FILE_NAME + ".tmp");
    Files.createSymbolicLink(tmpFile, full);

    IOException e =
        assertThrows(IOException.class, () -> store.create("Lost", "q=lost", 2, 1, 1, T, null));
    assertTrue(e.getMessage().contains("No space left on device"), e.getMessage());
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(store.file())));
    assertEquals(List.of(kept), store.list());
    assertFalse(Files.exists(tmpFile, java.nio.file.LinkOption.NOFOLLOW_LINKS), "cleaned up");
    assertThrows(
        IOException.class,
        () -> {
          Files.createSymbolicLink(tmpFile, full);
          store.rename(kept.slug(), "Renamed");
        });
    assertEquals(List.of(kept), store.list());
    // with space again, writes go on
    assertEquals("Renamed", store.rename(kept.slug(), "Renamed").name());
  }
}

package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per input format: a concrete test names only its fixture (a file or a folder under
 * {@code src/test/resources/fixtures}) and the articles it must give, every field exact. The
 * fixture is read through {@link ArticleFiles}, as the ingest reads it, plain and gzip-compressed.
 */
abstract class ArticleFormatTest {

  /** The fixture file or folder, relative to {@code src/test/resources/fixtures}. */
  abstract String fixture();

  /**
   * Every article of the fixture, in reading order (folders: by file name; JSON Lines: by line).
   */
  abstract List<Article> expected();

  /** The warnings the reading gives, by article id; an article not named here has none. */
  Map<String, ReadEvent.Problem> expectedWarnings() {
    return Map.of();
  }

  @Test
  void readsEveryArticleInOrderAndRejectsNothing() {
    List<ReadEvent> events = Fixtures.read(Fixtures.fixture(fixture()));
    assertEquals(List.of(), Fixtures.rejected(events));
    assertEquals(ids(expected()), ids(Fixtures.articles(events)));
  }

  @TestFactory
  Stream<DynamicTest> eachArticleHasExactlyItsFields() {
    Map<String, Article> actual =
        byId(Fixtures.articles(Fixtures.read(Fixtures.fixture(fixture()))));
    return expected().stream()
        .map(e -> DynamicTest.dynamicTest(e.id(), () -> assertSameFields(e, actual.get(e.id()))));
  }

  @Test
  void warnsExactlyAsExpected() {
    Map<String, ReadEvent.Problem> warnings = new LinkedHashMap<>();
    for (ReadEvent e : Fixtures.read(Fixtures.fixture(fixture()))) {
      if (e instanceof ReadEvent.Parsed p && p.warning() != null) {
        warnings.put(p.article().id(), p.warning());
      }
    }
    assertEquals(expectedWarnings(), warnings);
  }

  @Test
  void readsTheSameArticlesGzipCompressed(@TempDir Path tmp) throws IOException {
    Path from = Fixtures.fixture(fixture());
    Path input;
    if (Files.isDirectory(from)) {
      input = tmp.resolve(from.getFileName());
      try (Stream<Path> files = Files.walk(from)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Fixtures.gzip(input.resolve(from.relativize(f) + ".gz"), Files.readAllBytes(f));
        }
      }
    } else {
      input = Fixtures.gzip(tmp.resolve(from.getFileName() + ".gz"), Files.readAllBytes(from));
    }
    List<ReadEvent> events = Fixtures.read(input);
    assertEquals(List.of(), Fixtures.rejected(events));
    assertEquals(expected(), Fixtures.articles(events));
  }

  /** Compares field by field, so that a failure names the field. */
  static void assertSameFields(Article expected, Article actual) {
    assertNotNull(actual, "no article with id " + expected.id());
    assertAll(
        expected.id(),
        () -> assertEquals(expected.id(), actual.id(), "id"),
        () -> assertEquals(expected.date(), actual.date(), "date"),
        () -> assertEquals(expected.section(), actual.section(), "section"),
        () -> assertEquals(expected.title(), actual.title(), "title"),
        () -> assertEquals(expected.lede(), actual.lede(), "lede"),
        () -> assertEquals(expected.authors(), actual.authors(), "authors"),
        () -> assertEquals(expected.body(), actual.body(), "body"),
        () -> assertEquals(expected.source(), actual.source(), "source"),
        () -> assertEquals(expected.url(), actual.url(), "url"));
  }

  private static List<String> ids(List<Article> articles) {
    return articles.stream().map(Article::id).toList();
  }

  private static Map<String, Article> byId(List<Article> articles) {
    Map<String, Article> out = new LinkedHashMap<>();
    articles.forEach(a -> out.put(a.id(), a));
    return out;
  }
}

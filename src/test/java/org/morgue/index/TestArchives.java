package org.morgue.index;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;
import org.morgue.entity.NameTables;

/**
 * Helpers shared by the tests of ingest, search and the command line: corpora and archives on disk.
 */
public final class TestArchives {
  private TestArchives() {}

  /**
   * The invented search corpus in {@code src/test/resources/corpora/search} (twelve articles; its
   * README lists what each one holds).
   */
  public static Path searchCorpus() {
    try {
      return Path.of(TestArchives.class.getResource("/corpora/search").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The invented API corpus in {@code src/test/resources/corpora/api} (five articles: three wire
   * copies, and two of markup and spreadsheet formulas; its README says what each one holds),
   * indexed together with {@link #searchCorpus()}.
   */
  public static Path apiCorpus() {
    return searchCorpus().resolveSibling("api");
  }

  /** Ingests {@code inputs} into the archive at {@code layout} with two threads. */
  public static IngestReport ingest(IndexLayout layout, Path... inputs) throws IOException {
    try (Ingester ingester = new Ingester(layout, Ingester.Options.defaults().withThreads(2))) {
      return ingester.ingest(List.of(inputs), Ingester.Progress.NONE);
    }
  }

  /**
   * Ingests {@code inputs} with two threads, finding as people exactly the {@code people} named
   * (each where it is written in full), without the statistical model: a fast archive with known
   * {@code person} facets.
   */
  public static IngestReport ingestWithPeople(
      IndexLayout layout, List<String> people, Path... inputs) throws IOException {
    EntityFinder finder =
        new EntityFinder(
            text -> {
              List<Mention> found = new java.util.ArrayList<>();
              for (String name : people) {
                for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                  found.add(
                      Mention.found(
                          EntityType.PERSON, name, at, at + name.length(), Mention.Origin.MODEL));
                }
              }
              found.sort(java.util.Comparator.comparingInt(Mention::start));
              return found;
            },
            NameTables.shipped(),
            AuthorityFile.EMPTY,
            false);
    try (Ingester ingester =
        new Ingester(layout, Ingester.Options.defaults().withThreads(2).withEntities(finder))) {
      return ingester.ingest(List.of(inputs), Ingester.Progress.NONE);
    }
  }

  /** Writes {@code text} as UTF-8 to {@code dir/name}, creating folders; returns the file. */
  public static Path write(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  /** Writes {@code text} as gzip-compressed UTF-8 to {@code dir/name}; returns the file. */
  public static Path writeGzip(Path dir, String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return file;
  }

  /**
   * A house-format article: date line, title, lede, byline, blank line, body paragraphs, credit.
   *
   * @param dateLine what follows {@code " date "} on the first line, e.g. {@code "2021-11-17
   *     WORLD"}; {@code null} for no date line
   * @param lede the standfirst, or {@code null}
   * @param byline e.g. {@code "By Jane Roe"}, or {@code null}
   * @param source the credit, or {@code null}
   */
  public static String house(
      String dateLine, String title, String lede, String byline, String source, String... body) {
    StringBuilder b = new StringBuilder();
    if (dateLine != null) {
      b.append(" date ").append(dateLine).append('\n');
    }
    b.append(title).append('\n');
    if (lede != null) {
      b.append(lede).append('\n');
    }
    if (byline != null) {
      b.append(byline).append('\n');
    }
    b.append('\n');
    for (String p : body) {
      b.append(p).append("\n\n");
    }
    if (source != null) {
      b.append("SOURCE:").append(source).append('\n');
    }
    return b.toString();
  }

  /** The stored fields of every live article of the archive, by id, in id order. */
  public static Map<String, Document> storedById(IndexLayout layout) throws IOException {
    Map<String, Document> out = new TreeMap<>();
    try (Directory dir = FSDirectory.open(layout.lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      for (var leaf : reader.leaves()) {
        Bits live = leaf.reader().getLiveDocs();
        StoredFields stored = leaf.reader().storedFields();
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live == null || live.get(d)) {
            Document doc = stored.document(d);
            Document previous = out.put(doc.get(Fields.ID), doc);
            if (previous != null) {
              throw new AssertionError("id " + doc.get(Fields.ID) + " is indexed twice");
            }
          }
        }
      }
    }
    return out;
  }
}

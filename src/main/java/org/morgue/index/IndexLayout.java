package org.morgue.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The folders of one archive ({@code index-data/} by default): the Lucene index in {@code lucene/},
 * ingest reports in {@code reports/}. Files the archivist edits (later: the authority file, saved
 * searches) sit beside them, outside the Lucene folder, so no re-index touches them.
 */
public record IndexLayout(Path root) {

  /** The Lucene index. */
  public Path lucene() {
    return root.resolve("lucene");
  }

  /** Ingest rejects reports. */
  public Path reports() {
    return root.resolve("reports");
  }

  /**
   * The archivist's authority file for entity names ({@code authority.txt}), which may not exist.
   */
  public Path authorityFile() {
    return root.resolve(org.morgue.entity.AuthorityFile.FILE_NAME);
  }

  /**
   * The archivist's corrections to boilerplate detection ({@link BoilerplateOverrides}): lines to
   * keep though many articles of a source share them, lines to leave out though few do.
   */
  public Path boilerplateFile() {
    return root.resolve("boilerplate.txt");
  }

  /** The saved searches' folder ({@code saved/}), beside the index. */
  public Path saved() {
    return root.resolve("saved");
  }

  /** Whether the archive holds an index with at least one commit. */
  public boolean hasIndex() {
    try (Stream<Path> files = Files.list(lucene())) {
      return files.anyMatch(p -> p.getFileName().toString().startsWith("segments_"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Bytes of the Lucene index on disk. */
  public long indexBytes() {
    try (Stream<Path> files = Files.walk(lucene())) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException | java.io.UncheckedIOException e) {
      return 0;
    }
  }
}

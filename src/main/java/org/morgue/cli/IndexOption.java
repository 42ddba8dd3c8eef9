package org.morgue.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.AuthorityFileException;
import org.morgue.entity.EntityFinder;
import org.morgue.index.IndexLayout;
import picocli.CommandLine.Option;

/**
 * The {@code --index DIR} option shared by every command that reads or writes an archive, and what
 * a command needs of the archive it names: its layout, the assurance that it has an index, and its
 * entity finder (which reads the authority file beside the index).
 */
final class IndexOption {
  @Option(
      names = "--index",
      paramLabel = "DIR",
      description = "The archive folder (default: index-data in Morgue's folder).")
  Path dir;

  /** The archive of {@code --index}, or {@code index-data} in Morgue's folder. */
  IndexLayout layout() {
    return new IndexLayout(dir != null ? dir : Main.home().resolve("index-data"));
  }

  /**
   * The archive of {@code --index}, or a clear error when it has no index yet: {@code --index
   * /tmp/empty} gives "no archive in /tmp/empty: run 'morgue ingest PATH --index /tmp/empty'
   * first".
   *
   * @throws IllegalArgumentException (a usage error) when the archive has no index
   */
  IndexLayout requireIndex() {
    IndexLayout layout = layout();
    if (!layout.hasIndex()) {
      throw new IllegalArgumentException(
          "no archive in "
              + layout.root()
              + ": run 'morgue ingest PATH --index "
              + layout.root()
              + "' first");
    }
    return layout;
  }

  /**
   * The entity finder of this archive: the shipped model and tables, with the archive's authority
   * file ({@code DIR/authority.txt}) when it has one. {@code ingest}, {@code demo} and {@code
   * entities apply} all find entities through it.
   *
   * @param demonyms whether demonyms ("Azerbaijani") count as places
   * @throws IllegalArgumentException (a usage error) naming the bad line of the authority file
   */
  EntityFinder entityFinder(boolean demonyms) throws IOException {
    Path file = layout().authorityFile();
    try {
      return EntityFinder.standard().withDemonyms(demonyms).withAuthority(AuthorityFile.read(file));
    } catch (AuthorityFileException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}

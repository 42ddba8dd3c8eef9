package org.morgue.curation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;
import org.apache.lucene.store.LockObtainFailedException;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.AuthorityFileException;
import org.morgue.entity.CoreNlpExtractor;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.NameTables;
import org.morgue.index.ArchiveFiles;
import org.morgue.index.IndexLayout;
import org.morgue.index.Ingester;
import org.morgue.search.Archive;
import org.morgue.search.InvalidRequestException;

/**
 * The archivist's corrections made from a running server: the {@linkplain NamesReport report} of
 * the archive a searcher reads, and a rule {@linkplain #add added} to the archive's authority file
 * and applied to the whole archive at once, as {@code morgue entities apply} would. It knows
 * nothing of HTTP.
 *
 * <pre>{@code
 * NameCuration curation = new NameCuration(searcher, NameCuration.STANDARD);
 * NameCuration.Applied a = curation.add("PERSON: Obama => Barack Obama");
 * // a.changed(): the articles whose names changed; the searcher already sees them
 * }</pre>
 *
 * <p>Adding a rule: the whole file with the new line is checked ({@link AuthorityFile#parse}); the
 * index writer is opened through {@link Ingester}, which fails at once when an ingest holds the
 * index ({@link IndexBusyException}); the file is written atomically (a temporary file beside it,
 * forced to disk, moved over it); every article is re-resolved from its stored mentions ({@link
 * Ingester#recanonicalize}); the searcher is refreshed. One rule is added at a time.
 */
public final class NameCuration {
  /** The longest rule accepted. */
  public static final int MAX_RULE_LENGTH = 1_000;

  /**
   * The finder of an archive with the given authority file: the shipped tables, demonyms on, and
   * CoreNLP's model loaded only if something extracts (re-resolution never does).
   */
  public static final Function<AuthorityFile, EntityFinder> STANDARD =
      authority ->
          new EntityFinder(
              text -> CoreNlpExtractor.shared().extract(text),
              NameTables.shipped(),
              authority,
              true);

  private final Archive searcher;
  private final Function<AuthorityFile, EntityFinder> finders;

  /**
   * @param searcher the archive's searcher: whose archive is changed, and refreshed after a change
   * @param finders the entity finder to re-resolve with, given the new authority file
   */
  public NameCuration(Archive searcher, Function<AuthorityFile, EntityFinder> finders) {
    this.searcher = Objects.requireNonNull(searcher, "searcher");
    this.finders = Objects.requireNonNull(finders, "finders");
  }

  /**
   * A rule added and applied.
   *
   * @param rule the rule as written to the file
   * @param line its line in the file, from 1
   * @param articles the archive's articles
   * @param changed the articles whose people, organisations or places changed
   */
  public record Applied(String rule, int line, long articles, long changed) {}

  /** The index is held by an ingest (or another writer): nothing was changed. */
  public static final class IndexBusyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    IndexBusyException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** The report of the archive now, over the {@code top} values of each type. */
  public NamesReport report(int top) throws IOException {
    return NamesReport.of(searcher, top);
  }

  /**
   * Appends one rule to the archive's authority file and applies the file to the whole archive.
   *
   * @param rule one line of the authority file, such as {@code PERSON: Obama => Barack Obama}
   * @return what it changed
   * @throws InvalidRequestException naming {@code rule} when it is missing, not one line, or makes
   *     the file invalid (the message is the authority file's, with the line)
   * @throws IndexBusyException when an ingest holds the index
   */
  public synchronized Applied add(String rule) throws IOException {
    String line = checkedLine(rule);
    IndexLayout layout = searcher.layout();
    Path file = layout.authorityFile();
    withRule(file, line); // a bad rule is refused before the index is touched
    Ingester ingester;
    try {
      ingester = new Ingester(layout, Ingester.Options.defaults());
    } catch (LockObtainFailedException e) {
      throw new IndexBusyException(
          "the archive is being written (an ingest or entities apply holds the index);"
              + " nothing was changed: try again when it ends",
          e);
    }
    Ingester.Recanonicalized r;
    int at;
    try (ingester) {
      Updated u = withRule(file, line); // read again under the index's lock
      ArchiveFiles.writeAtomically(file, u.text().getBytes(StandardCharsets.UTF_8));
      at = u.line();
      r = ingester.recanonicalize(finders.apply(u.authority()));
    }
    searcher.refresh();
    return new Applied(line, at, r.articles(), r.changed());
  }

  private static String checkedLine(String rule) {
    if (rule == null || rule.isBlank()) {
      throw new InvalidRequestException(
          "rule", "a rule is needed, such as \"PERSON: Obama => Barack Obama\"");
    }
    if (rule.length() > MAX_RULE_LENGTH) {
      throw new InvalidRequestException(
          "rule", "a rule may have at most " + MAX_RULE_LENGTH + " characters");
    }
    String line = rule.strip();
    if (line.contains("\n") || line.contains("\r")) {
      throw new InvalidRequestException("rule", "one rule, on one line");
    }
    if (line.startsWith("#")) {
      throw new InvalidRequestException("rule", "a comment is not a rule");
    }
    return line;
  }

  private record Updated(String text, int line, AuthorityFile authority) {}

  /** The file's text with the rule appended, checked whole. */
  private static Updated withRule(Path file, String line) throws IOException {
    String old = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    String text = old + (old.isEmpty() || old.endsWith("\n") ? "" : "\n") + line + "\n";
    int at = (int) text.chars().filter(c -> c == '\n').count();
    try {
      return new Updated(text, at, AuthorityFile.parse(AuthorityFile.FILE_NAME, text));
    } catch (AuthorityFileException e) {
      throw new InvalidRequestException("rule", e.getMessage());
    }
  }
}

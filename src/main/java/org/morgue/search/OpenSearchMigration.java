package org.morgue.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortedSetSortField;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.FSDirectory;
import org.morgue.index.ArchiveFiles;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.opensearch.OpenSearchDocuments;
import org.morgue.opensearch.OpenSearchIndex;

/**
 * Copies an embedded archive into an OpenSearch index ({@code ./morgue migrate --to opensearch}):
 * every live article from its stored fields, nothing extracted again, in the order of the ids, a
 * batch at a time. After each batch the cluster acknowledged, the last id is written to a
 * checkpoint in the archive ({@code opensearch-migrate-<index>.txt}), so a run that stops (a crash,
 * a lost node past the writer's retries) resumes after it; a finished run removes it. Writes are
 * idempotent, so articles copied twice are the same articles.
 */
public final class OpenSearchMigration {
  /** What a migration did. */
  public record Result(long copied, long refused, boolean resumed) {}

  private OpenSearchMigration() {}

  /** The checkpoint file of a migration of {@code layout} into {@code index}. */
  static Path checkpoint(IndexLayout layout, String index) {
    return layout.root().resolve("opensearch-migrate-" + index + ".txt");
  }

  /**
   * Copies every article of {@code layout} into {@code index} (which must exist).
   *
   * @param batch articles a bulk request
   * @param progress told the running count after each batch
   */
  public static Result copy(
      IndexLayout layout, OpenSearchIndex index, int batch, Consumer<String> progress)
      throws IOException {
    Path checkpoint = checkpoint(layout, index.name());
    String after =
        Files.exists(checkpoint)
            ? Files.readString(checkpoint, StandardCharsets.UTF_8).strip()
            : null;
    boolean resumed = after != null && !after.isEmpty();
    long copied = 0;
    long refused = 0;
    try (FSDirectory dir = FSDirectory.open(layout.lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      StoredFields stored = searcher.storedFields();
      Sort byId = new Sort(new SortedSetSortField(Fields.ID, false));
      long total = reader.numDocs();
      while (true) {
        Query q =
            after != null
                ? TermRangeQuery.newStringRange(Fields.ID, after, null, false, true)
                : MatchAllDocsQuery.INSTANCE;
        TopFieldDocs page = searcher.search(q, batch, byId);
        if (page.scoreDocs.length == 0) {
          break;
        }
        List<ObjectNode> docs = new ArrayList<>(page.scoreDocs.length);
        for (ScoreDoc sd : page.scoreDocs) {
          Document d = stored.document(sd.doc);
          docs.add(OpenSearchDocuments.of(d, contentHash(reader, sd.doc)));
          after = d.get(Fields.ID);
        }
        Map<String, String> no = index.write(docs);
        copied += docs.size() - no.size();
        refused += no.size();
        no.forEach((id, why) -> progress.accept("refused " + id + ": " + why));
        ArchiveFiles.writeAtomically(checkpoint, after.getBytes(StandardCharsets.UTF_8));
        progress.accept(String.format("%,d of %,d articles copied", copied, total));
        if (page.scoreDocs.length < batch) {
          break;
        }
      }
    }
    index.refresh();
    index.markIngest(java.time.Instant.now());
    Files.deleteIfExists(checkpoint);
    return new Result(copied, refused, resumed);
  }

  private static String contentHash(DirectoryReader reader, int doc) throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    BinaryDocValues hashes = leaf.reader().getBinaryDocValues(Fields.CONTENT_HASH);
    if (hashes == null || !hashes.advanceExact(doc - leaf.docBase)) {
      return null;
    }
    return hashes.binaryValue().utf8ToString();
  }
}

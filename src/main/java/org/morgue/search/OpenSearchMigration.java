package org.morgue.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
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
import org.morgue.index.Fingerprints;
import org.morgue.index.IndexLayout;
import org.morgue.index.Ingester;
import org.morgue.opensearch.OpenSearchDocuments;
import org.morgue.opensearch.OpenSearchIndex;

/**
 * Copies an embedded archive into an OpenSearch index and back ({@code ./morgue migrate --to
 * opensearch}), and keeps it in step after each ingest: every live article from its stored fields,
 * nothing extracted again, in the order of the ids, a batch at a time; an article the cluster
 * already holds with the same content hash is not sent again, and one the cluster holds that the
 * embedded archive no longer has is deleted. After each batch the cluster acknowledged, the last id
 * is written to a checkpoint in the archive ({@code opensearch-migrate-<index>.txt}), so a run that
 * stops (a crash, a lost node past the writer's retries) resumes after it; a finished run removes
 * it. Writes are idempotent, so articles copied twice are the same articles.
 */
public final class OpenSearchMigration {
  /**
   * What a migration did.
   *
   * @param copied articles written to the cluster
   * @param refused articles the cluster refused (each reported to the progress)
   * @param resumed whether it went on from a checkpoint
   * @param unchanged articles the cluster already held with the same content hash, not sent again
   * @param deleted articles the cluster held that the embedded archive no longer has, deleted
   */
  public record Result(long copied, long refused, boolean resumed, long unchanged, long deleted) {}

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
    return copy(layout, index, batch, 2, progress);
  }

  /**
   * Copies every article of {@code layout} into {@code index} (which must exist), with {@code
   * parallel} bulk requests in flight while the next batches are read.
   */
  public static Result copy(
      IndexLayout layout, OpenSearchIndex index, int batch, int parallel, Consumer<String> progress)
      throws IOException {
    Path checkpoint = checkpoint(layout, index.name());
    String after =
        Files.exists(checkpoint)
            ? Files.readString(checkpoint, StandardCharsets.UTF_8).strip()
            : null;
    if (after != null && after.isEmpty()) {
      after = null;
    }
    boolean resumed = after != null;
    Map<String, String> held = index.contentHashes(); // what the cluster holds: id -> hash
    java.util.Set<String> visited = new java.util.HashSet<>();
    long unchanged = 0;
    AtomicLong copied = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    long deleted;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
    boolean marks = index.hasMarks(); // an index of an earlier mapping has not their fields
    ObjectNode settings = index.startBulk();
    Deque<Map.Entry<String, Future<?>>> inFlight = new ArrayDeque<>();
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
          org.apache.lucene.document.Document compared =
              stored.document(sd.doc, Fingerprints.COPY_FIELDS);
          String id = compared.get(Fields.ID);
          after = id;
          visited.add(id);
          String content = contentHash(reader, sd.doc);
          // the content and the names: entities apply changes the names, not the content
          String hash = content == null ? null : Fingerprints.copyHash(content, compared);
          if (hash != null && hash.equals(held.get(id))) {
            unchanged++;
            continue;
          }
          docs.add(OpenSearchDocuments.of(stored.document(sd.doc), hash, marks));
        }
        while (inFlight.size() >= Math.max(1, parallel)) {
          done(inFlight.removeFirst(), checkpoint);
        }
        inFlight.addLast(
            Map.entry(
                after,
                pool.submit(
                    () -> {
                      Map<String, String> no = index.write(docs);
                      copied.addAndGet(docs.size() - no.size());
                      refused.addAndGet(no.size());
                      no.forEach((id, why) -> progress.accept("refused " + id + ": " + why));
                      progress.accept(
                          String.format("%,d of %,d articles copied", copied.get(), total));
                      return null;
                    })));
        if (page.scoreDocs.length < batch) {
          break;
        }
      }
      while (!inFlight.isEmpty()) {
        done(inFlight.removeFirst(), checkpoint);
      }
      List<String> gone = new ArrayList<>();
      for (String id : held.keySet()) {
        if (!visited.contains(id)
            && searcher.count(
                    new org.apache.lucene.search.TermQuery(
                        new org.apache.lucene.index.Term(Fields.ID, id)))
                == 0) {
          gone.add(id);
        }
      }
      index.delete(gone);
      deleted = gone.size();
    } finally {
      pool.shutdownNow();
      index.endBulk(settings);
    }
    index.refresh();
    index.markIngest(java.time.Instant.now());
    Files.deleteIfExists(checkpoint);
    return new Result(copied.get(), refused.get(), resumed, unchanged, deleted);
  }

  /**
   * Copies an OpenSearch index into an embedded archive ({@code ./morgue migrate --to lucene}), the
   * way back: each article's document is built again from the stored fields the cluster keeps
   * ({@link org.morgue.index.ArticleDocuments#fromStored}), nothing extracted. What the archive
   * already holds with the same content hash is not fetched, what it holds that the cluster does
   * not is deleted. Batches of {@code batch} articles are fetched by id, {@code parallel} at a
   * time, and the archive commits every {@value #BACK_COMMIT_BATCHES} batches: a run that stops
   * keeps what it committed, and a run again fetches only what is still missing.
   *
   * @param progress told the running count, and each article that cannot be read back
   */
  public static Result copyBack(
      OpenSearchIndex index, IndexLayout layout, int batch, int parallel, Consumer<String> progress)
      throws IOException {
    if (!index.exists()) {
      throw new IOException("the OpenSearch index '" + index.name() + "' does not exist");
    }
    Map<String, String> cluster = index.contentHashes();
    AtomicLong copied = new AtomicLong();
    AtomicLong refused = new AtomicLong();
    try (Ingester archive = new Ingester(layout, Ingester.Options.defaults())) {
      Map<String, String> local = archive.copyHashes();
      List<String> gone = new ArrayList<>();
      for (String id : local.keySet()) {
        if (!cluster.containsKey(id)) {
          gone.add(id);
        }
      }
      archive.deleteIds(gone);
      List<String> wanted = new ArrayList<>();
      cluster.forEach(
          (id, hash) -> {
            if (hash.isEmpty() || !hash.equals(local.get(id))) {
              wanted.add(id);
            }
          });
      wanted.sort(null);
      long total = wanted.size();
      ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel));
      try {
        Deque<Future<?>> inFlight = new ArrayDeque<>();
        int done = 0;
        for (int from = 0; from < wanted.size(); from += batch) {
          List<String> ids = wanted.subList(from, Math.min(wanted.size(), from + batch));
          while (inFlight.size() >= Math.max(1, parallel)) {
            await(inFlight.removeFirst());
            if (++done % BACK_COMMIT_BATCHES == 0) {
              archive.commitCopy();
            }
          }
          inFlight.addLast(
              pool.submit(
                  () -> {
                    for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e :
                        index.sources(ids).entrySet()) {
                      try {
                        archive.putStored(
                            OpenSearchDocuments.stored(e.getValue()),
                            Fingerprints.contentOf(
                                e.getValue().path(Fields.CONTENT_HASH).asText("")));
                        copied.incrementAndGet();
                      } catch (IllegalArgumentException bad) {
                        refused.incrementAndGet();
                        progress.accept("refused " + e.getKey() + ": " + bad.getMessage());
                      }
                    }
                    progress.accept(
                        String.format("%,d of %,d articles copied", copied.get(), total));
                    return null;
                  }));
        }
        while (!inFlight.isEmpty()) {
          await(inFlight.removeFirst());
        }
      } finally {
        pool.shutdownNow();
      }
      archive.commitCopy();
      return new Result(
          copied.get(), refused.get(), false, cluster.size() - total, (long) gone.size());
    }
  }

  /** Batches a copy back writes between two commits. */
  static final int BACK_COMMIT_BATCHES = 20;

  private static void await(Future<?> batch) throws IOException {
    try {
      batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while copying");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("copying failed: " + e.getCause(), e.getCause());
    }
  }

  /**
   * Waits for the oldest batch in flight; once the cluster acknowledged it (and so every batch
   * before it), its last id is the checkpoint.
   */
  private static void done(Map.Entry<String, Future<?>> oldest, Path checkpoint)
      throws IOException {
    await(oldest.getValue());
    ArchiveFiles.writeAtomically(checkpoint, oldest.getKey().getBytes(StandardCharsets.UTF_8));
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

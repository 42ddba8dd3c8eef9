package org.morgue.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderManager;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.morgue.article.Article;
import org.morgue.article.ArticleFiles;
import org.morgue.article.Location;
import org.morgue.article.ReadEvent;
import org.morgue.article.Reason;
import org.morgue.entity.ArticleEntities;
import org.morgue.entity.ArticleText;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.EntityType;
import org.morgue.entity.ExtractionException;
import org.morgue.entity.NameStatistics;

/**
 * Indexes article files into an archive: the one writer of its Lucene index.
 *
 * <p>The calling thread reads and parses the inputs in order and decides each article's fate
 * (unchanged, duplicate id, wire copy); worker threads, one a core by default, build the documents
 * and add them, which is where the time goes (analysis). The index is committed every few seconds,
 * so a killed ingest leaves an index that opens at its last commit; running the same ingest again
 * skips what was committed (same content hash) and completes the rest. {@code updateDocument} on
 * the id means no article is ever indexed twice.
 *
 * <pre>{@code
 * try (Ingester ingester = new Ingester(new IndexLayout(Path.of("index-data")), Ingester.Options.defaults())) {
 *   IngestReport report = ingester.ingest(List.of(Path.of("articles/")), Ingester.Progress.NONE);
 * }
 * }</pre>
 */
public final class Ingester implements AutoCloseable {

  /**
   * Tuning of one ingest.
   *
   * @param threads indexing threads
   * @param commitInterval the longest time between commits
   * @param ramBufferMb the writer's buffer before it flushes a segment
   * @param entities the entity finder, or {@code null} to index without entities
   */
  public record Options(
      int threads, Duration commitInterval, double ramBufferMb, EntityFinder entities) {
    /** One thread a core, a commit every 10 s, 64 MB of buffer, no entities. */
    public static Options defaults() {
      return new Options(
          Runtime.getRuntime().availableProcessors(), Duration.ofSeconds(10), 64, null);
    }

    public Options withThreads(int n) {
      return new Options(n, commitInterval, ramBufferMb, entities);
    }

    public Options withCommitInterval(Duration d) {
      return new Options(threads, d, ramBufferMb, entities);
    }

    public Options withEntities(EntityFinder finder) {
      return new Options(threads, commitInterval, ramBufferMb, finder);
    }
  }

  /** Told of progress from the reading thread after every article. */
  public interface Progress {
    Progress NONE = (read, report) -> {};

    void update(long read, IngestReport report);
  }

  /** Called after each commit with the number of articles it made durable (for tests and logs). */
  public interface CommitListener {
    void committed(long articlesInIndex);
  }

  private final IndexLayout layout;
  private final Options options;
  private final Directory directory;
  private final IndexWriter writer;
  private final ArticleDocuments documents = new ArticleDocuments(Schema.facetsConfig());
  private CommitListener commitListener = n -> {};

  /** The archive's name statistics as of the last commit, refreshed after each commit. */
  private ReaderManager names;

  private volatile LuceneNameStatistics namesNow;

  private BoilerplateOverrides boilerplate = BoilerplateOverrides.NONE;

  /**
   * Opens (or creates) the archive's index for writing.
   *
   * @throws org.apache.lucene.store.LockObtainFailedException when another ingest holds the index
   */
  public Ingester(IndexLayout layout, Options options) throws IOException {
    this(layout, options, d -> d);
  }

  /**
   * Opens the archive's index for writing through {@code wrap}ped directory (for tests that inject
   * faults: a disk that fills up).
   */
  Ingester(IndexLayout layout, Options options, java.util.function.UnaryOperator<Directory> wrap)
      throws IOException {
    this.layout = layout;
    this.options = options;
    Files.createDirectories(layout.lucene());
    this.directory = wrap.apply(FSDirectory.open(layout.lucene()));
    try {
      this.writer = new IndexWriter(directory, writerConfig(options));
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /**
   * How every ingest writes the index (its analyzer, buffer and merges); a tool that writes an
   * archive another way (a benchmark's) uses it too, so that the index has the same shape.
   */
  public static IndexWriterConfig writerConfig(Options options) {
    IndexWriterConfig config = new IndexWriterConfig(Analyzers.forIndex());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(options.ramBufferMb());
    config.setCommitOnClose(false); // commits are explicit: a failed ingest keeps the last good one
    // Compound files would copy every flushed and merged segment once more; an archive has few
    // segments, so the file handles they save are not worth the time.
    config.setUseCompoundFile(false);
    TieredMergePolicy merges = new TieredMergePolicy();
    merges.setNoCFSRatio(0);
    config.setMergePolicy(merges);
    return config;
  }

  public void onCommit(CommitListener listener) {
    this.commitListener = listener;
  }

  /**
   * Reads every input and indexes its articles.
   *
   * @param inputs files and directories
   * @param progress told of progress on the calling thread
   * @return the counters and problems of this run
   * @throws IOException when the index itself cannot be written (disk full); what was committed
   *     before stays
   */
  public IngestReport ingest(List<Path> inputs, Progress progress) throws IOException {
    Instant start = Instant.now();
    IngestReport report = new IngestReport();
    ArticleFiles files = new ArticleFiles();
    AtomicReference<Throwable> fatal = new AtomicReference<>();
    Semaphore inFlight = new Semaphore(options.threads() * 64);
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService workers =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "morgue-ingest-" + threadNo.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    Map<String, Location> runIds = new HashMap<>();
    Map<String, String> runFingerprints = new HashMap<>();
    long[] lastCommit = {System.nanoTime()};

    boolean factsBefore = hasNameFacts();
    if (options.entities() != null && writer.getDocStats().numDocs >= STATISTICS_FROM) {
      // a small archive's statistics say little, and the ingest into it ends by resolving every
      // article again (IngestCommand): its articles are resolved on their own evidence meanwhile
      names = new ReaderManager(writer);
      boilerplate = BoilerplateOverrides.read(layout.boilerplateFile());
    }
    try (DirectoryReader snapshot = DirectoryReader.open(writer)) {
      files.read(
          inputs,
          event -> {
            if (fatal.get() != null) {
              return;
            }
            switch (event) {
              case ReadEvent.Rejected r -> report.problem(r.where(), r.reason(), r.detail());
              case ReadEvent.Parsed p -> {
                report.read.incrementAndGet();
                Task decided;
                try {
                  decided = decide(p, inputs, snapshot, runIds, runFingerprints, report);
                } catch (RuntimeException e) {
                  // one article's failure is that article's: reported, and reading goes on
                  report.problem(p.where(), Reason.UNINDEXABLE, describe(e));
                  decided = null;
                }
                Task task = decided;
                if (task != null) {
                  inFlight.acquireUninterruptibly();
                  workers.execute(
                      () -> {
                        try {
                          index(task, report);
                        } catch (RuntimeException e) {
                          if (writer.getTragicException() != null) {
                            fatal.compareAndSet(null, e);
                          } else {
                            report.problem(task.where(), Reason.UNINDEXABLE, describe(e));
                          }
                        } catch (Throwable t) {
                          fatal.compareAndSet(null, t);
                        } finally {
                          inFlight.release();
                        }
                      });
                }
              }
            }
            progress.update(report.read(), report);
            if (System.nanoTime() - lastCommit[0] > options.commitInterval().toNanos()) {
              commit(fatal);
              lastCommit[0] = System.nanoTime();
            }
          });
    } finally {
      workers.shutdown();
      try {
        workers.awaitTermination(1, TimeUnit.DAYS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (names != null) {
        names.close();
        names = null;
        namesNow = null;
      }
    }
    if (fatal.get() != null) {
      throw failed(fatal.get());
    }
    Map<String, String> data = new HashMap<>();
    data.put("morgue.schema", Integer.toString(Fields.SCHEMA_VERSION));
    data.put("morgue.lastIngest", Instant.now().toString());
    if (factsBefore) {
      // every article written since carries its facts too
      data.put(NAME_FACTS, Integer.toString(org.morgue.entity.NameFacts.VERSION));
    }
    writer.setLiveCommitData(data.entrySet());
    try {
      writer.commit();
    } catch (IOException | RuntimeException e) {
      throw failed(e);
    }
    commitListener.committed(committedDocs());
    report.finish(
        Duration.between(start, Instant.now()),
        files.skipped(),
        files.skippedNames(),
        writer.getDocStats().numDocs);
    return report;
  }

  private void commit(AtomicReference<Throwable> fatal) {
    try {
      writer.commit();
      commitListener.committed(committedDocs());
      if (names != null) {
        names.maybeRefresh(); // the articles committed so far count in the name statistics
      }
    } catch (IOException | RuntimeException e) {
      fatal.compareAndSet(null, e);
    }
  }

  /** Live articles in the latest commit (not counting what was added while it ran). */
  private long committedDocs() throws IOException {
    long n = 0;
    for (SegmentCommitInfo info : SegmentInfos.readLatestCommit(directory)) {
      n += info.info.maxDoc() - info.getDelCount() - info.getSoftDelCount();
    }
    return n;
  }

  private record Task(
      Article article, Location where, ArticleDocuments.Extra extra, boolean replaces) {}

  /**
   * Decides, on the reading thread, what to do with one parsed article. Runs in input order, so the
   * first of two copies is always the original.
   *
   * @return the indexing task, or {@code null} when there is nothing to index
   */
  private Task decide(
      ReadEvent.Parsed p,
      List<Path> inputs,
      DirectoryReader snapshot,
      Map<String, Location> runIds,
      Map<String, String> runFingerprints,
      IngestReport report) {
    Article a = p.article();
    Location first = runIds.putIfAbsent(a.id(), p.where());
    if (first != null) {
      report.problem(
          p.where(), Reason.DUPLICATE_ID, "id '" + a.id() + "' already read at " + first);
      return null;
    }
    String origin = origin(p.where(), inputs);
    try {
      Existing existing = lookup(snapshot, a.id());
      // The content hash is needed here only to compare with an article already indexed; a new
      // article's is computed by the worker that indexes it, off this one reading thread.
      String hash = existing == null ? null : contentHash(a);
      if (existing != null && existing.contentHash().equals(hash)) {
        report.unchanged.incrementAndGet();
        runFingerprints.putIfAbsent(existing.fingerprint(), a.id());
        return null;
      }
      String fingerprint = Fingerprints.fingerprint(a);
      String copyOf = runFingerprints.putIfAbsent(fingerprint, a.id());
      if (copyOf == null) {
        copyOf = otherIdWithFingerprint(snapshot, fingerprint, a.id());
      }
      if (copyOf != null) {
        report.duplicates.incrementAndGet();
      }
      if (p.warning() != null) {
        report.problem(p.where(), p.warning().reason(), p.warning().detail());
      }
      return new Task(
          a,
          p.where(),
          new ArticleDocuments.Extra(fingerprint, copyOf, hash, origin),
          existing != null);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void index(Task task, IngestReport report) throws IOException {
    Document doc;
    ArticleDocuments.Extra extra = task.extra();
    if (extra.contentHash() == null) {
      extra = extra.withContentHash(contentHash(task.article()));
    }
    ArticleEntities entities = ArticleEntities.NONE;
    java.util.Set<String> facts = java.util.Set.of();
    if (options.entities() != null) {
      try {
        EntityFinder finder = options.entities();
        List<org.morgue.entity.Mention> found = finder.find(task.article());
        ArticleText text = ArticleText.of(task.article(), extra.copyOf() != null);
        if (names == null) {
          entities = finder.resolve(text, found, NameStatistics.NONE);
        } else {
          DirectoryReader reader = names.acquire();
          try {
            entities = finder.resolve(text, found, statistics(reader));
          } finally {
            names.release(reader);
          }
        }
        facts = finder.facts(text, found);
      } catch (ExtractionException | RuntimeException e) {
        report.problem(
            task.where(), Reason.NO_ENTITIES, "entity extraction failed: " + e.getMessage());
      }
    }
    try {
      doc = documents.toDocument(task.article(), extra, entities, facts);
      writer.updateDocument(new Term(Fields.ID, task.article().id()), doc);
    } catch (IOException | Error e) {
      throw e; // the index itself cannot be written (a full disk): fatal for the ingest
    } catch (RuntimeException e) {
      if (writer.getTragicException() != null) {
        throw e; // the writer is closed: nothing more can be indexed
      }
      // Lucene refused this one document (an immense term, say) and left the index as it was
      report.problem(task.where(), Reason.UNINDEXABLE, describe(e));
      return;
    }
    (task.replaces() ? report.replaced : report.added).incrementAndGet();
  }

  /**
   * The ingest's end when the index itself cannot be written: what failed (a full disk says so),
   * the articles of the last commit, which the index keeps, and what to do.
   */
  private IOException failed(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what = root.getMessage() == null ? root.toString() : root.getMessage();
    boolean full = what.toLowerCase(java.util.Locale.ROOT).contains("no space left");
    long kept;
    try {
      kept = committedDocs();
    } catch (IOException | RuntimeException e) {
      kept = -1;
    }
    return new IOException(
        (full ? "the disk is full (" + what + ")" : "indexing failed: " + what)
            + "; the index keeps its last commit"
            + (kept >= 0 ? String.format(java.util.Locale.ROOT, " (%,d articles)", kept) : "")
            + (full ? "; free some space and" : ";")
            + " run the same ingest again to complete it",
        cause);
  }

  /** An exception as one line of the rejects report. */
  private static String describe(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    m = m.replaceAll("\\s+", " ");
    return m.length() > 300 ? m.substring(0, 300) + "..." : m;
  }

  /**
   * Whether every article of the index carries its name facts: an index that was empty, or one
   * whose last commit says so.
   */
  private boolean hasNameFacts() throws IOException {
    if (writer.getDocStats().numDocs == 0) {
      return true;
    }
    for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
      if (e.getKey().equals(NAME_FACTS)
          && e.getValue().equals(Integer.toString(org.morgue.entity.NameFacts.VERSION))) {
        return true;
      }
    }
    return false;
  }

  /** The name statistics of a reader, made once per reader. */
  private LuceneNameStatistics statistics(DirectoryReader reader) {
    LuceneNameStatistics now = namesNow;
    if (now == null || now.reader() != reader) {
      now = new LuceneNameStatistics(reader, boilerplate);
      namesNow = now;
    }
    return now;
  }

  /**
   * Where an article was read, as the archive keeps it: the file's path relative to the folder that
   * was ingested ({@code wikinews/2020-03-01_x.txt}), or the file's name when a file was ingested,
   * with the line of a JSON Lines record ({@code feed.jsonl:12}). A reader of the archive is told
   * where in the ingested material an article came from, never the server's own folders.
   */
  static String origin(Location where, List<Path> inputs) {
    Path file = where.file();
    String shown = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    for (Path input : inputs) {
      if (!input.equals(file) && file.startsWith(input)) {
        shown = input.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        break;
      }
    }
    return where.line() > 0 ? shown + ":" + where.line() : shown;
  }

  /**
   * The article's content hash, salted with whether entities are extracted: switching them on makes
   * the next ingest of the same files add them.
   */
  private String contentHash(Article article) {
    return Fingerprints.contentHash(article, options.entities() == null ? "" : "entities");
  }

  private record Existing(int doc, String contentHash, String fingerprint) {}

  /** The live document with this id in the snapshot, with its content hash and fingerprint. */
  private static Existing lookup(DirectoryReader reader, String id) throws IOException {
    return firstLive(
        reader,
        Fields.ID,
        id,
        (leaf, d) -> {
          BinaryDocValues hashes = leaf.reader().getBinaryDocValues(Fields.CONTENT_HASH);
          String hash =
              hashes != null && hashes.advanceExact(d) ? hashes.binaryValue().utf8ToString() : "";
          SortedSetDocValues prints = leaf.reader().getSortedSetDocValues(Fields.FINGERPRINT);
          String print =
              prints != null && prints.advanceExact(d)
                  ? prints.lookupOrd(prints.nextOrd()).utf8ToString()
                  : "";
          return new Existing(leaf.docBase + d, hash, print);
        });
  }

  /**
   * The original of the copies in the snapshot that share this fingerprint, or null: the first
   * other live article with it, followed to the article it copies. An article is never a copy of
   * its own copy, so an original re-ingested with a new headline stays the original.
   */
  private static String otherIdWithFingerprint(
      DirectoryReader reader, String fingerprint, String id) throws IOException {
    var stored = reader.storedFields();
    return firstLive(
        reader,
        Fields.FINGERPRINT,
        fingerprint,
        (leaf, d) -> {
          Document other = stored.document(leaf.docBase + d, Set.of(Fields.ID, Fields.COPY_OF));
          String otherId = other.get(Fields.ID);
          String original = other.get(Fields.COPY_OF) != null ? other.get(Fields.COPY_OF) : otherId;
          return otherId.equals(id) || original.equals(id) ? null : original;
        });
  }

  /** What {@link #firstLive} asks of each live document; null means "look further". */
  private interface LiveDocVisitor<T> {
    T visit(LeafReaderContext leaf, int doc) throws IOException;
  }

  /**
   * The first non-null answer of {@code visitor} over the live documents holding {@code
   * field:term}.
   */
  private static <T> T firstLive(
      DirectoryReader reader, String field, String term, LiveDocVisitor<T> visitor)
      throws IOException {
    BytesRef bytes = new BytesRef(term);
    for (LeafReaderContext leaf : reader.leaves()) {
      Terms terms = leaf.reader().terms(field);
      if (terms == null) {
        continue;
      }
      TermsEnum te = terms.iterator();
      if (!te.seekExact(bytes)) {
        continue;
      }
      PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
      var live = leaf.reader().getLiveDocs();
      for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
        if (live == null || live.get(d)) {
          T answer = visitor.visit(leaf, d);
          if (answer != null) {
            return answer;
          }
        }
      }
    }
    return null;
  }

  /** What {@link #recanonicalize} did. */
  public record Recanonicalized(long articles, long withMentions, long changed) {}

  /** Articles an archive must hold for an ingest to resolve new articles against its statistics. */
  static final int STATISTICS_FROM = 1_000;

  /** Commit data key: set once every article carries its name facts. */
  static final String NAME_FACTS = "morgue.nameFacts";

  /**
   * Resolves every article's names again from what was found in it (its stored mentions), against
   * the whole archive's name statistics, the shipped tables and the authority file, without running
   * the extractor: what {@code morgue entities apply} does, and the ingest after a large batch.
   * Only articles whose names change are rewritten. An index written before name facts existed gets
   * them first (one pass that rewrites every article with mentions). Running it twice in a row
   * changes nothing the second time.
   */
  public Recanonicalized recanonicalize(EntityFinder finder) throws IOException {
    Map<String, String> data = new HashMap<>();
    writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
    String version = Integer.toString(org.morgue.entity.NameFacts.VERSION);
    if (!version.equals(data.get(NAME_FACTS))) {
      resolveAll(finder, false); // writes every article's facts: the statistics for the next pass
      data.put(NAME_FACTS, version);
      writer.setLiveCommitData(data.entrySet());
      writer.commit();
    }
    Recanonicalized r = resolveAll(finder, true);
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
    return r;
  }

  private Recanonicalized resolveAll(EntityFinder finder, boolean withStatistics)
      throws IOException {
    AtomicLong articles = new AtomicLong();
    AtomicLong withMentions = new AtomicLong();
    AtomicLong changed = new AtomicLong();
    try (DirectoryReader snapshot = DirectoryReader.open(writer)) {
      NameStatistics stats =
          withStatistics
              ? new LuceneNameStatistics(
                  snapshot, BoilerplateOverrides.read(layout.boilerplateFile()))
              : NameStatistics.NONE;
      // articles are resolved independently: ranges of 2,000 documents on every core
      List<Callable<Void>> ranges = new ArrayList<>();
      for (LeafReaderContext leaf : snapshot.leaves()) {
        for (int from = 0; from < leaf.reader().maxDoc(); from += 2_000) {
          int start = from;
          int end = Math.min(leaf.reader().maxDoc(), from + 2_000);
          ranges.add(
              () -> {
                resolveRange(
                    finder,
                    stats,
                    withStatistics,
                    leaf,
                    start,
                    end,
                    articles,
                    withMentions,
                    changed);
                return null;
              });
        }
      }
      ExecutorService pool =
          Executors.newFixedThreadPool(
              Math.max(1, Math.min(options.threads(), Runtime.getRuntime().availableProcessors())));
      try {
        for (Future<Void> f : pool.invokeAll(ranges)) {
          f.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while resolving names", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof IOException io) {
          throw io;
        }
        throw new IOException("resolving names failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    return new Recanonicalized(articles.get(), withMentions.get(), changed.get());
  }

  private void resolveRange(
      EntityFinder finder,
      NameStatistics stats,
      boolean withStatistics,
      LeafReaderContext leaf,
      int start,
      int end,
      AtomicLong articles,
      AtomicLong withMentions,
      AtomicLong changed)
      throws IOException {
    var stored = leaf.reader().storedFields();
    var live = leaf.reader().getLiveDocs();
    BinaryDocValues hashes = leaf.reader().getBinaryDocValues(Fields.CONTENT_HASH);
    for (int d = start; d < end; d++) {
      if (live != null && !live.get(d)) {
        continue;
      }
      articles.incrementAndGet();
      Document doc = stored.document(d);
      List<org.morgue.entity.Mention> found = StoredMentions.decodeFound(doc.get(Fields.MENTIONS));
      if (found.isEmpty()) {
        continue;
      }
      withMentions.incrementAndGet();
      Article article = StoredArticles.article(doc);
      ArticleText text = ArticleText.of(article, doc.get(Fields.COPY_OF) != null);
      ArticleEntities entities = finder.resolve(text, found, stats);
      if (withStatistics && sameNames(doc, entities)) {
        continue;
      }
      String hash =
          hashes != null && hashes.advanceExact(d) ? hashes.binaryValue().utf8ToString() : "";
      ArticleDocuments.Extra extra =
          new ArticleDocuments.Extra(
              doc.get(Fields.FINGERPRINT), doc.get(Fields.COPY_OF), hash, doc.get(Fields.ORIGIN));
      writer.updateDocument(
          new Term(Fields.ID, article.id()),
          documents.toDocument(article, extra, entities, finder.facts(text, found)));
      changed.incrementAndGet();
    }
  }

  private static boolean sameNames(Document doc, ArticleEntities entities) {
    Map<String, List<String>> stored = StoredArticles.entities(doc);
    for (EntityType type : EntityType.values()) {
      if (!stored.get(type.facet()).equals(entities.names(type))) {
        return false;
      }
    }
    return true;
  }

  // --- copies from another backend ----------------------------------------------------------

  /**
   * Every live article of the index by id, with its {@linkplain Fingerprints#copyHash copy hash}
   * (its content hash and its names; {@code ""} when it has no content hash): what a copy from
   * another backend compares to know what to send.
   */
  public Map<String, String> copyHashes() throws IOException {
    Map<String, String> out = new HashMap<>();
    try (DirectoryReader reader = DirectoryReader.open(writer)) {
      for (LeafReaderContext leaf : reader.leaves()) {
        var live = leaf.reader().getLiveDocs();
        var stored = leaf.reader().storedFields();
        BinaryDocValues hashes = leaf.reader().getBinaryDocValues(Fields.CONTENT_HASH);
        for (int d = 0; d < leaf.reader().maxDoc(); d++) {
          if (live != null && !live.get(d)) {
            continue;
          }
          Document doc = stored.document(d, Fingerprints.COPY_FIELDS);
          String hash =
              hashes != null && hashes.advanceExact(d)
                  ? Fingerprints.copyHash(hashes.binaryValue().utf8ToString(), doc)
                  : "";
          out.put(doc.get(Fields.ID), hash);
        }
      }
    }
    return out;
  }

  /**
   * Writes an article read back from its stored fields (an OpenSearch index's copy of it), in place
   * of the one with its id: the document its ingest built, nothing extracted again. Safe from
   * several threads at once.
   */
  public void putStored(Document stored, String contentHash) throws IOException {
    String id = stored.get(Fields.ID);
    if (id == null) {
      throw new IllegalArgumentException("a stored article without an id");
    }
    writer.updateDocument(new Term(Fields.ID, id), documents.fromStored(stored, contentHash));
  }

  /** Deletes the articles {@code ids}. */
  public void deleteIds(java.util.Collection<String> ids) throws IOException {
    List<Term> terms = new ArrayList<>(ids.size());
    for (String id : ids) {
      terms.add(new Term(Fields.ID, id));
    }
    writer.deleteDocuments(terms.toArray(Term[]::new));
  }

  /**
   * Commits what was put and deleted so far, as an ingest commits (the schema, the time): a copy
   * that stops keeps every commit, and a run again sends only what is still missing. The articles
   * put carry no name facts, so the commit does not say that they do.
   */
  public void commitCopy() throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put("morgue.schema", Integer.toString(Fields.SCHEMA_VERSION));
    data.put("morgue.lastIngest", Instant.now().toString());
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  /** The archive this ingester writes. */
  public IndexLayout layout() {
    return layout;
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      directory.close();
    }
  }
}

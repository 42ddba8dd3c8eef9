package org.morgue.index;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.morgue.article.Location;
import org.morgue.article.Reason;

/** The counters and problems of one ingest; safe to update from several threads. */
public final class IngestReport {
  /** At most this many problems are kept for the report file; all are counted. */
  static final int MAX_LISTED = 200_000;

  /** One rejected input, or a warning on an indexed article. */
  public record Problem(Location where, Reason reason, String detail) {}

  final AtomicLong read = new AtomicLong();
  final AtomicLong added = new AtomicLong();
  final AtomicLong replaced = new AtomicLong();
  final AtomicLong unchanged = new AtomicLong();
  final AtomicLong duplicates = new AtomicLong();
  private final Map<Reason, AtomicLong> byReason = new EnumMap<>(Reason.class);
  private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());
  private Duration elapsed = Duration.ZERO;
  private int skippedFiles;
  private List<String> skippedNames = List.of();
  private long docsInIndex;

  IngestReport() {
    for (Reason r : Reason.values()) {
      byReason.put(r, new AtomicLong());
    }
  }

  void problem(Location where, Reason reason, String detail) {
    byReason.get(reason).incrementAndGet();
    if (problems.size() < MAX_LISTED) {
      problems.add(new Problem(where, reason, detail));
    }
  }

  void finish(Duration elapsed, int skippedFiles, List<String> skippedNames, long docsInIndex) {
    this.skippedNames = List.copyOf(skippedNames);
    this.elapsed = elapsed;
    this.skippedFiles = skippedFiles;
    this.docsInIndex = docsInIndex;
  }

  /** Articles read (parsed, whatever became of them). */
  public long read() {
    return read.get();
  }

  /** Articles new to the index. */
  public long added() {
    return added.get();
  }

  /** Articles whose id was indexed before with other content. */
  public long replaced() {
    return replaced.get();
  }

  /** Articles indexed before with the same content: skipped. */
  public long unchanged() {
    return unchanged.get();
  }

  /**
   * Articles whose normalised text was already indexed under another id (marked as wire copies).
   */
  public long duplicates() {
    return duplicates.get();
  }

  /**
   * Inputs rejected for {@code reason} (or, for {@link Reason#NO_DATE}, indexed with a warning).
   */
  public long count(Reason reason) {
    return byReason.get(reason).get();
  }

  /** All inputs rejected, for any reason. */
  public long rejected() {
    return byReason.entrySet().stream()
        .filter(e -> e.getKey().rejects())
        .mapToLong(e -> e.getValue().get())
        .sum();
  }

  /** The problems, in the order they were met (at most {@value #MAX_LISTED}). */
  public List<Problem> problems() {
    synchronized (problems) {
      return List.copyOf(problems);
    }
  }

  public Duration elapsed() {
    return elapsed;
  }

  /** Files of other types passed over in walked directories. */
  public int skippedFiles() {
    return skippedFiles;
  }

  /** Articles in the index after this ingest. */
  public long docsInIndex() {
    return docsInIndex;
  }

  /**
   * Writes the problems as tab-separated lines: {@code status, reason, file, line, detail}, where
   * status is {@code rejected} or {@code indexed} (a warning).
   */
  public void writeProblems(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("status\treason\tfile\tline\tdetail\n");
      for (Problem p : problems()) {
        w.write(
            String.join(
                "\t",
                p.reason().rejects() ? "rejected" : "indexed",
                p.reason().label(),
                clean(p.where().file().toString()),
                Integer.toString(p.where().line()),
                clean(p.detail())));
        w.write('\n');
      }
    }
  }

  private static String clean(String s) {
    return s == null ? "" : s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }

  /** The end-of-ingest summary, a fixed-width table. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    row(b, "read", read());
    row(b, "added", added());
    row(b, "replaced", replaced());
    row(b, "unchanged", unchanged());
    row(b, "wire copies", duplicates());
    row(b, "rejected", rejected());
    for (Reason r : Reason.values()) {
      if (r.rejects() && count(r) > 0) {
        row(b, "  " + r.label(), count(r));
      }
    }
    if (count(Reason.NO_DATE) > 0) {
      row(b, "indexed without date", count(Reason.NO_DATE));
    }
    if (skippedFiles > 0) {
      row(b, "other files skipped", skippedFiles);
      b.append("  (not .txt, .jsonl or .ndjson: ")
          .append(String.join(", ", skippedNames))
          .append(skippedFiles > skippedNames.size() ? ", ...)" : ")")
          .append('\n');
    }
    row(b, "in the index", docsInIndex);
    double secs = elapsed.toMillis() / 1000.0;
    b.append(String.format(Locale.ROOT, "%-24s %10.1f s", "elapsed", secs));
    if (secs > 0) {
      b.append(String.format(Locale.ROOT, " (%.0f articles/s)", read() / secs));
    }
    b.append('\n');
    return b.toString();
  }

  private static void row(StringBuilder b, String label, long n) {
    b.append(String.format(Locale.ROOT, "%-24s %,10d%n", label, n));
  }
}

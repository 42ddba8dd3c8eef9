package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.FilterDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ingest into a disk that fills up (a directory that refuses writes past a budget of bytes, as a
 * full file system does): it ends with a clear error, the index opens at its last commit, and the
 * same ingest run again once there is space completes it, without duplicates.
 */
class FullDiskTest {
  @TempDir Path tmp;

  /** Bytes the disk still takes; writes past it fail as a full disk's do. */
  private final AtomicLong free = new AtomicLong(Long.MAX_VALUE);

  private Directory limited(Directory d) {
    return new FilterDirectory(d) {
      @Override
      public IndexOutput createOutput(String name, IOContext context) throws IOException {
        return new Limited(super.createOutput(name, context));
      }

      @Override
      public IndexOutput createTempOutput(String prefix, String suffix, IOContext context)
          throws IOException {
        return new Limited(super.createTempOutput(prefix, suffix, context));
      }
    };
  }

  private final class Limited extends IndexOutput {
    private final IndexOutput in;

    Limited(IndexOutput in) {
      super("limited(" + in + ")", in.getName());
      this.in = in;
    }

    private void take(long n) throws IOException {
      if (free.addAndGet(-n) < 0) {
        free.set(0);
        throw new IOException("No space left on device");
      }
    }

    @Override
    public void writeByte(byte b) throws IOException {
      take(1);
      in.writeByte(b);
    }

    @Override
    public void writeBytes(byte[] b, int offset, int length) throws IOException {
      take(length);
      in.writeBytes(b, offset, length);
    }

    @Override
    public long getFilePointer() {
      return in.getFilePointer();
    }

    @Override
    public long getChecksum() throws IOException {
      return in.getChecksum();
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  private static Path corpus(Path dir, String name, int from, int to) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int i = from; i < to; i++) {
      lines
          .append("{\"id\": \"d")
          .append(i)
          .append("\", \"date\": \"2021-05-03\", \"title\": \"Report number ")
          .append(i)
          .append("\", \"body\": \"Paragraph about item ")
          .append(i)
          .append(" and word")
          .append(i * 7919 % 100_003)
          .append(" with more text to fill the index a little.\"}\n");
    }
    return TestArchives.write(dir, name, lines.toString());
  }

  private IngestReport ingest(IndexLayout layout, Path... inputs) throws IOException {
    Ingester.Options options =
        Ingester.Options.defaults().withThreads(2).withCommitInterval(Duration.ofMillis(1));
    try (Ingester ingester = new Ingester(layout, options, this::limited)) {
      return ingester.ingest(List.of(inputs), Ingester.Progress.NONE);
    }
  }

  @Test
  void aFullDiskEndsTheIngestClearlyAndTheSameIngestCompletesOnceThereIsSpace() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    Path first = corpus(tmp.resolve("in"), "a.jsonl", 0, 1_000);
    Path second = corpus(tmp.resolve("in"), "b.jsonl", 1_000, 4_000);
    assertEquals(1_000, ingest(layout, first).added());

    free.set(300_000);
    IOException full =
        assertThrows(
            IOException.class,
            () -> {
              try (Ingester ingester =
                  new Ingester(
                      layout,
                      Ingester.Options.defaults()
                          .withThreads(2)
                          .withCommitInterval(Duration.ofMillis(1)),
                      this::limited)) {
                ingester.ingest(List.of(first, second), Ingester.Progress.NONE);
              }
            });
    assertTrue(
        full.getMessage().startsWith("the disk is full (No space left on device)"),
        full.getMessage());
    assertTrue(
        full.getMessage().endsWith("free some space and run the same ingest again to complete it"),
        full.getMessage());

    // the index opens at its last commit: clean, every article once, at least what was there
    int kept = TestArchives.storedById(layout).size();
    assertTrue(kept >= 1_000 && kept < 4_000, "kept " + kept);
    try (Directory d = FSDirectory.open(layout.lucene());
        CheckIndex check = new CheckIndex(d)) {
      assertTrue(check.checkIndex().clean);
    }

    free.set(Long.MAX_VALUE);
    IngestReport again = ingest(layout, first, second);
    assertEquals(4_000, TestArchives.storedById(layout).size());
    assertEquals(4_000, again.unchanged() + again.added());
    assertEquals(0, again.rejected());
  }
}

package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill in the middle of an ingest leaves an index that opens at its last commit, and running the
 * same ingest again completes it with no duplicates (issue 2, point 8).
 *
 * <p>The ingest runs in a child JVM through {@code org.morgue.cli.Main}, which announces each
 * commit ({@code -Dmorgue.announceCommits=true}); once one is announced, the child is killed with
 * SIGKILL.
 */
class KilledIngestIT {
  /** Enough articles for the child to run for several seconds on one thread. */
  static final int TOTAL = 20_000;

  /**
   * The child is killed once it announces a commit of at least this many articles, not just one: an
   * announcement can count more than its commit made durable (see the disabled test below), and a
   * few hundred leave no doubt that the commit on disk holds some.
   */
  static final int KILL_AFTER = 500;

  private static final Pattern COMMITTED = Pattern.compile("committed (\\d+)");

  @TempDir Path tmp;

  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aKilledIngestOpensAtItsLastCommitAndARerunCompletesItWithoutDuplicates() throws Exception {
    Path corpus = generateCorpus(tmp.resolve("generated.jsonl"), TOTAL);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));

    Process child = startIngest(corpus, layout);
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = drain(child, lines);
    long announced = waitForCommit(child, lines);
    child.destroyForcibly();
    assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed child ends");
    reader.join(10_000);
    List<String> output = new ArrayList<>();
    lines.drainTo(output);
    assertTrue(
        output.stream().noneMatch(l -> l.startsWith("in the index")),
        "the child was killed before it finished: " + output);

    long committed;
    try (Directory dir = FSDirectory.open(layout.lucene());
        DirectoryReader index = DirectoryReader.open(dir)) {
      committed = index.numDocs();
    }
    assertTrue(
        committed >= 1 && committed <= TOTAL - 1,
        "the last commit holds part of the corpus: "
            + committed
            + " (announced "
            + announced
            + ")");

    IngestReport rerun;
    try (Ingester ingester = new Ingester(layout, Ingester.Options.defaults())) {
      rerun = ingester.ingest(List.of(corpus), Ingester.Progress.NONE);
    }
    assertEquals(TOTAL, rerun.read());
    assertEquals(committed, rerun.unchanged(), "what the killed run committed is skipped");
    assertEquals(TOTAL - committed, rerun.added());
    assertEquals(0, rerun.replaced());
    assertEquals(0, rerun.duplicates());
    assertEquals(0, rerun.rejected());
    assertEquals(TOTAL, rerun.docsInIndex());

    Set<String> ids = TestArchives.storedById(layout).keySet(); // fails on an id indexed twice
    assertEquals(TOTAL, ids.size());
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < TOTAL; i++) {
      expected.add(id(i));
    }
    assertEquals(expected, ids);
  }

  private static String id(int i) {
    return String.format(Locale.ROOT, "gen-%05d", i);
  }

  /** Writes {@code n} invented articles, each with its own words, as JSON Lines. */
  static Path generateCorpus(Path file, int n) throws IOException {
    String[] words = {
      "council",
      "river",
      "harbour",
      "minister",
      "market",
      "storm",
      "bridge",
      "school",
      "election",
      "village",
      "festival",
      "budget",
      "railway",
      "hospital",
      "museum",
      "farmers",
      "court",
      "police",
      "volunteers",
      "engineers",
      "weather",
      "mountain",
      "coast",
      "island",
      "factory",
      "workers",
      "library",
      "garden",
      "station",
      "airport",
      "ferry",
      "orchestra",
      "league",
      "stadium",
      "drought",
      "harvest",
      "tourists",
      "students",
      "teachers",
      "doctors",
      "nurses",
      "mayor",
      "parliament",
      "treaty",
      "border",
      "trade",
      "prices",
      "wages",
      "housing",
      "energy",
      "solar",
      "wind",
      "forest",
      "wildlife",
      "fishing",
      "cargo",
      "tunnel",
      "highway",
      "canal",
      "castle",
      "cathedral",
      "archive"
    };
    String[] verbs = {
      "opened",
      "closed",
      "reported",
      "announced",
      "rejected",
      "approved",
      "delayed",
      "celebrated",
      "visited",
      "rebuilt",
      "inspected",
      "expanded"
    };
    Random random = new Random(20211117L);
    String[] sections = {"WORLD", "POLITICS", "BUSINESS", "SPORT", "CULTURE"};
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 3; p++) {
          if (p > 0) {
            body.append("\\n\\n");
          }
          for (int s = 0; s < 4; s++) {
            body.append("The ")
                .append(words[random.nextInt(words.length)])
                .append(' ')
                .append(verbs[random.nextInt(verbs.length)])
                .append(" the ")
                .append(words[random.nextInt(words.length)])
                .append(" near the ")
                .append(words[random.nextInt(words.length)])
                .append(" on day ")
                .append(random.nextInt(1000))
                .append(" of report ")
                .append(i)
                .append(". ");
          }
        }
        out.write(
            String.format(
                Locale.ROOT,
                "{\"id\": \"%s\", \"date\": \"20%02d-%02d-%02d\", \"section\": \"%s\", \"title\": \"The %s %s the %s\","
                    + " \"authors\": [\"Reporter %d\"], \"source\": \"Generated\", \"body\": \"%s\"}%n",
                id(i),
                10 + random.nextInt(12),
                1 + random.nextInt(12),
                1 + random.nextInt(28),
                sections[random.nextInt(sections.length)],
                words[random.nextInt(words.length)],
                verbs[random.nextInt(verbs.length)],
                words[random.nextInt(words.length)],
                random.nextInt(50),
                body));
      }
    }
    return file;
  }

  /**
   * Starts {@code morgue ingest} in a child JVM on this test's class path, one thread, commits
   * every 0.2 s.
   */
  private Process startIngest(Path corpus, IndexLayout layout) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-Xmx512m",
            "-Dmorgue.announceCommits=true",
            "-cp",
            System.getProperty("java.class.path"),
            "org.morgue.cli.Main",
            "ingest",
            corpus.toString(),
            "--index",
            layout.root().toString(),
            "--commit-every",
            "0.2",
            "--threads",
            "1",
            "--no-entities", // as the in-process re-run, which is what makes its articles unchanged
            "--quiet");
    pb.redirectError(tmp.resolve("child-stderr.txt").toFile());
    return pb.start();
  }

  /** Copies the child's output lines into {@code lines} until it ends. */
  private static Thread drain(Process child, BlockingQueue<String> lines) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the child was killed
              }
            },
            "child-output");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Waits for the child to announce a commit of {@link #KILL_AFTER} articles or more; returns the
   * number.
   */
  private long waitForCommit(Process child, BlockingQueue<String> lines) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(100, TimeUnit.MILLISECONDS);
      if (line != null) {
        Matcher m = COMMITTED.matcher(line);
        if (m.matches() && Long.parseLong(m.group(1)) >= KILL_AFTER) {
          return Long.parseLong(m.group(1));
        }
      } else if (!child.isAlive()) {
        fail(
            "the child ended before a commit, exit "
                + child.exitValue()
                + ": "
                + Files.readString(tmp.resolve("child-stderr.txt")));
      }
    }
    child.destroyForcibly();
    fail("no commit announced in 60 s");
    return -1;
  }

  @Test
  void commitAnnouncementsCountWhatTheCommitMadeDurable() throws IOException {
    Path corpus = generateCorpus(tmp.resolve("generated.jsonl"), 1_000);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    List<String> mismatches = new ArrayList<>();
    int[] commits = {0};
    try (Ingester ingester =
            new Ingester(
                layout,
                Ingester.Options.defaults()
                    .withThreads(1)
                    .withCommitInterval(Duration.ofMillis(20)));
        Directory dir = FSDirectory.open(layout.lucene())) {
      ingester.onCommit(
          announced -> {
            commits[0]++;
            try (DirectoryReader lastCommit = DirectoryReader.open(dir)) {
              if (lastCommit.numDocs() != announced) {
                mismatches.add("announced " + announced + ", committed " + lastCommit.numDocs());
              }
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
      ingester.ingest(List.of(corpus), Ingester.Progress.NONE);
    }
    assertTrue(commits[0] > 2, "several commits: " + commits[0]);
    assertEquals(List.of(), mismatches);
  }

  @Test
  void theGeneratedCorpusHasTotalDistinctArticles() throws IOException {
    Path corpus = generateCorpus(tmp.resolve("small.jsonl"), 50);
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    IngestReport report = TestArchives.ingest(layout, corpus);
    assertEquals(50, report.added());
    assertEquals(0, report.duplicates(), "no two generated bodies are alike");
    assertEquals(0, report.rejected());
    assertNotNull(TestArchives.storedById(layout).get("gen-00049"));
  }
}

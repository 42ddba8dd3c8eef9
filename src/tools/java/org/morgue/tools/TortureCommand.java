package org.morgue.tools;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.morgue.cli.Main;
import org.morgue.http.MorgueServer;
import org.morgue.index.IndexLayout;
import org.morgue.index.IngestReport;
import org.morgue.index.Ingester;
import org.morgue.saved.SavedSearches;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue dev torture}: the reliability run, bounded in time and on loopback only. Kills
 * ingests at random moments (then checks the index and that the same ingest completes it exactly),
 * ingests malformed inputs mixed with good ones, sends hostile requests to a server, and saturates
 * it with clients; prints one table and exits 1 on any loss, crash, 5xx or hang.
 */
@Command(
    name = "torture",
    mixinStandardHelpOptions = true,
    description =
        "Reliability run on loopback: kill -9 trials of ingest, malformed inputs, hostile requests,"
            + " a saturation run; one table of figures, exit 1 on any loss, crash, 5xx or hang.")
public final class TortureCommand implements Callable<Integer> {
  @Option(names = "--kills", description = "kill -9 trials of ingest (default: ${DEFAULT-VALUE}).")
  int kills = 20;

  @Option(
      names = "--malformed",
      description = "Malformed records and files (default: ${DEFAULT-VALUE}).")
  int malformed = 5_000;

  @Option(names = "--hostile", description = "Hostile requests (default: ${DEFAULT-VALUE}).")
  int hostile = 1_000;

  @Option(
      names = "--clients",
      description = "Clients of the saturation run (default: ${DEFAULT-VALUE}).")
  int clients = 50;

  @Option(
      names = "--seconds",
      description = "Length of the saturation run (default: ${DEFAULT-VALUE}).")
  int seconds = 20;

  @Option(names = "--seed", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 14;

  @Option(
      names = "--work",
      paramLabel = "DIR",
      description = "A folder for the archives (default: a new temporary folder).")
  Path work;

  /** Articles of the good corpus. */
  static final int GOOD = 3_000;

  /** Articles of the corpus the killed ingests read: a few seconds of one thread's work. */
  static final int KILL_CORPUS = 20_000;

  private final List<String[]> rows = new ArrayList<>();
  private final List<String> failures = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    boolean temporary = work == null;
    if (temporary) {
      work = Files.createTempDirectory("morgue-torture");
    }
    Random random = new Random(seed);
    Path corpus = goodCorpus(work.resolve("good.jsonl"), GOOD);
    long start = System.nanoTime();
    killTrials(goodCorpus(work.resolve("kill.jsonl"), KILL_CORPUS), random);
    IndexLayout archive = malformedInputs(corpus, random);
    try (ArchiveSearcher searcher = ArchiveSearcher.open(archive);
        MorgueServer server =
            new MorgueServer(searcher, null, new SavedSearches(archive.saved()), null)
                .start("127.0.0.1", 0)) {
      hostileRequests(server.port(), random);
      saturation(server.port(), searcher);
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-34s %s%n", "check", "figures");
    for (String[] row : rows) {
      System.out.printf(Locale.ROOT, "%-34s %s%n", row[0], row[1]);
    }
    System.out.printf(Locale.ROOT, "%-34s %.0f s%n", "elapsed", (System.nanoTime() - start) / 1e9);
    if (failures.isEmpty()) {
      System.out.println("result                             PASS");
      if (temporary) {
        deleteTree(work);
      }
      return 0;
    }
    System.out.println("result                             FAIL");
    failures.forEach(f -> System.out.println("  " + f));
    System.out.println("the archives are kept in " + work);
    return 1;
  }

  private void row(String check, String figures) {
    rows.add(new String[] {check, figures});
    System.out.printf(Locale.ROOT, "%s: %s%n", check, figures);
  }

  // --- corpora --------------------------------------------------------------------------------

  private static String good(int i) {
    return "{\"id\": \"g"
        + i
        + "\", \"date\": \"2021-0"
        + (1 + i % 9)
        + "-1"
        + (i % 9)
        + "\", \"section\": \"S"
        + (i % 7)
        + "\", \"title\": \"Report "
        + i
        + " on harbour and border\", \"authors\": [\"Ann Lee\", \"Bo Chan\"], \"body\": \"Paragraph"
        + " about item "
        + i
        + " with word"
        + (i * 7919 % 100_003)
        + " and the ceasefire talks.\\n\\nA second paragraph.\"}";
  }

  private static Path goodCorpus(Path file, int n) throws IOException {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(good(i)).append('\n');
    }
    return Files.writeString(file, b, StandardCharsets.UTF_8);
  }

  // --- kill -9 --------------------------------------------------------------------------------

  private void killTrials(Path corpus, Random random) throws Exception {
    int clean = 0;
    int exact = 0;
    long killedAtMin = Long.MAX_VALUE;
    long killedAtMax = 0;
    int endedBeforeKill = 0;
    // the kills fall between the first commit and the end: how long that is, from one whole run
    long window = Math.max(200, (long) (0.9 * firstCommitToEnd(corpus)));
    for (int trial = 0; trial < kills; trial++) {
      IndexLayout layout = new IndexLayout(work.resolve("kill-" + trial));
      Process child = startIngest(corpus, layout);
      awaitFirstCommit(child);
      boolean ended = child.waitFor(random.nextLong(window), TimeUnit.MILLISECONDS);
      child.destroyForcibly();
      if (ended) {
        endedBeforeKill++;
      }
      if (!child.waitFor(30, TimeUnit.SECONDS)) {
        failures.add("kill trial " + trial + ": the child did not die");
        continue;
      }
      long committed = 0;
      if (Files.isDirectory(layout.lucene())) {
        try (Directory d = FSDirectory.open(layout.lucene())) {
          if (DirectoryReader.indexExists(d)) {
            try (CheckIndex check = new CheckIndex(d)) {
              check.setInfoStream(null);
              if (check.checkIndex().clean) {
                clean++;
              } else {
                failures.add("kill trial " + trial + ": CheckIndex found problems");
              }
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
              committed = r.numDocs();
            }
          } else {
            clean++; // killed before its first commit: nothing to check
          }
        }
      } else {
        clean++;
      }
      killedAtMin = Math.min(killedAtMin, committed);
      killedAtMax = Math.max(killedAtMax, committed);
      IngestReport resumed;
      try (Ingester ingester = new Ingester(layout, Ingester.Options.defaults().withThreads(2))) {
        resumed = ingester.ingest(List.of(corpus), Ingester.Progress.NONE);
      }
      if (resumed.docsInIndex() == KILL_CORPUS
          && resumed.unchanged() + resumed.added() + resumed.replaced() == KILL_CORPUS
          && resumed.rejected() == 0) {
        exact++;
      } else {
        failures.add(
            "kill trial "
                + trial
                + (ended ? " (the ingest had ended)" : "")
                + ": resumed to "
                + resumed.docsInIndex()
                + " articles, not "
                + KILL_CORPUS);
      }
      deleteTree(layout.root());
    }
    row(
        "ingest kill -9 trials",
        String.format(
            Locale.ROOT,
            "%d trials (killed 0-%,d ms after the first commit; %d after the ingest's end), %d"
                + " CheckIndex clean, %d resumed exactly to %,d; committed at the kill %s",
            kills,
            window,
            endedBeforeKill,
            clean,
            exact,
            KILL_CORPUS,
            kills == 0 ? "-" : killedAtMin + "-" + killedAtMax));
  }

  /** Milliseconds from an uninterrupted ingest's first commit to its end. */
  private long firstCommitToEnd(Path corpus) throws Exception {
    IndexLayout layout = new IndexLayout(work.resolve("kill-whole"));
    Process child = startIngest(corpus, layout);
    awaitFirstCommit(child);
    long from = System.nanoTime();
    if (!child.waitFor(10, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      failures.add("kill trials: an uninterrupted ingest did not end in 10 minutes");
    }
    long ms = (System.nanoTime() - from) / 1_000_000;
    deleteTree(layout.root());
    return ms;
  }

  /** Waits for the child's first commit (or, failing it, a minute), reading what it says. */
  private static void awaitFirstCommit(Process child) throws InterruptedException {
    java.io.BufferedReader out =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    java.util.concurrent.CountDownLatch firstCommit = new java.util.concurrent.CountDownLatch(1);
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                for (String line; (line = out.readLine()) != null; ) {
                  if (line.startsWith("committed ")) {
                    firstCommit.countDown();
                  }
                }
              } catch (IOException e) {
                // killed
              }
            });
    firstCommit.await(60, TimeUnit.SECONDS);
  }

  private Process startIngest(Path corpus, IndexLayout layout) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-Xmx256m",
            "-Dmorgue.announceCommits=true",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "ingest",
            corpus.toString(),
            "--index",
            layout.root().toString(),
            "--commit-every",
            "0.1",
            "--threads",
            "1",
            "--no-entities",
            "--quiet")
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  // --- malformed inputs -----------------------------------------------------------------------

  /** Kinds of malformed JSON lines; each is rejected. */
  private static String badLine(int kind, int i, Random random) {
    return switch (kind) {
      case 0 -> "{not json " + i;
      case 1 -> "[1, 2, " + i + "]";
      case 2 -> "{\"title\": \"no id " + i + "\", \"body\": \"x\"}";
      case 3 -> "{\"id\": \"b" + i + "\", \"body\": \"no title\"}";
      case 4 -> "{\"id\": \"" + "x".repeat(33_000) + i + "\", \"title\": \"t\", \"body\": \"b\"}";
      case 5 ->
          "{\"id\": \"s"
              + i
              + "\", \"title\": \"t\", \"body\": \"b\", \"section\": \""
              + "s".repeat(40_000)
              + "\"}";
      case 6 -> "{\"id\": \"a" + i + "\", \"title\": \"t\", \"body\": \"b\", \"authors\": [1, 2]}";
      case 7 -> {
        StringBuilder names = new StringBuilder();
        for (int n = 0; n < 5_000; n++) {
          names.append(n == 0 ? "" : ",").append("\"N").append(n).append('"');
        }
        yield "{\"id\": \"m"
            + i
            + "\", \"title\": \"t\", \"body\": \"b\", \"authors\": ["
            + names
            + "]}";
      }
      case 8 -> "{\"id\": \"o" + i + "\", \"title\": {\"x\": 1}, \"body\": \"b\"}";
      case 9 -> "{\"id\": \"t" + i + "\", \"title\": \"t\"} {\"id\": \"u" + i + "\"}";
      case 10 -> "{\"id\": \"e" + i + "\", \"title\": \"t\", \"body\": \"   \"}";
      default -> {
        byte[] junk = new byte[20 + random.nextInt(200)];
        random.nextBytes(junk);
        yield "{\"id\": \"" + new String(junk, StandardCharsets.ISO_8859_1).replace('"', 'q');
      }
    };
  }

  private IndexLayout malformedInputs(Path corpus, Random random) throws Exception {
    Path in = Files.createDirectories(work.resolve("malformed"));
    int files = Math.min(200, malformed / 10);
    int lines = malformed - files;
    int goodLines = Math.max(1, lines / 5);
    StringBuilder mixed = new StringBuilder();
    int g = 0;
    for (int i = 0; i < lines; i++) {
      mixed.append(badLine(i % 12, i, random)).append('\n');
      if (i % 5 == 0 && g < goodLines) {
        mixed.append(good(GOOD + g++)).append('\n');
      }
    }
    Files.writeString(in.resolve("mixed.jsonl"), mixed, StandardCharsets.ISO_8859_1);
    int badFiles = 0;
    for (int f = 0; f < files; f++) {
      Path p = in.resolve(String.format(Locale.ROOT, "bad-%04d", f));
      switch (f % 8) {
        case 0 -> Files.write(p.resolveSibling(p.getFileName() + ".txt"), new byte[0]);
        case 1 -> {
          byte[] bin = new byte[512];
          random.nextBytes(bin);
          bin[3] = 0;
          Files.write(p.resolveSibling(p.getFileName() + ".txt"), bin);
        }
        case 2 -> {
          java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
          try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(
                (good(900_000 + f) + "\n" + good(900_001 + f)).getBytes(StandardCharsets.UTF_8));
          }
          byte[] all = bytes.toByteArray();
          Files.write(
              p.resolveSibling(p.getFileName() + ".jsonl.gz"),
              java.util.Arrays.copyOf(all, all.length / 3));
        }
        case 3 ->
            Files.write(
                p.resolveSibling(p.getFileName() + ".txt"),
                "Caf\u00e9 au lait\n\nLatin-1 body\n".getBytes(StandardCharsets.ISO_8859_1));
        case 4 ->
            Files.createSymbolicLink(
                p.resolveSibling(p.getFileName() + ".txt"), Path.of("nowhere-" + f));
        case 5 -> Files.createDirectories(p.resolveSibling(p.getFileName() + "-dir.jsonl"));
        case 6 -> {
          Path fifo = p.resolveSibling(p.getFileName() + ".jsonl");
          Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
          if (mk.waitFor() != 0) {
            Files.writeString(fifo, "{broken");
          }
        }
        default -> Files.writeString(p.resolveSibling(p.getFileName() + ".txt"), "Title only\n");
      }
      badFiles++;
    }
    IndexLayout layout = new IndexLayout(work.resolve("archive"));
    ExecutorService one = Executors.newSingleThreadExecutor();
    long t0 = System.nanoTime();
    Future<IngestReport> run =
        one.submit(
            () -> {
              try (Ingester ingester =
                  new Ingester(layout, Ingester.Options.defaults().withThreads(2))) {
                ingester.ingest(List.of(corpus), Ingester.Progress.NONE);
                return ingester.ingest(List.of(in), Ingester.Progress.NONE);
              }
            });
    IngestReport r;
    try {
      r = run.get(300, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      failures.add("malformed inputs: the ingest hung (over 300 s)");
      one.shutdownNow();
      row("malformed inputs", "HUNG");
      return layout;
    } catch (java.util.concurrent.ExecutionException e) {
      failures.add("malformed inputs: the ingest failed: " + e.getCause());
      one.shutdownNow();
      row("malformed inputs", "CRASHED: " + e.getCause());
      return layout;
    }
    one.shutdown();
    long expected = GOOD + g;
    if (r.docsInIndex() != expected || r.added() != g) {
      failures.add(
          "malformed inputs: " + r.docsInIndex() + " articles in the index, not " + expected);
    }
    row(
        "malformed inputs",
        String.format(
            Locale.ROOT,
            "%,d malformed lines and %,d bad files among %,d good records: %,d rejected, %,d added,"
                + " %,d in the index (expected %,d), %.1f s",
            lines,
            badFiles,
            g,
            r.rejected(),
            r.added(),
            r.docsInIndex(),
            expected,
            (System.nanoTime() - t0) / 1e9));
    return layout;
  }

  // --- hostile requests -----------------------------------------------------------------------

  private static final String[] HOSTILE_PATHS = {
    "/api/search?q=%ZZ",
    "/api/search?q=" + "a".repeat(1_200),
    "/api/search?q=*leading",
    "/api/search?q=a*",
    "/api/search?q=%22unclosed",
    "/api/search?q=(((((",
    "/api/search?q=/.*/",
    "/api/search?q=date:2021-13-45",
    "/api/search?from=yesterday",
    "/api/search?page=999999999999",
    "/api/search?size=-1",
    "/api/search?sort=%00",
    "/api/search?q=" + "fuzzy~+".repeat(30),
    "/api/search?not.nothing=x",
    "/api/search.csv?q=a*",
    "/api/search.atom?q=%3Cscript%3E",
    "/api/articles/%00",
    "/api/articles/" + "x".repeat(2_000),
    "/api/articles/..%2F..%2Fetc%2Fpasswd",
    "/../../etc/passwd",
    "/api/facets/nope",
    "/api/facets/section?prefix=%FF",
    "/api/saved/%3Cscript%3E",
    "/api/saved/x/new?limit=0",
    "/s/%3Cscript%3E.atom",
    "/api/entities/report?top=-5",
  };

  /** One raw request; the status, or -1 for no answer within the deadline. */
  private static int raw(int port, String request) {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(15_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = s.getInputStream();
      byte[] head = in.readNBytes(12);
      String line = new String(head, StandardCharsets.ISO_8859_1);
      in.transferTo(OutputStream.nullOutputStream());
      return line.startsWith("HTTP/1.1 ") ? Integer.parseInt(line.substring(9, 12)) : 0;
    } catch (java.net.SocketTimeoutException e) {
      return -1;
    } catch (IOException | NumberFormatException e) {
      return 0; // the connection was refused or cut: no 5xx, no hang
    }
  }

  private void hostileRequests(int port, Random random) {
    String host = "127.0.0.1:" + port;
    long[] byClass = new long[6];
    int hangs = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < hostile; i++) {
      String request;
      switch (i % 8) {
        case 0, 1, 2 ->
            request =
                "GET "
                    + HOSTILE_PATHS[random.nextInt(HOSTILE_PATHS.length)]
                    + " HTTP/1.1\r\nHost: "
                    + host
                    + "\r\nConnection: close\r\n\r\n";
        case 3 -> {
          byte[] q = new byte[1 + random.nextInt(60)];
          random.nextBytes(q);
          StringBuilder enc = new StringBuilder();
          for (byte b : q) {
            enc.append(String.format(Locale.ROOT, "%%%02X", b & 0xFF));
          }
          request =
              "GET /api/search?q="
                  + enc
                  + " HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nConnection: close\r\n\r\n";
        }
        case 4 ->
            request =
                "POST /api/saved HTTP/1.1\r\nHost: "
                    + host
                    + "\r\nContent-Type: text/plain\r\nContent-Length: 32\r\nConnection: close\r\n\r\n"
                    + "{\"name\":\"x\",\"query\":\"q=border\"}";
        case 5 ->
            request =
                "GET /api/search?q=border HTTP/1.1\r\nHost: rebind.evil.example\r\n"
                    + "Connection: close\r\n\r\n";
        case 6 -> {
          String body = random.nextBoolean() ? "{\"name\": 5}" : "[" + "1,".repeat(20_000) + "1]";
          request =
              "POST /api/saved HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nContent-Type: application/json\r\nOrigin: http://"
                  + host
                  + "\r\nContent-Length: "
                  + body.length()
                  + "\r\nConnection: close\r\n\r\n"
                  + body;
        }
        default ->
            request =
                "DELETE /api/saved/whatever HTTP/1.1\r\nHost: "
                    + host
                    + "\r\nOrigin: http://evil.example\r\nConnection: close\r\n\r\n";
      }
      int status = raw(port, request);
      if (status < 0) {
        hangs++;
        failures.add("hostile request hung: " + request.lines().findFirst().orElse(""));
      } else if (status >= 500 && status != 503) {
        failures.add(status + " for: " + request.lines().findFirst().orElse(""));
      }
      byClass[Math.max(0, Math.min(5, status / 100))]++;
    }
    row(
        "hostile requests",
        String.format(
            Locale.ROOT,
            "%,d sent: %,d 2xx, %,d 3xx, %,d 4xx, %,d 5xx, %d cut, %d hung, %.1f s",
            hostile,
            byClass[2],
            byClass[3],
            byClass[4],
            byClass[5],
            byClass[0],
            hangs,
            (System.nanoTime() - t0) / 1e9));
  }

  // --- saturation -----------------------------------------------------------------------------

  private static final String[] QUERIES = {
    "q=ceasefire", "q=border+harbour", "q=%22second+paragraph%22", "q=report&sort=newest",
    "q=item&section=S3", "q=talks&from=2021-03&to=2021-06", "q=ann+lee", "q=harbor~",
    "q=repo*", "",
  };

  private void saturation(int port, ArchiveSearcher searcher) throws Exception {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(clients))
            .build();
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong ok = new AtomicLong();
    AtomicLong busy = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    AtomicLong healthWorst = new AtomicLong();
    List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients + 1);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(
          pool.submit(
              () -> {
                int i = client;
                while (System.nanoTime() < end) {
                  String q = QUERIES[i++ % QUERIES.length];
                  long t = System.nanoTime();
                  try {
                    HttpResponse<Void> r =
                        http.send(
                            HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/search?" + q))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    latencies.add(System.nanoTime() - t);
                    if (r.statusCode() == 200) {
                      ok.incrementAndGet();
                    } else if (r.statusCode() == 503) {
                      busy.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (IOException | InterruptedException e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    running.add(
        pool.submit(
            () -> {
              while (System.nanoTime() < end) {
                long t = System.nanoTime();
                HttpResponse<Void> r =
                    http.send(
                        HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + port + "/api/health"))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                        HttpResponse.BodyHandlers.discarding());
                healthWorst.accumulateAndGet((System.nanoTime() - t) / 1_000_000, Math::max);
                if (r.statusCode() != 200) {
                  errors.incrementAndGet();
                }
                Thread.sleep(100);
              }
              return null;
            }));
    for (Future<?> f : running) {
      f.get(seconds + 120L, TimeUnit.SECONDS);
    }
    pool.shutdown();
    List<Long> sorted = new ArrayList<>(latencies);
    java.util.Collections.sort(sorted);
    long p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1_000_000;
    long p99 = sorted.isEmpty() ? 0 : sorted.get((int) (sorted.size() * 0.99)) / 1_000_000;
    if (errors.get() > 0) {
      failures.add("saturation: " + errors.get() + " errors (5xx or no answer)");
    }
    row(
        "saturation (HTTP)",
        String.format(
            Locale.ROOT,
            "%d clients, %d s: %,.0f requests/s answered 200, %,d 503 busy, %,d errors;"
                + " p50 %d ms, p99 %d ms; worst /api/health %d ms",
            clients,
            seconds,
            ok.get() / (double) seconds,
            busy.get(),
            errors.get(),
            p50,
            p99,
            healthWorst.get()));
    // the same queries in process, as many threads, for the same run's baseline
    long inEnd = System.nanoTime() + Duration.ofSeconds(Math.max(1, seconds / 2)).toNanos();
    AtomicLong inProcess = new AtomicLong();
    ExecutorService direct = Executors.newFixedThreadPool(clients);
    List<Future<?>> directRuns = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      directRuns.add(
          direct.submit(
              () -> {
                int i = client;
                while (System.nanoTime() < inEnd) {
                  String q = QUERIES[i++ % QUERIES.length];
                  SearchRequest r =
                      org.morgue.search.SearchParameters.parse(
                              org.morgue.search.SearchParameters.decode(q))
                          .request();
                  searcher.search(r);
                  inProcess.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : directRuns) {
      f.get(seconds + 120L, TimeUnit.SECONDS);
    }
    direct.shutdown();
    row(
        "saturation (in process)",
        String.format(
            Locale.ROOT,
            "%d threads, %d s: %,.0f searches/s",
            clients,
            Math.max(1, seconds / 2),
            inProcess.get() / (double) Math.max(1, seconds / 2)));
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (var walk = Files.walk(root)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}

package org.morgue.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.morgue.http.MorgueServer;
import org.morgue.index.IndexLayout;
import org.morgue.saved.SavedSearches;
import org.morgue.search.Archive;
import org.morgue.search.ArchiveSearcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code morgue serve}: the search API and the search page over HTTP, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the archive over HTTP until stopped (Ctrl-C): the search page at /, the API at /api/search"
          + " (also .csv, .jsonl and .atom), /api/articles/ID, /api/facets/DIMENSION, /api/stats and /api/health;"
          + " saved searches at /api/saved and /s/SLUG.",
      "An ingest that runs meanwhile is searchable within a second or two of its commit.",
    })
public final class ServeCommand implements Callable<Integer> {
  @Mixin IndexOption index = new IndexOption();
  @Mixin BackendOption backend = new BackendOption();

  @Mixin Listen listen = new Listen();

  @Option(
      names = "--time-limit",
      paramLabel = "MS",
      description =
          "Milliseconds one search may take before it is cut (default: ${DEFAULT-VALUE}).")
  long timeLimitMs = Archive.DEFAULT_TIME_LIMIT.toMillis();

  @Option(
      names = "--refresh",
      paramLabel = "MS",
      description =
          "Milliseconds between looks for a new commit of the index (default: ${DEFAULT-VALUE}).")
  long refreshMs = 500;

  /** {@code --host} and {@code --port}, shared with {@code demo}. */
  static final class Listen {
    @Option(
        names = "--host",
        paramLabel = "HOST",
        description =
            "The address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network).")
    String host = MorgueServer.DEFAULT_HOST;

    @Option(
        names = "--port",
        paramLabel = "PORT",
        description = "The port (default: ${DEFAULT-VALUE}; 0: any free port).")
    int port = MorgueServer.DEFAULT_PORT;

    @Option(
        names = "--allowed-host",
        paramLabel = "NAME",
        split = ",",
        description =
            "Another name the server answers to in a request's Host (repeatable, or comma-separated),"
                + " e.g. the machine's name when serving a network; 127.0.0.1, localhost and --host"
                + " always. Requests for other hosts get 421 (against DNS rebinding).")
    java.util.List<String> allowedHosts = new java.util.ArrayList<>();

    @Option(
        names = "--token",
        paramLabel = "TOKEN",
        description =
            "Creating, renaming and deleting saved searches need this token (Authorization: Bearer TOKEN);"
                + " default: the MORGUE_TOKEN environment variable, else none (anyone may change them).")
    String token;

    @Option(
        names = "--verbose",
        description =
            "Print every request here too (they are always written to logs/requests.log in the"
                + " archive).")
    boolean verbose;

    /**
     * Fails with a sentence when the port is not free on the host, before anything is loaded or
     * indexed (port 0, any free port, always is).
     */
    void requireFreePort() throws IOException {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port takes 0 to 65535, not " + port);
      }
      if (port == 0) {
        return;
      }
      try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
        probe.setReuseAddress(true);
        probe.bind(new java.net.InetSocketAddress(host, port));
      } catch (java.net.BindException e) {
        throw new IOException(
            "port "
                + port
                + " on "
                + host
                + " is in use (is Morgue already serving? Ctrl-C stops it); stop what uses it, or"
                + " choose another with --port N (--port 0: any free port)",
            e);
      }
    }

    /** The token: {@code --token}, else {@code MORGUE_TOKEN}, else {@code null}. */
    String token() {
      String t = token != null ? token : System.getenv("MORGUE_TOKEN");
      return t == null || t.isBlank() ? null : t.strip();
    }
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (timeLimitMs < 1 || refreshMs < 1) {
      throw new IllegalArgumentException(
          "--time-limit and --refresh take a number of milliseconds, 1 or more");
    }
    listen.requireFreePort();
    try (Serving serving =
        start(
            backend.open(index),
            listen,
            Duration.ofMillis(timeLimitMs),
            Duration.ofMillis(refreshMs),
            System.out)) {
      serving.awaitShutdown();
    }
    return 0;
  }

  /** A running server and the searcher it owns; closing stops both. */
  static final class Serving implements AutoCloseable {
    final Archive searcher;
    final MorgueServer server;
    private final RequestLogFile requests;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Serving(Archive searcher, MorgueServer server, RequestLogFile requests) {
      this.searcher = searcher;
      this.server = server;
      this.requests = requests;
    }

    /** Waits for Ctrl-C (or any other end of the JVM), then returns to be closed. */
    void awaitShutdown() throws InterruptedException {
      Runtime.getRuntime().addShutdownHook(new Thread(this::close, "morgue-shutdown"));
      stopped.await();
    }

    @Override
    public synchronized void close() {
      if (stopped.getCount() == 0) {
        return;
      }
      try {
        server.close();
        searcher.close();
        requests.close();
      } catch (IOException | RuntimeException e) {
        System.err.println("morgue: stopping: " + e.getMessage());
      } finally {
        stopped.countDown();
      }
    }
  }

  /**
   * Opens the archive and starts serving it, the web folder of Morgue's home at {@code /}, and
   * prints where.
   */
  static Serving start(
      IndexLayout layout, Listen listen, Duration timeLimit, Duration refresh, PrintStream out)
      throws IOException {
    listen.requireFreePort();
    return start(ArchiveSearcher.open(layout), listen, timeLimit, refresh, out);
  }

  /** {@link #start(IndexLayout, Listen, Duration, Duration, PrintStream)} of an open archive. */
  static Serving start(
      Archive searcher, Listen listen, Duration timeLimit, Duration refresh, PrintStream out)
      throws IOException {
    IndexLayout layout = searcher.layout();
    try {
      searcher.setTimeLimit(timeLimit);
      searcher.startRefreshing(refresh);
      searcher.startWarming(); // /api/health says "ready": true once warm
      Path web = Main.home().resolve("web");
      String token = listen.token();
      SavedSearches store = new SavedSearches(layout.saved());
      List<Path> leftovers = new java.util.ArrayList<>(store.removeLeftovers());
      Path authorityTmp = layout.root().resolve("authority.txt.tmp"); // a rule's unfinished write
      if (Files.deleteIfExists(authorityTmp)) {
        leftovers.add(authorityTmp);
      }
      for (Path leftover : leftovers) {
        out.println("  removed " + leftover + ", left by a crash");
      }
      Path logFile = layout.root().resolve("logs").resolve("requests.log");
      RequestLogFile requests = new RequestLogFile(logFile, listen.verbose ? System.err : null);
      MorgueServer server;
      try {
        server =
            new MorgueServer(searcher, web, store, token)
                .allowHosts(listen.allowedHosts)
                .requestLog(requests)
                .start(listen.host, listen.port);
      } catch (RuntimeException e) {
        requests.close();
        throw e;
      }
      try {
        searcher.awaitOpen(); // opened in the background while the server started
      } catch (IOException | RuntimeException e) {
        server.close();
        requests.close();
        throw e;
      }
      String host = listen.host.contains(":") ? "[" + listen.host + "]" : listen.host;
      String url =
          "http://"
              + ("0.0.0.0".equals(listen.host) ? "127.0.0.1" : host)
              + ":"
              + server.port()
              + "/";
      out.println(
          "Morgue serves "
              + (searcher instanceof ArchiveSearcher
                  ? layout.root()
                  : "the " + searcher.backend() + " archive (local files in " + layout.root() + ")")
              + " at "
              + url);
      out.println(
          "  API: "
              + url
              + "api/search?q=ceasefire  (also .csv, .jsonl, .atom; /api/stats, /api/health)");
      out.println(
          "  Saved searches: "
              + layout.saved()
              + (token == null
                  ? " (anyone who reaches the server may change them; --token limits that)"
                  : " (changes need the token)"));
      out.println(
          "  Requests are logged to "
              + logFile
              + (listen.verbose ? " and here" : " (--verbose: here too)"));
      out.println("  Ctrl-C stops.");
      out.flush();
      return new Serving(searcher, server, requests);
    } catch (IOException | RuntimeException e) {
      searcher.close();
      throw e;
    }
  }
}

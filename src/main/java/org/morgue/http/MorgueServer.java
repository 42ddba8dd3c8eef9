package org.morgue.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.morgue.curation.NameCuration;
import org.morgue.curation.NamesJson;
import org.morgue.curation.NamesReport;
import org.morgue.saved.SavedJson;
import org.morgue.saved.SavedSearchService;
import org.morgue.saved.SavedSearches;
import org.morgue.search.Archive;
import org.morgue.search.AtomFeed;
import org.morgue.search.Comparison;
import org.morgue.search.CsvExport;
import org.morgue.search.EntityPage;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.JsonLinesExport;
import org.morgue.search.Matrix;
import org.morgue.search.NotFoundException;
import org.morgue.search.SearchJson;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Morgue's HTTP server: the search API over an {@link ArchiveSearcher}, and the search page's
 * static files. Built unstarted; {@link #start(String, int)} listens (port 0: any free port, see
 * {@link #port()}); {@link #close()} stops it. The searcher stays the caller's to close.
 *
 * <table>
 * <caption>Routes (all GET)</caption>
 * <tr><td>{@code /api/search}</td><td>the search as JSON ({@link SearchJson#result})</td></tr>
 * <tr><td>{@code /api/search.csv}</td><td>every matching article as CSV, streamed</td></tr>
 * <tr><td>{@code /api/search.jsonl}</td><td>every matching article as JSON Lines, streamed</td></tr>
 * <tr><td>{@code /api/search.atom}</td><td>the newest {@value AtomFeed#ENTRIES} stories as an Atom feed</td></tr>
 * <tr><td>{@code /api/articles/{id}}</td><td>one article, its copies and related articles</td></tr>
 * <tr><td>{@code /api/facets/{dimension}}</td><td>a dimension's values by {@code prefix}, under the search</td></tr>
 * <tr><td>{@code /api/stats}, {@code /api/health}</td><td>the archive's facts; whether it serves</td></tr>
 * <tr><td>{@code /api/saved}, {@code /api/saved/{slug}}</td><td>saved searches: list, create (POST),
 *   read, rename (PATCH or PUT), delete (DELETE); {@code /api/saved/{slug}/new} the articles it matches
 *   that it did not when saved or last marked as seen ({@code POST ./seen})</td></tr>
 * <tr><td>{@code /s/{slug}}</td><td>a saved search: a redirect to its search, changing nothing; {@code .atom} its feed,
 *   {@code .csv} its export</td></tr>
 * <tr><td>{@code /api/entities/report}</td><td>suspected splits and junk among the names, with the
 *   rules that fix them ({@link NamesJson#report}); {@code POST /api/entities/rules} adds a rule to
 *   the authority file and applies it ({@link NameCuration#add})</td></tr>
 * <tr><td>{@code /api/concordance}, {@code /api/concordance.csv}</td><td>every occurrence of the
 *   query's words in context, a page or all as CSV ({@link QueryLanguageRoutes})</td></tr>
 * <tr><td>{@code /}</td><td>the files of the web folder (the search page)</td></tr>
 * </table>
 *
 * <p>Every search route takes the same query string ({@link SearchParameters}), as does the page at
 * {@code /}. Every error has one shape ({@link ApiError}): 400 for a bad parameter or query, 404
 * for an unknown id, dimension or route, 413 for an oversized request, 503 for an export cut by the
 * time limit, 500 only for Morgue's own faults. Every response carries the {@link SecurityHeaders}:
 * a Content-Security-Policy without inline scripts, {@code nosniff}, no referrer, no framing.
 *
 * <p>The saved-search routes read the request (slug, JSON body, {@code limit}, token), call a
 * {@link SavedSearchService} and write its answer with {@link SavedJson}.
 *
 * <pre>{@code
 * try (Archive searcher = ArchiveSearcher.open(layout);
 *     MorgueServer server = new MorgueServer(searcher, Path.of("web")).start("127.0.0.1", 0)) {
 *   URI api = URI.create("http://127.0.0.1:" + server.port() + "/api/search?q=ceasefire");
 * }
 * }</pre>
 */
public final class MorgueServer implements AutoCloseable {
  /** Where the server listens unless told otherwise: this machine only. */
  public static final String DEFAULT_HOST = "127.0.0.1";

  /** The default port. */
  public static final int DEFAULT_PORT = 7070;

  private static final Logger LOG = LoggerFactory.getLogger(MorgueServer.class);

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private final Archive searcher;
  private final QueryLanguageRoutes queryLanguage;
  private final SavedSearchService saved;
  private final NameCuration names;
  private final byte[] token;
  private final Javalin app;

  /** Where the server writes one line a request. */
  @FunctionalInterface
  public interface RequestLog {
    /**
     * One request: {@code 2026-11-25T10:00:00.123Z GET /api/search?q=x 200 12.3 ms}, with a note
     * after it when there is one ({@code (the client disconnected)}).
     */
    void log(String line);
  }

  private volatile RequestLog requestLog = line -> LOG.debug("{}", line);

  /** The longest body of a saved-search request. */
  static final int MAX_BODY_BYTES = 32 * 1024;

  /**
   * Builds the server, not yet listening.
   *
   * @param searcher what it searches
   * @param webDir the folder served at {@code /}, or {@code null} (or a missing folder) for none
   */
  public MorgueServer(Archive searcher, Path webDir) {
    this(searcher, webDir, new SavedSearches(searcher.layout().saved()), null);
  }

  /**
   * Builds the server, not yet listening, with its saved searches and, if {@code token} is not
   * {@code null}, the token that creating, renaming and deleting them require ({@code
   * Authorization: Bearer TOKEN}); reading stays open.
   */
  public MorgueServer(Archive searcher, Path webDir, SavedSearches saved, String token) {
    this(searcher, webDir, saved, new NameCuration(searcher, NameCuration.STANDARD), token);
  }

  /**
   * Builds the server, not yet listening, as {@link #MorgueServer(ArchiveSearcher, Path,
   * SavedSearches, String)} does, with the {@code names} curation its names routes use.
   */
  public MorgueServer(
      Archive searcher, Path webDir, SavedSearches saved, NameCuration names, String token) {
    this.searcher = searcher;
    this.queryLanguage = new QueryLanguageRoutes(searcher);
    this.saved = new SavedSearchService(searcher, saved);
    this.names = names;
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinJackson(JSON, false));
              config.requestLogger.http(this::log);
              config.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
              if (webDir != null && Files.isDirectory(webDir)) {
                config.staticFiles.add(
                    files -> {
                      files.hostedPath = "/";
                      files.directory = webDir.toAbsolutePath().toString();
                      files.location = Location.EXTERNAL;
                    });
              }
              config.routes.before(MorgueServer::securityHeaders);
              config.routes.before(this::checkHostAndOrigin);
              config.routes.get("/api/search", gated(this::search));
              config.routes.get("/api/search.csv", gated(this::csv));
              config.routes.get("/api/search.jsonl", gated(this::jsonLines));
              config.routes.get("/api/search.atom", gated(this::atom));
              config.routes.get("/api/articles/<id>", gated(this::article));
              config.routes.get("/api/facets/{dimension}", gated(this::facets));
              config.routes.get("/api/stats", this::stats);
              config.routes.get("/api/health", this::health);
              config.routes.get("/api/saved", gated(this::listSaved));
              config.routes.post("/api/saved", this::createSaved);
              config.routes.get("/api/saved/{slug}", gated(this::getSaved));
              config.routes.get("/api/saved/{slug}/new", gated(this::newSaved));
              config.routes.post("/api/saved/{slug}/seen", this::markSeen);
              config.routes.patch("/api/saved/{slug}", this::renameSaved);
              config.routes.put("/api/saved/{slug}", this::renameSaved);
              config.routes.delete("/api/saved/{slug}", this::deleteSaved);
              config.routes.get("/s/{slug}", gated(this::openSaved));
              // browsers ask for /favicon.ico on pages that name no icon (a feed's, a JSON answer)
              config.routes.get(
                  "/favicon.ico",
                  ctx -> ctx.redirect("/favicon.svg", HttpStatus.MOVED_PERMANENTLY));
              config.routes.get("/api/entities/report", gated(this::namesReport));
              config.routes.post("/api/entities/rules", this::addRule);
              // --- the query language's reading tools (issue 12): QueryLanguageRoutes ---------
              config.routes.get("/api/concordance", gated(queryLanguage::concordance));
              config.routes.get("/api/concordance.csv", gated(queryLanguage::concordanceCsv));
              config.routes.get("/api/terms", gated(queryLanguage::terms));
              config.routes.get("/api/batch", gated(queryLanguage::batch));
              config.routes.get("/api/batch.csv", gated(queryLanguage::batchCsv));
              // --- end of the query language's routes ---------------------------------------
              coverageRoutes(config.routes);
              config.routes.exception(
                  Refused.class,
                  (e, ctx) -> {
                    if (e.retryAfter > 0) {
                      ctx.header("Retry-After", Integer.toString(e.retryAfter));
                    }
                    new ApiError(e.status, e.getMessage(), e.header, null).send(ctx);
                  });
              config.routes.exception(
                  Unauthorized.class,
                  (e, ctx) -> {
                    ctx.header("WWW-Authenticate", "Bearer realm=\"morgue\"");
                    new ApiError(401, e.getMessage(), "Authorization", null).send(ctx);
                  });
              config.routes.exception(
                  InvalidRequestException.class,
                  (e, ctx) ->
                      new ApiError(
                              e.tooLarge() ? 413 : 400,
                              e.getMessage(),
                              e.parameter(),
                              e.position() < 0 ? null : e.position())
                          .send(ctx));
              config.routes.exception(
                  NameCuration.IndexBusyException.class,
                  (e, ctx) -> new ApiError(409, e.getMessage()).send(ctx));
              config.routes.exception(
                  NotFoundException.class,
                  (e, ctx) -> new ApiError(404, e.getMessage(), e.parameter(), null).send(ctx));
              config.routes.exception(
                  Archive.UnavailableException.class,
                  (e, ctx) -> {
                    LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
                    ctx.header("Retry-After", "5");
                    new ApiError(503, e.getMessage()).send(ctx);
                  });
              config.routes.exception(
                  Archive.UnsupportedSearchException.class,
                  (e, ctx) -> new ApiError(501, e.getMessage()).send(ctx));
              config.routes.exception(
                  Archive.ExportCutException.class,
                  (e, ctx) -> new ApiError(503, e.getMessage()).send(ctx));
              config.routes.exception(
                  HttpResponseException.class,
                  (e, ctx) ->
                      new ApiError(
                              e.getStatus(),
                              e.getStatus() == 404 ? "nothing at " + ctx.path() : e.getMessage())
                          .send(ctx));
              config.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    LOG.error("failed: {} {}", ctx.method(), ctx.path(), e);
                    new ApiError(500, "Morgue failed to answer: " + e).send(ctx);
                  });
            });
  }

  /**
   * Sends the request lines to {@code log} (by default they go to this class's logger at debug,
   * which shows nothing).
   */
  public MorgueServer requestLog(RequestLog log) {
    this.requestLog = java.util.Objects.requireNonNull(log);
    return this;
  }

  /**
   * The names the server answers to in a request's {@code Host}, beside {@code 127.0.0.1}, {@code
   * localhost}, {@code [::1]} and the address it listens on: e.g. the machine's name when it serves
   * a network. Call before {@link #start}.
   */
  public MorgueServer allowHosts(java.util.Collection<String> hosts) {
    for (String h : hosts) {
      allowedHosts.add(hostName(h.strip()));
    }
    return this;
  }

  /** Listens on {@code host}:{@code port} (0: any free port). */
  public MorgueServer start(String host, int port) {
    if (!host.equals("0.0.0.0") && !host.equals("::") && !host.isEmpty()) {
      allowedHosts.add(hostName(host.contains(":") ? "[" + host + "]" : host));
    }
    app.start(host, port);
    return this;
  }

  // --- load -----------------------------------------------------------------------------------

  /** Searches that run at once: one a core, at least two. */
  private final java.util.concurrent.Semaphore running =
      new java.util.concurrent.Semaphore(
          Math.max(2, Runtime.getRuntime().availableProcessors()), true);

  private final java.util.concurrent.atomic.AtomicInteger waiting =
      new java.util.concurrent.atomic.AtomicInteger();

  /** The most searches that wait for one to end; past it, a 503 at once. */
  private volatile int maxWaiting = 64;

  /**
   * Sets how many searches run at once and how many may wait (for tests and heavy machines); call
   * before {@link #start}.
   */
  public MorgueServer limitSearches(int concurrent, int queued) {
    if (concurrent < 1 || queued < 0) {
      throw new IllegalArgumentException("concurrent >= 1 and queued >= 0");
    }
    running.drainPermits();
    running.release(concurrent);
    maxWaiting = queued;
    return this;
  }

  /** The permits of the searches that run (for tests, to fill them). */
  java.util.concurrent.Semaphore searchSlots() {
    return running;
  }

  /** How many searches wait now. */
  int waitingSearches() {
    return waiting.get();
  }

  /** A searching route that may run only when a search slot is free (see {@link #gate}). */
  private io.javalin.http.Handler gated(io.javalin.http.Handler route) {
    return ctx -> {
      gate(ctx);
      try {
        route.handle(ctx);
      } finally {
        running.release();
      }
    };
  }

  /**
   * Takes a search slot: at once if one is free, else waiting in a bounded queue for at most the
   * time limit; a full queue or a wait past it is a 503 with {@code Retry-After}, so that the
   * server answers (its health, its page) under overload rather than letting requests pile up.
   */
  private void gate(Context ctx) throws InterruptedException {
    if (running.tryAcquire()) {
      return;
    }
    if (waiting.incrementAndGet() > maxWaiting) {
      waiting.decrementAndGet();
      throw busy("too many searches are waiting");
    }
    try {
      long ms = Math.max(1, searcher.timeLimit().toMillis());
      if (!running.tryAcquire(ms, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        throw busy("no search ended within the time limit");
      }
    } finally {
      waiting.decrementAndGet();
    }
  }

  private static Refused busy(String why) {
    return new Refused(503, "the server is busy (" + why + "); try again in a second", null, 1);
  }

  // --- who may ask ----------------------------------------------------------------------------

  /** The names the server answers to (lower case, without port; IPv6 in brackets). */
  private final Set<String> allowedHosts = java.util.concurrent.ConcurrentHashMap.newKeySet();

  {
    allowedHosts.addAll(Set.of("127.0.0.1", "localhost", "[::1]"));
  }

  /** The host name of a {@code Host} header or a name: lower case, without its port. */
  static String hostName(String host) {
    String h = host.toLowerCase(java.util.Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end < 0 ? h : h.substring(0, end + 1);
    }
    int colon = h.indexOf(':');
    if (colon >= 0 && h.indexOf(':', colon + 1) < 0) {
      h = h.substring(0, colon);
    } else if (colon >= 0) {
      h = "[" + h + "]"; // a bare IPv6 address
    }
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /**
   * Refuses what another site could make a browser send: a request for a host the server was not
   * started for (DNS rebinding: 421), a change ({@code POST}, {@code PUT}, {@code PATCH}, {@code
   * DELETE}) from a page of another origin (403), or one whose body is not {@code application/json}
   * (415: a form or {@code text/plain} needs no preflight).
   */
  private void checkHostAndOrigin(Context ctx) {
    String host = ctx.header("Host");
    if (host == null || !allowedHosts.contains(hostName(host))) {
      throw new Refused(
          421,
          "this server does not answer for the host '"
              + (host == null ? "" : ascii(host))
              + "'; start it with --allowed-host NAME to add a name",
          "Host");
    }
    String method = ctx.method().name();
    boolean write =
        method.equals("POST")
            || method.equals("PUT")
            || method.equals("PATCH")
            || method.equals("DELETE");
    if (!write) {
      return;
    }
    String origin = ctx.header("Origin");
    if (origin != null) {
      String own = ctx.scheme() + "://" + host.toLowerCase(java.util.Locale.ROOT);
      if (!origin.toLowerCase(java.util.Locale.ROOT).equals(own)) {
        throw new Refused(
            403,
            "a change must come from this server's own pages, not from " + ascii(origin),
            "Origin");
      }
    }
    if (!method.equals("DELETE")) {
      String type = ctx.header("Content-Type");
      String media =
          type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(java.util.Locale.ROOT);
      if (!media.equals("application/json")) {
        throw new Refused(
            415,
            "a change must be sent as Content-Type: application/json, not "
                + (type == null ? "nothing" : ascii(type)),
            "Content-Type");
      }
    }
  }

  /** A request refused before its route: its status, message and the header at fault. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String header;
    final int retryAfter;

    Refused(int status, String message, String header) {
      this(status, message, header, 0);
    }

    Refused(int status, String message, String header, int retryAfterSeconds) {
      super(message);
      this.status = status;
      this.header = header;
      this.retryAfter = retryAfterSeconds;
    }
  }

  /** The port it listens on, once started. */
  public int port() {
    return app.port();
  }

  /** Stops listening. */
  @Override
  public void close() {
    app.stop();
  }

  // --- routes ---------------------------------------------------------------------------------

  private void search(Context ctx) throws IOException {
    SearchParameters.Parsed p = parse(ctx, Set.of());
    SearchResult r = searcher.search(p.request()).withWarningsFirst(p.warnings());
    Map<String, Object> out = SearchJson.result(r);
    out.putAll(QueryLanguageRoutes.diagnosis(searcher, p.request(), r));
    ctx.json(out);
  }

  private void csv(Context ctx) throws IOException {
    SearchParameters.Parsed p = parse(ctx, CSV_PARAMETERS);
    String query = SearchParameters.toQueryString(p.request());
    csv(
        ctx,
        p.request(),
        "/" + (query.isEmpty() ? "" : "?" + query),
        name(p.request().q()),
        p.warnings());
  }

  /** The export's own parameters beside the search's: its columns and the byte-order mark. */
  static final Set<String> CSV_PARAMETERS = Set.of("fields", "bom");

  /**
   * Streams every article {@code request} matches as CSV, as the download {@code
   * morgue-NAME-TIME.csv} with the request's {@code warnings}; a bad request is refused before
   * anything is sent. The search's permanent link ({@code page}, a path) and the time of the export
   * travel in the headers {@code Morgue-Search} and {@code Morgue-Exported}, and the time in the
   * file's name: a CSV file has no portable place for them inside.
   */
  private void csv(
      Context ctx, SearchRequest request, String page, String name, List<String> warnings)
      throws IOException {
    searcher.validate(request);
    Map<String, List<String>> own = SearchParameters.decode(ctx.queryString());
    List<String> columns = CsvExport.columns(first(own, "fields"));
    boolean bom = flag(first(own, "bom"), "bom");
    java.time.Instant now = java.time.Instant.now();
    String time =
        java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss'Z'", java.util.Locale.ROOT)
            .withZone(java.time.ZoneOffset.UTC)
            .format(now);
    ctx.contentType("text/csv; charset=utf-8; header=present");
    ctx.header(
        "Content-Disposition", "attachment; filename=\"morgue-" + name + "-" + time + ".csv\"");
    ctx.header("Morgue-Search", ascii(ctx.scheme() + "://" + ctx.host() + page));
    ctx.header(
        "Morgue-Exported",
        java.time.format.DateTimeFormatter.ISO_INSTANT.format(
            now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    warnings(ctx, warnings);
    stream(
        ctx,
        () -> {
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
          try (CsvExport csv = new CsvExport(out, columns, bom)) {
            if (csv.needsSnippets()) {
              searcher.exportWithSnippets(request, csv::accept);
            } else {
              searcher.export(request, csv);
            }
          }
        });
  }

  /** The first value of a parameter, or {@code null}. */
  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** A yes-or-no parameter: {@code 1}, {@code true}; {@code 0}, {@code false}; blank is no. */
  private static boolean flag(String raw, String name) {
    if (raw == null || raw.isBlank()) {
      return false;
    }
    return switch (raw.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "1", "true", "yes" -> true;
      case "0", "false", "no" -> false;
      default -> throw new InvalidRequestException(name, name + " takes 1 or 0, not " + raw);
    };
  }

  /** A file name's part for a query: its words in {@code [a-z0-9]}, joined by {@code -}. */
  static String name(String q) {
    String words =
        java.text.Normalizer.normalize(q == null ? "" : q, java.text.Normalizer.Form.NFKD)
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (words.length() > 40) {
      words = words.substring(0, 40).replaceAll("-+$", "");
    }
    return words.isEmpty() ? "search" : words;
  }

  private void jsonLines(Context ctx) throws IOException {
    SearchParameters.Parsed p = parse(ctx, Set.of());
    searcher.validate(p.request());
    ctx.contentType("application/x-ndjson; charset=utf-8");
    ctx.header("Content-Disposition", "attachment; filename=\"morgue-search.jsonl\"");
    warnings(ctx, p.warnings());
    stream(
        ctx,
        () -> {
          try (JsonLinesExport jsonl = new JsonLinesExport(ctx.outputStream())) {
            searcher.export(p.request(), jsonl);
          }
        });
  }

  /** An export's warnings, in the {@code Morgue-Warnings} header (printable ASCII), if any. */
  private static void warnings(Context ctx, List<String> warnings) {
    if (!warnings.isEmpty()) {
      ctx.header("Morgue-Warnings", ascii(String.join("; ", warnings)));
    }
  }

  interface Streaming {
    void run() throws IOException;
  }

  /**
   * Streams an export. A failure before anything was sent becomes an error response; after, the
   * response is aborted, so that the client sees a broken transfer rather than a short file.
   */
  static void stream(Context ctx, Streaming streaming) throws IOException {
    try {
      streaming.run();
    } catch (IOException | UncheckedIOException e) {
      if (!ctx.res().isCommitted()) {
        ctx.res().resetBuffer();
        throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      }
      if (clientGone(e)) { // nothing to tell a client that left, and no abort to trip on
        ctx.attribute(NOTE, "the client disconnected");
        return;
      }
      LOG.warn("export of {} aborted: {}", ctx.path(), e.toString());
      ServletContextResponse.getServletContextResponse(ctx.res())
          .getServletApiResponse()
          .getServletChannel()
          .abort(e);
    }
  }

  /** Whether writing failed because the client closed the connection (it went away). */
  static boolean clientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.io.EofException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
    }
    return false;
  }

  private void atom(Context ctx) throws IOException, XMLStreamException {
    SearchParameters.Parsed p = parse(ctx, Set.of());
    String query = SearchParameters.toQueryString(p.request());
    atom(ctx, p.request(), "/api/search.atom" + (query.isEmpty() ? "" : "?" + query), null);
  }

  /**
   * The Atom feed of {@code request}, whose own address is {@code self} (a path), under {@code
   * title} (or, if {@code null}, a description of the search).
   */
  private void atom(Context ctx, SearchRequest request, String self, String title)
      throws IOException, XMLStreamException {
    SearchResult r = searcher.search(AtomFeed.feedRequest(request), false);
    if (AtomFeed.needsSnippets(r)) { // an entry without a lede is summarised by its snippet
      r = searcher.search(AtomFeed.feedRequest(request), true);
    }
    String base = ctx.scheme() + "://" + ctx.host();
    String query = SearchParameters.toQueryString(request);
    AtomFeed.Links links =
        new AtomFeed.Links(
            base + self,
            base + "/" + (query.isEmpty() ? "" : "?" + query),
            base + "/api/articles/",
            base + "/?article=");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomFeed.write(r, links, title, searcher.version().lastIngest(), out);
    ctx.contentType("application/atom+xml; charset=utf-8").result(out.toByteArray());
  }

  // --- saved searches ---------------------------------------------------------------------------

  /** A change refused for want of the token. */
  private static final class Unauthorized extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unauthorized(String message) {
      super(message);
    }
  }

  /** Refuses a change without the token, when the server has one. */
  private void requireToken(Context ctx) {
    requireToken(ctx, "changing saved searches");
  }

  /** Refuses {@code what} without the token, when the server has one. */
  private void requireToken(Context ctx, String what) {
    if (token == null) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Unauthorized(what + " needs the server's token (Authorization: Bearer TOKEN)");
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token)) {
      throw new Unauthorized("wrong token for " + what);
    }
  }

  private void listSaved(Context ctx) throws IOException {
    ctx.json(SavedJson.list(saved.list(), token != null));
  }

  private void getSaved(Context ctx) throws IOException {
    ctx.json(SavedJson.saved(saved.get(ctx.pathParam("slug"))));
  }

  /**
   * {@code /api/saved/{slug}/new[?limit=N]}: the articles it matches now that it did not when saved
   * or last opened, newest first, at most {@code limit}, with their count.
   */
  private void newSaved(Context ctx) throws IOException {
    SavedSearchService.Loaded s = saved.load(ctx.pathParam("slug"));
    ctx.json(SavedJson.newMatches(saved.newMatches(s, limit(ctx))));
  }

  /**
   * The {@code limit} parameter: 1 to {@value SavedSearchService#MAX_NEW_LISTED}, that if absent or
   * blank; a 400 naming it otherwise.
   */
  private static int limit(Context ctx) {
    String raw = ctx.queryParam("limit");
    if (raw == null || raw.isBlank()) {
      return SavedSearchService.MAX_NEW_LISTED;
    }
    int limit;
    try {
      limit = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > SavedSearchService.MAX_NEW_LISTED) {
      throw new InvalidRequestException(
          "limit",
          "limit must be a whole number from 1 to "
              + SavedSearchService.MAX_NEW_LISTED
              + ", not "
              + raw);
    }
    return limit;
  }

  private void createSaved(Context ctx) throws IOException {
    requireToken(ctx);
    JsonNode body = body(ctx);
    SavedSearchService.Current c = saved.create(text(body, "name"), text(body, "query"));
    ctx.status(201).header("Location", "/api/saved/" + c.saved().slug()).json(SavedJson.saved(c));
  }

  private void renameSaved(Context ctx) throws IOException {
    requireToken(ctx);
    SavedSearchService.Loaded s = saved.load(ctx.pathParam("slug")); // a 404 before a bad body
    ctx.json(SavedJson.saved(saved.rename(s, text(body(ctx), "name"))));
  }

  private void deleteSaved(Context ctx) throws IOException {
    requireToken(ctx);
    saved.delete(ctx.pathParam("slug"));
    ctx.status(204);
  }

  /**
   * {@code POST /api/saved/{slug}/seen}: marks it as seen (its new matches are counted from now),
   * behind the token.
   */
  private void markSeen(Context ctx) throws IOException {
    requireToken(ctx);
    ctx.json(SavedJson.saved(saved.markSeen(saved.load(ctx.pathParam("slug")))));
  }

  /**
   * {@code /s/{slug}}: redirects to the search, changing nothing; {@code .atom} its feed; {@code
   * .csv} its export. A query that no longer parses is a 400 for all three.
   */
  private void openSaved(Context ctx) throws IOException, XMLStreamException {
    String name = ctx.pathParam("slug");
    String slug =
        name.endsWith(".atom") || name.endsWith(".csv")
            ? name.substring(0, name.lastIndexOf('.'))
            : name;
    SavedSearchService.Loaded s;
    try {
      s = saved.load(slug);
    } catch (NotFoundException e) {
      String accept = ctx.header("Accept");
      if (name.equals(slug) && accept != null && accept.contains("text/html")) {
        notFoundPage(ctx, slug); // a person following a link: a page, not JSON
        return;
      }
      throw e;
    }
    SearchRequest request = s.request();
    if (name.endsWith(".atom")) {
      atom(ctx, request, "/s/" + slug + ".atom", s.saved().name());
    } else if (name.endsWith(".csv")) {
      csv(ctx, request, "/s/" + slug, slug, List.of());
    } else {
      ctx.header("Cache-Control", "no-cache");
      ctx.redirect(SavedJson.url(s.saved()), HttpStatus.FOUND);
    }
  }

  /** The page a browser gets for an unknown saved search: a 404 that says so, with a way on. */
  private static void notFoundPage(Context ctx, String slug) {
    String shown = html(slug);
    ctx.status(404)
        .contentType("text/html; charset=utf-8")
        .result(
            "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>No saved search: Morgue</title><link rel=\"stylesheet\" href=\"/style.css\">"
                + "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"
                + "</head><body><main class=\"not-found\"><h1>No saved search “"
                + shown
                + "”</h1><p>This archive has no saved search at /s/"
                + shown
                + ": it may have been deleted, or the link was mistyped.</p>"
                + "<p><a href=\"/\">Search the archive</a>; its saved searches are listed there,"
                + " under “Saved searches”.</p></main></body></html>\n");
  }

  /** Text escaped for HTML. */
  private static String html(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }

  // --- names -----------------------------------------------------------------------------------

  /** {@code /api/entities/report[?top=N]}: suspected splits and junk, each with its rule. */
  private void namesReport(Context ctx) throws IOException {
    ctx.json(NamesJson.report(names.report(top(ctx))));
  }

  /**
   * The {@code top} parameter: 1 to {@value NamesReport#MAX_TOP}, {@value NamesReport#DEFAULT_TOP}
   * if absent or blank; a 400 naming it otherwise.
   */
  private static int top(Context ctx) {
    String raw = ctx.queryParam("top");
    if (raw == null || raw.isBlank()) {
      return NamesReport.DEFAULT_TOP;
    }
    int top;
    try {
      top = Integer.parseInt(raw.strip());
    } catch (NumberFormatException e) {
      top = -1;
    }
    if (top < 1 || top > NamesReport.MAX_TOP) {
      throw new InvalidRequestException(
          "top", "top must be a whole number from 1 to " + NamesReport.MAX_TOP + ", not " + raw);
    }
    return top;
  }

  /**
   * {@code POST /api/entities/rules} with {@code {"rule": "..."}}: the rule appended to the
   * authority file and applied to the archive; 400 for a bad rule, 409 while an ingest runs.
   */
  private void addRule(Context ctx) throws IOException {
    requireToken(ctx, "changing the authority file");
    ctx.json(NamesJson.applied(names.add(text(body(ctx), "rule"))));
  }

  /** The JSON object of a request's body: 400 naming {@code body} if it is too large or not one. */
  private static JsonNode body(Context ctx) {
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new InvalidRequestException(
          "body", "the body may have at most " + MAX_BODY_BYTES + " bytes, not " + bytes.length);
    }
    JsonNode node;
    try {
      node = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new InvalidRequestException(
          "body", "the body is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (node == null || !node.isObject()) {
      throw new InvalidRequestException(
          "body",
          "the body must be a JSON object such as {\"name\": \"...\", \"query\": \"q=...\"}");
    }
    return node;
  }

  /** A text field of the body, or {@code null}; 400 naming it if it is not text. */
  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new InvalidRequestException(field, field + " must be a string");
    }
    return v.asText();
  }

  /**
   * {@code /api/articles/{id}[?q=QUERY]}: the article view, with its copies and the article it
   * copies listed by title, date and source ({@code copyList}, {@code original}) and, with {@code
   * q}, where the query matches in it ({@code marks}).
   */
  private void article(Context ctx) throws IOException {
    String id = ctx.pathParam("id");
    org.morgue.search.ArticleView view = searcher.article(id);
    String copyOf = view.article().copyOf();
    List<org.morgue.search.ArticleView.Related> original =
        copyOf == null ? List.of() : searcher.briefs(List.of(copyOf));
    String q = parse(ctx, Set.of()).request().q(); // the search's own checks: length, decoding
    Map<String, Object> out =
        SearchJson.article(
            view,
            searcher.briefs(view.copies()),
            original.isEmpty() ? null : original.get(0),
            q.isBlank() ? null : searcher.marks(q, id));
    ctx.json(out);
  }

  private void facets(Context ctx) throws IOException {
    SearchParameters.Parsed p = parse(ctx, Set.of("prefix"));
    Map<String, Object> out =
        SearchJson.facetValues(
            searcher.facetValues(p.request(), ctx.pathParam("dimension"), prefix(ctx)));
    if (!p.warnings().isEmpty()) {
      @SuppressWarnings("unchecked")
      List<String> own = (List<String>) out.get("warnings");
      out.put("warnings", concat(p.warnings(), own));
    }
    ctx.json(out);
  }

  private static String prefix(Context ctx) {
    List<String> prefix = SearchParameters.decode(ctx.queryString()).get("prefix");
    return prefix == null ? "" : prefix.get(0);
  }

  private void stats(Context ctx) throws IOException {
    ctx.json(SearchJson.stats(searcher.stats()));
  }

  private void health(Context ctx) throws IOException {
    Map<String, Object> health = SearchJson.health(searcher.version(), searcher.isReady(), heap());
    health.put("backend", searcher.backend());
    ctx.json(health);
  }

  /**
   * The server's heap in MB: used now, the peak (the sum of the heap pools' peaks), the maximum.
   */
  private static SearchJson.Heap heap() {
    Runtime rt = Runtime.getRuntime();
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return new SearchJson.Heap(
        (rt.totalMemory() - rt.freeMemory()) >> 20, peak >> 20, rt.maxMemory() >> 20);
  }

  // --- coverage analysis (issue 11): comparisons, entities, matrices ----------------------------

  /** The routes of coverage analysis, in one place. */
  private void coverageRoutes(io.javalin.config.RoutesConfig routes) {
    routes.get("/api/compare", this::compare);
    routes.get("/api/compare.csv", this::compareCsv);
    routes.get("/api/entities/{dimension}/<name>", this::entity);
    routes.get("/api/matrix", this::matrix);
    routes.get("/api/matrix.csv", this::matrixCsv);
  }

  /** The parameters of a matrix beside the search's. */
  private static final Set<String> MATRIX_PARAMETERS = Set.of("rows", "cols", "n");

  /** {@code /api/matrix?QUERY&rows=person&cols=place&n=10}: two dimensions of a search crossed. */
  private Matrix matrixOf(Context ctx, SearchParameters.Parsed p) throws IOException {
    Map<String, List<String>> params = SearchParameters.decode(ctx.queryString());
    String rows = first(params, "rows", "person");
    String cols = first(params, "cols", "place");
    int n = Matrix.DEFAULT_SIZE;
    String raw = first(params, "n", null);
    if (raw != null) {
      try {
        n = Integer.parseInt(raw);
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > Matrix.MAX_SIZE) {
        throw new InvalidRequestException(
            "n", "n must be a whole number from 1 to " + Matrix.MAX_SIZE + ", not " + raw);
      }
    }
    return searcher.matrix(p.request(), rows, cols, n);
  }

  private void matrix(Context ctx) throws IOException {
    SearchParameters.Parsed p = parse(ctx, MATRIX_PARAMETERS);
    Matrix m = matrixOf(ctx, p);
    Map<String, Object> out = SearchJson.matrix(m, p.request());
    if (!p.warnings().isEmpty()) {
      out.put("warnings", concat(p.warnings(), m.warnings()));
    }
    ctx.json(out);
  }

  private void matrixCsv(Context ctx) throws IOException {
    SearchParameters.Parsed p = parse(ctx, MATRIX_PARAMETERS);
    Matrix m = matrixOf(ctx, p);
    java.io.StringWriter out = new java.io.StringWriter();
    m.csv(out);
    ctx.contentType("text/csv; charset=utf-8; header=present");
    ctx.header("Content-Disposition", "attachment; filename=\"morgue-matrix.csv\"");
    warnings(ctx, concat(p.warnings(), m.warnings()));
    ctx.result(out.toString());
  }

  /** The first non-blank value of a parameter, stripped, or {@code otherwise}. */
  private static String first(Map<String, List<String>> params, String name, String otherwise) {
    return params.getOrDefault(name, List.of()).stream()
        .filter(v -> !v.isBlank())
        .map(String::strip)
        .findFirst()
        .orElse(otherwise);
  }

  /**
   * {@code /api/entities/{dimension}/{name}[?interval=month&top=N]}: one person, organisation or
   * place across the archive ({@link SearchJson#entity}); 404 for another dimension or a name no
   * article holds.
   */
  private void entity(Context ctx) throws IOException {
    Map<String, List<String>> params = SearchParameters.decode(ctx.queryString());
    SearchRequest.Interval interval =
        params.containsKey("interval")
            ? SearchParameters.parse(Map.of("interval", params.get("interval")))
                .request()
                .interval()
            : null;
    int top = EntityPage.DEFAULT_TOP;
    if (params.containsKey("top") && !params.get("top").get(0).isBlank()) {
      top = top(ctx);
      if (top > 100) {
        throw new InvalidRequestException("top", "top must be from 1 to 100, not " + top);
      }
    }
    ctx.json(
        SearchJson.entity(
            searcher.entity(ctx.pathParam("dimension"), ctx.pathParam("name"), interval, top)));
  }

  /** {@code /api/compare?s=QUERY&s=QUERY&interval=month}: every series' buckets in one answer. */
  private void compare(Context ctx) throws IOException {
    Comparison c = Comparison.parse(SearchParameters.decode(ctx.queryString()));
    ctx.json(SearchJson.comparison(searcher.compare(c)));
  }

  /** {@code /api/compare.csv}: the same, one row a series and bucket. */
  private void compareCsv(Context ctx) throws IOException {
    Comparison c = Comparison.parse(SearchParameters.decode(ctx.queryString()));
    Comparison.Result r = searcher.compare(c);
    java.io.StringWriter out = new java.io.StringWriter();
    Comparison.csv(r, out);
    ctx.contentType("text/csv; charset=utf-8; header=present");
    ctx.header("Content-Disposition", "attachment; filename=\"morgue-timeline.csv\"");
    warnings(ctx, r.warnings());
    ctx.result(out.toString());
  }

  // --- helpers --------------------------------------------------------------------------------

  /** The search of the query string (decoded strictly: a bad percent-escape is a 400). */
  private static SearchParameters.Parsed parse(Context ctx, Set<String> alsoKnown) {
    return SearchParameters.parse(SearchParameters.decode(ctx.queryString()), alsoKnown);
  }

  private static void securityHeaders(Context ctx) {
    SecurityHeaders.forEach(ctx::header);
    if (ctx.path().startsWith("/api/") || ctx.path().startsWith("/s/")) {
      ctx.header("Cache-Control", "no-cache");
    }
  }

  /** A request's note for its log line (a request attribute). */
  private static final String NOTE = "morgue.requestNote";

  private void log(Context ctx, Float ms) {
    String query = ctx.queryString();
    Object note = ctx.attribute(NOTE);
    requestLog.log(
        java.time.Instant.now()
            + " "
            + ctx.method()
            + " "
            + (ctx.path() + (query == null ? "" : "?" + query)).replaceAll("\\p{Cntrl}", "?")
            + " "
            + ctx.statusCode()
            + " "
            + String.format(java.util.Locale.ROOT, "%.1f", ms)
            + " ms"
            + (note == null ? "" : " (" + note + ")"));
  }

  /** A header value: printable ASCII only. */
  private static String ascii(String s) {
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? (char) c : '?'));
    return out.toString();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }
}

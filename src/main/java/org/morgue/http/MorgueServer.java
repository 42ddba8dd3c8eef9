package org.morgue.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamException;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.morgue.saved.SavedSearch;
import org.morgue.saved.SavedSearches;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.AtomFeed;
import org.morgue.search.CsvExport;
import org.morgue.search.InvalidRequestException;
import org.morgue.search.JsonLinesExport;
import org.morgue.search.NotFoundException;
import org.morgue.search.SearchJson;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchRequest;
import org.morgue.search.SearchResult;
import org.morgue.search.StoredArticle;
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
 *   that it did not when saved or last opened</td></tr>
 * <tr><td>{@code /s/{slug}}</td><td>a saved search: a redirect to its search; {@code .atom} its feed,
 *   {@code .csv} its export</td></tr>
 * <tr><td>{@code /}</td><td>the files of the web folder (the search page)</td></tr>
 * </table>
 *
 * <p>Every search route takes the same query string ({@link SearchParameters}), as does the page at
 * {@code /}. Every error has one shape ({@link ApiError}): 400 for a bad parameter or query, 404
 * for an unknown id, dimension or route, 413 for an oversized request, 503 for an export cut by the
 * time limit, 500 only for Morgue's own faults. Every response carries security headers: a
 * Content-Security-Policy without inline scripts, {@code nosniff}, no referrer, no framing.
 *
 * <pre>{@code
 * try (ArchiveSearcher searcher = ArchiveSearcher.open(layout);
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

  private final ArchiveSearcher searcher;
  private final SavedSearches saved;
  private final byte[] token;
  private final Javalin app;

  /** The longest body of a saved-search request. */
  static final int MAX_BODY_BYTES = 32 * 1024;

  /**
   * Builds the server, not yet listening.
   *
   * @param searcher what it searches
   * @param webDir the folder served at {@code /}, or {@code null} (or a missing folder) for none
   */
  public MorgueServer(ArchiveSearcher searcher, Path webDir) {
    this(searcher, webDir, new SavedSearches(searcher.layout().saved()), null);
  }

  /**
   * Builds the server, not yet listening, with its saved searches and, if {@code token} is not
   * {@code null}, the token that creating, renaming and deleting them require ({@code
   * Authorization: Bearer TOKEN}); reading stays open.
   */
  public MorgueServer(ArchiveSearcher searcher, Path webDir, SavedSearches saved, String token) {
    this.searcher = searcher;
    this.saved = saved;
    this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
    this.app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.jsonMapper(new JavalinJackson(JSON, false));
              config.requestLogger.http(MorgueServer::log);
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
              config.routes.get("/api/search", this::search);
              config.routes.get("/api/search.csv", this::csv);
              config.routes.get("/api/search.jsonl", this::jsonLines);
              config.routes.get("/api/search.atom", this::atom);
              config.routes.get("/api/articles/<id>", this::article);
              config.routes.get("/api/facets/{dimension}", this::facets);
              config.routes.get("/api/stats", this::stats);
              config.routes.get("/api/health", this::health);
              config.routes.get("/api/saved", this::listSaved);
              config.routes.post("/api/saved", this::createSaved);
              config.routes.get("/api/saved/{slug}", this::getSaved);
              config.routes.get("/api/saved/{slug}/new", this::newSaved);
              config.routes.patch("/api/saved/{slug}", this::renameSaved);
              config.routes.put("/api/saved/{slug}", this::renameSaved);
              config.routes.delete("/api/saved/{slug}", this::deleteSaved);
              config.routes.get("/s/{slug}", this::openSaved);
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
                  NotFoundException.class,
                  (e, ctx) -> new ApiError(404, e.getMessage(), e.parameter(), null).send(ctx));
              config.routes.exception(
                  ArchiveSearcher.ExportCutException.class,
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

  /** Listens on {@code host}:{@code port} (0: any free port). */
  public MorgueServer start(String host, int port) {
    app.start(host, port);
    return this;
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
    ctx.json(SearchJson.result(r));
  }

  private void csv(Context ctx) throws IOException {
    SearchRequest request = exportRequest(ctx, "text/csv; charset=utf-8; header=present", "csv");
    stream(
        ctx,
        () -> {
          Writer out =
              new BufferedWriter(
                  new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
          try (CsvExport csv = new CsvExport(out)) {
            searcher.export(request, csv);
          }
        });
  }

  private void jsonLines(Context ctx) throws IOException {
    SearchRequest request = exportRequest(ctx, "application/x-ndjson; charset=utf-8", "jsonl");
    stream(
        ctx,
        () -> {
          try (JsonLinesExport jsonl = new JsonLinesExport(ctx.outputStream())) {
            searcher.export(request, jsonl);
          }
        });
  }

  /** The request of an export, checked before anything is sent; then the response's headers. */
  private SearchRequest exportRequest(Context ctx, String contentType, String extension)
      throws IOException {
    SearchParameters.Parsed p = parse(ctx, Set.of());
    searcher.validate(p.request());
    ctx.contentType(contentType);
    ctx.header("Content-Disposition", "attachment; filename=\"morgue-search." + extension + "\"");
    if (!p.warnings().isEmpty()) {
      ctx.header("Morgue-Warnings", ascii(String.join("; ", p.warnings())));
    }
    return p.request();
  }

  private interface Streaming {
    void run() throws IOException;
  }

  /**
   * Streams an export. A failure before anything was sent becomes an error response; after, the
   * response is aborted, so that the client sees a broken transfer rather than a short file.
   */
  private static void stream(Context ctx, Streaming streaming) throws IOException {
    try {
      streaming.run();
    } catch (IOException | UncheckedIOException e) {
      if (!ctx.res().isCommitted()) {
        ctx.res().resetBuffer();
        throw e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
      }
      LOG.warn("export of {} aborted: {}", ctx.path(), e.toString());
      ServletContextResponse.getServletContextResponse(ctx.res())
          .getServletApiResponse()
          .getServletChannel()
          .abort(e);
    }
  }

  private void atom(Context ctx) throws IOException, XMLStreamException {
    SearchParameters.Parsed p = parse(ctx, Set.of());
    String query = SearchParameters.toQueryString(p.request());
    atom(ctx, p.request(), "/api/search.atom" + (query.isEmpty() ? "" : "?" + query));
  }

  /** The Atom feed of {@code request}, whose own address is {@code self} (a path). */
  private void atom(Context ctx, SearchRequest request, String self)
      throws IOException, XMLStreamException {
    SearchResult r = searcher.search(AtomFeed.feedRequest(request), false);
    String base = ctx.scheme() + "://" + ctx.host();
    String query = SearchParameters.toQueryString(request);
    AtomFeed.Links links =
        new AtomFeed.Links(
            base + self,
            base + "/" + (query.isEmpty() ? "" : "?" + query),
            base + "/api/articles/");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomFeed.write(r, links, searcher.version().lastIngest(), out);
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
    if (token == null) {
      return;
    }
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new Unauthorized(
          "changing saved searches needs the server's token (Authorization: Bearer TOKEN)");
    }
    byte[] given = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!java.security.MessageDigest.isEqual(given, token)) {
      throw new Unauthorized("wrong token for changing saved searches");
    }
  }

  private void listSaved(Context ctx) throws IOException {
    List<Map<String, Object>> out = new java.util.ArrayList<>();
    for (SavedSearch s : saved.list()) {
      NewMatches n = newMatches(s, 0);
      out.add(savedJson(s, n == null ? null : n.total, n == null ? null : n.fresh));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("saved", out);
    body.put("tokenRequired", token != null);
    ctx.json(body);
  }

  private void getSaved(Context ctx) throws IOException {
    SavedSearch s = saved.get(ctx.pathParam("slug"));
    NewMatches n = newMatches(s, 0);
    ctx.json(savedJson(s, n == null ? null : n.total, n == null ? null : n.fresh));
  }

  /** The most new articles {@code /api/saved/{slug}/new} lists, and its default. */
  static final int MAX_NEW_LISTED = 100;

  /**
   * {@code /api/saved/{slug}/new}: the articles it matches now that it did not when saved or last
   * opened, newest first, at most {@code limit} (1 to {@value #MAX_NEW_LISTED}), with their count.
   */
  private void newSaved(Context ctx) throws IOException {
    SavedSearch s = saved.get(ctx.pathParam("slug"));
    int limit = MAX_NEW_LISTED;
    String raw = ctx.queryParam("limit");
    if (raw != null && !raw.isBlank()) {
      try {
        limit = Integer.parseInt(raw.strip());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_NEW_LISTED) {
        throw new InvalidRequestException(
            "limit", "limit must be a whole number from 1 to " + MAX_NEW_LISTED + ", not " + raw);
      }
    }
    SearchRequest request;
    try {
      request = SearchParameters.parse(SearchParameters.decode(s.query())).request();
      searcher.validate(request);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException(
          "query", "the saved query no longer runs: " + e.getMessage());
    }
    NewMatches n = newMatches(s, limit);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("slug", s.slug());
    out.put("since", (s.lastOpenedAt() != null ? s.lastOpenedAt() : s.savedAt()).toString());
    out.put("total", n.total);
    out.put("newSince", n.fresh);
    out.put("exact", n.exact);
    out.put("limit", limit);
    List<Map<String, Object>> articles = new java.util.ArrayList<>();
    for (StoredArticle a : n.articles) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.id());
      m.put("date", a.date() == null ? null : a.date().toString());
      m.put("title", a.title());
      m.put("section", a.section());
      m.put("source", a.source());
      articles.add(m);
    }
    out.put("articles", articles);
    ctx.json(out);
  }

  /**
   * What a saved search matches now that it did not before: exact (the current matches whose id is
   * not among those recorded) when the ids were recorded in full, else the total less the total
   * seen.
   */
  private record NewMatches(long total, long fresh, boolean exact, List<StoredArticle> articles) {}

  /**
   * The new matches of a saved search, listing at most {@code limit}; {@code null} if it no longer
   * runs.
   */
  private NewMatches newMatches(SavedSearch s, int limit) throws IOException {
    SearchRequest request;
    try {
      request = SearchParameters.parse(SearchParameters.decode(s.query())).request();
    } catch (InvalidRequestException e) {
      return null;
    }
    java.util.Optional<Set<String>> seen = saved.seen(s.slug());
    if (seen.isEmpty()) {
      Long total = currentTotal(s);
      return total == null ? null : new NewMatches(total, s.newSince(total), false, List.of());
    }
    Set<String> before = seen.get();
    List<StoredArticle> listed = new java.util.ArrayList<>();
    long[] fresh = {0};
    long total;
    try {
      total =
          searcher.eachMatch(
              request,
              (id, article) -> {
                if (!before.contains(id)) {
                  if (listed.size() < limit) {
                    listed.add(article.get());
                  }
                  fresh[0]++;
                }
              });
    } catch (InvalidRequestException e) {
      return null;
    } catch (ArchiveSearcher.ExportCutException e) {
      Long now = currentTotal(s);
      return now == null ? null : new NewMatches(now, s.newSince(now), false, List.of());
    }
    return new NewMatches(total, fresh[0], true, List.copyOf(listed));
  }

  /**
   * The ids of every article {@code request} matches, or {@code null} when there are more than
   * {@link SavedSearches#MAX_SEEN} or reading them takes too long; and the total they make.
   */
  private record Matches(long total, List<String> ids) {}

  private Matches matchIds(SearchRequest request, long knownTotal) throws IOException {
    if (knownTotal > SavedSearches.MAX_SEEN) {
      return new Matches(knownTotal, null);
    }
    List<String> ids = new java.util.ArrayList<>();
    try {
      long total =
          searcher.eachMatch(
              request,
              (id, article) -> {
                if (ids.size() <= SavedSearches.MAX_SEEN) {
                  ids.add(id);
                }
              });
      return new Matches(total, total > SavedSearches.MAX_SEEN ? null : ids);
    } catch (ArchiveSearcher.ExportCutException e) {
      return new Matches(knownTotal, null);
    }
  }

  private void createSaved(Context ctx) throws IOException {
    requireToken(ctx);
    JsonNode body = body(ctx);
    String name = text(body, "name");
    String raw = text(body, "query");
    if (raw == null) {
      raw = "";
    }
    if (raw.length() > SavedSearches.MAX_QUERY_LENGTH) {
      throw new InvalidRequestException(
          "query",
          "query may have at most "
              + SavedSearches.MAX_QUERY_LENGTH
              + " characters, not "
              + raw.length());
    }
    // the page's own parameters are no part of the search; "?" or "/?" before the query string is
    // allowed
    String stripped =
        raw.startsWith("/?") ? raw.substring(2) : raw.startsWith("?") ? raw.substring(1) : raw;
    SearchParameters.Parsed p;
    SearchResult r;
    try {
      p = SearchParameters.parse(SearchParameters.decode(stripped), Set.of("article", "chart"));
      r = searcher.search(countRequest(p.request()), false);
    } catch (InvalidRequestException e) {
      throw new InvalidRequestException("query", "query: " + e.getMessage());
    }
    ArchiveSearcher.Version v = searcher.version();
    Matches m = matchIds(p.request(), r.total());
    SavedSearch s =
        saved.create(
            name,
            SearchParameters.toQueryString(p.request()),
            m.total(),
            v.version(),
            v.generation(),
            java.time.Instant.now(),
            m.ids());
    ctx.status(201).header("Location", "/api/saved/" + s.slug()).json(savedJson(s, m.total(), 0L));
  }

  private void renameSaved(Context ctx) throws IOException {
    requireToken(ctx);
    String slug = ctx.pathParam("slug");
    saved.get(slug);
    SavedSearch s = saved.rename(slug, text(body(ctx), "name"));
    NewMatches n = newMatches(s, 0);
    ctx.json(savedJson(s, n == null ? null : n.total, n == null ? null : n.fresh));
  }

  private void deleteSaved(Context ctx) throws IOException {
    requireToken(ctx);
    saved.delete(ctx.pathParam("slug"));
    ctx.status(204);
  }

  /** {@code /s/{slug}}: to the search; {@code .atom} its feed; {@code .csv} its export. */
  private void openSaved(Context ctx) throws IOException, XMLStreamException {
    String name = ctx.pathParam("slug");
    String slug =
        name.endsWith(".atom") || name.endsWith(".csv")
            ? name.substring(0, name.lastIndexOf('.'))
            : name;
    SavedSearch s = saved.get(slug);
    SearchRequest request = SearchParameters.parse(SearchParameters.decode(s.query())).request();
    if (name.endsWith(".atom")) {
      atom(ctx, request, "/s/" + slug + ".atom");
    } else if (name.endsWith(".csv")) {
      searcher.validate(request);
      ctx.contentType("text/csv; charset=utf-8; header=present");
      ctx.header("Content-Disposition", "attachment; filename=\"morgue-" + slug + ".csv\"");
      stream(
          ctx,
          () -> {
            Writer out =
                new BufferedWriter(
                    new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
            try (CsvExport csv = new CsvExport(out)) {
              searcher.export(request, csv);
            }
          });
    } else {
      Long total = currentTotal(s);
      if (total != null) {
        Matches m = matchIds(request, total);
        saved.opened(slug, java.time.Instant.now(), m.total(), m.ids());
      }
      ctx.header("Cache-Control", "no-cache");
      ctx.redirect(
          "/" + (s.query().isEmpty() ? "" : "?" + s.query()), io.javalin.http.HttpStatus.FOUND);
    }
  }

  /** The current total of a saved search, or {@code null} if it no longer runs. */
  private Long currentTotal(SavedSearch s) throws IOException {
    try {
      return searcher
          .search(
              countRequest(SearchParameters.parse(SearchParameters.decode(s.query())).request()),
              false)
          .total();
    } catch (InvalidRequestException e) {
      return null;
    }
  }

  /** The cheapest search that gives the total of {@code r}: one hit, one value a facet. */
  private static SearchRequest countRequest(SearchRequest r) {
    return new SearchRequest(
        r.q(), r.from(), r.to(), r.filters(), r.excludes(), r.sort(), 1, 1, 1, r.interval());
  }

  private static Map<String, Object> savedJson(SavedSearch s, Long total, Long fresh) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("slug", s.slug());
    out.put("name", s.name());
    out.put("query", s.query());
    out.put("link", "/s/" + s.slug());
    out.put("url", "/" + (s.query().isEmpty() ? "" : "?" + s.query()));
    out.put("savedAt", s.savedAt().toString());
    out.put("totalAtSave", s.totalAtSave());
    out.put("indexVersion", s.indexVersion());
    out.put("indexGeneration", s.indexGeneration());
    out.put("lastOpenedAt", s.lastOpenedAt() == null ? null : s.lastOpenedAt().toString());
    out.put("totalAtLastOpen", s.totalAtLastOpen());
    out.put("total", total);
    out.put("newSince", fresh);
    return out;
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

  private void article(Context ctx) throws IOException {
    ctx.json(SearchJson.article(searcher.article(ctx.pathParam("id"))));
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
    ctx.json(SearchJson.health(searcher.version(), heap()));
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

  private static void log(Context ctx, Float ms) {
    String query = ctx.queryString();
    LOG.info(
        "{} {}{} {} {} ms",
        ctx.method(),
        ctx.path(),
        query == null ? "" : "?" + query,
        ctx.statusCode(),
        String.format(java.util.Locale.ROOT, "%.1f", ms));
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

package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.cli.Cli.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.cli.Cli.Run;
import org.morgue.index.TestArchives;

/**
 * The command line end to end through {@link Main#run} (an integration test: the ingest runs the
 * entity extractor, whose model takes a second and 120 MB to load): {@code ingest} of the invented
 * search corpus into a temporary archive, then {@code search} (text and JSON) and {@code stats},
 * with the output captured and checked line by line or parsed as JSON.
 */
class CommandLineIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path tmp;

  private static String archive;
  private static Run ingest;

  @BeforeAll
  static void ingestTheCorpus() {
    archive = tmp.resolve("archive").toString();
    ingest =
        run(
            "ingest",
            TestArchives.searchCorpus().toString(),
            "--index",
            archive,
            "--quiet",
            "--rejects",
            tmp.resolve("rejects.tsv").toString());
  }

  private static final Pattern SUMMARY_ROW = Pattern.compile("^(\\S.*?)\\s{2,}([\\d,]+)$");

  /** The rows of the ingest summary, label to number. */
  private static Map<String, Long> summary(Run run) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String line : run.lines()) {
      var m = SUMMARY_ROW.matcher(line);
      if (m.matches()) {
        out.put(m.group(1).strip(), Long.parseLong(m.group(2).replace(",", "")));
      }
    }
    return out;
  }

  @Test
  void ingestPrintsItsSummaryAndWritesTheRejectsReport() throws IOException {
    assertEquals(0, ingest.exit(), ingest.err());
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("read", 12L);
    expected.put("added", 12L);
    expected.put("replaced", 0L);
    expected.put("unchanged", 0L);
    expected.put("wire copies", 0L);
    expected.put("rejected", 0L);
    expected.put("indexed without date", 1L);
    expected.put("other files skipped", 1L);
    expected.put("in the index", 12L);
    assertEquals(expected, summary(ingest));
    assertTrue(
        ingest.out().contains("problems listed in " + tmp.resolve("rejects.tsv")), ingest.out());

    List<String> tsv = Files.readAllLines(tmp.resolve("rejects.tsv"), StandardCharsets.UTF_8);
    assertEquals(2, tsv.size(), tsv.toString());
    assertEquals(
        "indexed\tno date\t"
            + TestArchives.searchCorpus().resolve("w3.txt")
            + "\t0\tunreadable date 'unknown'",
        tsv.get(1));
  }

  @Test
  void ingestingAgainReportsEverythingUnchanged() {
    Path copy = tmp.resolve("again");
    Run first =
        run(
            "ingest",
            TestArchives.searchCorpus().toString(),
            "--index",
            copy.toString(),
            "--quiet");
    Run again =
        run(
            "ingest",
            TestArchives.searchCorpus().toString(),
            "--index",
            copy.toString(),
            "--quiet");
    assertEquals(0, first.exit());
    assertEquals(0, again.exit());
    assertEquals(12L, summary(again).get("unchanged"));
    assertEquals(0L, summary(again).get("added"));
    assertEquals(12L, summary(again).get("in the index"));
    // without --rejects, the problems go to a dated report under the archive's reports/
    try (Stream<Path> reports = Files.list(copy.resolve("reports"))) {
      List<Path> tsv = reports.toList();
      assertTrue(
          !tsv.isEmpty()
              && tsv.stream()
                  .allMatch(p -> p.getFileName().toString().matches("ingest-\\d{8}-\\d{6}\\.tsv")),
          tsv.toString());
      assertTrue(Files.readString(tsv.get(0)).contains("\tno date\t"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void searchJsonGivesTotalHitsAndFacets() throws IOException {
    Run run = run("search", "ceasefire", "--index", archive, "--json", "--sort", "newest");
    assertEquals(0, run.exit(), run.err());
    JsonNode json = run.json();
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertEquals(
        List.of(
            "query",
            "total",
            "stories",
            "tookMs",
            "timedOut",
            "hits",
            "facets",
            "histogram",
            "inResults",
            "warnings"),
        keys);
    assertEquals(4, json.get("total").asInt());
    assertEquals("ceasefire", json.get("query").get("q").asText());
    assertEquals("newest", json.get("query").get("sort").asText());
    List<String> ids = new ArrayList<>();
    json.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    assertEquals(List.of("j1", "w2", "w1", "r1"), ids);
    assertEquals(
        JSON.readTree(
            "[{\"value\": \"WORLD\", \"count\": 3}, {\"value\": \"Press Releases\", \"count\": 1}]"),
        json.get("facets").get("section"));
    JsonNode w2 = json.get("hits").get(1);
    assertEquals("2021-11-20", w2.get("date").asText());
    assertEquals(JSON.readTree("[\"Alican Tekingunduz\", \"Jane Roe\"]"), w2.get("authors"));
  }

  @Test
  void searchFiltersAndExcludesFromTheCommandLine() throws IOException {
    JsonNode both =
        run("search", "--index", archive, "--json", "--section", "WORLD", "--source", "Reuters")
            .json();
    assertEquals(2, both.get("total").asInt());
    assertEquals(
        JSON.readTree(
            "[{\"value\": \"POLITICS\", \"count\": 2}, {\"value\": \"WORLD\", \"count\": 2}, {\"value\": \"SPORT\", \"count\": 1}]"),
        both.get("facets").get("section"),
        "the section counts ignore the section filter");

    JsonNode either =
        run("search", "--index", archive, "--json", "--section", "WORLD", "--section", "SPORT")
            .json();
    assertEquals(8, either.get("total").asInt());

    JsonNode dates =
        run("search", "--index", archive, "--json", "--from", "2021-11-17", "--to", "2021-11-20")
            .json();
    assertEquals(2, dates.get("total").asInt());

    JsonNode noSport =
        run(
                "search",
                "--index",
                archive,
                "--json",
                "--not",
                "section=SPORT",
                "--not",
                "author=Jane Roe")
            .json();
    assertEquals(
        5, noSport.get("total").asInt(), "12 less 3 in SPORT less Jane Roe's 4 outside SPORT");
  }

  @Test
  void searchOptionsAreTheUrlParameters() throws IOException {
    JsonNode november =
        run("search", "--index", archive, "--json", "--from", "2021-11", "--to", "2021-11").json();
    assertEquals(4, november.get("total").asInt(), "j1, r1, w1 and w2, as date:2021-11");
    assertEquals(
        "from=2021-11-01&to=2021-11-30", november.get("query").get("queryString").asText());
    JsonNode all =
        run(
                "search",
                "ceasefire",
                "--index",
                archive,
                "--json",
                "--section",
                "WORLD",
                "--not",
                "author=Jane Roe",
                "--sort",
                "NEWEST",
                "--size",
                "5")
            .json();
    assertEquals(
        "q=ceasefire&section=WORLD&not.author=Jane%20Roe&sort=newest&size=5",
        all.get("query").get("queryString").asText());

    Cli.Run badDate = run("search", "--index", archive, "--from", "yesterday");
    assertEquals(2, badDate.exit());
    assertEquals(
        "morgue: from must be a date such as 2021-11-17 (or a month 2021-11, or a year 2021), not"
            + " 'yesterday'",
        badDate.err().strip());
    Cli.Run badDimension = run("search", "--index", archive, "--not", "colour=red");
    assertEquals(2, badDimension.exit());
    assertEquals(
        "morgue: unknown exclude 'colour'; use one of [section, source, author, person, org, place]",
        badDimension.err().strip());
  }

  @Test
  void searchPrintsHitsAndFacetsAsText() {
    Run run = run("search", "border", "OR", "cup", "--index", archive, "--sort", "newest");
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.lines();
    assertTrue(lines.get(0).matches("3 articles \\(\\d+ ms\\), 1-3:"), lines.get(0));
    assertEquals(
        List.of(
            "  2022-01-15  SPORT             Local team wins the cup final",
            "  2021-11-20  WORLD             Shelling resumes near the border",
            "  (no date)   WORLD             Undated dispatch from the border",
            "section:",
            "         2  WORLD",
            "         1  SPORT",
            "source:",
            "         1  AA",
            "         1  Reuters",
            "author:",
            "         1  Alican Tekingunduz",
            "         1  Jane Roe",
            "         1  John Doe"),
        lines.subList(1, lines.size()));
  }

  @Test
  void searchPagesFollowEachOther() throws IOException {
    JsonNode page2 =
        run(
                "search", "--index", archive, "--json", "--sort", "oldest", "--size", "4", "--page",
                "2")
            .json();
    List<String> ids = new ArrayList<>();
    page2.get("hits").forEach(h -> ids.add(h.get("id").asText()));
    assertEquals(List.of("p2", "r1", "w1", "w2"), ids);
    assertEquals(12, page2.get("total").asInt());
  }

  @Test
  void statsPrintsCountDatesAndSections() throws IOException {
    Run run = run("stats", "--index", archive);
    assertEquals(0, run.exit(), run.err());
    List<String> lines = run.lines();
    assertEquals("articles     12", lines.get(0));
    assertEquals("dates        2019-05-05 to 2022-02-03 (1 undated)", lines.get(1));
    assertTrue(lines.get(2).matches("index size   \\d+\\.\\d MB"), lines.get(2));
    assertTrue(lines.get(3).startsWith("last ingest  20"), lines.get(3));
    assertEquals(
        List.of(
            "sections:",
            "         5  WORLD",
            "         3  POLITICS",
            "         3  SPORT",
            "         1  Press Releases",
            "sources:",
            "         5  Reuters",
            "         4  AA",
            "         1  TRTWorld and agencies",
            "         1  U.S. Department of State",
            "         1  (no source)"),
        lines.subList(4, lines.size()));

    JsonNode json = run("stats", "--index", archive, "--json").json();
    assertEquals(12, json.get("articles").asInt());
    assertEquals("2019-05-05", json.get("firstDate").asText());
    assertEquals("2022-02-03", json.get("lastDate").asText());
    assertEquals(
        JSON.readTree("{\"value\": \"WORLD\", \"count\": 5}"), json.get("sections").get(0));
  }

  @Test
  void serveRemovesTheTemporaryFilesOfACrash() throws Exception {
    org.morgue.index.IndexLayout layout = new org.morgue.index.IndexLayout(Path.of(archive));
    Path authorityTmp = Files.writeString(layout.root().resolve("authority.txt.tmp"), "block X");
    Files.createDirectories(layout.saved());
    Path savedTmp =
        Files.writeString(
            layout.saved().resolve(org.morgue.saved.SavedSearches.FILE_NAME + ".tmp"), "{\"half");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ServeCommand.Serving serving = serve(out)) {
      String said = printed.toString(StandardCharsets.UTF_8);
      assertTrue(serving.server.port() > 0);
      assertFalse(Files.exists(authorityTmp) || Files.exists(savedTmp), said);
      assertTrue(said.contains("  removed " + authorityTmp + ", left by a crash"), said);
      assertTrue(said.contains("  removed " + savedTmp + ", left by a crash"), said);
    }
  }

  /** {@code serve} of the test archive on any free port, saying what it does to {@code out}. */
  private static ServeCommand.Serving serve(PrintStream out) throws java.io.IOException {
    ServeCommand.Listen listen = new ServeCommand.Listen();
    listen.port = 0;
    return ServeCommand.start(
        new org.morgue.index.IndexLayout(Path.of(archive)),
        listen,
        java.time.Duration.ofSeconds(2),
        java.time.Duration.ofMillis(500),
        out);
  }

  @Test
  void serveListensAndSaysWhere() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ServeCommand.Serving serving = serve(out)) {
      int port = serving.server.port();
      String said = printed.toString(StandardCharsets.UTF_8);
      assertTrue(
          said.startsWith("Morgue serves " + archive + " at http://127.0.0.1:" + port + "/"), said);
      var client = java.net.http.HttpClient.newHttpClient();
      var health =
          client.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create("http://127.0.0.1:" + port + "/api/health"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertEquals(200, health.statusCode());
      assertEquals(12, JSON.readTree(health.body()).get("articles").asInt());
      // requests go to the archive's request log, not the terminal
      Path log = Path.of(archive, "logs", "requests.log");
      assertTrue(said.contains("Requests are logged to " + log + " (--verbose: here too)"), said);
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (!(Files.exists(log) && Files.readString(log).contains("GET /api/health 200"))
          && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertTrue(Files.readString(log).contains(" GET /api/health 200 "), Files.readString(log));
      assertFalse(printed.toString(StandardCharsets.UTF_8).contains("GET /api/health"));
    }
  }

  @Test
  void serveWithATokenLimitsChangesToSavedSearches() throws Exception {
    Path copy = tmp.resolve("token-archive");
    ServeCommand.Listen listen = new ServeCommand.Listen();
    listen.port = 0;
    listen.token = "tok-123";
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ServeCommand.Serving serving =
            ServeCommand.start(
                new org.morgue.index.IndexLayout(Path.of(archive)),
                listen,
                java.time.Duration.ofSeconds(2),
                java.time.Duration.ofMillis(500),
                out)) {
      assertTrue(
          printed.toString(StandardCharsets.UTF_8).contains("changes need the token"),
          printed.toString());
      var client = java.net.http.HttpClient.newHttpClient();
      java.util.function.Function<String, Integer> post =
          token -> {
            var b =
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(
                            "http://127.0.0.1:" + serving.server.port() + "/api/saved"))
                    .header("Content-Type", "application/json")
                    .POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"name\": \"CLI token\", \"query\": \"q=border\"}"));
            if (token != null) {
              b.header("Authorization", "Bearer " + token);
            }
            try {
              return client
                  .send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString())
                  .statusCode();
            } catch (Exception e) {
              throw new AssertionError(e);
            }
          };
      assertEquals(401, post.apply(null));
      assertEquals(401, post.apply("nope"));
      assertEquals(201, post.apply("tok-123"));
    }
    Path export = tmp.resolve("saved-export.json");
    Run run = run("saved", "export", "--index", archive, export.toString());
    assertEquals(0, run.exit(), run.err());
    assertEquals("Exported 1 saved search to " + export, run.out().strip());
    run = run("saved", "import", "--index", copy.toString(), export.toString());
    assertEquals(0, run.exit(), run.err());
    assertTrue(
        Files.readString(copy.resolve("saved").resolve("saved-searches.json"))
            .contains("\"cli-token\""));
    assertTrue(Files.notExists(copy.resolve("lucene")), "an import touches only the saved folder");
  }

  @Test
  void serveRefusesABadPort() {
    Run run = run("serve", "--index", archive, "--port", "70000");
    assertEquals(2, run.exit());
    assertEquals("morgue: --port takes 0 to 65535, not 70000", run.err().strip());
  }

  @Test
  void badSearchesExitWithUsageErrors() {
    Run syntax = run("search", "title:(foo", "--index", archive);
    assertEquals(2, syntax.exit());
    assertTrue(syntax.err().startsWith("morgue: cannot parse the query: "), syntax.err());
    assertTrue(syntax.err().contains("position 10"), syntax.err());

    Run size = run("search", "ceasefire", "--index", archive, "--size", "500");
    assertEquals(2, size.exit());
    assertEquals("morgue: size must be from 1 to 100, not 500", size.err().strip());

    Run sort = run("search", "ceasefire", "--index", archive, "--sort", "random");
    assertEquals(2, sort.exit());
    assertTrue(sort.err().contains("--sort takes relevance, newest or oldest"), sort.err());

    Run threads =
        run("ingest", TestArchives.searchCorpus().toString(), "--index", archive, "--threads", "0");
    assertEquals(2, threads.exit());
    assertTrue(threads.err().contains("--threads must be 1 or more"), threads.err());
  }
}

package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** CSV, JSON Lines and Atom, written from the search and API corpora and read back. */
class ExportsTest {
  @TempDir static Path tmp;

  private static ArchiveSearcher searcher;

  @BeforeAll
  static void indexTheCorpora() throws IOException {
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus(), TestArchives.apiCorpus());
    searcher = ArchiveSearcher.open(layout);
  }

  @AfterAll
  static void close() throws IOException {
    searcher.close();
  }

  private static SearchRequest request(String queryString) {
    return SearchParameters.parse(SearchParametersTest.params(queryString)).request();
  }

  // --- CSV -------------------------------------------------------------------------------------

  private static String csv(SearchRequest request) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        CsvExport csv = new CsvExport(w)) {
      searcher.export(request, csv);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void csvHasAHeaderAndARowForEveryMatchingArticle() throws IOException {
    List<List<String>> rows = TestCsv.parse(csv(request("q=ceasefire&sort=newest")));
    assertEquals(CsvExport.COLUMNS, rows.get(0));
    assertEquals(
        List.of(
            "id", "date", "section", "source", "authors", "title", "lede", "url", "copyOf",
            "person", "org", "place"),
        rows.get(0));
    assertEquals(1 + 7, rows.size(), "the header and the seven articles, copies included");
    assertEquals(
        List.of("j1", "w2", "k3", "k1", "k2", "w1", "r1"),
        rows.stream().skip(1).map(r -> r.get(0)).toList());
    assertEquals(
        List.of(
            "w2",
            "2021-11-20",
            "WORLD",
            "AA",
            "Alican Tekingunduz; Jane Roe",
            "Shelling resumes near the border",
            "Observers fear the truce will not hold.",
            "",
            "",
            "",
            "",
            ""),
        rows.get(2));
    assertEquals("k1", rows.get(3).get(8), "k3 copies k1");
    assertEquals(1 + 17, TestCsv.parse(csv(request(""))).size());
  }

  @Test
  void csvQuotesWhatMustBeQuotedAndGuardsAgainstFormulas() throws IOException {
    String text = csv(request("section=TECH&sort=oldest"));
    List<List<String>> rows = TestCsv.parse(text);
    List<String> x1 = rows.get(1);
    assertEquals("Editors find <script>alert(\"x\")</script> in a headline", x1.get(5));
    assertTrue(
        text.contains("\"Editors find <script>alert(\"\"x\"\")</script> in a headline\""), text);
    List<String> x2 = rows.get(2);
    assertEquals("'=HYPERLINK(\"http://example.invalid\",\"spreadsheet formulas\")", x2.get(5));
    assertEquals("'+1 for exports that guard against formulas", x2.get(6));
    assertEquals("'@Ada Byte", x2.get(4));
    assertEquals("'-Morgue Test Wire", x2.get(3));
    for (List<String> row : rows) {
      for (String cell : row) {
        assertFalse(!cell.isEmpty() && CsvExport.startsLikeAFormula(cell), cell);
      }
    }
  }

  @Test
  void csvFields() {
    assertEquals("", CsvExport.field(null));
    assertEquals("plain", CsvExport.field("plain"));
    assertEquals("\"a, b\"", CsvExport.field("a, b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvExport.field("say \"hi\""));
    assertEquals("\"two\r\nlines\"", CsvExport.field("two\r\nlines"));
    assertEquals("'=1+1", CsvExport.field("=1+1"));
    assertEquals("\"'=SUM(A1,A2)\"", CsvExport.field("=SUM(A1,A2)"));
    assertEquals("'\tindented", CsvExport.field("\tindented"));
    assertEquals("'＝1", CsvExport.field("＝1"), "a full-width equals sign");
  }

  // --- JSON Lines ------------------------------------------------------------------------------

  private static String jsonl(SearchRequest request) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonLinesExport out = new JsonLinesExport(bytes)) {
      searcher.export(request, out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonLinesHasAnObjectALine() throws IOException {
    String text = jsonl(request("q=ceasefire&sort=newest"));
    String[] lines = text.split("\n", -1);
    assertEquals(7 + 1, lines.length, "seven lines, each ended by a newline");
    assertEquals("", lines[7]);
    ObjectMapper json = new ObjectMapper();
    JsonNode w2 = json.readTree(lines[1]);
    assertEquals("w2", w2.get("id").asText());
    assertEquals("2021-11-20", w2.get("date").asText());
    assertEquals(
        json.readTree(
            "[\"Shelling was reported near the border on Saturday morning.\", \"Observers said the ceasefire was fragile.\"]"),
        w2.get("body"));
    assertEquals(json.readTree("[\"Alican Tekingunduz\", \"Jane Roe\"]"), w2.get("authors"));
    assertEquals("k1", json.readTree(lines[2]).get("copyOf").asText());
    assertEquals(17, jsonl(request("")).lines().count());
  }

  @Test
  void aJsonLinesExportIngestsIntoAnotherArchive(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("export.jsonl");
    Files.writeString(file, jsonl(request("")), StandardCharsets.UTF_8);
    IndexLayout copy = new IndexLayout(dir.resolve("copy"));
    assertEquals(17, TestArchives.ingest(copy, file).added());
    try (ArchiveSearcher again = ArchiveSearcher.open(copy)) {
      SearchResult r = again.search(request("q=ceasefire"));
      assertEquals(7, r.total());
      assertEquals(5, r.stories(), "the copies are copies again");
      assertEquals(searcher.search(request("")).facets(), again.search(request("")).facets());
    }
  }

  // --- Atom ------------------------------------------------------------------------------------

  private static Document atom(SearchRequest request, Instant lastIngest) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AtomFeed.write(
        searcher.search(AtomFeed.feedRequest(request)),
        new AtomFeed.Links(
            "http://127.0.0.1/api/search.atom?q=x",
            "http://127.0.0.1/?q=x",
            "http://127.0.0.1/api/articles/"),
        lastIngest,
        bytes);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    return f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes.toByteArray()));
  }

  private static List<Element> entries(Document feed) {
    NodeList list = feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry");
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      out.add((Element) list.item(i));
    }
    return out;
  }

  private static String child(Element e, String name) {
    return e.getElementsByTagNameNS("http://www.w3.org/2005/Atom", name).item(0).getTextContent();
  }

  @Test
  void anAtomFeedIsWellFormedWithAnEntryAStoryNewestFirst() throws Exception {
    Document feed = atom(request("q=ceasefire"), Instant.parse("2026-11-25T10:00:00Z"));
    Element root = feed.getDocumentElement();
    assertEquals("feed", root.getLocalName());
    assertEquals("Morgue: ceasefire", child(root, "title"));
    assertEquals("2026-11-25T10:00:00Z", child(root, "updated"));
    List<Element> entries = entries(feed);
    assertEquals(5, entries.size());
    assertEquals("Envoys meet to shore up the truce", child(entries.get(0), "title"));
    assertEquals("2021-11-25T00:00:00Z", child(entries.get(0), "updated"));
    assertEquals(AtomFeed.entryId("j1"), child(entries.get(0), "id"));
    assertTrue(child(entries.get(0), "id").startsWith("urn:uuid:"));
  }

  @Test
  void feedIdsAreStableAndTheSameForTheSameSearch() throws Exception {
    String id = child(atom(request("q=ceasefire"), null).getDocumentElement(), "id");
    assertEquals(
        id,
        child(
            atom(request("q=ceasefire&sort=oldest&page=2&size=5"), null).getDocumentElement(),
            "id"));
    assertEquals(id, AtomFeed.feedId(request("q=ceasefire")));
    assertNotEquals(id, AtomFeed.feedId(request("q=ceasefire&section=WORLD")));
    assertEquals(
        "urn:uuid:"
            + java.util.UUID.nameUUIDFromBytes(
                "morgue:article:j1".getBytes(StandardCharsets.UTF_8)),
        AtomFeed.entryId("j1"));
  }

  @Test
  void markupAndControlCharactersStayText() throws Exception {
    Document feed = atom(request("section=TECH"), null);
    List<Element> entries = entries(feed);
    assertEquals(
        List.of(
            "=HYPERLINK(\"http://example.invalid\",\"spreadsheet formulas\")",
            "Editors find <script>alert(\"x\")</script> in a headline"),
        entries.stream().map(e -> child(e, "title")).toList());
    assertEquals(
        0, feed.getElementsByTagName("script").getLength(), "no element came from the text");
    assertEquals("Markup & \"quotes\" must show as text.", child(entries.get(1), "summary"));
    assertEquals(
        "2022-03-02T00:00:00Z",
        child(feed.getDocumentElement(), "updated"),
        "the newest entry, without a last ingest");
    assertEquals("Morgue: all articles (section TECH)", child(feed.getDocumentElement(), "title"));
    assertEquals("a\tb", AtomFeed.clean("a\u0007\tb\u000c"));
  }
}

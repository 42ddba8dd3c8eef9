package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.morgue.article.Fixtures.bytes;
import static org.morgue.article.Fixtures.utf8;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ArticleFiles}: formats by file name, gzip, directories, and every kind of bad input, each
 * rejected with its file, line and reason while the good files of the same run are read. Every file
 * is written here into a temporary folder.
 */
class ArticleFilesTest {
  @TempDir Path tmp;

  /** A short house-format article whose id is the file's stem. */
  static final String HOUSE =
      """
       date 2021-11-17 WORLD
      Dam talks resume in the capital
      Negotiators met for the first time since the spring.
      By Lena Park
      November 17, 2021

      Delegations from the three countries met on Wednesday.
      SOURCE:Morgue Wire
      """;

  /** A JSON line for an article with this id. */
  static String json(String id) {
    return "{\"id\": \""
        + id
        + "\", \"date\": \"2021-11-17\", \"title\": \"Title "
        + id
        + "\", \"body\": \"Body of "
        + id
        + ".\"}";
  }

  private static List<String> ids(List<ReadEvent> events) {
    return Fixtures.articles(events).stream().map(Article::id).toList();
  }

  private static ReadEvent.Rejected rejected(Path file, int line, Reason reason, String detail) {
    return new ReadEvent.Rejected(new Location(file, line), reason, detail);
  }

  // --- formats by name

  @ParameterizedTest
  @CsvSource({
    "a.txt, HOUSE",
    "A.TXT, HOUSE",
    "a.txt.gz, HOUSE",
    "a.b.txt.GZ, HOUSE",
    "a.jsonl, JSON_LINES",
    "a.jsonl.gz, JSON_LINES",
    "a.ndjson, JSON_LINES",
    "a.ndjson.gz, JSON_LINES",
    "A.NDJSON.GZ, JSON_LINES",
  })
  void formatByFileName(String name, ArticleFiles.Format format) {
    assertEquals(format, ArticleFiles.formatOf(Path.of("some/dir", name)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a.json",
        "a.md",
        "a.gz",
        "a.txt.bak",
        "a.tar.gz",
        "README",
        "txt",
        "a.jsonl.zip",
        "a.csv"
      })
  void noFormatForOtherNames(String name) {
    assertEquals(null, ArticleFiles.formatOf(Path.of(name)));
  }

  @ParameterizedTest
  @CsvSource({
    "000_27f0df3f21ae055d.txt, 000_27f0df3f21ae055d",
    "state-245393.txt.gz, state-245393",
    "a.b.txt, a.b",
    "news.jsonl.GZ, news",
    "news.ndjson, news",
  })
  void stemIsTheNameWithoutItsFormatExtensions(String name, String stem) {
    assertEquals(stem, ArticleFiles.stem(Path.of("x", name)));
  }

  // --- gzip

  @Test
  void readsAGzipHouseFile() {
    Path file = Fixtures.gzip(tmp.resolve("dam-talks.txt.gz"), utf8(HOUSE));
    List<ReadEvent> events = Fixtures.read(file);
    assertEquals(
        List.of(
            new ReadEvent.Parsed(
                new Article(
                    "dam-talks",
                    LocalDate.of(2021, 11, 17),
                    "WORLD",
                    "Dam talks resume in the capital",
                    "Negotiators met for the first time since the spring.",
                    List.of("Lena Park"),
                    List.of("Delegations from the three countries met on Wednesday."),
                    "Morgue Wire",
                    null),
                Location.file(file),
                null)),
        events);
  }

  @ParameterizedTest
  @ValueSource(strings = {"news.jsonl.gz", "news.ndjson.gz", "news.jsonl", "news.ndjson"})
  void readsJsonLinesPlainOrGzipWithLineNumbers(String name) {
    byte[] content = utf8(json("a") + "\n\n" + json("b") + "\n");
    Path file =
        name.endsWith(".gz")
            ? Fixtures.gzip(tmp.resolve(name), content)
            : Fixtures.write(tmp.resolve(name), content);
    List<ReadEvent> events = Fixtures.read(file);
    assertEquals(
        List.of(new Location(file, 1), new Location(file, 3)),
        events.stream().map(ReadEvent::where).toList());
    assertEquals(List.of("a", "b"), ids(events));
  }

  // --- directories

  @Test
  void walksADirectoryRecursivelyInNameOrderSkippingHiddenAndOtherFiles() {
    Path root = tmp.resolve("corpus");
    Fixtures.write(root.resolve("b.txt"), HOUSE);
    Fixtures.write(root.resolve("a/z.txt"), HOUSE);
    Fixtures.write(root.resolve("a/c.jsonl"), json("c1") + "\n" + json("c2") + "\n");
    Fixtures.gzip(root.resolve("c.ndjson.gz"), utf8(json("d1")));
    Fixtures.gzip(root.resolve("a/y.txt.gz"), utf8(HOUSE));
    // hidden: not read, not counted
    Fixtures.write(root.resolve(".hidden.txt"), HOUSE);
    Fixtures.write(root.resolve(".git/objects/x.txt"), HOUSE);
    Fixtures.write(root.resolve("a/.cache/w.jsonl"), json("hidden"));
    // other types: not read, counted as skipped
    Fixtures.write(root.resolve("notes.md"), "# notes");
    Fixtures.write(root.resolve("README"), "read me");
    Fixtures.write(root.resolve("a/data.csv"), "a,b");

    ArticleFiles files = new ArticleFiles();
    List<ReadEvent> events = new ArrayList<>();
    files.read(List.of(root), events::add);

    assertEquals(List.of(), Fixtures.rejected(events));
    assertEquals(
        List.of(
            new Location(root.resolve("a/c.jsonl"), 1),
            new Location(root.resolve("a/c.jsonl"), 2),
            Location.file(root.resolve("a/y.txt.gz")),
            Location.file(root.resolve("a/z.txt")),
            Location.file(root.resolve("b.txt")),
            new Location(root.resolve("c.ndjson.gz"), 1)),
        events.stream().map(ReadEvent::where).toList());
    assertEquals(List.of("c1", "c2", "y", "z", "b", "d1"), ids(events));
    assertEquals(3, files.skipped());
    assertEquals(
        List.of(
            root.resolve("a/c.jsonl"),
            root.resolve("a/y.txt.gz"),
            root.resolve("a/z.txt"),
            root.resolve("b.txt"),
            root.resolve("c.ndjson.gz")),
        ArticleFiles.list(List.of(root)));
    assertEquals(6, ArticleFiles.countArticles(List.of(root)));
  }

  @Test
  void aHiddenFolderNamedOnTheCommandLineIsRead() {
    Path root = tmp.resolve(".archive");
    Fixtures.write(root.resolve("x.txt"), HOUSE);
    assertEquals(List.of("x"), ids(Fixtures.read(root)));
  }

  @Test
  void aFileOfAnotherTypeNamedDirectlyIsUnsupported() {
    Path md = Fixtures.write(tmp.resolve("notes.md"), "# notes");
    ArticleFiles files = new ArticleFiles();
    List<ReadEvent> events = new ArrayList<>();
    files.read(List.of(md), events::add);
    assertEquals(
        List.of(
            rejected(md, 0, Reason.UNSUPPORTED, "not .txt, .jsonl or .ndjson (optionally .gz)")),
        events);
    assertEquals(0, files.skipped());
  }

  /** A FIFO at {@code path} (mkfifo), or the test is skipped where there is none. */
  private static Path fifo(Path path) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/mkfifo")), "needs mkfifo");
    Files.createDirectories(path.getParent());
    assertEquals(0, new ProcessBuilder("/usr/bin/mkfifo", path.toString()).start().waitFor());
    return path;
  }

  @Test
  void aFifoNamedOnTheCommandLineIsRejectedUnopened() throws Exception {
    Path pipe = fifo(tmp.resolve("pipe.jsonl"));
    List<ReadEvent> events =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(20), () -> Fixtures.read(pipe));
    assertEquals(
        List.of(
            rejected(pipe, 0, Reason.NOT_A_FILE, "a FIFO, socket or device, not a regular file")),
        events);
    assertEquals(List.of(), ArticleFiles.list(List.of(pipe)));
  }

  @Test
  void everythingInAFolderThatIsNotARegularFileIsReportedWithItsReason() throws Exception {
    Path root = tmp.resolve("mixed");
    Fixtures.write(root.resolve("good.txt"), HOUSE);
    Fixtures.write(root.resolve("feed.jsonl/inner.jsonl"), json("inner") + "\n");
    Path pipe = fifo(root.resolve("pipe.txt"));
    Path dangling = Files.createSymbolicLink(root.resolve("dangling.txt"), Path.of("nowhere.txt"));
    Path loopA = root.resolve("loop-a.jsonl");
    Path loopB = root.resolve("loop-b.jsonl");
    Files.createSymbolicLink(loopA, loopB);
    Files.createSymbolicLink(loopB, loopA);
    Path linked = Files.createSymbolicLink(root.resolve("linked.txt"), root.resolve("good.txt"));
    ArticleFiles files = new ArticleFiles();
    List<ReadEvent> events = new ArrayList<>();
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20), () -> files.read(List.of(root), events::add));

    assertEquals(List.of("inner", "good", "linked"), ids(events)); // in path order
    assertEquals(
        List.of(
            rejected(dangling, 0, Reason.NOT_A_FILE, "a symbolic link to nothing (nowhere.txt)"),
            rejected(
                root.resolve("feed.jsonl"),
                0,
                Reason.NOT_A_FILE,
                "a directory named like an article file (its files are read as a folder's)"),
            rejected(loopA, 0, Reason.NOT_A_FILE, "a symbolic link loop"),
            rejected(loopB, 0, Reason.NOT_A_FILE, "a symbolic link loop"),
            rejected(pipe, 0, Reason.NOT_A_FILE, "a FIFO, socket or device, not a regular file")),
        Fixtures.rejected(events));
    assertEquals(true, Files.isSymbolicLink(linked), "a link to a file is read as the file");
  }

  @Test
  void aMissingPathIsUnreadable() {
    Path missing = tmp.resolve("no/such/file.txt");
    assertEquals(
        List.of(rejected(missing, 0, Reason.UNREADABLE, "no such file or directory")),
        Fixtures.read(missing));
  }

  // --- bad files

  @ParameterizedTest
  @CsvSource({"empty.txt, empty file", "empty.jsonl, empty file"})
  void anEmptyFileIsEmpty(String name, String detail) {
    Path file = Fixtures.write(tmp.resolve(name), new byte[0]);
    assertEquals(List.of(rejected(file, 0, Reason.EMPTY, detail)), Fixtures.read(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"empty.txt.gz", "empty.jsonl.gz"})
  void anEmptyGzipFileIsEmpty(String name) {
    Path file = Fixtures.gzip(tmp.resolve(name), new byte[0]);
    assertEquals(List.of(rejected(file, 0, Reason.EMPTY, "empty file")), Fixtures.read(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {" ", "\n\n\n", " \t\r\n \r\n\f", "\uFEFF\n  \n"})
  void aWhiteSpaceOnlyFileIsEmpty(String text) {
    Path txt = Fixtures.write(tmp.resolve("blank.txt"), text);
    Path jsonl = Fixtures.write(tmp.resolve("blank.jsonl"), text);
    assertEquals(
        List.of(
            rejected(txt, 0, Reason.EMPTY, "only white space"),
            rejected(jsonl, 0, Reason.EMPTY, "only white space")),
        Fixtures.read(txt, jsonl));
  }

  @Test
  void nulBytesAreBinary() {
    byte[] junk = bytes(utf8("PK"), new byte[] {3, 4, 20, 0, 8, 0}, utf8("junk"));
    Path txt = Fixtures.write(tmp.resolve("junk.txt"), junk);
    Path jsonl = Fixtures.write(tmp.resolve("junk.jsonl"), junk);
    Path gz = Fixtures.gzip(tmp.resolve("junk.jsonl.gz"), junk);
    assertEquals(
        List.of(
            rejected(txt, 0, Reason.BINARY, "NUL byte at byte 5"),
            rejected(jsonl, 0, Reason.BINARY, "NUL byte at byte 5"),
            rejected(gz, 0, Reason.BINARY, "NUL byte at byte 5")),
        Fixtures.read(txt, jsonl, gz));
  }

  @Test
  void manyControlCharactersAreBinary() {
    byte[] junk = new byte[100];
    for (int i = 0; i < junk.length; i++) {
      junk[i] = (byte) (i % 2 == 0 ? 'a' : 0x01);
    }
    Path txt = Fixtures.write(tmp.resolve("junk.txt"), junk);
    assertEquals(
        List.of(rejected(txt, 0, Reason.BINARY, "50 control characters in the first 100 bytes")),
        Fixtures.read(txt));
  }

  @Test
  void aFewControlCharactersInTextAreTolerated() {
    // a stray form feed and a vertical tab, as some word processors leave them
    Path txt =
        Fixtures.write(
            tmp.resolve("ok.txt"),
            HOUSE.replace("capital", "capital\u000B").replace("spring.", "spring.\f"));
    assertEquals(List.of("ok"), ids(Fixtures.read(txt)));
  }

  @Test
  void invalidUtf8InAHouseFileIsAnEncodingProblem() {
    // "Erdoğan" written in ISO-8859-9, where ğ is the single byte 0xF0
    byte[] latin5 =
        bytes(
            utf8(" date 2021-11-17 WORLD\nErdo"),
            new byte[] {(byte) 0xF0},
            utf8("an visits Ankara\n\nBody.\n"));
    Path txt = Fixtures.write(tmp.resolve("latin5.txt"), latin5);
    assertEquals(
        List.of(rejected(txt, 0, Reason.ENCODING, "not UTF-8 at byte 27")), Fixtures.read(txt));
  }

  @Test
  void aTitleOnlyHouseFileIsMalformed() {
    Path txt =
        Fixtures.write(
            tmp.resolve("title-only.txt"),
            " date 2021-11-17 WORLD\nDam talks resume in the capital\n");
    Path bare = Fixtures.write(tmp.resolve("bare-title.txt"), "Dam talks resume in the capital");
    assertEquals(
        List.of(
            rejected(bare, 0, Reason.MALFORMED, "no text after the title"),
            rejected(txt, 0, Reason.MALFORMED, "no text after the title")),
        Fixtures.read(bare, txt));
  }

  @Test
  void aHouseFileOverTheLimitIsTooLarge() throws IOException {
    Path big = tmp.resolve("big.txt");
    byte[] line = utf8("A long body line that goes on and on.\n");
    try (var out = Files.newOutputStream(big)) {
      out.write(utf8(HOUSE));
      for (long n = 0; n <= ArticleFiles.MAX_ARTICLE_BYTES; n += line.length) {
        out.write(line);
      }
    }
    assertEquals(List.of(rejected(big, 0, Reason.TOO_LARGE, "over 16 MB")), Fixtures.read(big));
  }

  // --- JSON Lines files

  @Test
  void eachBadLineIsRejectedWithItsNumberAndTheOtherLinesAreRead() {
    Path file =
        Fixtures.write(
            tmp.resolve("mixed.jsonl"),
            bytes(
                utf8("\uFEFF" + json("a") + "\r\n"), // 1: a byte-order mark and CRLF
                utf8("\n"), // 2: blank
                utf8("   \t\r\n"), // 3: blank
                utf8("not json at all\n"), // 4
                utf8(json("b") + "\n"), // 5
                utf8("[1, 2, 3]\n"), // 6
                utf8("{\"id\": \"c\", \"body\": \"B\"}\n"), // 7
                utf8("{\"title\": \"T\", \"body\": \"B\"}\n"), // 8
                utf8("{\"id\": \"d\", \"title\": \"T\", \"body\": \"B\", \"date\": [2021]}\n"), // 9
                utf8("{\"id\": \"e\", \"title\": \"Caf"),
                new byte[] {(byte) 0xE9},
                utf8("\", \"body\": \"B\"}\n"), // 10
                utf8("{\"id\": \"f\", \"title\": \"T\", \"body\": \"B\", \"date\": null}\n"), // 11
                utf8(json("g")))); // 12: no final line end
    List<ReadEvent> events = Fixtures.read(file);
    assertEquals(
        List.of(
            rejected(
                file,
                4,
                Reason.MALFORMED,
                "not JSON: Unrecognized token 'not': was expecting (JSON String, Number, Array,"
                    + " Object or token 'null', 'true' or 'false')"),
            rejected(file, 6, Reason.NOT_AN_ARTICLE, "a JSON array, not an object"),
            rejected(file, 7, Reason.NOT_AN_ARTICLE, "no 'title'"),
            rejected(file, 8, Reason.NOT_AN_ARTICLE, "no 'id' or 'url'"),
            rejected(file, 9, Reason.NOT_AN_ARTICLE, "field 'date' is not a string"),
            rejected(file, 10, Reason.ENCODING, "not UTF-8: Invalid UTF-8 middle byte 0x22")),
        Fixtures.rejected(events));
    assertEquals(List.of("a", "b", "f", "g"), ids(events));
    assertEquals(
        List.of(1, 5, 11, 12),
        events.stream()
            .filter(e -> e instanceof ReadEvent.Parsed)
            .map(e -> e.where().line())
            .toList());
    assertEquals(
        new ReadEvent.Problem(Reason.NO_DATE, "no 'date'"),
        ((ReadEvent.Parsed)
                events.stream().filter(e -> e.where().line() == 11).findFirst().orElseThrow())
            .warning());
  }

  @Test
  void aJsonLineOverTheLimitIsTooLargeAndTheNextLineIsRead() throws IOException {
    Path file = tmp.resolve("big.jsonl");
    try (var out = Files.newOutputStream(file)) {
      out.write(utf8(json("a") + "\n{\"id\": \"big\", \"title\": \"T\", \"body\": \""));
      byte[] chunk = new byte[1 << 20];
      Arrays.fill(chunk, (byte) 'x');
      for (int i = 0; i <= ArticleFiles.MAX_ARTICLE_BYTES / chunk.length; i++) {
        out.write(chunk);
      }
      out.write(utf8("\"}\n" + json("b") + "\n"));
    }
    List<ReadEvent> events = Fixtures.read(file);
    assertEquals(
        List.of(rejected(file, 2, Reason.TOO_LARGE, "line over 16 MB")), Fixtures.rejected(events));
    assertEquals(List.of("a", "b"), ids(events));
  }

  // --- broken gzip

  /**
   * A gzip file of {@code lines} JSON lines cut a few bytes after the first {@code kept}: the
   * compressor is flushed there, so exactly those lines can be read back.
   */
  private static Path truncatedGzip(Path file, int kept, int lines) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int cut;
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, true)) {
      for (int i = 1; i <= kept; i++) {
        gz.write(utf8(json("a" + i) + "\n"));
      }
      gz.flush(); // a sync flush: the lines so far are complete in the compressed bytes
      cut = bytes.size() + 4;
      for (int i = kept + 1; i <= lines; i++) {
        gz.write(utf8(json("a" + i) + "\n"));
      }
    }
    return Fixtures.write(file, Arrays.copyOf(bytes.toByteArray(), cut));
  }

  // Regression, found writing these tests (issue 2, point 8): the lines before the break were lost,
  // all of them in a file under 64 KB, because a buffered stream dropped what it had read.
  @ParameterizedTest
  @ValueSource(ints = {1, 3, 500, 2000})
  void aTruncatedGzipIsUnreadableAtTheBreakAndTheArticlesBeforeItAreRead(int kept)
      throws IOException {
    Path file = truncatedGzip(tmp.resolve("cut.jsonl.gz"), kept, kept + 50);
    List<ReadEvent> events = Fixtures.read(file);
    List<String> before = new ArrayList<>();
    for (int i = 1; i <= kept; i++) {
      before.add("a" + i);
    }
    assertEquals(before, ids(events));
    assertEquals(
        List.of(
            rejected(
                file,
                kept + 1,
                Reason.UNREADABLE,
                "EOFException: Unexpected end of ZLIB input stream")),
        Fixtures.rejected(events));
    assertEquals(
        events.size() - 1,
        events.indexOf(Fixtures.rejected(events).get(0)),
        "the rejection comes last");
  }

  @Test
  void aTruncatedGzipHouseFileIsUnreadable() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(utf8(HOUSE));
    }
    byte[] all = bytes.toByteArray();
    Path file = Fixtures.write(tmp.resolve("cut.txt.gz"), Arrays.copyOf(all, all.length - 10));
    assertEquals(
        List.of(
            rejected(
                file, 0, Reason.UNREADABLE, "EOFException: Unexpected end of ZLIB input stream")),
        Fixtures.read(file));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fake.txt.gz", "fake.jsonl.gz"})
  void aGzipNameOverDataThatIsNotGzipIsUnreadable(String name) {
    Path file = Fixtures.write(tmp.resolve(name), json("a"));
    assertEquals(
        List.of(
            rejected(file, 0, Reason.UNREADABLE, "IOException: not gzip data: Not in GZIP format")),
        Fixtures.read(file));
  }

  // --- one run over good and bad input

  @Test
  void aRunRejectsEachBadInputWithItsLocationAndReadsEveryGoodFile() throws IOException {
    Path root = tmp.resolve("run");
    Fixtures.write(root.resolve("01-good.txt"), HOUSE);
    Path empty = Fixtures.write(root.resolve("02-empty.txt"), "");
    Path blank = Fixtures.write(root.resolve("03-blank.txt"), " \n\t\n");
    Path binary =
        Fixtures.write(
            root.resolve("04-binary.txt"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
    // "Talks at the café", the é in ISO-8859-1
    Path latin1 =
        Fixtures.write(
            root.resolve("05-latin1.txt"),
            bytes(utf8("Talks at the caf"), new byte[] {(byte) 0xE9}, utf8("\n\nBody.\n")));
    Path titleOnly = Fixtures.write(root.resolve("06-title-only.txt"), "Dam talks resume\n");
    Fixtures.write(root.resolve("07-good.jsonl"), json("j1") + "\n" + json("j2") + "\n");
    Path badLines =
        Fixtures.write(
            root.resolve("08-lines.jsonl"),
            json("j3") + "\n{oops\n\n\"text\"\n" + json("j4") + "\n");
    Path cut = truncatedGzip(root.resolve("09-cut.jsonl.gz"), 2, 40);
    Fixtures.gzip(root.resolve("10-good.txt.gz"), utf8(HOUSE));
    Path undated =
        Fixtures.write(
            root.resolve("11-undated.txt"),
            HOUSE.replace(" date 2021-11-17 WORLD\n", "").replace("November 17, 2021\n", ""));
    Fixtures.write(root.resolve("12-notes.md"), "# notes");
    Path missing = tmp.resolve("missing.jsonl");
    Path unsupported = Fixtures.write(tmp.resolve("export.json"), json("x"));

    ArticleFiles files = new ArticleFiles();
    List<ReadEvent> events = new ArrayList<>();
    files.read(List.of(root, missing, unsupported), events::add);

    assertEquals(
        List.of("01-good", "j1", "j2", "j3", "j4", "a1", "a2", "10-good", "11-undated"),
        ids(events));
    assertEquals(
        List.of(
            rejected(empty, 0, Reason.EMPTY, "empty file"),
            rejected(blank, 0, Reason.EMPTY, "only white space"),
            rejected(binary, 0, Reason.BINARY, "NUL byte at byte 4"),
            rejected(latin1, 0, Reason.ENCODING, "not UTF-8 at byte 16"),
            rejected(titleOnly, 0, Reason.MALFORMED, "no text after the title"),
            rejected(
                badLines,
                2,
                Reason.MALFORMED,
                "not JSON: Unexpected character ('o' (code 111)): was expecting double-quote to"
                    + " start field name"),
            rejected(badLines, 4, Reason.NOT_AN_ARTICLE, "a JSON string, not an object"),
            rejected(
                cut, 3, Reason.UNREADABLE, "EOFException: Unexpected end of ZLIB input stream"),
            rejected(missing, 0, Reason.UNREADABLE, "no such file or directory"),
            rejected(
                unsupported,
                0,
                Reason.UNSUPPORTED,
                "not .txt, .jsonl or .ndjson (optionally .gz)")),
        Fixtures.rejected(events));
    assertEquals(1, files.skipped());
    ReadEvent.Parsed noDate =
        (ReadEvent.Parsed)
            events.stream().filter(e -> e.where().file().equals(undated)).findFirst().orElseThrow();
    assertEquals(new ReadEvent.Problem(Reason.NO_DATE, "no date line"), noDate.warning());
  }
}

package org.morgue.article;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads article files of every supported format and hands each article, or each problem, to a
 * consumer, in input order. Nothing here throws for bad input: a bad file or line becomes a {@link
 * ReadEvent.Rejected} and reading goes on.
 *
 * <p>The format is chosen by the file name: {@code .txt} is the house format (one article a file),
 * {@code .jsonl} and {@code .ndjson} are JSON Lines; any of them may end in {@code .gz}. A
 * directory is walked recursively in name order, passing over hidden entries and files of other
 * types (counted as skipped); a file named on the command line in another type is rejected as
 * unsupported.
 */
public final class ArticleFiles {
  /** No article file or JSON line is larger than this. */
  public static final int MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

  private static final int SNIFF_BYTES = 8192;

  /** The formats Morgue reads. */
  public enum Format {
    HOUSE,
    JSON_LINES
  }

  private int skipped;
  private final List<String> skippedNames = new ArrayList<>();

  /** How many files of other types were passed over in walked directories. */
  public int skipped() {
    return skipped;
  }

  /** The names of the first three files passed over (to say what was skipped). */
  public List<String> skippedNames() {
    return List.copyOf(skippedNames);
  }

  /**
   * The format of a file by its name, or {@code null} when Morgue does not read it.
   *
   * <p>Example: {@code formatOf(Path.of("a/b.jsonl.gz"))} is {@link Format#JSON_LINES}.
   */
  public static Format formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
    }
    if (name.endsWith(".txt")) {
      return Format.HOUSE;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return Format.JSON_LINES;
    }
    return null;
  }

  /** The article files under the inputs, in the order {@link #read} takes them. */
  public static List<Path> list(List<Path> inputs) {
    List<Path> out = new ArrayList<>();
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(p -> !hidden(input, p) && Files.isRegularFile(p) && formatOf(p) != null)
              .sorted()
              .forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
          // read() reports the directory
        }
      } else if (Files.isRegularFile(input)) {
        out.add(input);
      }
    }
    return out;
  }

  /**
   * Reads every input, a file or a directory, handing each article or problem to {@code sink}.
   *
   * @param inputs files and directories, in the order to read them
   * @param sink receives every event, on the calling thread
   */
  public void read(List<Path> inputs, Consumer<ReadEvent> sink) {
    for (Path input : inputs) {
      if (Files.isDirectory(input)) {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(input)) {
          walk.filter(p -> !p.equals(input) && !hidden(input, p)).sorted().forEach(entries::add);
        } catch (IOException | java.io.UncheckedIOException e) {
          sink.accept(
              reject(
                  Location.file(input), Reason.UNREADABLE, "cannot list directory: " + message(e)));
        }
        for (Path entry : entries) {
          String notAFile = notAFile(entry);
          if (Files.isDirectory(entry, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            if (formatOf(entry) != null) {
              sink.accept(
                  reject(
                      Location.file(entry),
                      Reason.NOT_A_FILE,
                      "a directory named like an article file (its files are read as a folder's)"));
            }
          } else if (notAFile != null) {
            sink.accept(reject(Location.file(entry), Reason.NOT_A_FILE, notAFile));
          } else if (formatOf(entry) == null) {
            skipped++;
            if (skippedNames.size() < 3) {
              skippedNames.add(input.relativize(entry).toString());
            }
          } else {
            readFile(entry, sink);
          }
        }
      } else if (notAFile(input) != null) {
        String why = notAFile(input);
        sink.accept(
            reject(
                Location.file(input),
                why.equals(NO_SUCH_FILE) ? Reason.UNREADABLE : Reason.NOT_A_FILE,
                why));
      } else if (formatOf(input) == null) {
        sink.accept(
            reject(
                Location.file(input),
                Reason.UNSUPPORTED,
                "not .txt, .jsonl or .ndjson (optionally .gz)"));
      } else {
        readFile(input, sink);
      }
    }
  }

  private static final String NO_SUCH_FILE = "no such file or directory";

  /**
   * Why {@code path} is not a regular file that can be opened (a FIFO would block the reader for
   * ever), or {@code null} when it is one (or a symbolic link to one).
   */
  static String notAFile(Path path) {
    boolean link = Files.isSymbolicLink(path);
    java.nio.file.attribute.BasicFileAttributes a;
    try {
      a = Files.readAttributes(path, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      return link ? "a symbolic link to nothing (" + target(path) + ")" : NO_SUCH_FILE;
    } catch (java.nio.file.FileSystemException e) {
      String reason = e.getReason() == null ? "" : e.getReason();
      return link && reason.toLowerCase(Locale.ROOT).contains("symbolic links")
          ? "a symbolic link loop"
          : "cannot read its type: " + message(e);
    } catch (IOException e) {
      return "cannot read its type: " + message(e);
    }
    if (a.isRegularFile()) {
      return null;
    }
    if (a.isDirectory()) {
      return link ? "a symbolic link to a directory (links to folders are not followed)" : null;
    }
    return (link ? "a symbolic link to " : "") + "a FIFO, socket or device, not a regular file";
  }

  private static String target(Path link) {
    try {
      return Files.readSymbolicLink(link).toString();
    } catch (IOException e) {
      return "?";
    }
  }

  /** Reads one file of a supported format; anything but a regular file is rejected unopened. */
  public void readFile(Path file, Consumer<ReadEvent> sink) {
    String notAFile = notAFile(file);
    if (notAFile != null && !Files.isDirectory(file)) {
      sink.accept(
          reject(
              Location.file(file),
              notAFile.equals(NO_SUCH_FILE) ? Reason.UNREADABLE : Reason.NOT_A_FILE,
              notAFile));
      return;
    }
    if (Files.isDirectory(file)) {
      sink.accept(reject(Location.file(file), Reason.NOT_A_FILE, "a directory, not a file"));
      return;
    }
    if (formatOf(file) == Format.HOUSE) {
      readHouse(file, sink);
    } else {
      readJsonLines(file, sink);
    }
  }

  private static boolean hidden(Path root, Path p) {
    for (Path part : root.relativize(p)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) {
      try {
        return new GZIPInputStream(in, 1 << 16);
      } catch (IOException e) {
        in.close();
        throw new IOException("not gzip data: " + e.getMessage(), e);
      }
    }
    return in;
  }

  /** The file name without its format extensions: {@code a/b.txt.gz} gives {@code b}. */
  public static String stem(Path file) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".gz")) {
      name = name.substring(0, name.length() - 3);
      lower = lower.substring(0, lower.length() - 3);
    }
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private void readHouse(Path file, Consumer<ReadEvent> sink) {
    Location where = Location.file(file);
    byte[] bytes;
    try (InputStream in = open(file)) {
      bytes = in.readNBytes(MAX_ARTICLE_BYTES + 1);
    } catch (NoSuchFileException e) {
      sink.accept(reject(where, Reason.UNREADABLE, "no such file"));
      return;
    } catch (IOException e) {
      sink.accept(reject(where, Reason.UNREADABLE, message(e)));
      return;
    }
    if (bytes.length > MAX_ARTICLE_BYTES) {
      sink.accept(
          reject(where, Reason.TOO_LARGE, "over " + MAX_ARTICLE_BYTES / (1024 * 1024) + " MB"));
      return;
    }
    String text;
    try {
      text = decode(bytes);
    } catch (ArticleException e) {
      sink.accept(reject(where, e.reason(), e.getMessage()));
      return;
    }
    try {
      HouseFormat.Result r = HouseFormat.parse(stem(file), text);
      checkLimits(r.article());
      sink.accept(new ReadEvent.Parsed(r.article(), where, r.warning()));
    } catch (ArticleException e) {
      sink.accept(reject(where, e.reason(), e.getMessage()));
    }
  }

  /**
   * Decodes a whole house-format file: UTF-8 (with or without a byte-order mark) or UTF-16 with a
   * byte-order mark.
   *
   * @throws ArticleException {@link Reason#EMPTY}, {@link Reason#BINARY} or {@link Reason#ENCODING}
   */
  static String decode(byte[] bytes) throws ArticleException {
    if (bytes.length >= 2
        && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
            || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      return strict(StandardCharsets.UTF_16, bytes, 0, bytes.length); // the decoder reads the mark
    }
    if (isBlank(bytes, 0, bytes.length)) {
      throw new ArticleException(
          Reason.EMPTY, bytes.length == 0 ? "empty file" : "only white space");
    }
    checkText(bytes, 0, bytes.length);
    return strict(StandardCharsets.UTF_8, bytes, 0, bytes.length);
  }

  private static String strict(java.nio.charset.Charset cs, byte[] b, int off, int len)
      throws ArticleException {
    CharsetDecoder d =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
    try {
      return d.decode(buf).toString();
    } catch (MalformedInputException e) {
      throw new ArticleException(
          Reason.ENCODING, "not " + cs.name() + " at byte " + (buf.position() - off));
    } catch (CharacterCodingException e) {
      throw new ArticleException(Reason.ENCODING, "not " + cs.name() + ": " + e.getMessage());
    }
  }

  /** Rejects bytes that are not text: a NUL, or many control characters, in the first 8 KB. */
  private static void checkText(byte[] b, int off, int len) throws ArticleException {
    int n = Math.min(len, SNIFF_BYTES);
    int control = 0;
    for (int i = off; i < off + n; i++) {
      int c = b[i] & 0xFF;
      if (c == 0) {
        throw new ArticleException(Reason.BINARY, "NUL byte at byte " + (i - off));
      }
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
        control++;
      }
    }
    if (control > n / 20 + 1) {
      throw new ArticleException(
          Reason.BINARY, control + " control characters in the first " + n + " bytes");
    }
  }

  private static boolean isBlank(byte[] b, int off, int len) {
    int i = off;
    int end = off + len;
    if (len >= 3
        && b[off] == (byte) 0xEF
        && b[off + 1] == (byte) 0xBB
        && b[off + 2] == (byte) 0xBF) {
      i += 3;
    }
    for (; i < end; i++) {
      byte c = b[i];
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
        return false;
      }
    }
    return true;
  }

  private void readJsonLines(Path file, Consumer<ReadEvent> sink) {
    int lineNo = 0;
    int articles = 0;
    try (InputStream raw = open(file)) {
      // The first bytes say whether this is text at all. They and the lines after them are read
      // straight from the stream, keeping what came before a failure, so that a gzip file cut short
      // still gives every whole line before the cut. (A BufferedInputStream in between drops what
      // it
      // has read when the stream under it fails: up to 64 KB of lines, all of a small file's.)
      byte[] head = new byte[SNIFF_BYTES];
      int headLength = 0;
      IOException broken = null;
      try {
        for (int r;
            headLength < head.length
                && (r = raw.read(head, headLength, head.length - headLength)) > 0; ) {
          headLength += r;
        }
      } catch (IOException e) {
        if (headLength == 0) {
          throw e;
        }
        broken = e;
      }
      if (headLength == 0) {
        sink.accept(reject(Location.file(file), Reason.EMPTY, "empty file"));
        return;
      }
      try {
        checkText(head, 0, headLength);
      } catch (ArticleException e) {
        sink.accept(reject(Location.file(file), e.reason(), e.getMessage()));
        return;
      }
      InputStream in =
          broken == null
              ? new SequenceInputStream(new ByteArrayInputStream(head, 0, headLength), raw)
              // only the whole lines before the break; the cut one is reported as unreadable
              : new ByteArrayInputStream(head, 0, afterLastNewline(head, headLength));
      LineReader lines = new LineReader(in);
      while (lines.next()) {
        lineNo++;
        Location where = new Location(file, lineNo);
        int off = 0;
        int len = lines.length();
        byte[] buf = lines.buffer();
        if (lineNo == 1
            && len >= 3
            && buf[0] == (byte) 0xEF
            && buf[1] == (byte) 0xBB
            && buf[2] == (byte) 0xBF) {
          off = 3;
          len -= 3;
        }
        if (lines.overflowed()) {
          sink.accept(
              reject(
                  where,
                  Reason.TOO_LARGE,
                  "line over " + MAX_ARTICLE_BYTES / (1024 * 1024) + " MB"));
          continue;
        }
        if (isBlank(buf, off, len)) {
          continue;
        }
        try {
          JsonLines.Result r = JsonLines.parse(buf, off, len);
          checkLimits(r.article());
          articles++;
          sink.accept(new ReadEvent.Parsed(r.article(), where, r.warning()));
        } catch (ArticleException e) {
          sink.accept(reject(where, e.reason(), e.getMessage()));
        }
      }
      if (broken != null) {
        throw broken;
      }
      if (lineNo > 0 && articles == 0 && lines.allBlank()) {
        sink.accept(reject(Location.file(file), Reason.EMPTY, "only white space"));
      }
    } catch (NoSuchFileException e) {
      sink.accept(reject(Location.file(file), Reason.UNREADABLE, "no such file"));
    } catch (IOException e) {
      Location where = lineNo == 0 ? Location.file(file) : new Location(file, lineNo + 1);
      sink.accept(reject(where, Reason.UNREADABLE, message(e)));
    }
  }

  /**
   * Refuses an article whose id or facet values could not be indexed: an id over {@value
   * Article#MAX_ID_BYTES} UTF-8 bytes, a section, source or author over {@value
   * Article#MAX_VALUE_CHARS} characters, more than {@value Article#MAX_AUTHORS} authors.
   *
   * @throws ArticleException {@link Reason#TOO_LARGE} naming the field
   */
  static void checkLimits(Article a) throws ArticleException {
    int idBytes = utf8Length(a.id());
    if (idBytes > Article.MAX_ID_BYTES) {
      throw new ArticleException(
          Reason.TOO_LARGE,
          "the id has " + idBytes + " bytes; an id may have at most " + Article.MAX_ID_BYTES);
    }
    checkValue("section", a.section());
    checkValue("source", a.source());
    if (a.authors().size() > Article.MAX_AUTHORS) {
      throw new ArticleException(
          Reason.TOO_LARGE,
          a.authors().size() + " authors; an article may have at most " + Article.MAX_AUTHORS);
    }
    for (String author : a.authors()) {
      checkValue("author", author);
    }
  }

  private static void checkValue(String field, String value) throws ArticleException {
    if (value != null && value.length() > Article.MAX_VALUE_CHARS) {
      throw new ArticleException(
          Reason.TOO_LARGE,
          "the "
              + field
              + " has "
              + value.length()
              + " characters; it may have at most "
              + Article.MAX_VALUE_CHARS);
    }
  }

  /** The length of a string in UTF-8 bytes, without encoding it. */
  private static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** The length of {@code b[0, n)} up to and with its last line end (0 when it has none). */
  private static int afterLastNewline(byte[] b, int n) {
    for (int i = n - 1; i >= 0; i--) {
      if (b[i] == '\n') {
        return i + 1;
      }
    }
    return 0;
  }

  /** Counts the articles the inputs hold, roughly (one a house file, one a non-blank JSON line). */
  public static long countArticles(List<Path> inputs) {
    long n = 0;
    for (Path file : list(inputs)) {
      if (formatOf(file) == Format.HOUSE) {
        n++;
      } else if (formatOf(file) == Format.JSON_LINES) {
        try (InputStream in = open(file)) {
          byte[] buf = new byte[1 << 16];
          boolean content = false;
          for (int r; (r = in.read(buf)) > 0; ) {
            for (int i = 0; i < r; i++) {
              if (buf[i] == '\n') {
                if (content) {
                  n++;
                }
                content = false;
              } else if (buf[i] != ' ' && buf[i] != '\r' && buf[i] != '\t') {
                content = true;
              }
            }
          }
          if (content) {
            n++;
          }
        } catch (IOException e) {
          // read() reports it
        }
      }
    }
    return n;
  }

  private static ReadEvent.Rejected reject(Location where, Reason reason, String detail) {
    return new ReadEvent.Rejected(where, reason, detail);
  }

  private static String message(Exception e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Splits a stream into lines of bytes, without their line ends, keeping at most the cap. */
  private static final class LineReader {
    private final InputStream in;
    private byte[] buf = new byte[1 << 14];
    private int len;
    private boolean overflow;
    private boolean eof;
    private boolean anyContent;

    LineReader(InputStream in) {
      this.in = in;
    }

    private final byte[] chunk = new byte[1 << 16];
    private int pos;
    private int limit;

    boolean next() throws IOException {
      if (eof) {
        return false;
      }
      len = 0;
      overflow = false;
      boolean any = false;
      while (true) {
        if (pos == limit) {
          limit = in.read(chunk, 0, chunk.length);
          pos = 0;
          if (limit <= 0) {
            limit = 0;
            eof = true;
            if (!any) {
              return false;
            }
            break;
          }
        }
        any = true;
        int nl = pos;
        while (nl < limit && chunk[nl] != '\n') {
          nl++;
        }
        append(pos, nl - pos);
        boolean found = nl < limit;
        pos = found ? nl + 1 : nl;
        if (found) {
          break;
        }
      }
      if (len > 0 && buf[len - 1] == '\r') {
        len--;
      }
      if (!isBlank(buf, 0, len)) {
        anyContent = true;
      }
      return true;
    }

    private void append(int from, int n) {
      if (overflow || n == 0) {
        return;
      }
      if (len + n > MAX_ARTICLE_BYTES) {
        overflow = true;
        return;
      }
      if (len + n > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(len + n, Math.min(MAX_ARTICLE_BYTES, buf.length * 2)));
      }
      System.arraycopy(chunk, from, buf, len, n);
      len += n;
    }

    byte[] buffer() {
      return buf;
    }

    int length() {
      return len;
    }

    boolean overflowed() {
      return overflow;
    }

    boolean allBlank() {
      return !anyContent;
    }
  }
}

package org.morgue.search;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Weight;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;

/**
 * Concordance (key word in context): every occurrence of a query's words, phrases and operators in
 * an article, as the text before it, the match and the text after it. A match is what Lucene's
 * {@link Matches} give for the query in the field: a word, a phrase, or the whole span of an
 * operator ({@code a W/3 b}: from a to b). The index holds positions, not offsets; the stored text
 * is analysed again with the index analyzer to find where each position is.
 */
public final class Concordance {
  /** Characters of context on each side. */
  static final int CONTEXT = 60;

  /**
   * The most lines counted for one page, and gathered and sorted for a sorted one: a sorted page
   * reads every article of its lines (at 10,000 lines, 0.56 s of CPU at p99 over 100,000 articles).
   */
  public static final int MAX_SORTED_LINES = 5_000;

  /** The largest page. */
  public static final int MAX_SIZE = 200;

  /**
   * The words as indexed, without the boundary marks: the marks take no position of their own, so
   * the positions are the index's, and the text is not scanned for boundaries.
   */
  private static final Analyzer INDEX = Analyzers.exact();

  private Concordance() {}

  /**
   * One occurrence.
   *
   * @param id the article's id
   * @param date its date, or {@code null}
   * @param title its title
   * @param field {@code title}, {@code lede} or {@code body}
   * @param left the text before the match (at most {@value #CONTEXT} characters, white space as one
   *     space)
   * @param match the match as written
   * @param right the text after it
   */
  public record Line(
      String id,
      LocalDate date,
      String title,
      String field,
      String left,
      String match,
      String right) {

    /** The last word before the match, folded: the key of the sort by the word before. */
    public String wordBefore() {
      String[] words = Analyzers.fold(left).strip().split("\\W+");
      return words.length == 0 ? "" : words[words.length - 1];
    }

    /** The first word after the match, folded. */
    public String wordAfter() {
      String[] words = Analyzers.fold(right).strip().split("\\W+");
      for (String w : words) {
        if (!w.isEmpty()) {
          return w;
        }
      }
      return "";
    }
  }

  /** How lines are ordered. */
  public enum Order {
    /** In the order of the articles (the request's sort), then of the text. */
    ARTICLE,
    /** By the word before the match, then the match, then the article order. */
    BEFORE,
    /** By the word after the match. */
    AFTER;

    public String param() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A page of lines.
   *
   * @param articles the articles the request matches
   * @param lines the lines found (all of them, unless {@code truncated})
   * @param truncated whether gathering stopped at {@value #MAX_SORTED_LINES} lines (sorted orders
   *     only; the CSV has every line)
   * @param timedOut whether the search was cut by the time limit
   */
  public record Page(
      long articles,
      long lines,
      boolean truncated,
      boolean timedOut,
      int page,
      int size,
      Order order,
      List<Line> items) {}

  /**
   * Sorts lines in place. Each line's key (the word before or after, and the match, folded) is
   * computed once, not at each comparison: a page gathers up to {@value #MAX_SORTED_LINES} lines.
   */
  static void sort(List<Line> lines, Order order) {
    if (order == Order.ARTICLE) {
      return;
    }
    record Keyed(String word, String match, Line line) {}
    List<Keyed> keyed = new ArrayList<>(lines.size());
    for (Line l : lines) {
      keyed.add(
          new Keyed(
              order == Order.BEFORE ? l.wordBefore() : l.wordAfter(),
              Analyzers.fold(l.match()),
              l));
    }
    keyed.sort(Comparator.comparing(Keyed::word).thenComparing(Keyed::match)); // stable
    for (int i = 0; i < keyed.size(); i++) {
      lines.set(i, keyed.get(i).line());
    }
  }

  /**
   * Where a query matches in one field of an article: character offsets into the field's stored
   * text.
   *
   * @param field {@code title}, {@code lede} or {@code body}
   * @param start the first character of the match
   * @param end the character after it
   */
  public record Span(String field, int start, int end) {}

  /** The lines of one matching document. */
  static List<Line> lines(
      Weight weight, List<LeafReaderContext> leaves, int doc, StoredArticle article)
      throws IOException {
    List<Line> out = new ArrayList<>();
    String body = null; // joined from the paragraphs once
    for (Span span : spans(weight, leaves, doc, article)) {
      String text;
      if (span.field().equals(Fields.BODY)) {
        body = body == null ? article.body() : body;
        text = body;
      } else {
        text = text(article, span.field());
      }
      int start = span.start();
      int end = span.end();
      out.add(
          new Line(
              article.id(),
              article.date(),
              article.title(),
              span.field(),
              squeeze(text.substring(Math.max(0, start - CONTEXT), start), true),
              squeeze(text.substring(start, end), false),
              squeeze(text.substring(end, Math.min(text.length(), end + CONTEXT)), false)));
    }
    return out;
  }

  private static String text(StoredArticle article, String field) {
    return switch (field) {
      case Fields.TITLE -> article.title();
      case Fields.LEDE -> article.lede();
      default -> article.body();
    };
  }

  /**
   * Where the query of {@code weight} matches in one document, field by field (title, lede, body)
   * and in the order of the text; a match inside an earlier one (a word inside its phrase) is left
   * out.
   */
  static List<Span> spans(
      Weight weight, List<LeafReaderContext> leaves, int doc, StoredArticle article)
      throws IOException {
    List<Span> out = new ArrayList<>();
    List<List<int[]>> byField = positions(weight, leaves, doc);
    for (int f = 0; f < byField.size(); f++) {
      String field = Fields.TEXT.get(f);
      List<int[]> spans = byField.get(f);
      String text = text(article, field);
      if (spans.isEmpty() || text == null || text.isEmpty()) {
        continue;
      }
      int last = 0;
      for (int[] span : spans) {
        last = Math.max(last, span[1]);
      }
      int[][] offsets = offsets(field, text, last);
      for (int[] span : spans) {
        if (span[1] < offsets.length) {
          out.add(new Span(field, offsets[span[0]][0], offsets[span[1]][1]));
        }
      }
    }
    return out;
  }

  /**
   * The number of lines of one document, from the positions of its matches alone (no stored text is
   * read): as many as {@link #lines} gives.
   */
  static int count(Weight weight, List<LeafReaderContext> leaves, int doc) throws IOException {
    int n = 0;
    for (List<int[]> spans : positions(weight, leaves, doc)) {
      n += spans.size();
    }
    return n;
  }

  /**
   * The positions (first and last) of the matches in each text field of a document, in the order of
   * {@link Fields#TEXT}, sorted, without a match inside an earlier one.
   */
  private static List<List<int[]>> positions(Weight weight, List<LeafReaderContext> leaves, int doc)
      throws IOException {
    LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
    Matches matches = weight.matches(leaf, doc - leaf.docBase);
    List<List<int[]>> out = new ArrayList<>();
    for (String field : Fields.TEXT) {
      List<int[]> kept = new ArrayList<>();
      out.add(kept);
      MatchesIterator it = matches == null ? null : matches.getMatches(field);
      if (it == null) {
        continue;
      }
      List<int[]> spans = new ArrayList<>();
      while (it.next()) {
        spans.add(new int[] {it.startPosition(), it.endPosition()});
      }
      spans.sort(Comparator.comparingInt((int[] s) -> s[0]).thenComparingInt(s -> s[1]));
      int lastEnd = -1;
      for (int[] span : spans) {
        if (span[0] < 0 || span[0] <= lastEnd) {
          continue; // overlapping matches (a word inside its phrase) give one line
        }
        lastEnd = span[1];
        kept.add(span);
      }
    }
    return out;
  }

  /** A matching article's stored fields, read only when its lines are on the page. */
  interface Stored {
    StoredArticle get() throws IOException;
  }

  /**
   * How a backend walks a search's matching articles for a page in article order: each into {@code
   * gathered}, in the search's order, until it says enough ({@link EnoughLines}).
   */
  interface Walk {
    void articles(ArticlePage gathered) throws IOException;
  }

  /** What a walk throws to stop. */
  static final class EnoughLines extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EnoughLines() {
      super(null, null, false, false);
    }
  }

  /**
   * A page of a search's concordance, the same on every backend: its lines in {@code order}, {@code
   * size} of them from page {@code page}. In article order only the articles up to the page are
   * read; sorted orders gather at most {@value #MAX_SORTED_LINES} lines (then {@code truncated}).
   *
   * @throws InvalidRequestException naming {@code size} or {@code page} out of bounds
   */
  static Page page(
      Archive archive, SearchRequest request, Order order, int page, int size, Walk walk)
      throws IOException {
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException(
          "size", "size must be from 1 to " + MAX_SIZE + ", not " + size);
    }
    if (page < 1 || (long) page * size > MAX_SORTED_LINES) {
      throw new InvalidRequestException(
          "page", "page must be from 1 to " + MAX_SORTED_LINES / size + ", not " + page);
    }
    boolean timedOut = false;
    if (order == Order.ARTICLE) { // only the page's articles are read
      ArticlePage gathered = new ArticlePage(page, size);
      try {
        walk.articles(gathered);
      } catch (EnoughLines e) {
        // gathered says truncated
      } catch (Archive.ExportCutException e) {
        timedOut = true;
      }
      return new Page(
          archive.count(request),
          gathered.lines(),
          gathered.truncated(),
          timedOut,
          page,
          size,
          order,
          gathered.items());
    }
    List<Line> lines = new ArrayList<>();
    boolean truncated = false;
    try {
      archive.eachLine(
          request,
          line -> {
            if (lines.size() >= MAX_SORTED_LINES) {
              throw new EnoughLines();
            }
            lines.add(line);
          });
    } catch (EnoughLines e) {
      truncated = true;
    } catch (Archive.ExportCutException e) {
      timedOut = true;
    }
    long n = archive.count(request);
    sort(lines, order);
    int from = Math.min(lines.size(), (page - 1) * size);
    int to = Math.min(lines.size(), from + size);
    return new Page(
        n,
        lines.size(),
        truncated,
        timedOut,
        page,
        size,
        order,
        List.copyOf(lines.subList(from, to)));
  }

  /**
   * A page of lines in article order, gathered without reading the articles before and after it:
   * their lines are counted from the positions of their matches ({@link #count}), and only an
   * article with a line on the page is read and analysed. At most {@value #MAX_SORTED_LINES} lines
   * are counted, as for the sorted orders.
   */
  static final class ArticlePage {
    private final long from;
    private final long to;
    private final List<Line> items = new ArrayList<>();
    private long lines;
    private boolean truncated;

    ArticlePage(int page, int size) {
      this.from = (long) (page - 1) * size;
      this.to = from + size;
    }

    /**
     * Adds one matching document's lines.
     *
     * @return whether to go on: false once more than {@value #MAX_SORTED_LINES} lines are found
     */
    boolean add(Weight weight, List<LeafReaderContext> leaves, int doc, Stored article)
        throws IOException {
      int n = count(weight, leaves, doc);
      if (lines + n > MAX_SORTED_LINES) {
        n = (int) (MAX_SORTED_LINES - lines);
        truncated = true;
      }
      if (n > 0 && lines + n > from && lines < to) {
        List<Line> all = Concordance.lines(weight, leaves, doc, article.get());
        for (int i = 0; i < Math.min(n, all.size()); i++) {
          if (lines + i >= from && lines + i < to) {
            items.add(all.get(i));
          }
        }
      }
      lines += n;
      return !truncated;
    }

    long lines() {
      return lines;
    }

    boolean truncated() {
      return truncated;
    }

    List<Line> items() {
      return List.copyOf(items);
    }
  }

  /**
   * The start and end offsets of each position of the field's words, up to position {@code last}:
   * the text after it is not analysed.
   */
  private static int[][] offsets(String field, String text, int last) throws IOException {
    List<int[]> out = new ArrayList<>();
    try (TokenStream ts = INDEX.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0
            && (term.length() == 0 || term.charAt(0) != Fields.MARK)) {
          out.add(new int[] {offset.startOffset(), offset.endOffset()});
          if (out.size() > last) {
            break;
          }
        }
      }
      ts.end();
    }
    return out.toArray(int[][]::new);
  }

  /** White space as single spaces; the left context without a broken first word. */
  private static String squeeze(String s, boolean left) {
    String out = s.replaceAll("\\s+", " ");
    return left ? out.stripLeading() : out;
  }
}

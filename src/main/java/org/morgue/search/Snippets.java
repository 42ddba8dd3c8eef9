package org.morgue.search;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;

/**
 * Marked, escaped text of the hits: the title whole, and a snippet of the body (or of the lede when
 * only the lede matched) in which the query's words are {@code <mark>}ed and everything else is
 * HTML-escaped, so the page may insert it as HTML and an article's own markup shows as text.
 *
 * <p>Lucene's {@link UnifiedHighlighter} re-analyses the stored text with the index analyzer
 * ({@link Analyzers#exact()}, the index analyzer without its boundary marks): the index holds no
 * offsets, which would grow it for the few snippets a page shows. Words are marked wherever they
 * occur in a field the query searches, not only where the whole query matched (weight matches are
 * off: a query of two words that match in different fields would otherwise mark neither); a quoted
 * phrase is marked only where the phrase occurs.
 *
 * <p>Example: the query {@code ceasefire} over the body "The ceasefire took effect at <noon>."
 * gives {@code The <mark>ceasefire</mark> took effect at &lt;noon&gt;.}
 */
final class Snippets {
  /** Characters a body snippet aims at, in whole sentences. */
  static final int SNIPPET_CHARS = 200;

  /** Passages of the body joined into one snippet. */
  static final int BODY_PASSAGES = 2;

  private static final String[] FIELDS = {Fields.TITLE, Fields.LEDE, Fields.BODY};

  private Snippets() {}

  /** A marked text ({@link MarkFormatter}: escaped text and {@code <mark>}) as plain text. */
  static String plain(String html) {
    return html.replace(MarkFormatter.OPEN, "")
        .replace(MarkFormatter.CLOSE, "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  /** The marked title and snippet of one hit. */
  record Marked(String title, String snippet) {}

  /**
   * Marks the title and picks a snippet for each document.
   *
   * @param searcher the searcher the documents come from
   * @param query the words to mark (the parsed {@code q}, without filters)
   * @param docs the documents
   */
  static Marked[] mark(IndexSearcher searcher, Query query, int[] docs) throws IOException {
    Marked[] out = new Marked[docs.length];
    if (docs.length == 0) {
      return out;
    }
    Map<String, String[]> fields =
        new Highlighter(searcher)
            .highlightFields(FIELDS, query, docs, new int[] {1, 1, BODY_PASSAGES});
    for (int i = 0; i < docs.length; i++) {
      String title = fields.get(Fields.TITLE)[i];
      String lede = fields.get(Fields.LEDE)[i];
      String body = fields.get(Fields.BODY)[i];
      String snippet;
      if (body != null && body.contains(MarkFormatter.OPEN)) {
        snippet = body;
      } else if (lede != null && lede.contains(MarkFormatter.OPEN)) {
        snippet = lede;
      } else {
        snippet = body != null ? body : lede != null ? lede : "";
      }
      out[i] = new Marked(title == null ? "" : title, snippet);
    }
    return out;
  }

  /**
   * Title and lede whole (they are short); the body in sentences of about {@value #SNIPPET_CHARS}
   * characters.
   */
  private static final class Highlighter extends UnifiedHighlighter {
    Highlighter(IndexSearcher searcher) {
      super(
          UnifiedHighlighter.builder(searcher, Analyzers.exact())
              .withFormatter(new MarkFormatter())
              .withWeightMatches(false)
              .withMaxNoHighlightPassages(1));
    }

    @Override
    protected BreakIterator getBreakIterator(String field) {
      if (Fields.BODY.equals(field)) {
        return LengthGoalBreakIterator.createClosestToLength(
            new SentenceBreaks(Locale.ROOT), SNIPPET_CHARS, 0.5f);
      }
      return new WholeBreakIterator();
    }
  }

  /**
   * Formats passages as HTML: the matches in {@code <mark>}, all other text escaped, runs of white
   * space (paragraph breaks) as one space, passages joined by an ellipsis.
   */
  static final class MarkFormatter extends PassageFormatter {
    static final String OPEN = "<mark>";
    static final String CLOSE = "</mark>";
    static final String ELLIPSIS = " … ";

    @Override
    public String format(Passage[] passages, String content) {
      StringBuilder out = new StringBuilder();
      int previousEnd = -1;
      for (Passage p : passages) {
        if (out.length() > 0) {
          while (out.length() > 1 && out.charAt(out.length() - 1) == ' ') {
            out.setLength(out.length() - 1);
          }
          out.append(p.getStartOffset() == previousEnd ? " " : ELLIPSIS);
        }
        int pos = p.getStartOffset();
        int[] starts = p.getMatchStarts();
        int[] ends = p.getMatchEnds();
        for (int i = 0; i < p.getNumMatches(); i++) {
          int start = Math.max(starts[i], pos);
          int end = ends[i];
          // matches that overlap (a word and the phrase it is part of) join into one mark
          while (i + 1 < p.getNumMatches() && starts[i + 1] < end) {
            end = Math.max(end, ends[++i]);
          }
          if (end <= start) {
            continue;
          }
          escape(content, pos, start, out);
          out.append(OPEN);
          escape(content, start, end, out);
          out.append(CLOSE);
          pos = end;
        }
        escape(content, pos, Math.max(pos, p.getEndOffset()), out);
        previousEnd = p.getEndOffset();
      }
      return out.toString().strip();
    }

    /** Appends {@code content[from, to)} HTML-escaped, each run of white space as one space. */
    static void escape(String content, int from, int to, StringBuilder out) {
      boolean space = out.length() > 0 && out.charAt(out.length() - 1) == ' ';
      for (int i = from; i < to; i++) {
        char c = content.charAt(i);
        if (Character.isWhitespace(c) || Character.isISOControl(c)) {
          if (!space) {
            out.append(' ');
          }
          space = true;
          continue;
        }
        space = false;
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          case '\'' -> out.append("&#39;");
          default -> out.append(c);
        }
      }
    }
  }
}

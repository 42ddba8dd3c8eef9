package org.morgue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.search.QuerySyntax.Clause;
import org.morgue.search.QuerySyntax.Func;
import org.morgue.search.QuerySyntax.Group;
import org.morgue.search.QuerySyntax.Leaf;
import org.morgue.search.QuerySyntax.LeafKind;
import org.morgue.search.QuerySyntax.Node;
import org.morgue.search.QuerySyntax.Prox;

/**
 * Turns the archivist's operators into Lucene interval queries ({@link Intervals}): each operator
 * of a query is compiled here and stands in the text given to the classic parser as a placeholder
 * word, which the parser then turns back into the compiled query; everything around it ({@code AND
 * OR NOT}, fields, groups) keeps the classic parser's meaning.
 *
 * <ul>
 *   <li>{@code a W/n b}: {@code maxgaps(n-1, ordered(a, b))}; {@code a NEAR/n b}: {@code
 *       maxgaps(n-1, unorderedNoOverlaps(a, b))}.
 *   <li>{@code a /s b}: {@code unordered(a, b)} holding no sentence start mark after its first word
 *       ({@link WithinBoundaries}, {@link org.morgue.index.Fields#SENTENCE_START}); {@code /p} the
 *       same with the paragraph marks.
 *   <li>An operand word is the words of its stem in the field (as a plain word), a pattern ({@code
 *       resign*}) the indexed words it matches (at most the searcher's bound), a phrase its exact
 *       words, a group alternatives joined by OR, or another operator.
 *   <li>With no field, an operator is searched in the title, the standfirst and the body, weighted
 *       as plain words; {@code headline(x)} and {@code lede(x)} restrict x to one of them.
 * </ul>
 */
final class QueryOperators {
  interface Classic {
    Query parse(String text);
  }

  private final Analyzer words;
  private final Analyzer exact = Analyzers.exact();
  private final IndexReader reader;
  private final int maxExpansion;
  private final Classic classic;
  private final List<Query> compiled = new ArrayList<>();

  /** Where an operator's query of one field came from: the operator and the field. */
  record Origin(Prox prox, String field) {}

  /** Each compiled interval query's operator and field, for backends that compile it themselves. */
  private final Map<Query, Origin> origins = new java.util.IdentityHashMap<>();

  /**
   * Where an {@code atleastN(x)} query came from: x, the fields whose mentions are counted
   * together, and N.
   */
  record Mentions(Node of, List<String> fields, int min) {}

  private final Map<Query, Mentions> mentions = new java.util.IdentityHashMap<>();

  private String q;

  QueryOperators(Analyzer words, IndexReader reader, int maxExpansion, Classic classic) {
    this.words = words;
    this.reader = reader;
    this.maxExpansion = maxExpansion;
    this.classic = classic;
  }

  /** The query a placeholder word stands for, or {@code null} if the word is none. */
  Query placeholder(String word) {
    if (word.length() < 2 || word.charAt(0) != QuerySyntax.PLACEHOLDER) {
      return null;
    }
    try {
      return compiled.get(Integer.parseInt(word.substring(1)));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      return null;
    }
  }

  /**
   * The text of {@code q} for the classic parser: each operator replaced by its placeholder, a
   * {@code /} inside a word escaped.
   */
  String rewrite(String q, List<Clause> clauses) {
    this.q = q;
    return rewrite(q, 0, q.length(), clauses, null);
  }

  private record Replacement(int start, int end, String text) {}

  private String rewrite(String q, int from, int to, List<Clause> clauses, String field) {
    List<Replacement> out = new ArrayList<>();
    for (Clause c : clauses) {
      collect(c.node(), field, out);
    }
    out.sort(Comparator.comparingInt(Replacement::start));
    StringBuilder text = new StringBuilder();
    int at = from;
    for (Replacement r : out) {
      text.append(q, at, r.start()).append(r.text());
      at = r.end();
    }
    return text.append(q, at, to).toString();
  }

  private void collect(Node node, String field, List<Replacement> out) {
    switch (node) {
      case Leaf l -> {
        if (l.kind() == LeafKind.WORD && l.text().indexOf('/') >= 0) {
          out.add(
              new Replacement(l.end() - l.text().length(), l.end(), l.text().replace("/", "\\/")));
        }
      }
      case Group g -> {
        for (Clause c : g.clauses()) {
          collect(c.node(), g.field() != null ? g.field() : field, out);
        }
      }
      case Func f -> out.add(placeholder(f, compile(f, field)));
      case Prox p -> out.add(placeholder(p, compile(p, field)));
    }
  }

  private Replacement placeholder(Node node, Query query) {
    compiled.add(query);
    return new Replacement(
        node.start(),
        node.end(),
        QuerySyntax.PLACEHOLDER + Integer.toString(compiled.size() - 1) + " ");
  }

  // --- functions --------------------------------------------------------------------------------

  private Query compile(Func f, String field) {
    switch (f.name()) {
      case "headline", "lede" -> {
        String in = f.name().equals("headline") ? Fields.TITLE : Fields.LEDE;
        return switch (f.arg()) {
          case Prox p -> compile(p, in);
          case Func inner -> compile(inner, in);
          case Group g ->
              classic.parse(
                  in + ":(" + rewrite(q, g.start() + 1, g.end() - 1, g.clauses(), in) + ")");
          case Leaf l -> classic.parse(in + ":(" + leafText(l) + ")");
        };
      }
      default -> {
        String what = "atleast" + f.n() + " at position " + f.start();
        Map<String, IntervalsSource> sources = new LinkedHashMap<>();
        List<String> in = fields(f.arg(), field, what);
        for (String one : in) {
          sources.put(one, source(f.arg(), one, what));
        }
        MentionsQuery m = new MentionsQuery(sources, f.n());
        mentions.put(m, new Mentions(f.arg(), in, f.n()));
        return m;
      }
    }
  }

  private String leafText(Leaf l) {
    String text = q.substring(l.start(), l.end());
    return l.kind() == LeafKind.WORD ? text.replace("/", "\\/") : text;
  }

  // --- proximity --------------------------------------------------------------------------------

  private Query compile(Prox p, String field) {
    String what = p.spelled() + " at position " + p.opStart();
    List<String> in = fields(p, field, what);
    if (in.size() == 1) {
      return interval(p, in.get(0), what);
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    for (String f : in) {
      b.add(
          new BoostQuery(interval(p, f, what), ArchiveQueryParser.BOOSTS.get(f)),
          BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  private IntervalQuery interval(Prox p, String field, String what) {
    IntervalQuery q = new IntervalQuery(field, source(p, field, what));
    origins.put(q, new Origin(p, field));
    return q;
  }

  /** Whether this compiled a {@code /s} or {@code /p}, which read the sentence marks. */
  boolean usesBoundaries() {
    return boundaries;
  }

  private boolean boundaries;

  /** The operator and field of an interval query this compiled, or {@code null}. */
  Origin origin(Query query) {
    return origins.get(query);
  }

  /** What an {@code atleastN()} query this compiled counts, or {@code null}. */
  Mentions mentions(Query query) {
    return mentions.get(query);
  }

  /** The fields an operator searches: the one its operands name, else the one around, else all. */
  private List<String> fields(Node node, String around, String what) {
    Set<String> named = new LinkedHashSet<>();
    named(node, named);
    if (named.size() > 1) {
      throw QuerySyntax.error(
          what + " joins words of different fields (" + String.join(", ", named) + ")", 0);
    }
    String field = named.isEmpty() ? around : named.iterator().next();
    if (field == null) {
      return Fields.TEXT;
    }
    if (Fields.DATE.equals(field) || !ArchiveQueryParser.FIELDS.contains(field)) {
      throw QuerySyntax.error(
          what
              + " cannot search "
              + field
              + ": it joins words of the title, lede, body, or of a name field",
          node.start());
    }
    return List.of(field);
  }

  private static void named(Node node, Set<String> out) {
    switch (node) {
      case Leaf l -> {
        if (l.field() != null) {
          out.add(l.field());
        }
      }
      case Group g -> {
        if (g.field() != null) {
          out.add(g.field());
        } else {
          g.clauses().forEach(c -> named(c.node(), out));
        }
      }
      case Prox p -> {
        named(p.left(), out);
        named(p.right(), out);
      }
      case Func f -> {}
    }
  }

  /** The intervals of {@code node} in {@code field}; {@code what} names the operator using it. */
  private IntervalsSource source(Node node, String field, String what) {
    return switch (node) {
      case Prox p -> {
        String own = p.spelled() + " at position " + p.opStart();
        IntervalsSource a = source(p.left(), field, own);
        IntervalsSource b = source(p.right(), field, own);
        yield switch (p.op()) {
          case W -> Intervals.maxgaps(p.n() - 1, Intervals.ordered(a, b));
          case NEAR -> Intervals.maxgaps(p.n() - 1, Intervals.unorderedNoOverlaps(a, b));
          case SENTENCE -> {
            boundaries = true;
            yield new WithinBoundaries(Intervals.unordered(a, b), Fields.SENTENCE_START);
          }
          case PARAGRAPH -> {
            boundaries = true;
            yield new WithinBoundaries(Intervals.unordered(a, b), Fields.PARAGRAPH_START);
          }
        };
      }
      case Group g -> {
        List<IntervalsSource> alternatives = new ArrayList<>();
        for (int i = 0; i < g.clauses().size(); i++) {
          Clause c = g.clauses().get(i);
          if (c.modifier() != null || (i > 0 && !"OR".equals(c.conjunction()))) {
            throw QuerySyntax.error(
                what
                    + " can join a group only of alternatives joined by OR, such as (sanctions OR"
                    + " embargo); the group at position "
                    + g.start()
                    + " has "
                    + (c.modifier() != null ? c.modifier() : "AND"),
                c.node().start());
          }
          alternatives.add(source(c.node(), field, what));
        }
        yield alternatives.size() == 1 ? alternatives.get(0) : Intervals.or(alternatives);
      }
      case Func f ->
          throw QuerySyntax.error(
              what
                  + " cannot join "
                  + f.name()
                  + "(...) at position "
                  + f.start()
                  + ": put the operator inside it, as in headline(iran W/3 sanctions)",
              f.start());
      case Leaf l -> leaf(l, field, what);
    };
  }

  private IntervalsSource leaf(Leaf l, String field, String what) {
    String text = l.text();
    switch (l.kind()) {
      case RANGE, REGEX ->
          throw QuerySyntax.error(
              what
                  + " cannot join "
                  + (l.kind() == LeafKind.RANGE ? "the range " : "the regular expression ")
                  + text
                  + " at position "
                  + l.start()
                  + ": it joins words, phrases, patterns and groups of them",
              l.start());
      case PHRASE -> {
        int close = text.lastIndexOf('"');
        if (close < text.length() - 1) {
          throw QuerySyntax.error(
              what
                  + " cannot join "
                  + text
                  + " at position "
                  + l.start()
                  + ": leave out its "
                  + text.substring(close + 1)
                  + " (for words near each other, use NEAR/n)",
              l.start() + close + 1);
        }
        List<List<String>> positions = analyze(exact, field, unescape(text.substring(1, close)));
        if (positions.isEmpty()) {
          throw QuerySyntax.error(
              "the phrase at position " + l.start() + " holds no word to search", l.start());
        }
        return sequence(positions);
      }
      default -> {
        return word(l, field, what);
      }
    }
  }

  private IntervalsSource word(Leaf l, String field, String what) {
    String text = l.text();
    int mark = firstUnescaped(text, "~^");
    if (mark >= 0) {
      throw QuerySyntax.error(
          what
              + " cannot join "
              + text
              + " at position "
              + l.start()
              + ": leave out its "
              + text.substring(mark),
          l.end() - text.length() + mark);
    }
    int wildcard = firstUnescaped(text, "*?");
    String plain = unescape(text);
    if (wildcard >= 0) {
      if (wildcard == 0) {
        throw QuerySyntax.error(
            "a word cannot start with * or ? (position "
                + (l.end() - text.length())
                + "), which would read every word of the index; start it with a letter or more",
            l.end() - text.length());
      }
      return pattern(plain, field, l);
    }
    List<List<String>> positions = analyze(words, field, plain);
    if (positions.isEmpty()) {
      positions = analyze(exact, field, plain); // a stop word: as written
    }
    if (positions.isEmpty()) {
      throw QuerySyntax.error(
          "'" + text + "' at position " + l.start() + " holds no word to search", l.start());
    }
    return sequence(positions);
  }

  private IntervalsSource pattern(String text, String field, Leaf l) {
    BytesRef normalized = exact.normalize(field, text);
    String folded = normalized.utf8ToString();
    boolean prefix =
        folded.endsWith("*")
            && folded.indexOf('*') == folded.length() - 1
            && folded.indexOf('?') < 0;
    BytesRef stem = new BytesRef(folded.substring(0, folded.length() - 1));
    MultiTermQuery mtq =
        prefix
            ? new PrefixQuery(new Term(field, stem))
            : new WildcardQuery(new Term(field, normalized));
    int count = 0;
    try {
      Terms terms = MultiTerms.getTerms(reader, field);
      if (terms != null) {
        TermsEnum te = mtq.getTermsEnum(terms);
        while (te.next() != null) {
          if (++count > maxExpansion) {
            throw QueryLimits.tooManyWords(l.text(), maxExpansion, field, l.start());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (count == 0) {
      return Intervals.noIntervals("no word matches " + folded);
    }
    int max = Math.max(count, 1);
    return prefix ? Intervals.prefix(stem, max) : Intervals.wildcard(normalized, max);
  }

  /** Words at consecutive positions, each any of its alternatives. */
  private static IntervalsSource sequence(List<List<String>> positions) {
    IntervalsSource[] parts = new IntervalsSource[positions.size()];
    for (int i = 0; i < parts.length; i++) {
      List<String> alternatives = positions.get(i);
      if (alternatives.size() == 1) {
        parts[i] = Intervals.term(alternatives.get(0));
      } else {
        List<IntervalsSource> terms = new ArrayList<>();
        for (String t : alternatives) {
          terms.add(Intervals.term(t));
        }
        parts[i] = Intervals.or(false, terms);
      }
    }
    return parts.length == 1 ? parts[0] : Intervals.phrase(parts);
  }

  /** The terms of {@code text} by position (several at one position: alternatives). */
  static List<List<String>> analyze(Analyzer analyzer, String field, String text) {
    TreeMap<Integer, List<String>> out = new TreeMap<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      ts.reset();
      int position = -1;
      while (ts.incrementToken()) {
        if (inc.getPositionIncrement() > 0 || position < 0) {
          position++;
        }
        out.computeIfAbsent(position, k -> new ArrayList<>()).add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ArrayList<>(out.values());
  }

  static int firstUnescaped(String text, String chars) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (chars.indexOf(c) >= 0) {
        return i;
      }
    }
    return -1;
  }

  static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        c = text.charAt(++i);
        if (c == '*' || c == '?') {
          out.append('\\'); // an escaped wildcard stays escaped for the pattern
        }
      }
      out.append(c);
    }
    return out.toString();
  }
}

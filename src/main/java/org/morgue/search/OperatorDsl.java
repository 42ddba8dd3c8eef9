package org.morgue.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.morgue.index.Analyzers;
import org.morgue.index.WordSource;
import org.morgue.opensearch.OpenSearchDocuments;
import org.morgue.search.QuerySyntax.Clause;
import org.morgue.search.QuerySyntax.Group;
import org.morgue.search.QuerySyntax.Leaf;
import org.morgue.search.QuerySyntax.LeafKind;
import org.morgue.search.QuerySyntax.Node;
import org.morgue.search.QuerySyntax.Prox;

/**
 * An operator of the query language ({@link QueryOperators}) as an OpenSearch {@code intervals}
 * query, rule for rule as the embedded index compiles it: {@code a W/n b} is {@code all_of} ordered
 * with at most n-1 words between; {@code a NEAR/n b} the same in either order (two ordered {@code
 * all_of} in an {@code any_of}, as Lucene's unordered-without-overlap is); a phrase its words at
 * consecutive positions; a word the forms of its stem (found in the cluster's index of words); a
 * pattern the words it matches there (at most the searcher's bound, as in the embedded index); a
 * group its alternatives. {@code a /s b} is both in either order, {@code contained_by} one of the
 * field's sentences, read from its marks field ({@link OpenSearchDocuments#sentenceField}, through
 * {@code use_field}): the intervals from a sentence's first word to its last, and the sentences of
 * one word; {@code /p} the same with paragraphs. That is exact where Lucene's {@code
 * not_containing} a boundary is not (it drops a match that ends on a sentence's last word). An
 * index created before the cluster held the marks refuses them with {@link
 * Archive.UnsupportedSearchException}.
 */
final class OperatorDsl {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Analyzer words;
  private final Analyzer exact = Analyzers.exact();
  private final WordSource source;
  private final int maxExpansion;
  private final boolean marks;

  /**
   * @param marks whether the index holds the sentence and paragraph marks
   */
  OperatorDsl(Analyzer words, WordSource source, int maxExpansion, boolean marks) {
    this.words = words;
    this.source = source;
    this.maxExpansion = maxExpansion;
    this.marks = marks;
  }

  /** The {@code intervals} query of an operator in one field. */
  ObjectNode query(QueryOperators.Origin origin) {
    ObjectNode q = JSON.createObjectNode();
    q.putObject("intervals")
        .set(OpenSearchDocuments.wordField(origin.field()), rule(origin.prox(), origin.field()));
    return q;
  }

  /**
   * {@code atleastN(x)}: x mentioned N times or more over the fields together. Each way of sharing
   * N among the fields (2 in the title and 1 in the body, ...) is a clause whose fields each hold
   * their share: k mentions are k of x's intervals one after another ({@code all_of} ordered, any
   * gaps), as the embedded index counts them. Constant score, as there. Refused when the ways are
   * too many to send ({@value #MAX_MENTION_RULES} rules).
   */
  ObjectNode query(QueryOperators.Mentions m) {
    List<String> fields = m.fields();
    List<ObjectNode> rules = new ArrayList<>();
    for (String f : fields) {
      rules.add(rule(m.of(), f));
    }
    List<int[]> shares = new ArrayList<>();
    share(m.min(), new int[fields.size()], 0, shares);
    if ((long) shares.size() * m.min() > MAX_MENTION_RULES) {
      throw new Archive.UnsupportedSearchException(
          "the OpenSearch backend cannot count atleast"
              + m.min()
              + "() over "
              + fields.size()
              + " fields (the ways to share "
              + m.min()
              + " mentions among them are too many); name one field, e.g. atleast"
              + m.min()
              + "(body:...), or use the embedded index");
    }
    ObjectNode out = JSON.createObjectNode();
    ArrayNode should =
        out.putObject("constant_score").putObject("filter").putObject("bool").putArray("should");
    for (int[] share : shares) {
      ArrayNode all = should.addObject().putObject("bool").putArray("filter");
      for (int i = 0; i < share.length; i++) {
        if (share[i] == 0) {
          continue;
        }
        ObjectNode[] copies = new ObjectNode[share[i]];
        java.util.Arrays.fill(copies, rules.get(i));
        all.addObject()
            .putObject("intervals")
            .set(
                OpenSearchDocuments.wordField(fields.get(i)),
                copies.length == 1 ? copies[0] : ordered(-1, copies));
      }
    }
    return out;
  }

  /** The most interval rules an {@code atleastN()} may send (its ways to share N, times N). */
  static final int MAX_MENTION_RULES = 3_000;

  /** Every way to share {@code left} among the fields from {@code i} on, into {@code out}. */
  private static void share(int left, int[] share, int i, List<int[]> out) {
    if (i == share.length - 1) {
      share[i] = left;
      out.add(share.clone());
      return;
    }
    for (int k = 0; k <= left; k++) {
      share[i] = k;
      share(left - k, share, i + 1, out);
    }
  }

  private ObjectNode rule(Node node, String field) {
    return switch (node) {
      case Prox p -> {
        ObjectNode a = rule(p.left(), field);
        ObjectNode b = rule(p.right(), field);
        yield switch (p.op()) {
          case W -> ordered(p.n() - 1, a, b);
          case NEAR -> anyOf(List.of(ordered(p.n() - 1, a, b), ordered(p.n() - 1, b, a)));
          case SENTENCE, PARAGRAPH -> within(p, a, b, field);
        };
      }
      case Group g -> {
        List<ObjectNode> alternatives = new ArrayList<>();
        for (Clause c : g.clauses()) {
          alternatives.add(rule(c.node(), field));
        }
        yield alternatives.size() == 1 ? alternatives.get(0) : anyOf(alternatives);
      }
      case Leaf l -> leaf(l, field);
      case QuerySyntax.Func f ->
          throw new Archive.UnsupportedSearchException(
              "the OpenSearch backend cannot search " + f.name() + "() inside an operator");
    };
  }

  /** Both operands in either order, inside one sentence (or paragraph) of the field. */
  private ObjectNode within(Prox p, ObjectNode a, ObjectNode b, String field) {
    boolean sentence = p.op() == QuerySyntax.Op.SENTENCE;
    if (!marks) {
      throw new Archive.UnsupportedSearchException(
          "this OpenSearch index cannot search "
              + p.spelled()
              + " (same "
              + (sentence ? "sentence" : "paragraph")
              + "): it was created before the cluster held the sentence and paragraph marks;"
              + " migrate the archive into a new index (--opensearch-index) to search it");
    }
    if (!org.morgue.index.Fields.TEXT.contains(field)) {
      throw new Archive.UnsupportedSearchException(
          "the OpenSearch backend cannot search " + p.spelled() + " in " + field);
    }
    String marksField =
        sentence
            ? OpenSearchDocuments.sentenceField(field)
            : OpenSearchDocuments.paragraphField(field);
    ObjectNode units =
        anyOf(
            List.of(
                ordered(-1, mark("s", marksField), mark("e", marksField)), mark("x", marksField)));
    ObjectNode r = JSON.createObjectNode();
    ObjectNode all = r.putObject("all_of");
    all.put("ordered", false);
    all.put("max_gaps", -1);
    all.putArray("intervals").add(a).add(b);
    all.putObject("filter").set("contained_by", units);
    return r;
  }

  /** One mark of a marks field. */
  private static ObjectNode mark(String mark, String marksField) {
    ObjectNode m = JSON.createObjectNode();
    m.putObject("match").put("query", mark).put("use_field", marksField);
    return m;
  }

  private ObjectNode leaf(Leaf l, String field) {
    String text = l.text();
    if (l.kind() == LeafKind.PHRASE) {
      int close = text.lastIndexOf('"');
      return sequence(
          QueryOperators.analyze(exact, field, QueryOperators.unescape(text.substring(1, close))));
    }
    if (QueryOperators.firstUnescaped(text, "*?") >= 0) {
      return pattern(QueryOperators.unescape(text), field);
    }
    String plain = QueryOperators.unescape(text);
    List<List<String>> positions = QueryOperators.analyze(words, field, plain);
    if (positions.isEmpty()) {
      positions = QueryOperators.analyze(exact, field, plain); // a stop word: as written
    }
    return sequence(positions);
  }

  /** The words of the index a pattern matches, as alternatives (none: a rule matching nothing). */
  private ObjectNode pattern(String text, String field) {
    String folded = exact.normalize(field, text).utf8ToString();
    int first = QueryOperators.firstUnescaped(folded, "*?");
    String prefix = first < 0 ? folded : folded.substring(0, first);
    Pattern matcher = Pattern.compile(glob(folded));
    List<String> found = new ArrayList<>();
    try {
      source.walk(
          field,
          prefix,
          w -> {
            if (matcher.matcher(w).matches()) {
              found.add(w);
              if (found.size() > maxExpansion) {
                throw QueryLimits.tooManyWords(text, maxExpansion, field, -1);
              }
            }
            return true;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (found.isEmpty()) {
      // a word no text holds: the rule finds nothing, as Lucene's noIntervals
      return match("\u0000");
    }
    List<ObjectNode> alternatives = new ArrayList<>();
    for (String w : found) {
      alternatives.add(match(w));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : anyOf(alternatives);
  }

  /** A folded pattern ({@code pres*}, {@code wom?n}) as a regular expression. */
  private static String glob(String pattern) {
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '*') {
        re.append(".*");
      } else if (c == '?') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return re.toString();
  }

  /** Words at consecutive positions, each any of its alternatives. */
  private static ObjectNode sequence(List<List<String>> positions) {
    List<ObjectNode> parts = new ArrayList<>();
    for (List<String> alternatives : positions) {
      List<ObjectNode> terms = new ArrayList<>();
      for (String t : alternatives) {
        terms.add(match(t));
      }
      parts.add(terms.size() == 1 ? terms.get(0) : anyOf(terms));
    }
    return parts.size() == 1 ? parts.get(0) : ordered(0, parts.toArray(ObjectNode[]::new));
  }

  private static ObjectNode match(String word) {
    ObjectNode m = JSON.createObjectNode();
    m.putObject("match").put("query", word).put("max_gaps", 0).put("ordered", true);
    return m;
  }

  private static ObjectNode anyOf(List<ObjectNode> rules) {
    ObjectNode r = JSON.createObjectNode();
    ArrayNode list = r.putObject("any_of").putArray("intervals");
    rules.forEach(list::add);
    return r;
  }

  private static ObjectNode ordered(int maxGaps, ObjectNode... rules) {
    ObjectNode r = JSON.createObjectNode();
    ObjectNode all = r.putObject("all_of");
    all.put("ordered", true);
    all.put("max_gaps", maxGaps);
    ArrayNode list = all.putArray("intervals");
    for (ObjectNode rule : rules) {
      list.add(rule);
    }
    return r;
  }
}

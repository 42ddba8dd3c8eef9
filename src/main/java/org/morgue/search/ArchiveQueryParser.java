package org.morgue.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.queryparser.classic.Token;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.StemExpansion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses the {@code q} of a search: Lucene's classic syntax over the archive's fields.
 *
 * <ul>
 *   <li>Words must all match; they are looked for in title, lede and body, the title weighing most,
 *       each with every indexed word of its English stem ({@code election} finds {@code
 *       elections}).
 *   <li>A quoted phrase matches the exact, unstemmed words ({@code "Prime Minister"}).
 *   <li>{@code title: lede: body: author: section: source: person: org: place:} restrict to one
 *       field ({@code person:"Nikol Pashinyan"}).
 *   <li>{@code date:2021-11-17}, {@code date:2021-11}, {@code date:2021} and {@code
 *       date:[2021-01-01 TO 2021-12-31]} (either end may be {@code *}) restrict by date.
 *   <li>An unknown field ({@code Azerbaijan: Armenian forces}, pasted from a headline) is searched
 *       as words, with a warning.
 * </ul>
 *
 * Not thread-safe: make one a query.
 */
final class ArchiveQueryParser extends MultiFieldQueryParser {
  static final Map<String, Float> BOOSTS =
      Map.of(Fields.TITLE, 3f, Fields.LEDE, 2f, Fields.BODY, 1f);
  static final Set<String> FIELDS =
      Set.of(
          Fields.TITLE,
          Fields.LEDE,
          Fields.BODY,
          Fields.AUTHOR,
          Fields.SECTION,
          Fields.SOURCE,
          Fields.PERSON,
          Fields.ORG,
          Fields.PLACE,
          Fields.DATE);

  private static final Analyzer EXACT = Analyzers.exact();
  private static final Logger LOG = LoggerFactory.getLogger(ArchiveQueryParser.class);

  private final List<String> warnings = new ArrayList<>();
  private final IndexReader reader;
  private final int maxExpansion;
  private QueryOperators operators;

  /** An entity dimension's values by folded form; none when not set. */
  private java.util.function.BiFunction<String, String, List<String>> names = (d, f) -> List.of();

  /**
   * Looks a quoted name of {@code person:}, {@code org:} or {@code place:} up among the values of
   * the facet ({@code names.apply(dimension, folded)}), so that {@code person:"Robert Mueller"}
   * keeps the articles the filter {@code person=Robert Mueller} keeps.
   */
  void setNames(java.util.function.BiFunction<String, String, List<String>> names) {
    this.names = names;
  }

  ArchiveQueryParser(Analyzer analyzer, IndexReader reader, int maxExpansion) {
    super(Fields.TEXT.toArray(String[]::new), analyzer, BOOSTS);
    this.reader = reader;
    this.maxExpansion = maxExpansion;
    setDefaultOperator(QueryParser.Operator.AND);
    setAllowLeadingWildcard(false);
    setSplitOnWhitespace(true);
  }

  /**
   * A parser whose query words expand to the stems of the given index reader, and whose operators'
   * patterns may match at most {@code maxExpansion} words of it.
   */
  static ArchiveQueryParser create(StemExpansion expansion, IndexReader reader, int maxExpansion) {
    return new ArchiveQueryParser(Analyzers.forQuery(expansion), reader, maxExpansion);
  }

  /** The schema an index's commit says it was written with, or -1 when it says none. */
  static int schema(IndexReader reader) {
    if (!(reader instanceof org.apache.lucene.index.DirectoryReader d)) {
      return -1;
    }
    try {
      String v = d.getIndexCommit().getUserData().get("morgue.schema");
      return v == null ? -1 : Integer.parseInt(v);
    } catch (java.io.IOException | NumberFormatException e) {
      return -1;
    }
  }

  /** Whether the index was written before the sentence and paragraph marks (schema 3). */
  private static boolean beforeMarks(IndexReader reader) {
    int schema = schema(reader);
    return schema >= 0 && schema < 3;
  }

  /** Warnings collected while parsing. */
  List<String> warnings() {
    return warnings;
  }

  /** The operator and field an interval query of the last parse was compiled from, or null. */
  QueryOperators.Origin origin(Query query) {
    return operators == null ? null : operators.origin(query);
  }

  /** What an {@code atleastN()} query of the last parse counts, or {@code null}. */
  QueryOperators.Mentions mentions(Query query) {
    return operators == null ? null : operators.mentions(query);
  }

  /** The analyzer of query words (stems expanded). */
  Analyzer words() {
    return getAnalyzer();
  }

  /**
   * Parses {@code q}, blank meaning every article.
   *
   * @throws InvalidRequestException naming {@code q} and the position where parsing failed
   */
  Query parseQuery(String q) {
    if (q == null || q.isBlank()) {
      return MatchAllDocsQuery.INSTANCE;
    }
    List<QuerySyntax.Clause> clauses = QuerySyntax.parse(q); // every syntax error, in words
    try {
      operators = new QueryOperators(getAnalyzer(), reader, maxExpansion, this::parseInner);
      String text = operators.rewrite(q, clauses);
      Query parsed = parse(text);
      if (operators.usesBoundaries() && beforeMarks(reader)) {
        warnings.add(
            "this archive was indexed before Morgue marked sentences and paragraphs (schema "
                + schema(reader)
                + "), so /s and /p find their words anywhere in a field: ingest the same files"
                + " again (every article is rewritten) to search them exactly");
      }
      return parsed;
    } catch (ParseException e) {
      throw invalid(q, e);
    } catch (InvalidRequestException e) {
      throw e;
    } catch (IndexSearcher.TooManyClauses e) {
      throw QueryLimits.tooManyClauses(e);
    } catch (java.io.UncheckedIOException e) { // the archive's words could not be read
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("cannot read the query {}", q, e);
      throw new InvalidRequestException(
          "q",
          "cannot parse the query: it cannot be read as written; check its brackets and"
              + " operators",
          q.length());
    }
  }

  /** Parses a part of the query for an operator ({@code headline(...)}). */
  private Query parseInner(String text) {
    try {
      return parse(text);
    } catch (ParseException e) {
      throw new InvalidRequestException(
          "q", "cannot parse the query: the inside of a headline( or lede( cannot be read", -1);
    }
  }

  private static final java.util.regex.Pattern COLUMN =
      java.util.regex.Pattern.compile("column (\\d+)");

  /**
   * A word that starts with a wildcard: at the start, or after a space, a bracket, a field or an
   * operator.
   */
  private static final java.util.regex.Pattern LEADING_WILDCARD =
      java.util.regex.Pattern.compile("(?:^|[\\s(:+\\-!])([*?])");

  private static InvalidRequestException invalid(String q, ParseException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    if (cause instanceof Refusal) {
      return new InvalidRequestException("q", "cannot parse the query: " + cause.getMessage(), -1);
    }
    if (cause instanceof ParseException pe
        && pe.currentToken != null
        && pe.currentToken.next != null) {
      Token at = pe.currentToken.next;
      int position = Math.max(0, Math.min(q.length(), at.beginColumn));
      String found = at.kind == 0 ? "end of query" : "'" + at.image + "'";
      return new InvalidRequestException(
          "q",
          "cannot parse the query: unexpected " + found + " at position " + position,
          position);
    }
    String message = firstLine(cause.getMessage());
    if (message.contains("not allowed as first character")) { // Lucene's leading-wildcard refusal
      var leading = LEADING_WILDCARD.matcher(q);
      int position = leading.find() ? leading.start(1) : -1;
      return new InvalidRequestException(
          "q",
          "cannot parse the query: a word cannot start with * or ?"
              + (position < 0 ? "" : " (position " + position + ")")
              + ", which would read every word of the index; start it with a letter or more",
          position);
    }
    var column = COLUMN.matcher(message);
    int position = column.find() ? Math.min(q.length(), Integer.parseInt(column.group(1))) : 0;
    return new InvalidRequestException(
        "q",
        "cannot parse the query: it cannot be read from position "
            + position
            + "; check its quotes, brackets and operators",
        position);
  }

  /** A query refused by Morgue's own rules, whose message is for a person. */
  static final class Refusal extends ParseException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message);
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, boolean quoted)
      throws ParseException {
    Query operator = quoted || operators == null ? null : operators.placeholder(queryText);
    if (operator != null) {
      return operator;
    }
    if (Fields.DATE.equals(field)) {
      return dateQuery(queryText);
    }
    if (field != null && !FIELDS.contains(field)) {
      return unknownField(field, getFieldQuery(null, queryText, quoted));
    }
    if (quoted && Fields.ENTITIES.contains(field)) {
      Query name = entityName(field, queryText);
      if (name != null) {
        return name;
      }
    }
    return super.getFieldQuery(field, queryText, quoted);
  }

  @Override
  protected Query getFieldQuery(String field, String queryText, int slop) throws ParseException {
    if (Fields.DATE.equals(field)) {
      return dateQuery(queryText);
    }
    if (field != null && !FIELDS.contains(field)) {
      return unknownField(field, getFieldQuery(null, queryText, slop));
    }
    return super.getFieldQuery(field, queryText, slop);
  }

  /**
   * A quoted entity name as the facet's values it is (case and accents aside): the articles the
   * filter keeps; {@code null} when no value is that name, which is then searched as words.
   */
  private Query entityName(String dimension, String text) {
    List<String> values = names.apply(dimension, Analyzers.fold(text.strip()));
    if (values.isEmpty()) {
      return null;
    }
    String indexField =
        org.morgue.index.Schema.facetsConfig().getDimConfig(dimension).indexFieldName;
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String v : values) {
      any.add(
          new org.apache.lucene.search.TermQuery(
              org.apache.lucene.facet.DrillDownQuery.term(indexField, dimension, v)),
          BooleanClause.Occur.SHOULD);
    }
    return new org.apache.lucene.search.ConstantScoreQuery(any.build());
  }

  /**
   * {@code Azerbaijan: Armenian forces}, pasted from a headline, is no field: its name is one more
   * word to look for, beside what followed it.
   */
  private Query unknownField(String field, Query rest) throws ParseException {
    warnings.add("unknown field '" + field + ":' was searched as words");
    Query word = getFieldQuery(null, field, false);
    if (word == null) {
      return rest;
    }
    if (rest == null) {
      return word;
    }
    return new BooleanQuery.Builder()
        .add(word, BooleanClause.Occur.MUST)
        .add(rest, BooleanClause.Occur.MUST)
        .build();
  }

  /** A group of only negations ({@code -border}, {@code NOT border}) means everything but them. */
  @Override
  protected Query getBooleanQuery(List<BooleanClause> clauses) throws ParseException {
    if (!clauses.isEmpty() && clauses.stream().allMatch(BooleanClause::isProhibited)) {
      List<BooleanClause> all = new ArrayList<>(clauses);
      all.add(new BooleanClause(MatchAllDocsQuery.INSTANCE, BooleanClause.Occur.MUST));
      return super.getBooleanQuery(all);
    }
    return super.getBooleanQuery(clauses);
  }

  @Override
  protected Query newFieldQuery(Analyzer analyzer, String field, String queryText, boolean quoted)
      throws ParseException {
    if (quoted && Fields.TEXT.contains(field)) {
      return super.newFieldQuery(EXACT, field, queryText, true); // the words as written
    }
    return super.newFieldQuery(analyzer, field, queryText, quoted);
  }

  @Override
  protected Query getRangeQuery(
      String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
      throws ParseException {
    if (!Fields.DATE.equals(field)) {
      return super.getRangeQuery(field, part1, part2, startInclusive, endInclusive);
    }
    long lo = part1 == null || part1.equals("*") ? Long.MIN_VALUE : dayRange(part1)[0];
    long hi = part2 == null || part2.equals("*") ? Long.MAX_VALUE : dayRange(part2)[1];
    if (!startInclusive && lo != Long.MIN_VALUE) {
      lo = dayRange(part1)[1] + 1;
    }
    if (!endInclusive && hi != Long.MAX_VALUE) {
      hi = dayRange(part2)[0] - 1;
    }
    return LongField.newRangeQuery(Fields.DATE, lo, hi);
  }

  @Override
  protected Query getPrefixQuery(String field, String termStr) throws ParseException {
    checkField(field);
    return super.getPrefixQuery(field, termStr);
  }

  @Override
  protected Query getWildcardQuery(String field, String termStr) throws ParseException {
    checkField(field);
    return super.getWildcardQuery(field, termStr);
  }

  @Override
  protected Query getFuzzyQuery(String field, String termStr, float minSimilarity)
      throws ParseException {
    checkField(field);
    return super.getFuzzyQuery(field, termStr, minSimilarity);
  }

  private static void checkField(String field) throws ParseException {
    if (Fields.DATE.equals(field)) {
      throw new Refusal("date: takes a day, a month, a year or a range, not a pattern");
    }
  }

  private static Query dateQuery(String text) throws ParseException {
    long[] range = dayRange(text);
    return LongField.newRangeQuery(Fields.DATE, range[0], range[1]);
  }

  /**
   * The first and last epoch day of {@code 2021}, {@code 2021-11} or {@code 2021-11-17} ({@link
   * DayRange}).
   */
  private static long[] dayRange(String text) throws ParseException {
    DayRange days =
        DayRange.parse(text)
            .orElseThrow(
                () -> new Refusal("'" + text + "' is not a date: use 2021, 2021-11 or 2021-11-17"));
    return new long[] {days.first().toEpochDay(), days.last().toEpochDay()};
  }
}

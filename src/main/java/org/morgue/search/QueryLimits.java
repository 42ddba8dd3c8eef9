package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * Bounds on what one query may cost, checked before it runs, each refused with a message that says
 * what to change. (Leading wildcards are refused by the parser; the time every search may take is
 * bounded by {@link ArchiveSearcher}.)
 *
 * <ul>
 *   <li>A pattern ({@code pres*}, {@code te?t}, {@code /reg.x/}, {@code fuzzy~}) may match at most
 *       {@value #MAX_EXPANSION} indexed words in each field it searches ({@link
 *       ArchiveSearcher#setMaxExpansion}): {@code a*} over a news archive matches tens of
 *       thousands.
 *   <li>All the patterns of a query may match at most {@value #MAX_TOTAL_EXPANSION} words together,
 *       a query may hold at most {@value #MAX_FUZZY} fuzzy words, and expanding them counts within
 *       the search's time limit.
 *   <li>A query may hold at most {@link IndexSearcher#getMaxClauseCount()} clauses once expanded
 *       into its fields (Lucene's own limit, reported as a bad {@code q} rather than a failure).
 * </ul>
 */
final class QueryLimits {
  /**
   * The most indexed words one pattern may match in one field, unless the searcher says otherwise.
   */
  static final int MAX_EXPANSION = 2_000;

  private QueryLimits() {}

  /**
   * Refuses a query whose patterns match too many words of {@code reader}.
   *
   * @throws InvalidRequestException naming {@code q}
   */
  static void checkExpansions(Query query, IndexReader reader, int max) throws IOException {
    checkExpansions(query, reader, max, Long.MAX_VALUE, 0);
  }

  /** The most fuzzy words ({@code word~}) one query may hold. */
  static final int MAX_FUZZY = 10;

  /** The most indexed words all the patterns of one query may match together, over all fields. */
  static final int MAX_TOTAL_EXPANSION = 10_000;

  /**
   * Refuses a query whose patterns match too many words of {@code reader}: more than {@code max} a
   * pattern and field, more than {@value #MAX_TOTAL_EXPANSION} in all, more than {@value
   * #MAX_FUZZY} fuzzy words, or whose expansion is not done by {@code deadline} ({@link
   * System#nanoTime()}; the search's time limit counts its rewriting too).
   *
   * @param limitMs the time limit, for the message
   * @throws InvalidRequestException naming {@code q}
   */
  static void checkExpansions(Query query, IndexReader reader, int max, long deadline, long limitMs)
      throws IOException {
    List<MultiTermQuery> patterns = new ArrayList<>();
    query.visit(
        new QueryVisitor() {
          @Override
          public void consumeTermsMatching(
              Query q, String field, Supplier<ByteRunAutomaton> automaton) {
            if (q instanceof MultiTermQuery mtq) {
              patterns.add(mtq);
            }
          }

          @Override
          public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
            return this; // excluded patterns cost as much as required ones
          }
        });
    java.util.Set<String> fuzzy = new java.util.HashSet<>();
    for (MultiTermQuery mtq : patterns) {
      if (mtq instanceof org.apache.lucene.search.FuzzyQuery f) {
        fuzzy.add(f.getTerm().text());
      }
    }
    if (fuzzy.size() > MAX_FUZZY) {
      throw new InvalidRequestException(
          "q",
          String.format(
              Locale.ROOT,
              "the query holds %d fuzzy words (word~); a query may hold at most %d",
              fuzzy.size(),
              MAX_FUZZY));
    }
    long total = 0;
    for (MultiTermQuery mtq : patterns) {
      checkTime(deadline, limitMs);
      Terms terms = MultiTerms.getTerms(reader, mtq.getField());
      if (terms == null) {
        continue;
      }
      TermsEnum matching = mtq.getTermsEnum(terms);
      int n = 0;
      while (matching.next() != null) {
        if ((n & 0xFF) == 0) {
          checkTime(deadline, limitMs);
        }
        if (++total > MAX_TOTAL_EXPANSION) {
          throw new InvalidRequestException(
              "q",
              String.format(
                  Locale.ROOT,
                  "the query's patterns match more than %,d words in all; use fewer or longer"
                      + " patterns",
                  MAX_TOTAL_EXPANSION));
        }
        if (++n > max) {
          throw tooManyWords(mtq.toString(mtq.getField()), max, mtq.getField(), -1);
        }
      }
    }
  }

  /**
   * The refusal of a pattern that matches more than {@code max} words of {@code field}, naming it
   * (and its position in the query, unless negative).
   */
  static InvalidRequestException tooManyWords(String pattern, int max, String field, int position) {
    String message =
        String.format(
            Locale.ROOT,
            "'%s' matches more than %,d words in %s; make the pattern longer or more precise",
            pattern,
            max,
            field);
    return position < 0
        ? new InvalidRequestException("q", message)
        : new InvalidRequestException("q", message, position);
  }

  private static void checkTime(long deadline, long limitMs) {
    if (System.nanoTime() - deadline > 0) {
      throw new InvalidRequestException(
          "q",
          String.format(
              Locale.ROOT,
              "expanding the query's patterns took longer than the time limit of %,d ms; use"
                  + " fewer or longer patterns",
              limitMs));
    }
  }

  /** Lucene's clause limit, as the request's fault. */
  static InvalidRequestException tooManyClauses(IndexSearcher.TooManyClauses e) {
    return new InvalidRequestException(
        "q",
        String.format(
            Locale.ROOT,
            "the query is too large: it expands to more than %,d clauses over the searched fields;"
                + " use fewer words or patterns",
            IndexSearcher.getMaxClauseCount()));
  }
}

package org.morgue.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexOrDocValuesQuery;
import org.apache.lucene.search.IndexSortSortedNumericDocValuesRangeQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RegexpQuery;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.morgue.index.Fields;
import org.morgue.opensearch.OpenSearchDocuments;

/**
 * A parsed query ({@link ArchiveQueryParser}, the same parser the embedded index uses, its stems
 * expanded over the archive's words in the cluster) written as OpenSearch's query DSL, clause by
 * clause: a word is a {@code term} of the same field's words ({@code w_body}), a word's forms a
 * {@code bool} of them, a phrase a {@code match_phrase} of its words with its slop, a pattern a
 * {@code prefix} or {@code wildcard}, dates a {@code range} of epoch days, AND/OR/NOT a {@code
 * bool}; an operator ({@code W/n}, {@code NEAR/n}, {@code /s}, {@code /p}, {@code atleastN()}) an
 * {@code intervals} query ({@link OperatorDsl}). What has no counterpart is refused with {@link
 * Archive.UnsupportedSearchException}, never answered differently.
 */
final class OpenSearchQueries {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenSearchQueries() {}

  /**
   * How an operator's query is written (an interval query of one field, an {@code atleastN()}), or
   * null when it cannot be.
   */
  interface Intervals {
    ObjectNode of(Query intervalQuery);
  }

  /** {@code query} as DSL, with no operator. */
  static ObjectNode of(Query query) {
    return of(query, q -> null);
  }

  /** {@code query} as DSL, its operators written by {@code intervals}. */
  static ObjectNode of(Query query, Intervals intervals) {
    ObjectNode operator =
        query instanceof org.apache.lucene.queries.intervals.IntervalQuery
                || query instanceof MentionsQuery
            ? intervals.of(query)
            : null;
    if (operator != null) {
      return operator;
    }
    ObjectNode out = JSON.createObjectNode();
    if (query instanceof MatchAllDocsQuery) {
      out.putObject("match_all");
    } else if (query instanceof MatchNoDocsQuery) {
      out.putObject("match_none");
    } else if (query instanceof TermQuery t) {
      term(out, t.getTerm());
    } else if (query instanceof SynonymQuery s) {
      ObjectNode bool = out.putObject("bool");
      ArrayNode should = bool.putArray("should");
      for (Term t : s.getTerms()) {
        term(should.addObject(), t);
      }
      bool.put("minimum_should_match", 1);
    } else if (query instanceof BooleanQuery b) {
      ObjectNode bool = out.putObject("bool");
      boolean anyShould = false;
      boolean anyRequired = false;
      for (BooleanClause c : b.clauses()) {
        String occur =
            switch (c.occur()) {
              case MUST -> "must";
              case SHOULD -> "should";
              case FILTER -> "filter";
              case MUST_NOT -> "must_not";
            };
        anyShould |= c.occur() == BooleanClause.Occur.SHOULD;
        anyRequired |=
            c.occur() == BooleanClause.Occur.MUST || c.occur() == BooleanClause.Occur.FILTER;
        ArrayNode list = bool.has(occur) ? (ArrayNode) bool.get(occur) : bool.putArray(occur);
        list.add(of(c.query(), intervals));
      }
      if (b.getMinimumNumberShouldMatch() > 0) {
        bool.put("minimum_should_match", b.getMinimumNumberShouldMatch());
      } else if (anyShould && !anyRequired) {
        bool.put("minimum_should_match", 1);
      } else if (anyShould) {
        bool.put("minimum_should_match", 0);
      }
      if (!anyShould && !anyRequired) { // only exclusions: Lucene matches nothing, as here
        bool.putArray("must").addObject().putObject("match_none");
      }
    } else if (query instanceof BoostQuery bq) {
      ObjectNode inner = of(bq.getQuery(), intervals);
      ObjectNode bool = out.putObject("bool");
      bool.putArray("must").add(inner);
      bool.put("boost", bq.getBoost());
    } else if (query instanceof ConstantScoreQuery cs) {
      out.putObject("constant_score").set("filter", of(cs.getQuery(), intervals));
    } else if (query instanceof PhraseQuery p) {
      phrase(out, p);
    } else if (query instanceof PrefixQuery p) {
      out.putObject("prefix")
          .putObject(field(p.getPrefix().field()))
          .put("value", p.getPrefix().text());
    } else if (query instanceof WildcardQuery w) {
      out.putObject("wildcard")
          .putObject(field(w.getTerm().field()))
          .put("value", w.getTerm().text());
    } else if (query instanceof RegexpQuery r) {
      out.putObject("regexp")
          .putObject(field(r.getRegexp().field()))
          .put("value", r.getRegexp().text());
    } else if (query instanceof FuzzyQuery f) {
      out.putObject("fuzzy")
          .putObject(field(f.getTerm().field()))
          .put("value", f.getTerm().text())
          .put("fuzziness", f.getMaxEdits())
          .put("prefix_length", f.getPrefixLength())
          .put("transpositions", f.getTranspositions());
    } else if (query instanceof IndexSortSortedNumericDocValuesRangeQuery sorted) {
      return of(sorted.getFallbackQuery());
    } else if (query instanceof IndexOrDocValuesQuery iodv) {
      return of(iodv.getIndexQuery());
    } else if (query instanceof PointRangeQuery r && r.getField().equals(Fields.DATE)) {
      long lo = LongPoint.decodeDimension(r.getLowerPoint(), 0);
      long hi = LongPoint.decodeDimension(r.getUpperPoint(), 0);
      ObjectNode range = out.putObject("range").putObject(Fields.DATE);
      if (lo != Long.MIN_VALUE) {
        range.put("gte", lo);
      }
      if (hi != Long.MAX_VALUE) {
        range.put("lte", hi);
      }
    } else {
      throw new Archive.UnsupportedSearchException(
          "the OpenSearch backend cannot search this yet: "
              + describe(query)
              + "; it works on the embedded index");
    }
    return out;
  }

  private static String describe(Query q) {
    String s = q.getClass().getSimpleName();
    return s.contains("Interval")
        ? "a proximity operator"
        : s.contains("Mentions") ? "atleastN()" : s;
  }

  private static void term(ObjectNode out, Term t) {
    if (t.field().equals(FACETS_FIELD)) { // a facet value (person:"Robert Mueller"): its keyword
      String[] path = org.apache.lucene.facet.FacetsConfig.stringToPath(t.text());
      out.putObject("term").put(OpenSearchDocuments.valueField(path[0]), path[path.length - 1]);
      return;
    }
    out.putObject("term").put(field(t.field()), t.text());
  }

  /** The Lucene field of the facet values' drill-down terms. */
  private static final String FACETS_FIELD =
      org.morgue.index.Schema.facetsConfig().getDimConfig(Fields.PERSON).indexFieldName;

  private static void phrase(ObjectNode out, PhraseQuery p) {
    Term[] terms = p.getTerms();
    if (terms.length == 0) {
      out.putObject("match_none");
      return;
    }
    int[] positions = p.getPositions();
    for (int i = 1; i < positions.length; i++) {
      if (positions[i] != positions[i - 1] + 1) {
        throw new Archive.UnsupportedSearchException(
            "the OpenSearch backend cannot search a phrase with gaps in it yet");
      }
    }
    StringBuilder words = new StringBuilder();
    for (Term t : terms) {
      if (!words.isEmpty()) {
        words.append(' ');
      }
      words.append(t.text());
    }
    ObjectNode m = out.putObject("match_phrase").putObject(field(terms[0].field()));
    m.put("query", words.toString());
    m.put("slop", p.getSlop());
  }

  /** The cluster's field of a Lucene field. */
  static String field(String lucene) {
    if (Fields.TEXT.contains(lucene) || Fields.FACETS.contains(lucene)) {
      return OpenSearchDocuments.wordField(lucene);
    }
    if (List.of(Fields.ID, Fields.FINGERPRINT, Fields.COPY_OF, Fields.DATE).contains(lucene)) {
      return lucene;
    }
    throw new Archive.UnsupportedSearchException(
        "the OpenSearch backend cannot search the field '" + lucene + "'");
  }
}

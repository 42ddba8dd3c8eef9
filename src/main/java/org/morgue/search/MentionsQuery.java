package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesUtils;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * {@code atleastN(x)}: the articles in which x occurs at least N times, counted over several fields
 * together (title, standfirst and body, unless restricted): each field's intervals of x are its
 * mentions there. Constant score.
 */
final class MentionsQuery extends Query {
  private final Map<String, IntervalsSource> sources;
  private final int min;

  /**
   * @param sources x in each field searched, by field
   * @param min the fewest mentions
   */
  MentionsQuery(Map<String, IntervalsSource> sources, int min) {
    this.sources = Map.copyOf(sources);
    this.min = min;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public ScorerSupplier scorerSupplier(LeafReaderContext context) throws IOException {
        List<IntervalIterator> its = new ArrayList<>();
        for (Map.Entry<String, IntervalsSource> e : sources.entrySet()) {
          IntervalIterator it = e.getValue().intervals(e.getKey(), context);
          if (it != null) {
            its.add(it);
          }
        }
        if (its.isEmpty()) {
          return null;
        }
        DocIdSetIterator approximation = its.size() == 1 ? its.get(0) : new Union(its);
        float cost = 0;
        for (IntervalIterator it : its) {
          cost += it.matchCost();
        }
        float matchCost = cost;
        TwoPhaseIterator twoPhase =
            new TwoPhaseIterator(approximation) {
              @Override
              public boolean matches() throws IOException {
                int doc = approximation.docID();
                int count = 0;
                for (IntervalIterator it : its) {
                  if (it.docID() != doc) {
                    continue;
                  }
                  while (it.nextInterval() != IntervalIterator.NO_MORE_INTERVALS) {
                    if (++count >= min) {
                      return true;
                    }
                  }
                }
                return false;
              }

              @Override
              public float matchCost() {
                return matchCost;
              }
            };
        return new Weight.DefaultScorerSupplier(
            new ConstantScoreScorer(score(), scoreMode, twoPhase));
      }

      /** Each field's intervals of x, in an article that has at least N of them. */
      @Override
      public Matches matches(LeafReaderContext context, int doc) throws IOException {
        Scorer scorer = scorer(context);
        if (scorer == null) {
          return null;
        }
        TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
        if (twoPhase.approximation().advance(doc) != doc || !twoPhase.matches()) {
          return null;
        }
        List<Matches> fields = new ArrayList<>();
        for (Map.Entry<String, IntervalsSource> e : sources.entrySet()) {
          String field = e.getKey();
          IntervalsSource source = e.getValue();
          if (source.matches(field, context, doc) != null) {
            fields.add(MatchesUtils.forField(field, () -> source.matches(field, context, doc)));
          }
        }
        return MatchesUtils.fromSubMatches(fields);
      }

      @Override
      public boolean isCacheable(LeafReaderContext ctx) {
        return true;
      }
    };
  }

  /** The documents of any of several iterators. */
  private static final class Union extends DocIdSetIterator {
    private final List<IntervalIterator> its;
    private int doc = -1;

    Union(List<IntervalIterator> its) {
      this.its = its;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() throws IOException {
      return advance(doc + 1);
    }

    @Override
    public int advance(int target) throws IOException {
      int next = NO_MORE_DOCS;
      for (IntervalIterator it : its) {
        int d = it.docID();
        if (d < target) {
          d = it.advance(target);
        }
        next = Math.min(next, d);
      }
      return doc = next;
    }

    @Override
    public long cost() {
      long cost = 0;
      for (IntervalIterator it : its) {
        cost += it.cost();
      }
      return cost;
    }
  }

  @Override
  public void visit(QueryVisitor visitor) {
    QueryVisitor sub = visitor.getSubVisitor(BooleanClause.Occur.MUST, this);
    sources.forEach(
        (field, source) -> {
          if (visitor.acceptField(field)) {
            source.visit(field, sub);
          }
        });
  }

  @Override
  public String toString(String field) {
    return "atleast" + min + "(" + sources + ")";
  }

  @Override
  public boolean equals(Object o) {
    return sameClassAs(o)
        && min == ((MentionsQuery) o).min
        && sources.equals(((MentionsQuery) o).sources);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classHash(), sources, min);
  }
}

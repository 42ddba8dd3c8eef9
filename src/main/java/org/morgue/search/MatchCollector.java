package org.morgue.search;

import java.io.IOException;
import java.util.Collection;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.LongValues;
import org.morgue.index.Fields;

/**
 * Counts every match of a search in one pass over doc values, no stored field read: the articles,
 * the stories (distinct fingerprints, through the reader's global ordinals: one bit a story), and
 * the articles of each day for the histogram.
 */
final class MatchCollector implements Collector {
  private final ReaderState state;
  final DayCounts days;
  final FixedBitSet stories;
  long articles;
  long undated;

  /** Articles without a fingerprint, each its own story. */
  long unprinted;

  MatchCollector(ReaderState state) {
    this.state = state;
    this.days = state.newDayCounts();
    this.stories = new FixedBitSet((int) Math.max(1, state.fingerprintCount()));
  }

  /** The number of distinct stories among the matches. */
  long storyCount() {
    return stories.cardinality() + unprinted;
  }

  @Override
  public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
    SortedNumericDocValues dates = DocValues.getSortedNumeric(context.reader(), Fields.DATE);
    SortedSetDocValues prints = DocValues.getSortedSet(context.reader(), Fields.FINGERPRINT);
    LongValues toGlobal =
        state.fingerprints() == null
            ? LongValues.IDENTITY
            : state.fingerprints().getGlobalOrds(context.ord);
    return new LeafCollector() {
      @Override
      public void setScorer(Scorable scorer) {}

      @Override
      public void collect(int doc) throws IOException {
        articles++;
        if (dates.advanceExact(doc)) {
          days.add(dates.nextValue());
        } else {
          undated++;
        }
        if (prints.advanceExact(doc)) {
          stories.set((int) toGlobal.get(prints.nextOrd()));
        } else {
          unprinted++;
        }
      }
    };
  }

  @Override
  public ScoreMode scoreMode() {
    return ScoreMode.COMPLETE_NO_SCORES;
  }

  /** The manager of one search: one collector for each slice, merged at the end. */
  static CollectorManager<MatchCollector, MatchCollector> manager(ReaderState state) {
    return new CollectorManager<>() {
      @Override
      public MatchCollector newCollector() {
        return new MatchCollector(state);
      }

      @Override
      public MatchCollector reduce(Collection<MatchCollector> collectors) {
        if (collectors.size() == 1) {
          return collectors.iterator().next();
        }
        MatchCollector all = new MatchCollector(state);
        for (MatchCollector c : collectors) {
          all.articles += c.articles;
          all.undated += c.undated;
          all.unprinted += c.unprinted;
          all.days.addAll(c.days);
          all.stories.or(c.stories);
        }
        return all;
      }
    };
  }
}

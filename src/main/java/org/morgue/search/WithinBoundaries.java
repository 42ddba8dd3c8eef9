package org.morgue.search;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.intervals.IntervalIterator;
import org.apache.lucene.queries.intervals.IntervalMatchesIterator;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;

/**
 * The intervals of a source that cross no sentence (or paragraph) boundary: those holding no start
 * mark ({@link org.morgue.index.Fields#SENTENCE_START}) after their first position. The index puts
 * a start mark on the first word of every sentence but a field's first, so an interval from a
 * sentence's first word to its last is kept, and one from the last word of a sentence to the first
 * of the next is not.
 *
 * <p>Lucene's {@code Intervals.notContaining(source, phrase(end mark, start mark))} says the same
 * but is not exact: it drops an interval that merely overlaps the boundary's two positions, such as
 * one ending on a sentence's last word ("minister /s budget" in "The minister spoke about the
 * budget. Resignation ..."). Here the start marks of a document are read once, from their postings,
 * and each interval is checked against them: exact, and cheaper than a second interval iterator.
 */
final class WithinBoundaries extends IntervalsSource {
  private final IntervalsSource source;
  private final String startMark;

  /**
   * @param source the intervals to keep or drop
   * @param startMark the term marking the first word of each sentence or paragraph but the first
   */
  WithinBoundaries(IntervalsSource source, String startMark) {
    this.source = source;
    this.startMark = startMark;
  }

  @Override
  public IntervalIterator intervals(String field, LeafReaderContext ctx) throws IOException {
    IntervalIterator in = source.intervals(field, ctx);
    if (in == null) {
      return null;
    }
    PostingsEnum marks = marks(field, ctx);
    return marks == null ? in : new Filtered(in, new Marks(marks));
  }

  @Override
  public IntervalMatchesIterator matches(String field, LeafReaderContext ctx, int doc)
      throws IOException {
    IntervalMatchesIterator in = source.matches(field, ctx, doc);
    if (in == null) {
      return null;
    }
    PostingsEnum postings = marks(field, ctx);
    if (postings == null) {
      return in;
    }
    Marks marks = new Marks(postings);
    marks.load(doc);
    while (in.next()) {
      if (!marks.crossed(in.startPosition(), in.endPosition())) {
        return new FilteredMatches(in, marks);
      }
    }
    return null; // no interval is left in this document
  }

  /** The start marks' postings in the field of this segment, or {@code null} if there are none. */
  private PostingsEnum marks(String field, LeafReaderContext ctx) throws IOException {
    Terms terms = ctx.reader().terms(field);
    if (terms == null) {
      return null;
    }
    TermsEnum te = terms.iterator();
    return te.seekExact(new BytesRef(startMark)) ? te.postings(null, PostingsEnum.POSITIONS) : null;
  }

  @Override
  public void visit(String field, QueryVisitor visitor) {
    Query query = new IntervalQuery(field, this);
    QueryVisitor v = visitor.getSubVisitor(BooleanClause.Occur.MUST, query);
    source.visit(field, v);
    v.getSubVisitor(BooleanClause.Occur.MUST_NOT, query)
        .consumeTerms(query, new Term(field, startMark));
  }

  @Override
  public int minExtent() {
    return source.minExtent();
  }

  @Override
  public Collection<IntervalsSource> pullUpDisjunctions() {
    return List.of(this);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, startMark);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WithinBoundaries o
        && source.equals(o.source)
        && startMark.equals(o.startMark);
  }

  @Override
  public String toString() {
    return "WITHIN_BOUNDARIES(" + source + "," + startMark + ")";
  }

  /** The start marks' positions in one document at a time. */
  private static final class Marks {
    private final PostingsEnum postings;
    private int[] positions = new int[16];
    private int count;
    private int doc = -1;

    Marks(PostingsEnum postings) {
      this.postings = postings;
    }

    /** Reads the marks of {@code target}, unless they are read already. */
    void load(int target) throws IOException {
      if (target == doc) {
        return;
      }
      doc = target;
      count = 0;
      int at = postings.docID();
      if (at < target) {
        at = postings.advance(target);
      }
      if (at != target) {
        return;
      }
      int freq = postings.freq();
      if (positions.length < freq) {
        positions = new int[Math.max(freq, 2 * positions.length)];
      }
      for (int i = 0; i < freq; i++) {
        positions[count++] = postings.nextPosition();
      }
    }

    /** Whether a mark lies after {@code start} and at or before {@code end}. */
    boolean crossed(int start, int end) {
      int i = Arrays.binarySearch(positions, 0, count, start + 1);
      if (i < 0) {
        i = -i - 1; // the first mark after start
      }
      return i < count && positions[i] <= end;
    }
  }

  private static final class Filtered extends IntervalIterator {
    private final IntervalIterator in;
    private final Marks marks;

    Filtered(IntervalIterator in, Marks marks) {
      this.in = in;
      this.marks = marks;
    }

    @Override
    public int start() {
      return in.start();
    }

    @Override
    public int end() {
      return in.end();
    }

    @Override
    public int gaps() {
      return in.gaps();
    }

    @Override
    public int width() {
      return in.width();
    }

    @Override
    public int nextInterval() throws IOException {
      marks.load(in.docID());
      for (int s = in.nextInterval(); s != NO_MORE_INTERVALS; s = in.nextInterval()) {
        if (!marks.crossed(s, in.end())) {
          return s;
        }
      }
      return NO_MORE_INTERVALS;
    }

    @Override
    public float matchCost() {
      return in.matchCost();
    }

    @Override
    public int docID() {
      return in.docID();
    }

    @Override
    public int nextDoc() throws IOException {
      return in.nextDoc();
    }

    @Override
    public int advance(int target) throws IOException {
      return in.advance(target);
    }

    @Override
    public long cost() {
      return in.cost();
    }
  }

  /** The matches of one document that cross no boundary; positioned on the first already. */
  private static final class FilteredMatches implements IntervalMatchesIterator {
    private final IntervalMatchesIterator in;
    private final Marks marks;
    private boolean first = true;

    FilteredMatches(IntervalMatchesIterator in, Marks marks) {
      this.in = in;
      this.marks = marks;
    }

    @Override
    public boolean next() throws IOException {
      if (first) {
        first = false;
        return true;
      }
      while (in.next()) {
        if (!marks.crossed(in.startPosition(), in.endPosition())) {
          return true;
        }
      }
      return false;
    }

    @Override
    public int startPosition() {
      return in.startPosition();
    }

    @Override
    public int endPosition() {
      return in.endPosition();
    }

    @Override
    public int startOffset() throws IOException {
      return in.startOffset();
    }

    @Override
    public int endOffset() throws IOException {
      return in.endOffset();
    }

    @Override
    public MatchesIterator getSubMatches() throws IOException {
      return in.getSubMatches();
    }

    @Override
    public Query getQuery() {
      return in.getQuery();
    }

    @Override
    public int gaps() {
      return in.gaps();
    }

    @Override
    public int width() {
      return in.width();
    }
  }
}

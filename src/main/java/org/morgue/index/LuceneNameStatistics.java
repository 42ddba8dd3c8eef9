package org.morgue.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.morgue.entity.NameStatistics;

/**
 * The archive's name statistics read from the index: each fact of {@link
 * org.morgue.entity.NameFacts} is a term of {@value Fields#NAMES}, and its count is the number of
 * live articles holding it (the term's document frequency, corrected for deleted documents where a
 * segment has any, so that rewriting articles never counts them twice). Nothing is loaded up front:
 * a question costs a term seek (or a walk over a prefix's terms), answered once per reader and then
 * cached, so the memory grows with the names asked about, not with the archive.
 *
 * <p>Thread-safe; valid while its reader is open.
 */
public final class LuceneNameStatistics implements NameStatistics {
  /** Answers cached per reader; past this many the cache starts again (bounded memory). */
  private static final int MAX_CACHED = 200_000;

  private final IndexReader reader;
  private final Map<String, Long> counts = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Long>> prefixes = new ConcurrentHashMap<>();

  private final BoilerplateOverrides overrides;

  public LuceneNameStatistics(IndexReader reader) {
    this(reader, BoilerplateOverrides.NONE);
  }

  /** Statistics with the archivist's corrections to boilerplate ({@code boilerplate.txt}). */
  public LuceneNameStatistics(IndexReader reader, BoilerplateOverrides overrides) {
    this.reader = reader;
    this.overrides = overrides;
  }

  /** A reader is a point in time: its answers never change. */
  @Override
  public boolean unchanging() {
    return true;
  }

  /** The reader it answers from. */
  public IndexReader reader() {
    return reader;
  }

  @Override
  public long count(String fact) {
    Long known = counts.get(fact);
    if (known != null) {
      return known;
    }
    if (counts.size() > MAX_CACHED) {
      counts.clear();
    }
    long[] n = {0};
    BytesRef term = new BytesRef(fact);
    eachSegment(
        (te, liveDocs) -> {
          if (te.seekExact(term)) {
            n[0] += live(te, liveDocs);
          }
        });
    long answer = fact.startsWith("B|") ? overrides.correct(fact, n[0]) : n[0];
    counts.put(fact, answer);
    return answer;
  }

  @Override
  public Map<String, Long> withPrefix(String prefix) {
    Map<String, Long> known = prefixes.get(prefix);
    if (known != null) {
      return known;
    }
    if (prefixes.size() > MAX_CACHED / 10) {
      prefixes.clear();
    }
    Map<String, Long> out = new HashMap<>();
    BytesRef p = new BytesRef(prefix);
    eachSegment(
        (te, liveDocs) -> {
          if (te.seekCeil(p) == TermsEnum.SeekStatus.END) {
            return;
          }
          for (BytesRef t = te.term(); t != null && StringHelper.startsWith(t, p); t = te.next()) {
            long n = live(te, liveDocs);
            if (n > 0) {
              out.merge(t.utf8ToString().substring(prefix.length()), n, Long::sum);
            }
          }
        });
    Map<String, Long> answer = Map.copyOf(out);
    prefixes.put(prefix, answer);
    return answer;
  }

  /** What is done with the facts of one segment. */
  private interface SegmentWork {
    void apply(TermsEnum facts, Bits liveDocs) throws IOException;
  }

  /** Runs {@code work} on the facts of every segment that has any. */
  private void eachSegment(SegmentWork work) {
    try {
      for (LeafReaderContext leaf : reader.leaves()) {
        Terms terms = leaf.reader().terms(Fields.NAMES);
        if (terms != null) {
          work.apply(terms.iterator(), leaf.reader().getLiveDocs());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long live(TermsEnum te, Bits liveDocs) throws IOException {
    if (liveDocs == null) {
      return te.docFreq();
    }
    long n = 0;
    PostingsEnum postings = te.postings(null, PostingsEnum.NONE);
    for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = postings.nextDoc()) {
      if (liveDocs.get(d)) {
        n++;
      }
    }
    return n;
  }
}

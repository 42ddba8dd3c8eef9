package org.morgue.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What the whole archive knows of names: how many articles hold each name fact ({@link NameFacts}).
 * Resolution asks it which full name a surname stands for, which type a name mostly has, what an
 * acronym was defined as, which lines of a source are boilerplate.
 *
 * <p>The index keeps the facts as terms of one field, so the embedded archive answers from Lucene's
 * term statistics without holding them in memory ({@code index.LuceneNameStatistics}); {@link
 * Memory} counts them in a map, for tests and small runs. Counts are of articles: a fact counts
 * once per article that holds it.
 */
public interface NameStatistics {
  /** An archive that knows nothing: resolution uses each article's own evidence only. */
  NameStatistics NONE =
      new NameStatistics() {
        @Override
        public long count(String fact) {
          return 0;
        }

        @Override
        public Map<String, Long> withPrefix(String prefix) {
          return Map.of();
        }
      };

  /**
   * Whether its answers never change (a snapshot of the archive), so that what is derived from them
   * may be kept for the next article.
   */
  default boolean unchanging() {
    return false;
  }

  /** The number of articles holding {@code fact}. Example: {@code count("T|PERSON|trump")}. */
  long count(String fact);

  /**
   * Every fact that starts with {@code prefix}, with its count, the prefix removed from the keys.
   * Example: {@code withPrefix("L|obama|")} gives {@code {barack obama=508, michelle obama=31}}.
   */
  Map<String, Long> withPrefix(String prefix);

  /** Statistics counted in memory from the facts of each article. Not thread-safe while filled. */
  final class Memory implements NameStatistics {
    private final NavigableMap<String, Long> counts = new TreeMap<>();

    /** Adds one article's facts (each counted once). */
    public Memory add(Collection<String> facts) {
      for (String f : new java.util.HashSet<>(facts)) {
        counts.merge(f, 1L, Long::sum);
      }
      return this;
    }

    @Override
    public long count(String fact) {
      return counts.getOrDefault(fact, 0L);
    }

    @Override
    public Map<String, Long> withPrefix(String prefix) {
      Map<String, Long> out = new HashMap<>();
      for (Map.Entry<String, Long> e : counts.tailMap(prefix, true).entrySet()) {
        if (!e.getKey().startsWith(prefix)) {
          break;
        }
        out.put(e.getKey().substring(prefix.length()), e.getValue());
      }
      return out;
    }

    /** How many distinct facts are held. */
    public int size() {
      return counts.size();
    }
  }
}

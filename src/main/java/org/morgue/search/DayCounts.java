package org.morgue.search;

import java.util.Map;
import java.util.TreeMap;

/**
 * Articles counted by publication day (epoch day), the raw material of the date histogram. Days
 * within {@value #MAX_ARRAY_DAYS} days of the archive's first one are counted in an array; days
 * outside it (the rare archive with a stray date in year 1) in a sorted map.
 */
final class DayCounts {
  /** About 200 years: an array of this many ints is 290 KB, allocated once a search at most. */
  static final int MAX_ARRAY_DAYS = 73_000;

  private final long base;
  private final int[] counts;
  private final TreeMap<Long, Long> outside = new TreeMap<>();
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;

  /** Counts for an archive whose dates span {@code minDay} to {@code maxDay} (epoch days). */
  DayCounts(long minDay, long maxDay) {
    this.base = minDay;
    boolean fits = maxDay >= minDay && maxDay - minDay < MAX_ARRAY_DAYS;
    this.counts = fits ? new int[(int) (maxDay - minDay + 1)] : new int[0];
  }

  void add(long day) {
    add(day, 1);
  }

  void add(long day, long n) {
    long i = day - base;
    if (i >= 0 && i < counts.length) {
      counts[(int) i] += (int) n;
    } else {
      outside.merge(day, n, Long::sum);
    }
    first = Math.min(first, day);
    last = Math.max(last, day);
  }

  /** Adds every count of {@code other}. */
  void addAll(DayCounts other) {
    for (int i = 0; i < other.counts.length; i++) {
      if (other.counts[i] > 0) {
        add(other.base + i, other.counts[i]);
      }
    }
    for (Map.Entry<Long, Long> e : other.outside.entrySet()) {
      add(e.getKey(), e.getValue());
    }
  }

  /** Whether no day was counted. */
  boolean isEmpty() {
    return first == Long.MAX_VALUE;
  }

  /** The first day counted. */
  long first() {
    return first;
  }

  /** The last day counted. */
  long last() {
    return last;
  }

  /** The articles of the days from {@code lo} to {@code hi}, inclusive. */
  long sum(long lo, long hi) {
    long total = 0;
    long from = Math.max(lo, base);
    long to = Math.min(hi, base + counts.length - 1);
    for (long d = from; d <= to; d++) {
      total += counts[(int) (d - base)];
    }
    if (!outside.isEmpty() && lo <= hi) {
      for (long n : outside.subMap(lo, true, hi, true).values()) {
        total += n;
      }
    }
    return total;
  }
}

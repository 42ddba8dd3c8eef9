package org.morgue.search;

import java.util.Map;
import java.util.TreeMap;

/**
 * Articles counted by publication day (epoch day), the raw material of the date histogram. Days
 * within {@value #MAX_ARRAY_DAYS} days of the archive's first one are counted in pages of {@value
 * #PAGE_DAYS} days, each page allocated when a day of it is first counted, so that a search pays
 * only for the years its matches fall in, however long the archive's span; days outside (a stray
 * date thousands of years off) in a sorted map.
 */
final class DayCounts {
  /** About 10,000 years: the span counted in pages. */
  static final int MAX_ARRAY_DAYS = 3_650_000;

  /** Days a page: about 11 years, 16 KB. */
  static final int PAGE_DAYS = 4096;

  private static final int PAGE_SHIFT = Integer.numberOfTrailingZeros(PAGE_DAYS);

  private final long base;
  private final long span;
  private final int[][] pages;
  private final TreeMap<Long, Long> outside = new TreeMap<>();
  private long first = Long.MAX_VALUE;
  private long last = Long.MIN_VALUE;

  /** Counts for an archive whose dates span {@code minDay} to {@code maxDay} (epoch days). */
  DayCounts(long minDay, long maxDay) {
    this.base = minDay;
    boolean fits = maxDay >= minDay && maxDay - minDay < MAX_ARRAY_DAYS;
    this.span = fits ? maxDay - minDay + 1 : 0;
    this.pages = new int[(int) ((span + PAGE_DAYS - 1) >>> PAGE_SHIFT)][];
  }

  void add(long day) {
    add(day, 1);
  }

  void add(long day, long n) {
    long i = day - base;
    if (i >= 0 && i < span) {
      int p = (int) (i >>> PAGE_SHIFT);
      int[] page = pages[p];
      if (page == null) {
        page = pages[p] = new int[PAGE_DAYS];
      }
      page[(int) i & (PAGE_DAYS - 1)] += (int) n;
    } else {
      outside.merge(day, n, Long::sum);
    }
    if (day < first) {
      first = day;
    }
    if (day > last) {
      last = day;
    }
  }

  /** Adds every count of {@code other}, counted over the same span. */
  void addAll(DayCounts other) {
    for (int p = 0; p < other.pages.length; p++) {
      int[] page = other.pages[p];
      if (page == null) {
        continue;
      }
      for (int i = 0; i < PAGE_DAYS; i++) {
        if (page[i] > 0) {
          add(other.base + ((long) p << PAGE_SHIFT) + i, page[i]);
        }
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
    long from = Math.max(lo, base) - base;
    long to = Math.min(hi, base + span - 1) - base;
    while (from <= to) {
      int p = (int) (from >>> PAGE_SHIFT);
      long pageEnd = Math.min(to, ((long) p << PAGE_SHIFT) + PAGE_DAYS - 1);
      int[] page = pages[p];
      if (page != null) {
        for (int i = (int) from & (PAGE_DAYS - 1), end = (int) pageEnd & (PAGE_DAYS - 1);
            i <= end;
            i++) {
          total += page[i];
        }
      }
      from = pageEnd + 1;
    }
    if (!outside.isEmpty() && lo <= hi) {
      for (long n : outside.subMap(lo, true, hi, true).values()) {
        total += n;
      }
    }
    return total;
  }
}

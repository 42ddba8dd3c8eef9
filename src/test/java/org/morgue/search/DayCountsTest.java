package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DayCountsTest {
  @Test
  void sumsAsAPlainMapOverFiveHundredYearsAndAStrayDate() {
    long min = -150_000; // 1559
    long max = 30_000; // 2052
    DayCounts a = new DayCounts(min, max);
    DayCounts b = new DayCounts(min, max);
    TreeMap<Long, Long> plain = new TreeMap<>();
    Random random = new Random(15);
    for (int i = 0; i < 20_000; i++) {
      long day = min + (long) (random.nextDouble() * (max - min + 1));
      (i % 2 == 0 ? a : b).add(day);
      plain.merge(day, 1L, Long::sum);
    }
    long stray = -719_162; // year 1, outside the archive's span
    a.add(stray);
    plain.merge(stray, 1L, Long::sum);
    a.addAll(b);
    assertEquals(plain.firstKey(), a.first());
    assertEquals(plain.lastKey(), a.last());
    for (int i = 0; i < 500; i++) {
      long lo = min + (long) (random.nextDouble() * (max - min));
      long hi = lo + random.nextInt(20_000);
      assertEquals(sum(plain, lo, hi), a.sum(lo, hi), lo + ".." + hi);
    }
    assertEquals(20_001, a.sum(Long.MIN_VALUE / 2, Long.MAX_VALUE / 2));
    assertEquals(0, a.sum(max + 1, max + 10_000));
    assertTrue(new DayCounts(min, max).isEmpty());
  }

  private static long sum(TreeMap<Long, Long> plain, long lo, long hi) {
    return plain.subMap(lo, true, hi, true).values().stream().mapToLong(Long::longValue).sum();
  }
}

package org.morgue.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BenchQueriesTest {
  private static final List<String> SECTIONS = List.of("a", "b", "c");
  private static final List<String> SOURCES = List.of("x", "y", "z");
  private static final List<String> AUTHORS = List.of("p", "q");

  @Test
  void everyQueryHasItsKindAndTheKindsCountAsWritten() {
    List<BenchQueries.Typed> typed = BenchQueries.typed(SECTIONS, SOURCES, AUTHORS);
    assertEquals(
        BenchQueries.all(SECTIONS, SOURCES, AUTHORS),
        typed.stream().map(BenchQueries.Typed::query).toList());
    assertTrue(typed.size() >= 200, typed.size() + " queries");
    Map<String, Integer> kinds = new TreeMap<>();
    typed.forEach(q -> kinds.merge(q.type(), 1, Integer::sum));
    assertEquals(
        "{boolean=20, dates=24, field=20, filters=22, other=6, pattern=10, phrase=30,"
            + " sort/page=20, two words=30, word=60}",
        kinds.toString());
  }
}

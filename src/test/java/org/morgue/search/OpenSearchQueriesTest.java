package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.morgue.index.StemExpansion;
import org.morgue.index.WordSource;

/** The parsed query as OpenSearch's DSL, clause by clause, with a fixed set of archive words. */
class OpenSearchQueriesTest {
  /** The archive's words: what stem expansion walks. */
  private static final WordSource WORDS =
      (field, prefix, visitor) -> {
        for (String w :
            java.util.List.of(
                "election", "elections", "elected", "minister", "ministers", "prime")) {
          if (w.startsWith(prefix) && !visitor.visit(w)) {
            return;
          }
        }
      };

  private static String dsl(String q) throws IOException {
    ArchiveQueryParser parser =
        ArchiveQueryParser.create(new StemExpansion(WORDS), new MultiReader(), 100);
    Query parsed = parser.parseQuery(q);
    return OpenSearchQueries.of(parsed).toString();
  }

  @Test
  void aWordIsItsFormsInEachTextField() throws IOException {
    // election and elections, not elected: the same expansion as the embedded index; the title
    // weighs 3, the lede 2, the body 1
    assertEquals(
        "{\"bool\":{\"should\":["
            + field("title", 3.0)
            + ","
            + field("lede", 2.0)
            + ","
            + field("body", 1.0)
            + "],\"minimum_should_match\":1}}",
        dsl("elections"));
  }

  private static String field(String name, double boost) {
    return "{\"bool\":{\"must\":[{\"bool\":{\"should\":[{\"term\":{\"w_"
        + name
        + "\":\"election\"}},{\"term\":{\"w_"
        + name
        + "\":\"elections\"}}],\"minimum_should_match\":1}}],\"boost\":"
        + boost
        + "}}";
  }

  @Test
  void phrasesAndPatternsAndFields() throws IOException {
    assertTrue(
        dsl("\"prime minister\"")
            .contains("{\"match_phrase\":{\"w_body\":{\"query\":\"prime minister\",\"slop\":0}}}"),
        dsl("\"prime minister\""));
    assertTrue(dsl("\"prime minister\"~2").contains("\"slop\":2"), dsl("\"prime minister\"~2"));
    assertTrue(dsl("minist*").contains("{\"prefix\":{\"w_body\":{\"value\":\"minist\"}}}"));
    assertTrue(dsl("person:putin").contains("{\"term\":{\"w_person\":\"putin\"}}"));
    assertEquals("{\"match_all\":{}}", dsl(""));
  }

  @Test
  void booleansKeepTheirMeaning() throws IOException {
    String d = dsl("prime AND NOT minister");
    assertTrue(d.contains("\"must\""), d);
    assertTrue(d.contains("\"must_not\""), d);
    String or = dsl("prime OR minister");
    assertTrue(or.contains("\"minimum_should_match\":1"), or);
  }

  @Test
  void datesAreEpochDays() throws IOException {
    String d = dsl("date:[2021-01-01 TO 2021-01-31]");
    assertEquals("{\"range\":{\"date\":{\"gte\":18628,\"lte\":18658}}}", d);
  }

  @Test
  void operatorsAreRefusedInWords() {
    Archive.UnsupportedSearchException e =
        assertThrows(Archive.UnsupportedSearchException.class, () -> dsl("prime W/3 minister"));
    assertTrue(
        e.getMessage()
            .startsWith("the OpenSearch backend cannot search this yet: a proximity operator"),
        e.getMessage());
  }
}

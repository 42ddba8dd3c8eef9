package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;

/** The shapes {@link SearchJson} writes, as JSON text: key names, order and values. */
class SearchJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aMentionHasItsDimensionFieldAndOrigin() throws Exception {
    Mention lede =
        new Mention(
            EntityType.LOCATION,
            "Azerbaijani",
            "Azerbaijan",
            Mention.Field.LEDE,
            15,
            26,
            Mention.Origin.RULE);
    assertEquals(
        "{\"type\":\"place\",\"text\":\"Azerbaijani\",\"canonical\":\"Azerbaijan\","
            + "\"field\":\"lede\",\"start\":15,\"end\":26,\"origin\":\"rule\"}",
        JSON.writeValueAsString(SearchJson.mention(lede)));
    Mention plain =
        Mention.found(EntityType.ORGANIZATION, "EU", 3, 5, Mention.Origin.MODEL)
            .resolved(EntityType.ORGANIZATION, "European Union");
    assertEquals(
        "{\"type\":\"org\",\"text\":\"EU\",\"canonical\":\"European Union\","
            + "\"field\":\"text\",\"start\":3,\"end\":5,\"origin\":\"model\"}",
        JSON.writeValueAsString(SearchJson.mention(plain)));
  }

  @Test
  void healthSaysWhatTheServerReadsAndItsHeap() throws Exception {
    ArchiveSearcher.Version v =
        new ArchiveSearcher.Version(1791, 12, 3, Instant.parse("2026-11-25T10:00:00Z"));
    assertEquals(
        "{\"status\":\"ok\",\"ready\":true,\"articles\":1791,\"version\":12,\"generation\":3,"
            + "\"lastIngest\":\"2026-11-25T10:00:00Z\","
            + "\"heap\":{\"usedMb\":81,\"peakMb\":120,\"maxMb\":1024}}",
        JSON.writeValueAsString(SearchJson.health(v, new SearchJson.Heap(81, 120, 1024))));
    assertEquals(
        "{\"status\":\"ok\",\"ready\":false,\"articles\":0,\"version\":1,\"generation\":1,"
            + "\"lastIngest\":null,\"heap\":{\"usedMb\":1,\"peakMb\":2,\"maxMb\":3}}",
        JSON.writeValueAsString(
            SearchJson.health(
                new ArchiveSearcher.Version(0, 1, 1, null), false, new SearchJson.Heap(1, 2, 3))));
  }

  @Test
  void anOriginStoredAsAnAbsolutePathShowsOnlyItsFileName() {
    assertEquals("x.jsonl:4", SearchJson.origin("/srv/news/in/x.jsonl:4"));
    assertEquals("x.txt", SearchJson.origin("C:\\news\\x.txt"));
    assertEquals("wikinews/x.txt", SearchJson.origin("wikinews/x.txt"));
    assertNull(SearchJson.origin(null));
  }
}

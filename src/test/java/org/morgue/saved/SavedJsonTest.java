package org.morgue.saved;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shapes {@link SavedJson} writes, as JSON text: key names, order and values. */
class SavedJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

  private static final SavedSearch SAVED =
      new SavedSearch("ceasefires", "Ceasefires", "q=ceasefire", T, 412, 7, 3, null, null);

  @Test
  void aSavedSearchWithItsCurrentTotals() throws Exception {
    assertEquals(
        "{\"slug\":\"ceasefires\",\"name\":\"Ceasefires\",\"query\":\"q=ceasefire\","
            + "\"link\":\"/s/ceasefires\",\"url\":\"/?q=ceasefire\","
            + "\"savedAt\":\"2026-11-25T10:00:00Z\",\"totalAtSave\":412,\"indexVersion\":7,"
            + "\"indexGeneration\":3,\"lastOpenedAt\":null,\"totalAtLastOpen\":null,"
            + "\"total\":431,\"newSince\":19,\"counted\":true}",
        JSON.writeValueAsString(SavedJson.saved(new SavedSearchService.Current(SAVED, 431L, 19L))));
  }

  @Test
  void anOpenedSearchForEveryArticleWhoseQueryNoLongerRuns() throws Exception {
    SavedSearch all = new SavedSearch("all", "All", "", T, 10, 1, 1, T.plusSeconds(60), 12L);
    assertEquals(
        "{\"slug\":\"all\",\"name\":\"All\",\"query\":\"\",\"link\":\"/s/all\",\"url\":\"/\","
            + "\"savedAt\":\"2026-11-25T10:00:00Z\",\"totalAtSave\":10,\"indexVersion\":1,"
            + "\"indexGeneration\":1,\"lastOpenedAt\":\"2026-11-25T10:01:00Z\","
            + "\"totalAtLastOpen\":12,\"total\":null,\"newSince\":null,\"counted\":true}",
        JSON.writeValueAsString(SavedJson.saved(new SavedSearchService.Current(all, null, null))));
    assertEquals("/", SavedJson.url(all));
    assertEquals("/?q=ceasefire", SavedJson.url(SAVED));
  }

  @Test
  void theListSaysWhetherChangesNeedTheToken() throws Exception {
    assertEquals(
        "{\"saved\":[],\"tokenRequired\":true}",
        JSON.writeValueAsString(SavedJson.list(List.of(), true)));
    String one =
        JSON.writeValueAsString(
            SavedJson.list(List.of(new SavedSearchService.Current(SAVED, 1L, 0L)), false));
    assertEquals(
        "{\"saved\":["
            + JSON.writeValueAsString(
                SavedJson.saved(new SavedSearchService.Current(SAVED, 1L, 0L)))
            + "],\"tokenRequired\":false}",
        one);
  }

  @Test
  void newMatchesCountedWithoutIds() throws Exception {
    SavedSearch opened =
        new SavedSearch(
            "ceasefires", "Ceasefires", "q=ceasefire", T, 412, 7, 3, T.plusSeconds(3600), 420L);
    assertEquals(
        "{\"slug\":\"ceasefires\",\"since\":\"2026-11-25T11:00:00Z\",\"total\":431,"
            + "\"newSince\":11,\"exact\":false,\"limit\":100,\"articles\":[]}",
        JSON.writeValueAsString(
            SavedJson.newMatches(
                new SavedSearchService.NewMatches(opened, 431, 11, false, 100, List.of()))));
  }
}

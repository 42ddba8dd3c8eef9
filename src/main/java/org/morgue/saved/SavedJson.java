package org.morgue.saved;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.morgue.search.StoredArticle;

/**
 * The JSON shapes of saved searches, as ordered maps ready for any JSON writer: the one place that
 * fixes their key names and order. The shapes of searches, articles and the server's health are
 * written by {@link org.morgue.search.SearchJson}, which cannot know saved searches ({@code search}
 * sits below {@code saved}).
 */
public final class SavedJson {
  private SavedJson() {}

  /**
   * One saved search with what it matches now: {@code {slug, name, query, link, url, savedAt,
   * totalAtSave, indexVersion, indexGeneration, lastOpenedAt, totalAtLastOpen, total, newSince,
   * counted}}. Times are ISO instants; {@code lastOpenedAt} and {@code totalAtLastOpen} are {@code
   * null} until it is marked as seen, {@code total} and {@code newSince} when its query no longer
   * runs or (with {@code counted} false) when a list had no time left to count it.
   *
   * <p>Example: {@code {"slug":"ceasefires","name":"Ceasefires","query":"q=ceasefire",
   * "link":"/s/ceasefires","url":"/?q=ceasefire","savedAt":"2026-11-25T10:00:00Z",
   * "totalAtSave":412,"indexVersion":7,"indexGeneration":3,"lastOpenedAt":null,
   * "totalAtLastOpen":null,"total":431,"newSince":19,"counted":true}}.
   */
  public static Map<String, Object> saved(SavedSearchService.Current c) {
    SavedSearch s = c.saved();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("slug", s.slug());
    out.put("name", s.name());
    out.put("query", s.query());
    out.put("link", "/s/" + s.slug());
    out.put("url", url(s));
    out.put("savedAt", s.savedAt().toString());
    out.put("totalAtSave", s.totalAtSave());
    out.put("indexVersion", s.indexVersion());
    out.put("indexGeneration", s.indexGeneration());
    out.put("lastOpenedAt", s.lastOpenedAt() == null ? null : s.lastOpenedAt().toString());
    out.put("totalAtLastOpen", s.totalAtLastOpen());
    out.put("total", c.total());
    out.put("newSince", c.newSince());
    out.put("counted", c.counted());
    return out;
  }

  /**
   * Every saved search, and whether changing them needs a token: {@code {saved: [...],
   * tokenRequired}}, each as {@link #saved} writes it.
   */
  public static Map<String, Object> list(
      List<SavedSearchService.Current> saved, boolean tokenRequired) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("saved", saved.stream().map(SavedJson::saved).toList());
    out.put("tokenRequired", tokenRequired);
    return out;
  }

  /**
   * The new matches of a saved search: {@code {slug, since, total, newSince, exact, limit,
   * articles: [{id, date, title, section, source}]}}.
   *
   * <p>Example: {@code {"slug":"ceasefires","since":"2026-11-25T10:00:00Z","total":6,
   * "newSince":2,"exact":true,"limit":1,"articles":[{"id":"q2","date":"2022-05-01",
   * "title":"Ceasefire talks","section":"WORLD","source":"AA"}]}}.
   */
  public static Map<String, Object> newMatches(SavedSearchService.NewMatches n) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("slug", n.saved().slug());
    out.put("since", n.since().toString());
    out.put("total", n.total());
    out.put("newSince", n.newSince());
    out.put("exact", n.exact());
    out.put("limit", n.limit());
    List<Map<String, Object>> articles = new ArrayList<>();
    for (StoredArticle a : n.articles()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", a.id());
      m.put("date", a.date() == null ? null : a.date().toString());
      m.put("title", a.title());
      m.put("section", a.section());
      m.put("source", a.source());
      articles.add(m);
    }
    out.put("articles", articles);
    return out;
  }

  /**
   * The search page's address of a saved search: {@code /?QUERY}, or {@code /} for every article.
   */
  public static String url(SavedSearch s) {
    return "/" + (s.query().isEmpty() ? "" : "?" + s.query());
  }
}

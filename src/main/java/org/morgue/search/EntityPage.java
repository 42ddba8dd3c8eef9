package org.morgue.search;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One person, organisation or place across the archive: what {@code
 * /api/entities/{dimension}/{name}} gives. Every count is of the entity's own articles (those whose
 * {@code dimension} facet holds {@code name}, the same as the filter {@code person=NAME}): the
 * names co-mentioned with it are counted among them (drill-down, not drill-sideways), as are its
 * sections, sources and authors.
 *
 * @param dimension {@code person}, {@code org} or {@code place}
 * @param name the canonical name
 * @param articles its articles
 * @param first its oldest dated article
 * @param last its newest dated article
 * @param timeline its articles over time (the base: the whole archive)
 * @param coMentioned per entity dimension, the names most often named in its articles, itself left
 *     out
 * @param related per other dimension ({@code section}, {@code source}, {@code author}), the values
 *     of its articles
 * @param surfaceForms how it was written, most mentions first
 * @param surfaceFormsRead the articles whose mentions were read for {@code surfaceForms} (the
 *     newest {@value #MAX_READ} at most)
 * @param tookMs the time it took
 * @param timedOut whether a search was cut by the time limit
 */
public record EntityPage(
    String dimension,
    String name,
    long articles,
    Mentioned first,
    Mentioned last,
    Histogram timeline,
    Map<String, List<SearchResult.FacetValue>> coMentioned,
    Map<String, List<SearchResult.FacetValue>> related,
    List<SurfaceForm> surfaceForms,
    long surfaceFormsRead,
    long tookMs,
    boolean timedOut) {

  /** The most articles whose stored mentions are read for the surface forms. */
  public static final int MAX_READ = 1000;

  /** Values a list unless asked otherwise. */
  public static final int DEFAULT_TOP = 10;

  /**
   * An article that names the entity.
   *
   * @param id its id
   * @param date its date
   * @param title its title
   */
  public record Mentioned(String id, LocalDate date, String title) {}

  /**
   * A way the entity was written.
   *
   * @param text the surface text
   * @param mentions how many times
   * @param articles in how many articles
   */
  public record SurfaceForm(String text, long mentions, long articles) {}

  /**
   * The search of a name's page: every article that carries it, newest first.
   *
   * @throws NotFoundException naming {@code dimension} when it is no entity dimension
   */
  static SearchRequest request(String dimension, String name, SearchRequest.Interval interval) {
    if (!org.morgue.index.Fields.ENTITIES.contains(dimension)) {
      throw new NotFoundException(
          "dimension",
          "no entity dimension '"
              + dimension
              + "'; the dimensions are "
              + org.morgue.index.Fields.ENTITIES);
    }
    return new SearchRequest(
        "",
        null,
        null,
        Map.of(dimension, List.of(name)),
        Map.of(),
        SearchRequest.Sort.NEWEST,
        1,
        1,
        SearchRequest.DEFAULT_FACET_SIZE,
        interval);
  }

  /** The answer when no article names it. */
  static NotFoundException noArticle(String dimension, String name) {
    return new NotFoundException("name", "no article names the " + dimension + " '" + name + "'");
  }

  /** What a backend gives: a dimension's top values among the name's articles. */
  interface TopValues {
    List<SearchResult.FacetValue> top(String dimension, int n) throws java.io.IOException;
  }

  /** The names most often beside this one, {@code top} a dimension, the name itself left out. */
  static Map<String, List<SearchResult.FacetValue>> coMentioned(
      String dimension, String name, int top, TopValues values) throws java.io.IOException {
    Map<String, List<SearchResult.FacetValue>> out = new java.util.LinkedHashMap<>();
    for (String dim : org.morgue.index.Fields.ENTITIES) {
      List<SearchResult.FacetValue> kept = new java.util.ArrayList<>();
      for (SearchResult.FacetValue v : values.top(dim, top + 1)) {
        if (!(dim.equals(dimension) && v.value().equals(name)) && kept.size() < top) {
          kept.add(v);
        }
      }
      out.put(dim, List.copyOf(kept));
    }
    return out;
  }

  /** The sections, sources and authors of the name's articles, {@code top} a dimension. */
  static Map<String, List<SearchResult.FacetValue>> related(int top, TopValues values)
      throws java.io.IOException {
    Map<String, List<SearchResult.FacetValue>> out = new java.util.LinkedHashMap<>();
    for (String dim :
        List.of(
            org.morgue.index.Fields.SECTION,
            org.morgue.index.Fields.SOURCE,
            org.morgue.index.Fields.AUTHOR)) {
      out.put(dim, values.top(dim, top));
    }
    return out;
  }

  /**
   * The ways the name is written in some articles' stored mentions ({@link
   * org.morgue.index.StoredMentions}), most mentioned first.
   */
  static List<SurfaceForm> surfaceForms(
      String dimension, String name, List<String> storedMentions) {
    Map<String, long[]> forms = new java.util.LinkedHashMap<>();
    for (String raw : storedMentions) {
      java.util.Set<String> inThis = new java.util.HashSet<>();
      for (org.morgue.entity.Mention m : org.morgue.index.StoredMentions.decode(raw)) {
        if (m.type().facet().equals(dimension) && name.equals(m.canonical())) {
          long[] c = forms.computeIfAbsent(m.text(), k -> new long[2]);
          c[0]++;
          if (inThis.add(m.text())) {
            c[1]++;
          }
        }
      }
    }
    List<SurfaceForm> surface = new java.util.ArrayList<>();
    forms.forEach((text, c) -> surface.add(new SurfaceForm(text, c[0], c[1])));
    surface.sort(
        java.util.Comparator.comparingLong(SurfaceForm::mentions)
            .reversed()
            .thenComparing(SurfaceForm::text));
    return List.copyOf(surface);
  }
}

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
}

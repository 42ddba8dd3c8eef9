package org.morgue.entity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the model in tests: finds each listed name as a whole word, longest first, never
 * two overlapping, with the listed type. Fast and exact, so tests of resolution, facets and
 * curation need no CoreNLP.
 */
public final class DictionaryExtractor implements EntityExtractor {
  private final Map<String, EntityType> names;
  private final List<String> longestFirst;

  /** Finds the {@code names} (surface text to type). */
  public DictionaryExtractor(Map<String, EntityType> names) {
    this.names = Map.copyOf(names);
    this.longestFirst =
        names.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
  }

  @Override
  public List<Mention> extract(String text) {
    List<Mention> out = new ArrayList<>();
    boolean[] taken = new boolean[text.length() + 1];
    for (String name : longestFirst) {
      Matcher m =
          Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])")
              .matcher(text);
      while (m.find()) {
        boolean free = true;
        for (int i = m.start(); i < m.end(); i++) {
          free &= !taken[i];
        }
        if (free) {
          for (int i = m.start(); i < m.end(); i++) {
            taken[i] = true;
          }
          out.add(Mention.found(names.get(name), name, m.start(), m.end(), Mention.Origin.MODEL));
        }
      }
    }
    out.sort(Comparator.comparingInt(Mention::start));
    return out;
  }
}

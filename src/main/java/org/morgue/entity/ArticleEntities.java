package org.morgue.entity;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The entities of one article: its mentions, and the canonical names per type that are its facet
 * values.
 *
 * <p>Example, for the seed article: {@code names(PERSON)} is {@code [Nikol Pashinyan, Sergey
 * Shoygu]}; {@code names(ORGANIZATION)} is {@code [European Union, United Nations]}; {@code
 * mentions(Mention.Field.LEDE)} holds the lede's mentions with offsets into the lede.
 *
 * @param found what the model (and the demonym rule) found, before any resolution: type as the
 *     model gave it, canonical name equal to the surface text. This is what the index stores, so
 *     that resolution can always be recomputed from it ({@code morgue entities apply})
 * @param mentions every resolved mention, in article order (title, lede, body; then by offset)
 * @param names the distinct canonical names of each type, in order of first mention; every type has
 *     a list, possibly empty
 */
public record ArticleEntities(
    List<Mention> found, List<Mention> mentions, Map<EntityType, List<String>> names) {
  /** An article with no entities (and what the ingest indexes when extraction failed). */
  public static final ArticleEntities NONE = of(List.of(), List.of());

  public ArticleEntities {
    found = List.copyOf(found);
    mentions = List.copyOf(mentions);
    EnumMap<EntityType, List<String>> copy = new EnumMap<>(EntityType.class);
    for (EntityType t : EntityType.values()) {
      copy.put(t, List.copyOf(names.getOrDefault(t, List.of())));
    }
    names = Collections.unmodifiableMap(copy);
  }

  /**
   * The entities of an article: what was found, and the resolved mentions (in article order) from
   * which the names are derived.
   */
  public static ArticleEntities of(List<Mention> found, List<Mention> mentions) {
    Map<EntityType, Set<String>> distinct = new EnumMap<>(EntityType.class);
    for (EntityType t : EntityType.values()) {
      distinct.put(t, new LinkedHashSet<>());
    }
    for (Mention m : mentions) {
      distinct.get(m.type()).add(m.canonical());
    }
    Map<EntityType, List<String>> names = new EnumMap<>(EntityType.class);
    distinct.forEach((t, s) -> names.put(t, List.copyOf(s)));
    return new ArticleEntities(found, mentions, names);
  }

  /**
   * The distinct canonical names of one type (the values of its facet), in order of first mention.
   */
  public List<String> names(EntityType type) {
    return names.get(type);
  }

  /** The mentions in one field, with offsets into that field's text. */
  public List<Mention> mentions(Mention.Field field) {
    List<Mention> in = new ArrayList<>();
    for (Mention m : mentions) {
      if (m.field() == field) {
        in.add(m);
      }
    }
    return in;
  }

  /** Whether nothing was found (not even mentions that resolution dropped). */
  public boolean isEmpty() {
    return found.isEmpty() && mentions.isEmpty();
  }
}

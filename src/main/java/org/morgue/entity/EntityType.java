package org.morgue.entity;

import java.util.Locale;

/**
 * The three kinds of entity Morgue files, each with the name of its facet.
 *
 * <p>Example: {@code EntityType.parse("place")} and {@code EntityType.parse("LOC")} both give
 * {@link #LOCATION}, whose {@link #facet()} is {@code place}.
 */
public enum EntityType {
  /** A person; facet {@code person}. */
  PERSON("person"),
  /** An organisation: a company, party, ministry, team, agency; facet {@code org}. */
  ORGANIZATION("org"),
  /** A place: a country, region, city, river; facet {@code place}. */
  LOCATION("place");

  private final String facet;

  EntityType(String facet) {
    this.facet = facet;
  }

  /**
   * The facet (and index field) this type's canonical names go to: {@code person}, {@code org},
   * {@code place}.
   */
  public String facet() {
    return facet;
  }

  /**
   * The type a word names, in any case: the enum name ({@code PERSON}), the facet name ({@code
   * org}) or the CoNLL tag ({@code PER}, {@code ORG}, {@code LOC}).
   *
   * @param word the name to read
   * @return the type
   * @throws IllegalArgumentException if {@code word} names no type; the message lists the accepted
   *     words
   */
  public static EntityType parse(String word) {
    return switch (word.strip().toUpperCase(Locale.ROOT)) {
      case "PERSON", "PER" -> PERSON;
      case "ORGANIZATION", "ORGANISATION", "ORG" -> ORGANIZATION;
      case "LOCATION", "PLACE", "LOC" -> LOCATION;
      default ->
          throw new IllegalArgumentException(
              "unknown entity type '"
                  + word.strip()
                  + "' (PERSON, ORGANIZATION or LOCATION; or person, org, place)");
    };
  }
}

package org.morgue.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;
import org.morgue.entity.NameTables;

/**
 * An invented corpus for coverage analysis (timelines, comparisons, entity pages, matrices),
 * written by the test and indexed with a finder that knows exactly its names, so that every count
 * is known:
 *
 * <pre>
 * id  date        section   people                 places      orgs            words
 * c1  2021-01-10  WORLD     Anna Berg, Carl Dorn   Oslo        Nordic Council  ceasefire
 * c2  2021-01-20  WORLD     Anna Berg ("Berg")     Lima        -               truce
 * c3  2021-02-05  POLITICS  Carl Dorn              Oslo        Nordic Council  budget
 * c4  2021-03-15  WORLD     Anna Berg, Carl Dorn   Lima, Oslo  -               ceasefire truce
 *     (no article from April to June 2021)
 * c5  2021-07-01  POLITICS  Anna Berg ("Berg")     Oslo        -               ceasefire
 * c6  2021-07-20  SPORT     -                      -           -               marathon
 * c7  2021-08-03  WORLD     Carl Dorn              Lima        -               ceasefire
 * </pre>
 *
 * <p>"Berg" alone is found as a person and resolved to Anna Berg, so her surface forms are "Anna
 * Berg" (5) and "Berg" (2). Authors: c1, c4 Jane Roe; c2, c5 John Doe; c3, c7 Jane Roe and John
 * Doe; c6 none. Sources: AA for c1-c4, Reuters for c5-c7.
 */
public final class CoverageCorpus {
  private CoverageCorpus() {}

  /** The names the finder knows, with their types. */
  public static final Map<String, EntityType> NAMES =
      Map.of(
          "Anna Berg", EntityType.PERSON,
          "Berg", EntityType.PERSON,
          "Carl Dorn", EntityType.PERSON,
          "Oslo", EntityType.LOCATION,
          "Lima", EntityType.LOCATION,
          "Nordic Council", EntityType.ORGANIZATION);

  /** Writes the seven articles into {@code dir}. */
  public static Path write(Path dir) throws IOException {
    article(
        dir,
        "c1",
        "2021-01-10 WORLD",
        "Anna Berg and Carl Dorn meet in Oslo",
        "By Jane Roe",
        "AA",
        "Anna Berg met Carl Dorn in Oslo at the Nordic Council to talk of a ceasefire.");
    article(
        dir,
        "c2",
        "2021-01-20 WORLD",
        "Anna Berg visits Lima",
        "By John Doe",
        "AA",
        "Anna Berg arrived in Lima. Berg spoke of a truce.");
    article(
        dir,
        "c3",
        "2021-02-05 POLITICS",
        "Carl Dorn presents the budget",
        "By Jane Roe and John Doe",
        "AA",
        "Carl Dorn told the Nordic Council in Oslo about the budget.");
    article(
        dir,
        "c4",
        "2021-03-15 WORLD",
        "Anna Berg and Carl Dorn agree on a ceasefire",
        "By Jane Roe",
        "AA",
        "In Lima, Anna Berg and Carl Dorn agreed on a ceasefire and a truce, later signed in Oslo.");
    article(
        dir,
        "c5",
        "2021-07-01 POLITICS",
        "Anna Berg back in Oslo",
        "By John Doe",
        "Reuters",
        "Anna Berg returned to Oslo. Berg defended the ceasefire.");
    article(
        dir,
        "c6",
        "2021-07-20 SPORT",
        "A marathon in the rain",
        null,
        "Reuters",
        "Thousands ran the marathon in the rain.");
    article(
        dir,
        "c7",
        "2021-08-03 WORLD",
        "Carl Dorn in Lima",
        "By Jane Roe and John Doe",
        "Reuters",
        "Carl Dorn arrived in Lima to watch over the ceasefire.");
    return dir;
  }

  private static void article(
      Path dir, String id, String dateLine, String title, String byline, String source, String body)
      throws IOException {
    TestArchives.write(
        dir, id + ".txt", TestArchives.house(dateLine, title, null, byline, source, body));
  }

  /** Writes the corpus into {@code dir} and ingests it into {@code layout} with its finder. */
  public static IngestReport ingest(IndexLayout layout, Path dir) throws IOException {
    write(dir);
    try (Ingester ingester =
        new Ingester(layout, Ingester.Options.defaults().withThreads(2).withEntities(finder()))) {
      return ingester.ingest(List.of(dir), Ingester.Progress.NONE);
    }
  }

  /** A finder of exactly {@link #NAMES}, longest first, never overlapping. */
  public static EntityFinder finder() {
    List<String> byLength = new ArrayList<>(NAMES.keySet());
    byLength.sort(Comparator.comparingInt(String::length).reversed());
    return new EntityFinder(
        text -> {
          List<Mention> found = new ArrayList<>();
          boolean[] taken = new boolean[text.length()];
          for (String name : byLength) {
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
              int end = at + name.length();
              boolean free = true;
              for (int i = at; i < end; i++) {
                free &= !taken[i];
              }
              if (!free) {
                continue;
              }
              for (int i = at; i < end; i++) {
                taken[i] = true;
              }
              found.add(Mention.found(NAMES.get(name), name, at, end, Mention.Origin.MODEL));
            }
          }
          found.sort(Comparator.comparingInt(Mention::start));
          return found;
        },
        NameTables.shipped(),
        AuthorityFile.EMPTY,
        false);
  }
}

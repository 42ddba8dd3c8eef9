package org.morgue.curation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.EntityExtractor;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.EntityType;
import org.morgue.entity.NameTables;
import org.morgue.index.IndexLayout;
import org.morgue.index.Ingester;
import org.morgue.index.TestArchives;

/**
 * A small archive for the names report, built without the model: a fake extractor finds the names
 * of a fixed list wherever they stand as whole words (longest first), and short articles written
 * here hold them.
 */
public final class NamesFixtures {
  private NamesFixtures() {}

  /** What the fake model knows: each surface and its type. */
  public static final Map<String, EntityType> NAMES =
      Map.of(
          "Velmora Harbour Authority", EntityType.ORGANIZATION,
          "Harbour Authority", EntityType.ORGANIZATION,
          "Fox News", EntityType.ORGANIZATION,
          "Trump Brakka Trump", EntityType.PERSON,
          "Congressional", EntityType.ORGANIZATION,
          "Velmora", EntityType.LOCATION,
          "Quillon", EntityType.LOCATION,
          "VelmoraQuillon", EntityType.ORGANIZATION);

  /**
   * Finds the names of {@link #NAMES} as whole words, longest first, not overlapping, in text
   * order.
   */
  public static final EntityExtractor EXTRACTOR = new org.morgue.entity.DictionaryExtractor(NAMES);

  /** The fake model with the shipped tables and the given authority file. */
  public static EntityFinder finder(AuthorityFile authority) {
    return new EntityFinder(EXTRACTOR, NameTables.shipped(), authority, true);
  }

  /** The articles: each a body sentence naming some of the fixture's names. */
  static final List<String> BODIES =
      List.of(
          "Velmora Harbour Authority agents met in Velmora.",
          "Harbour Authority said it would answer.",
          "Harbour Authority declined to comment.",
          "Fox News aired the hearing in Quillon.",
          "Fox News and Congressional aides spoke.",
          "Fox News reported from Velmora and Quillon.",
          "The anchor spoke to Trump Brakka Trump.",
          "VelmoraQuillon was founded in Velmora.");

  /**
   * Writes the articles to {@code dir/in} and ingests them with the fake model into {@code
   * dir/archive}.
   */
  public static IndexLayout archive(Path dir) throws IOException {
    Path in = dir.resolve("in");
    for (int i = 0; i < BODIES.size(); i++) {
      TestArchives.write(
          in,
          "n" + i + ".txt",
          TestArchives.house(
              "2024-03-0" + (i + 1) + " US", "Story " + i, null, null, "Wire", BODIES.get(i)));
    }
    IndexLayout layout = new IndexLayout(dir.resolve("archive"));
    try (Ingester ingester =
        new Ingester(
            layout,
            Ingester.Options.defaults().withThreads(2).withEntities(finder(AuthorityFile.EMPTY)))) {
      ingester.ingest(List.of(in), Ingester.Progress.NONE);
      // as entities apply would: resolved against the whole archive, so that a rule added later
      // changes only what it names
      ingester.recanonicalize(finder(AuthorityFile.EMPTY));
    }
    return layout;
  }
}

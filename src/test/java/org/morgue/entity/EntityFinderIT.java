package org.morgue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.entity.EntityType.LOCATION;
import static org.morgue.entity.EntityType.ORGANIZATION;
import static org.morgue.entity.EntityType.PERSON;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.morgue.article.Article;
import org.morgue.article.ArticleException;
import org.morgue.article.HouseFormat;

/**
 * The per-article entry point on real text: the seed article's facets (issue 3, item 5), offsets
 * per field, names joined across fields, and a failing extractor.
 */
class EntityFinderIT {
  private static final EntityFinder FINDER = EntityFinder.standard();
  private static Article seed;
  private static ArticleEntities seedEntities;

  @BeforeAll
  static void readTheSeed() throws IOException, ArticleException, ExtractionException {
    Path file = Path.of("src/test/resources/fixtures/seed/000_27f0df3f21ae055d.txt");
    seed =
        HouseFormat.parse("000_27f0df3f21ae055d", Files.readString(file, StandardCharsets.UTF_8))
            .article();
    seedEntities = FINDER.extract(seed);
  }

  @Test
  void theSeedArticlesFacets() {
    assertEquals(List.of("Nikol Pashinyan", "Sergey Shoygu"), seedEntities.names(PERSON));
    assertEquals(
        List.of(
            "Azerbaijan",
            "Armenia",
            "Kalbajar",
            "Lachin",
            "Karabakh",
            "Baku",
            "Russia",
            "France",
            "United States"),
        seedEntities.names(LOCATION));
    assertEquals(List.of("European Union", "United Nations"), seedEntities.names(ORGANIZATION));
  }

  @Test
  void theSeedHasNoJunk() {
    for (Mention m : seedEntities.mentions()) {
      assertTrue(
          !m.canonical().equals("The")
              && !m.canonical().contains("Tuesday")
              && !m.canonical().contains("Wednesday"),
          m::toString);
    }
  }

  @Test
  void theSeedsMentionsPointIntoTheirFields() {
    for (Mention m : seedEntities.mentions()) {
      String field =
          switch (m.field()) {
            case TITLE -> seed.title();
            case LEDE -> seed.lede();
            case BODY -> seed.bodyText();
            case TEXT -> throw new AssertionError(m);
          };
      assertEquals(m.text(), field.substring(m.start(), m.end()), m::toString);
    }
    assertEquals(
        List.of("LOCATION Azerbaijan 0-10 model", "LOCATION Armenian 12-20 rule"),
        seedEntities.mentions(Mention.Field.TITLE).stream()
            .map(
                m ->
                    m.type()
                        + " "
                        + m.text()
                        + " "
                        + m.start()
                        + "-"
                        + m.end()
                        + " "
                        + m.origin().name().toLowerCase(java.util.Locale.ROOT))
            .toList());
    assertEquals(
        List.of("Azerbaijani", "Armenian", "Azerbaijani", "Kalbajar", "Lachin"),
        seedEntities.mentions(Mention.Field.LEDE).stream().map(Mention::text).toList());
    // the examples of Mention's Javadoc
    assertTrue(
        seedEntities
            .mentions()
            .contains(
                new Mention(
                    PERSON,
                    "Nikol Pashinyan",
                    "Nikol Pashinyan",
                    Mention.Field.BODY,
                    1186,
                    1201,
                    Mention.Origin.MODEL)));
    assertTrue(
        seedEntities
            .mentions()
            .contains(
                new Mention(
                    LOCATION,
                    "Azerbaijani",
                    "Azerbaijan",
                    Mention.Field.LEDE,
                    15,
                    26,
                    Mention.Origin.RULE)));
    Mention shoygu =
        seedEntities.mentions(Mention.Field.BODY).stream()
            .filter(m -> m.text().equals("Sergey Shoygu"))
            .findFirst()
            .orElseThrow();
    assertEquals(seed.bodyText().indexOf("Sergey Shoygu"), shoygu.start());
  }

  @Test
  void withoutDemonymsOnlyTheModelsMentionsRemain() throws ExtractionException {
    ArticleEntities e = FINDER.withDemonyms(false).extract(seed);
    assertTrue(e.mentions().stream().allMatch(m -> m.origin() == Mention.Origin.MODEL));
    assertEquals(
        seedEntities.mentions().stream().filter(m -> m.origin() == Mention.Origin.MODEL).toList(),
        e.mentions());
    assertEquals(
        sorted(seedEntities.names(LOCATION)),
        sorted(e.names(LOCATION)),
        "the seed names every place outright too");
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }

  @Test
  void storedMentionsGiveTheSameEntitiesAgain() {
    assertEquals(seedEntities, FINDER.recanonicalize(seedEntities.found()));
  }

  @Test
  void aPartialNameInTheTitleJoinsTheFullNameInTheBody() throws ExtractionException {
    Article a =
        new Article(
            "t1",
            null,
            null,
            "Pashinyan says talks with Baku will go on",
            "The prime minister spoke on Tuesday.",
            List.of(),
            List.of(
                "Armenian Prime Minister Nikol Pashinyan said talks with the EU would go on.",
                "Mr. Pashinyan did not name the Azerbaijani officials."),
            null,
            null);
    ArticleEntities e = FINDER.extract(a);
    assertEquals(List.of("Nikol Pashinyan"), e.names(PERSON));
    assertEquals(List.of("Baku", "Armenia", "Azerbaijan"), e.names(LOCATION));
    assertEquals(List.of("European Union"), e.names(ORGANIZATION));
    assertEquals("Pashinyan", e.mentions(Mention.Field.TITLE).get(0).text());
    assertEquals("Nikol Pashinyan", e.mentions(Mention.Field.TITLE).get(0).canonical());
    assertEquals(List.of(), e.mentions(Mention.Field.LEDE));
  }

  @Test
  void plainTextGoesTheSameWay() throws ExtractionException {
    ArticleEntities e =
        FINDER.extract(
            "Pashinyan says talks with Baku will go on\nArmenian Prime Minister Nikol Pashinyan spoke.");
    assertEquals(List.of("Nikol Pashinyan"), e.names(PERSON));
    assertTrue(e.mentions().stream().allMatch(m -> m.field() == Mention.Field.TEXT));
  }

  @Test
  void anArticleWithoutEntities() throws ExtractionException {
    Article a =
        new Article("t2", null, null, "a quiet day", null, List.of(), List.of(), null, null);
    ArticleEntities e = FINDER.extract(a);
    assertTrue(e.isEmpty());
    assertEquals(ArticleEntities.NONE, e);
    assertEquals(List.of(), e.names(PERSON));
  }

  @Test
  void aFailingExtractorGivesACountableException() {
    EntityExtractor broken =
        text -> {
          throw new ExtractionException("model broke", new IllegalStateException("boom"));
        };
    EntityFinder finder = new EntityFinder(broken, NameTables.shipped(), AuthorityFile.EMPTY, true);
    ExtractionException e = assertThrows(ExtractionException.class, () -> finder.extract(seed));
    assertEquals("model broke", e.getMessage());
    assertSame(IllegalStateException.class, e.getCause().getClass());
  }
}

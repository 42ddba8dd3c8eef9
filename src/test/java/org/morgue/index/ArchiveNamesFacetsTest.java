package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.morgue.entity.EntityType.LOCATION;
import static org.morgue.entity.EntityType.ORGANIZATION;
import static org.morgue.entity.EntityType.PERSON;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.DictionaryExtractor;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.EntityType;
import org.morgue.entity.NameTables;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchResult;

/**
 * The cases of the entity-resolution issue at the facet level: short articles written for the test
 * go through the ingest (a dictionary stands in for the model and finds each listed name as its
 * type) and the resolution of the whole archive that follows a large ingest; the archive's person,
 * org and place facets then hold exactly the names an archivist should see, with their article
 * counts. {@code ArchiveResolutionTest} has the same cases mention by mention.
 */
class ArchiveNamesFacetsTest {
  @TempDir Path tmp;

  /**
   * Articles to ingest: each a date, a source and a body (titles carry no names). Each article is
   * told apart from the others (its own source and a last sentence of its own), so that repeats are
   * neither wire copies nor a source's boilerplate.
   */
  private final List<String[]> articles = new ArrayList<>();

  private void times(int n, String date, String source, String body) {
    for (int i = 0; i < n; i++) {
      articles.add(new String[] {date, source, body});
    }
  }

  private static EntityFinder finder(Map<String, EntityType> names, AuthorityFile rules) {
    return new EntityFinder(new DictionaryExtractor(names), NameTables.shipped(), rules, false);
  }

  /** Ingests the articles as {@code ingest} does (resolving the whole archive after it). */
  private IndexLayout ingest(Map<String, EntityType> names) throws Exception {
    Path in = tmp.resolve("in");
    for (int i = 0; i < articles.size(); i++) {
      String[] a = articles.get(i);
      TestArchives.write(
          in,
          String.format("a%03d.txt", i),
          TestArchives.house(
              a[0] + " WORLD",
              "Item " + i,
              null,
              null,
              a[1] + " " + i,
              a[2] + " Filed as item " + i + "."));
    }
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    EntityFinder f = finder(names, AuthorityFile.EMPTY);
    try (Ingester ingester =
        new Ingester(layout, Ingester.Options.defaults().withThreads(2).withEntities(f))) {
      ingester.ingest(List.of(in), Ingester.Progress.NONE);
      ingester.recanonicalize(f);
    }
    return layout;
  }

  /** A facet's whole list of values with their article counts, most articles first. */
  private static Map<String, Long> facet(IndexLayout layout, String dimension) throws Exception {
    Map<String, Long> out = new LinkedHashMap<>();
    try (ArchiveSearcher searcher = ArchiveSearcher.open(layout)) {
      for (SearchResult.FacetValue v : searcher.allValues(dimension)) {
        out.put(v.value(), v.count());
      }
    }
    return out;
  }

  private static final String LEDGER = "The Daily Ledger";

  @Test
  void surnamesJoinTheRightPersonAndHonorificsAndTitlesDecide() throws Exception {
    times(60, "2018-01-10", LEDGER, "President Donald Trump signed the bill.");
    times(2, "2018-01-11", LEDGER, "First Lady Melania Trump visited. Mrs. Trump spoke.");
    times(1, "2018-02-01", LEDGER, "Melania Trump arrived. Trump tweeted. Mrs. Trump smiled.");
    times(10, "2012-06-01", LEDGER, "President Barack Obama spoke.");
    times(3, "2012-06-02", LEDGER, "Michelle Obama and Mrs. Obama spoke.");
    times(1, "2012-07-01", LEDGER, "Michelle Obama spoke; President Obama listened.");
    times(1, "2018-03-01", LEDGER, "Trump Trump and Never Trump. Trump spoke.");
    IndexLayout layout =
        ingest(
            Map.of(
                "Donald Trump", PERSON,
                "Melania Trump", PERSON,
                "Trump", PERSON,
                "Michelle Obama", PERSON,
                "Barack Obama", PERSON,
                "Obama", PERSON,
                "Trump Trump", PERSON,
                "Never Trump", PERSON));
    Map<String, Long> people = facet(layout, "person");
    assertEquals(62L, people.get("Donald Trump"), "60, the article with Melania, the junk one");
    assertEquals(3L, people.get("Melania Trump"));
    assertEquals(11L, people.get("Barack Obama"), "10 and the one with Michelle");
    assertEquals(4L, people.get("Michelle Obama"));
    assertEquals(null, people.get("Trump"), "no surname alone: " + people);
    assertEquals(null, people.get("Obama"), "no surname alone: " + people);
  }

  @Test
  void familyNameFirstParticlesSuffixesNicknamesAndInitialsJoin() throws Exception {
    times(
        3,
        "2022-01-10",
        LEDGER,
        "Hayashi Yoshimasa met Sayyid Badr al-Busaidi and Lloyd J. Austin III.");
    times(1, "2022-01-20", LEDGER, "Hayashi, Al-Busaidi and Austin met.");
    times(8, "2021-05-01", LEDGER, "Secretary Antony J. Blinken and Sarah Huckabee Sanders.");
    times(1, "2021-05-02", LEDGER, "Antony Blinken, Tony Blinken, Blinken and Sarah Sanders.");
    IndexLayout layout =
        ingest(
            Map.ofEntries(
                Map.entry("Hayashi Yoshimasa", PERSON),
                Map.entry("Hayashi", PERSON),
                Map.entry("Sayyid Badr al-Busaidi", PERSON),
                Map.entry("Al-Busaidi", PERSON),
                Map.entry("Lloyd J. Austin III", PERSON),
                Map.entry("Austin", PERSON),
                Map.entry("Antony J. Blinken", PERSON),
                Map.entry("Antony Blinken", PERSON),
                Map.entry("Tony Blinken", PERSON),
                Map.entry("Blinken", PERSON),
                Map.entry("Sarah Huckabee Sanders", PERSON),
                Map.entry("Sarah Sanders", PERSON)));
    assertEquals(
        Map.of(
            "Antony J. Blinken", 9L,
            "Sarah Huckabee Sanders", 9L,
            "Hayashi Yoshimasa", 4L,
            "Sayyid Badr al-Busaidi", 4L,
            "Lloyd J. Austin III", 4L),
        facet(layout, "person"));
  }

  @Test
  void closeCandidatesStayPartialRatherThanGuessed() throws Exception {
    times(5, "2015-06-01", LEDGER, "George W. Bush spoke.");
    times(5, "2015-06-01", LEDGER, "Jeb Bush spoke.");
    times(5, "2015-06-01", LEDGER, "George H. W. Bush spoke.");
    times(1, "2015-06-02", LEDGER, "Bush spoke.");
    times(1, "2015-06-03", LEDGER, "Jeb Bush arrived. Bush spoke.");
    IndexLayout layout =
        ingest(
            Map.of(
                "George W. Bush", PERSON,
                "Jeb Bush", PERSON,
                "George H. W. Bush", PERSON,
                "Bush", PERSON));
    assertEquals(
        Map.of("Jeb Bush", 6L, "George W. Bush", 5L, "George H. W. Bush", 5L, "Bush", 1L),
        facet(layout, "person"));
  }

  @Test
  void rolesPartiesAcronymsAndAliasesAreOneOrganisationEach() throws Exception {
    times(
        1,
        "2021-05-01",
        LEDGER,
        "Secretary of State Antony J. Blinken met the Defense Secretary and the Under Secretary for"
            + " Energy. The Department of State said Republican and Congressional leaders met Customs"
            + " Enforcement.");
    times(2, "2020-01-01", LEDGER, "The Office of Budget Review (OBR) said so.");
    times(1, "2020-02-01", LEDGER, "The OBR said so again.");
    times(3, "2020-01-01", LEDGER, "The Senate voted.");
    times(1, "2020-01-02", LEDGER, "The U.S. Senate voted.");
    IndexLayout layout =
        ingest(
            Map.ofEntries(
                Map.entry("State", ORGANIZATION),
                Map.entry("Defense", ORGANIZATION),
                Map.entry("Energy", ORGANIZATION),
                Map.entry("Antony J. Blinken", PERSON),
                Map.entry("Republican", ORGANIZATION),
                Map.entry("Congressional", ORGANIZATION),
                Map.entry("Customs Enforcement", ORGANIZATION),
                Map.entry("Department of State", ORGANIZATION),
                Map.entry("Office of Budget Review", ORGANIZATION),
                Map.entry("OBR", ORGANIZATION),
                Map.entry("U.S. Senate", ORGANIZATION),
                Map.entry("Senate", ORGANIZATION)));
    assertEquals(
        Map.of(
            "Senate", 4L,
            "Office of Budget Review", 3L,
            "Immigration and Customs Enforcement", 1L,
            "Republican Party", 1L,
            "State Department", 1L),
        facet(layout, "org"));
  }

  @Test
  void aNameTakesTheTypeMostOfItsMentionsHaveLawsAreNoPeopleAndPlacesAreWrittenSo()
      throws Exception {
    times(4, "2020-01-01", LEDGER, "Kalbo spoke in Tarvo.");
    times(4, "2020-01-01", LEDGER, "Zelmar Kalbo visited Tarvo.");
    times(1, "2020-01-02", LEDGER, "Zelmar sued. Obamacare stays. Tarvo waits.");
    times(3, "2020-01-03", LEDGER, "Atrocities in Bucha were documented.");
    times(1, "2020-01-04", LEDGER, "Bucha was shelled.");
    IndexLayout layout =
        ingest(
            Map.of(
                "Zelmar", ORGANIZATION,
                "Zelmar Kalbo", PERSON,
                "Kalbo", PERSON,
                "Obamacare", PERSON,
                "Tarvo", LOCATION,
                "Bucha", PERSON));
    assertEquals(Map.of("Zelmar Kalbo", 8L), facet(layout, "person"), "no Obamacare");
    assertEquals(Map.of("Zelmar", 1L), facet(layout, "org"));
    assertEquals(
        Map.of("Tarvo", 9L, "Bucha", 4L), facet(layout, "place"), "Bucha is written as a place");
  }

  @Test
  void authorityRulesApplyToTheModelsOutputSoASecondApplyChangesNothing() throws Exception {
    times(3, "2020-03-01", LEDGER, "Fox reported the story.");
    times(2, "2020-03-02", LEDGER, "Fox News said so.");
    Map<String, EntityType> names = Map.of("Fox", PERSON, "Fox News", PERSON);
    IndexLayout layout = ingest(names);
    // the shipped aliases file "Fox" alone under the outlet; "Fox News" stays as the model typed it
    assertEquals(Map.of("Fox News", 2L), facet(layout, "person"));
    assertEquals(Map.of("Fox News", 3L), facet(layout, "org"));
    EntityFinder withRules =
        finder(
            names,
            AuthorityFile.parse(
                "authority.txt", "PERSON: Fox => Fox News\ntype Fox News => ORGANIZATION\n"));
    try (Ingester ingester = new Ingester(layout, Ingester.Options.defaults().withThreads(2))) {
      assertEquals(2, ingester.recanonicalize(withRules).changed(), "the two typed as a person");
      assertEquals(0, ingester.recanonicalize(withRules).changed(), "a second apply");
    }
    assertEquals(Map.of(), facet(layout, "person"));
    assertEquals(Map.of("Fox News", 5L), facet(layout, "org"));
  }
}

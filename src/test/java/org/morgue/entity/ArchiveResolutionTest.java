package org.morgue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.entity.EntityType.LOCATION;
import static org.morgue.entity.EntityType.ORGANIZATION;
import static org.morgue.entity.EntityType.PERSON;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names resolved against a whole archive, on short texts written for the cases of issue 10. The
 * "model" is a list of names to find ({@link #model}), so that offsets, titles before a name, lines
 * and acronym definitions are real; the archive's statistics are counted from the articles' facts
 * exactly as the index counts them.
 */
class ArchiveResolutionTest {

  /** A stand-in for the model: finds each listed name (longest first) as the given type. */
  static EntityExtractor model(Map<String, EntityType> names) {
    return new DictionaryExtractor(names);
  }

  /** A small archive: articles added, their facts counted, then each resolved against them all. */
  static final class Archive {
    final EntityFinder finder;
    final NameStatistics.Memory stats = new NameStatistics.Memory();
    final List<ArticleText> texts = new ArrayList<>();
    final List<List<Mention>> found = new ArrayList<>();

    Archive(Map<String, EntityType> names) {
      finder = new EntityFinder(model(names), NameTables.shipped(), AuthorityFile.EMPTY, true);
    }

    /** Adds an article with this body; returns its number. */
    int add(String date, String source, String body) {
      ArticleText t = new ArticleText(null, null, body, LocalDate.parse(date), source, false);
      List<Mention> f;
      try {
        f = finder.extract(body).found().stream().map(m -> m.in(Mention.Field.BODY, 0)).toList();
      } catch (ExtractionException e) {
        throw new AssertionError(e);
      }
      texts.add(t);
      found.add(f);
      stats.add(finder.facts(t, f));
      return texts.size() - 1;
    }

    /** Adds {@code n} copies of a line (each its own article, the same date and source). */
    Archive times(int n, String date, String source, String body) {
      for (int i = 0; i < n; i++) {
        add(date, source, body);
      }
      return this;
    }

    ArticleEntities resolve(int article) {
      return finder.resolve(texts.get(article), found.get(article), stats);
    }

    /** "TYPE surface => canonical" for each resolved mention of an article. */
    List<String> canon(int article) {
      return resolve(article).mentions().stream()
          .map(m -> m.type() + " " + m.text() + " => " + m.canonical())
          .toList();
    }
  }

  private static final String NYT = "The Daily Ledger";

  @Test
  void aSurnameAloneIsTheArchivesFullNameNearItsDate() {
    Archive a =
        new Archive(
            Map.of(
                "Barack Obama",
                PERSON,
                "Obama",
                PERSON,
                "Vladimir Putin",
                PERSON,
                "Putin",
                PERSON));
    a.times(6, "2014-03-01", NYT, "Barack Obama spoke with Vladimir Putin.");
    int only = a.add("2014-05-02", NYT, "Obama called Putin again.");
    assertEquals(
        List.of("PERSON Obama => Barack Obama", "PERSON Putin => Vladimir Putin"), a.canon(only));
  }

  @Test
  void theArchivesDominantPersonBeatsARareOneOfTheArticleButAnHonorificDecides() {
    Archive a =
        new Archive(
            Map.of(
                "Donald Trump",
                PERSON,
                "Melania Trump",
                PERSON,
                "Trump",
                PERSON,
                "Michelle Obama",
                PERSON,
                "Barack Obama",
                PERSON,
                "Obama",
                PERSON));
    a.times(60, "2018-01-10", NYT, "President Donald Trump signed the bill.");
    a.times(2, "2018-01-11", NYT, "First Lady Melania Trump visited. Mrs. Trump spoke.");
    a.times(10, "2012-06-01", NYT, "President Barack Obama spoke.");
    a.times(3, "2012-06-02", NYT, "Michelle Obama and Mrs. Obama spoke.");
    int both = a.add("2018-02-01", NYT, "Melania Trump arrived. Trump tweeted. Mrs. Trump smiled.");
    assertEquals(
        List.of(
            "PERSON Melania Trump => Melania Trump",
            "PERSON Trump => Donald Trump",
            "PERSON Trump => Melania Trump"),
        a.canon(both));
    int michelle = a.add("2012-07-01", NYT, "Michelle Obama spoke; President Obama listened.");
    assertEquals(
        List.of("PERSON Michelle Obama => Michelle Obama", "PERSON Obama => Barack Obama"),
        a.canon(michelle));
  }

  @Test
  void aSurnameNeverJoinsAJunkFullName() {
    Archive a =
        new Archive(
            Map.of(
                "Donald Trump",
                PERSON,
                "Trump Trump",
                PERSON,
                "Never Trump",
                PERSON,
                "Trump",
                PERSON));
    a.times(10, "2016-01-10", NYT, "Donald Trump won.");
    int junk = a.add("2016-02-01", NYT, "Trump Trump and Never Trump. Trump spoke.");
    List<String> got = a.canon(junk);
    assertEquals("PERSON Trump => Donald Trump", got.get(got.size() - 1));
  }

  @Test
  void familyNameFirstParticlesAndSuffixesJoin() {
    Archive a =
        new Archive(
            Map.of(
                "Hayashi Yoshimasa",
                PERSON,
                "Hayashi",
                PERSON,
                "Sayyid Badr al-Busaidi",
                PERSON,
                "Al-Busaidi",
                PERSON,
                "Lloyd J. Austin III",
                PERSON,
                "Austin",
                PERSON));
    a.times(
        3,
        "2022-01-10",
        NYT,
        "Hayashi Yoshimasa met Sayyid Badr al-Busaidi and Lloyd J. Austin III.");
    int partial = a.add("2022-01-20", NYT, "Hayashi, Al-Busaidi and Austin met.");
    assertEquals(
        List.of(
            "PERSON Hayashi => Hayashi Yoshimasa",
            "PERSON Al-Busaidi => Sayyid Badr al-Busaidi",
            "PERSON Austin => Lloyd J. Austin III"),
        a.canon(partial));
  }

  @Test
  void nicknamesInitialsAndMiddleNamesJoinTheArchivesFormOfTheName() {
    Archive a =
        new Archive(
            Map.of(
                "Antony J. Blinken",
                PERSON,
                "Antony Blinken",
                PERSON,
                "Tony Blinken",
                PERSON,
                "Blinken",
                PERSON,
                "Sarah Huckabee Sanders",
                PERSON,
                "Sarah Sanders",
                PERSON));
    a.times(8, "2021-05-01", NYT, "Secretary Antony J. Blinken and Sarah Huckabee Sanders.");
    int variants =
        a.add("2021-05-02", NYT, "Antony Blinken, Tony Blinken, Blinken and Sarah Sanders.");
    assertEquals(
        List.of(
            "PERSON Antony Blinken => Antony J. Blinken",
            "PERSON Tony Blinken => Antony J. Blinken",
            "PERSON Blinken => Antony J. Blinken",
            "PERSON Sarah Sanders => Sarah Huckabee Sanders"),
        a.canon(variants));
  }

  @Test
  void closeCandidatesStayPartialUnlessTheArticleSays() {
    Archive a =
        new Archive(
            Map.of(
                "George W. Bush",
                PERSON,
                "Jeb Bush",
                PERSON,
                "George H. W. Bush",
                PERSON,
                "Bush",
                PERSON,
                "George Bush",
                PERSON));
    a.times(5, "2015-06-01", NYT, "George W. Bush spoke.");
    a.times(5, "2015-06-01", NYT, "Jeb Bush spoke.");
    a.times(5, "2015-06-01", NYT, "George H. W. Bush spoke.");
    int bare = a.add("2015-06-02", NYT, "Bush spoke. George Bush too.");
    assertEquals(
        List.of("PERSON Bush => Bush", "PERSON George Bush => George Bush"), a.canon(bare));
    int jeb = a.add("2015-06-03", NYT, "Jeb Bush arrived. Bush spoke.");
    assertEquals(List.of("PERSON Jeb Bush => Jeb Bush", "PERSON Bush => Jeb Bush"), a.canon(jeb));
  }

  @Test
  void titlesArePortfoliosNotOrganisations() {
    Archive a =
        new Archive(
            Map.of(
                "State",
                ORGANIZATION,
                "Defense",
                ORGANIZATION,
                "Energy",
                ORGANIZATION,
                "Antony J. Blinken",
                PERSON,
                "Republican",
                ORGANIZATION,
                "Congressional",
                ORGANIZATION,
                "Customs Enforcement",
                ORGANIZATION,
                "Department of State",
                ORGANIZATION));
    int roles =
        a.add(
            "2021-05-01",
            NYT,
            "Secretary of State Antony J. Blinken met the Defense Secretary and the Under Secretary for"
                + " Energy. The Department of State said Republican and Congressional leaders met Customs"
                + " Enforcement.");
    assertEquals(
        List.of(
            "PERSON Antony J. Blinken => Antony J. Blinken",
            "ORGANIZATION Department of State => State Department",
            "ORGANIZATION Republican => Republican Party",
            "ORGANIZATION Customs Enforcement => Immigration and Customs Enforcement"),
        a.canon(roles));
  }

  @Test
  void acronymsTakeTheLongNameTheArchiveDefinesThemAs() {
    Archive a = new Archive(Map.of("Office of Budget Review", ORGANIZATION, "OBR", ORGANIZATION));
    a.times(2, "2020-01-01", NYT, "The Office of Budget Review (OBR) said so.");
    int bare = a.add("2020-02-01", NYT, "The OBR said so again.");
    assertEquals(List.of("ORGANIZATION OBR => Office of Budget Review"), a.canon(bare));
  }

  @Test
  void aLeadingUsOfAnInstitutionIsOneNameSpelledAsTheArchiveMostOftenDoes() {
    Archive a = new Archive(Map.of("U.S. Senate", ORGANIZATION, "Senate", ORGANIZATION));
    a.times(3, "2020-01-01", NYT, "The Senate voted.");
    int us = a.add("2020-01-02", NYT, "The U.S. Senate voted.");
    assertEquals(List.of("ORGANIZATION U.S. Senate => Senate"), a.canon(us));
  }

  @Test
  void aNameTakesTheTypeMostOfItsMentionsHave() {
    Archive a = new Archive(Map.of("Zelmar", ORGANIZATION, "Kalbo", PERSON, "Obamacare", PERSON));
    a.times(4, "2020-01-01", NYT, "Kalbo spoke.");
    a.times(4, "2020-01-01", NYT, "Zelmar Kalbo.");
    int odd = a.add("2020-01-02", NYT, "Zelmar sued. Obamacare stays.");
    assertEquals(List.of("ORGANIZATION Zelmar => Zelmar"), a.canon(odd));
  }

  @Test
  void aOneWordNameTheArchiveWritesAsAPlaceIsAPlace() {
    Archive a =
        new Archive(
            Map.of(
                "Bucha", PERSON,
                "Ukraine", LOCATION,
                "Smith", PERSON,
                "Trump", PERSON,
                "Trump Tower", LOCATION));
    a.times(2, "2022-04-03", NYT, "Atrocities in Bucha were documented.");
    a.times(1, "2022-04-04", NYT, "The town of Bucha mourned.");
    a.times(1, "2022-04-05", NYT, "Bucha, Ukraine, was shelled.");
    int bare = a.add("2022-04-06", NYT, "Bucha was shelled again.");
    assertEquals(List.of("LOCATION Bucha => Bucha"), a.canon(bare));
    // where the model itself found the place, the votes of its person mentions do not undo it
    Archive b = new Archive(Map.of("Bucha", PERSON, "Irpin", LOCATION));
    b.times(4, "2022-04-03", NYT, "Atrocities in Bucha were documented.");
    b.times(2, "2022-04-04", NYT, "Bucha mourned.");
    Archive c = new Archive(Map.of("Bucha", LOCATION));
    c.times(1, "2022-04-05", NYT, "In Bucha, Irpin and elsewhere.");
    b.stats.add(c.finder.facts(c.texts.get(0), c.found.get(0)));
    assertEquals(
        List.of("LOCATION Bucha => Bucha"),
        c.finder.resolve(c.texts.get(0), c.found.get(0), b.stats).mentions().stream()
            .map(m -> m.type() + " " + m.text() + " => " + m.canonical())
            .toList());
    // a person some articles have confidence in, or whose tower stands somewhere, stays a person
    a.times(4, "2022-04-03", NYT, "Smith said so.");
    a.times(2, "2022-04-03", NYT, "Voters put their trust in Smith.");
    a.times(3, "2022-04-03", NYT, "Trump spoke in Trump Tower. Many believe in Trump's plan.");
    int smith = a.add("2022-04-07", NYT, "Smith and Trump spoke.");
    assertEquals(List.of("PERSON Smith => Smith", "PERSON Trump => Trump"), a.canon(smith));
  }

  @Test
  void linesManyArticlesOfOneSourceShareAreBoilerplate() {
    Archive a = new Archive(Map.of("Ned Price", PERSON, "Washington", LOCATION));
    for (int i = 0; i < 6; i++) {
      a.add(
          "2021-06-0" + (i + 1),
          "State",
          "News item " + i + " of the day.\nThe below is attributable to Spokesperson Ned Price:");
    }
    a.times(6, "2021-06-01", "Gazette", "Copyright 2019 The Gazette of Washington, LLC");
    int withFooter =
        a.add(
            "2021-07-01",
            "State",
            "Ned Price spoke in Washington.\nThe below is attributable to Spokesperson Ned Price:");
    assertEquals(
        List.of("PERSON Ned Price => Ned Price", "LOCATION Washington => Washington"),
        a.canon(withFooter));
    int footer = a.add("2021-07-01", "Gazette", "Copyright 2021 The Gazette of Washington, LLC");
    assertEquals(List.of(), a.canon(footer));
    int otherSource = a.add("2021-07-01", "Other", "Copyright 2021 The Gazette of Washington, LLC");
    assertEquals(List.of("LOCATION Washington => Washington"), a.canon(otherSource));
  }

  @Test
  void aNameThatIsOneOfTheArchivesSourcesIsThatOutlet() {
    Archive a = new Archive(Map.of("Hill", PERSON, "Anita Hill", PERSON, "Katie Hill", PERSON));
    a.times(3, "2019-01-01", "The Hill", "A story.");
    a.times(3, "2019-01-01", NYT, "Anita Hill spoke.");
    a.times(3, "2019-01-01", NYT, "Katie Hill spoke.");
    int outlet = a.add("2019-01-02", NYT, "Hill reported it.");
    assertEquals(List.of("ORGANIZATION Hill => The Hill"), a.canon(outlet));
    int person = a.add("2019-01-02", NYT, "Anita Hill said Hill was right.");
    assertEquals(
        List.of("PERSON Anita Hill => Anita Hill", "PERSON Hill => Anita Hill"), a.canon(person));
  }

  @Test
  void resolvingAgainGivesTheSameAndFactsNeverDependOnTheStatistics() {
    Archive a = new Archive(Map.of("Barack Obama", PERSON, "Obama", PERSON));
    a.times(3, "2014-03-01", NYT, "Barack Obama spoke.");
    int only = a.add("2014-05-02", NYT, "Obama spoke.");
    ArticleEntities first = a.resolve(only);
    assertEquals(first, a.finder.resolve(a.texts.get(only), first.found(), a.stats));
    assertEquals(
        a.finder.facts(a.texts.get(only), a.found.get(only)),
        a.finder.facts(a.texts.get(only), first.found()));
    assertTrue(a.stats.count("L|obama|barack obama") == 3);
  }

  @Test
  void anAcronymInBracketsAfterAnOrganisationIsThatOrganisation() {
    Archive a =
        new Archive(
            Map.of("Bureau of Narcotics and Law Affairs", ORGANIZATION, "BNL", ORGANIZATION));
    a.times(2, "2021-01-01", NYT, "The Bureau of Narcotics and Law Affairs (BNL) met.");
    int bare = a.add("2021-02-01", NYT, "BNL met again.");
    assertEquals(List.of("ORGANIZATION BNL => Bureau of Narcotics and Law Affairs"), a.canon(bare));
  }

  @Test
  void aPortfolioAfterATitleIsNoOrganisation() {
    Archive a = new Archive(Map.of("State for International Organization Affairs", ORGANIZATION));
    int role =
        a.add(
            "2022-04-01",
            NYT,
            "The Assistant Secretary of State for International Organization Affairs spoke.");
    assertEquals(List.of(), a.canon(role));
  }

  @Test
  void oneWordIsOneThingWithinAnArticle() {
    assertEquals(
        List.of("LOCATION Bucha => Bucha", "LOCATION Bucha => Bucha"),
        CanonicalizerTest.canon("LOCATION Bucha", "PERSON Bucha"));
    // unless a full name of the article says it is a person
    assertEquals(
        List.of(
            "PERSON Olena Bucha => Olena Bucha",
            "PERSON Bucha => Olena Bucha",
            "PERSON Bucha => Olena Bucha"),
        CanonicalizerTest.canon("PERSON Olena Bucha", "LOCATION Bucha", "PERSON Bucha"));
  }

  @Test
  void nameKeysFoldLettersAsTheIndexDoes() {
    assertEquals("soren kierkegaard", NameTables.key("Søren Kierkegaard"));
    assertEquals("lech walesa", NameTables.key("Lech Wałęsa"));
    assertEquals("strasse", NameTables.key("Straße"));
  }
}

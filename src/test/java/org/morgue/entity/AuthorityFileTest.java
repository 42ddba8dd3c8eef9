package org.morgue.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.entity.EntityType.LOCATION;
import static org.morgue.entity.EntityType.ORGANIZATION;
import static org.morgue.entity.EntityType.PERSON;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The archivist's authority file: its format, its errors, and applying it to stored mentions. */
class AuthorityFileTest {
  private static AuthorityFile parse(String... lines) throws AuthorityFileException {
    return AuthorityFile.parse("authority.txt", String.join("\n", lines));
  }

  private static String resolve(AuthorityFile a, EntityType type, String name) {
    NameTables.Entry e = a.resolve(type, name, name);
    return e == null ? null : e.type() + " " + e.name();
  }

  private static String error(String... lines) {
    return assertThrows(AuthorityFileException.class, () -> parse(lines)).getMessage();
  }

  @Test
  void theShippedSampleParses() throws Exception {
    try (InputStream in = AuthorityFile.class.getResourceAsStream("authority.sample.txt")) {
      AuthorityFile a =
          AuthorityFile.parse(
              "authority.sample.txt", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      assertEquals(8, a.rules().size());
      assertEquals("PERSON Nikol Pashinyan", resolve(a, PERSON, "Pashinian"));
      assertEquals("ORGANIZATION Amazon", resolve(a, LOCATION, "Amazon"));
    }
  }

  @Test
  void mergeAndRenameAreOneOperationInThreeSpellings() throws Exception {
    AuthorityFile a =
        parse(
            "Pashinian => Nikol Pashinyan",
            "merge Sergei Shoigu => Sergey Shoygu",
            "RENAME Kiev => Kyiv");
    assertEquals("PERSON Nikol Pashinyan", resolve(a, PERSON, "Pashinian"));
    assertEquals("PERSON Nikol Pashinyan", resolve(a, PERSON, "PASHINIAN"));
    assertEquals("PERSON Sergey Shoygu", resolve(a, PERSON, "Sergei Shoigu"));
    assertEquals("LOCATION Kyiv", resolve(a, LOCATION, "Kiev"));
    assertEquals("LOCATION Lviv", resolve(a, LOCATION, "Lviv"));
    assertEquals(
        List.of(
            new AuthorityFile.Merge(1, null, "Pashinian", "Nikol Pashinyan"),
            new AuthorityFile.Merge(2, null, "Sergei Shoigu", "Sergey Shoygu"),
            new AuthorityFile.Merge(3, null, "Kiev", "Kyiv")),
        a.rules());
  }

  @Test
  void mergesChainAndMatchTheWrittenOrTheCanonicalName() throws Exception {
    AuthorityFile a =
        parse("A. Merkel => Angela Merkel", "Angela Merkel => Angela Dorothea Merkel");
    assertEquals("PERSON Angela Dorothea Merkel", resolve(a, PERSON, "A. Merkel"));
    // written "Merkel", canonicalised by the article to "Angela Merkel": the canonical name matches
    assertEquals(
        new NameTables.Entry(PERSON, "Angela Dorothea Merkel"),
        a.resolve(PERSON, "Merkel", "Angela Merkel"));
  }

  @Test
  void aTypedRuleAppliesToThatTypeOnly() throws Exception {
    AuthorityFile a =
        parse(
            "PERSON: Washington => George Washington",
            "block person: Apple",
            "type LOC: Amazon => org");
    assertEquals("PERSON George Washington", resolve(a, PERSON, "Washington"));
    assertEquals("LOCATION Washington", resolve(a, LOCATION, "Washington"));
    assertNull(resolve(a, PERSON, "Apple"));
    assertEquals("ORGANIZATION Apple", resolve(a, ORGANIZATION, "Apple"));
    assertEquals("ORGANIZATION Amazon", resolve(a, LOCATION, "Amazon"));
    assertEquals("PERSON Amazon", resolve(a, PERSON, "Amazon"));
  }

  @Test
  void blockDropsByWrittenCanonicalOrMergedName() throws Exception {
    AuthorityFile a = parse("block Breaking News", "Brexit Party => Reform UK", "block Reform UK");
    assertNull(resolve(a, ORGANIZATION, "Breaking News"));
    assertNull(resolve(a, PERSON, "breaking  news"));
    assertNull(resolve(a, ORGANIZATION, "Brexit Party"));
    assertNull(a.resolve(ORGANIZATION, "BN", "Breaking News"));
  }

  @Test
  void retypeAppliesToTheFinalName() throws Exception {
    AuthorityFile a = parse("Amazon.com => Amazon", "retype Amazon => ORGANIZATION");
    assertEquals("ORGANIZATION Amazon", resolve(a, LOCATION, "Amazon.com"));
  }

  @Test
  void commentsBlankLinesCrlfAndAByteOrderMark() throws Exception {
    AuthorityFile a =
        AuthorityFile.parse(
            "a.txt", "\uFEFF# comment\r\n\r\n   # indented comment\r\nKiev => Kyiv\r\n");
    assertEquals(1, a.rules().size());
    assertEquals(4, a.rules().get(0).line());
    assertTrue(AuthorityFile.parse("a.txt", "").isEmpty());
  }

  @Test
  void eachBadLineIsNamed() {
    assertEquals(
        "authority.txt line 2: unknown entity type 'PLAC' (PERSON, ORGANIZATION or LOCATION; or person, org, place): type Amazon => PLAC",
        error("# types", "type Amazon => PLAC"));
    assertEquals(
        "authority.txt line 1: not a rule: expected 'A => B', 'merge', 'rename', 'block' or 'type': Kiev -> Kyiv",
        error("Kiev -> Kyiv"));
    assertEquals(
        "authority.txt line 1: a name merged into itself: Kyiv => KYIV", error("Kyiv => KYIV"));
    assertEquals("authority.txt line 1: no name right of '=>': Kiev =>", error("Kiev =>"));
    assertEquals("authority.txt line 1: no name left of '=>': => Kyiv", error("=> Kyiv"));
    assertEquals(
        "authority.txt line 1: more than one '=>' on the line: A => B => C", error("A => B => C"));
    assertEquals(
        "authority.txt line 1: 'block' takes one name, without '=>': block A => B",
        error("block A => B"));
    assertEquals("authority.txt line 1: no name after 'block': block", error("block  "));
    assertEquals(
        "authority.txt line 1: 'type' needs 'NAME => TYPE': type Amazon", error("type Amazon"));
  }

  @Test
  void conflictsBetweenLinesAreNamed() {
    assertEquals(
        "authority.txt line 3: conflicts with line 1, which merges the same name elsewhere: Kiev => Kiew",
        error("Kiev => Kyiv", "# again", "Kiev => Kiew"));
    assertEquals(
        "authority.txt line 2: conflicts with line 1, which gives the same name another type: type Amazon => PERSON",
        error("type Amazon => ORGANIZATION", "type Amazon => PERSON"));
    assertEquals(
        "authority.txt line 1: the merges come back to 'A' (a cycle): A => B\n"
            + "authority.txt line 2: the merges come back to 'B' (a cycle): B => A",
        error("A => B", "B => A"));
    assertEquals(
        "authority.txt line 1: the name is also blocked; merge it or block it, not both: A => B",
        error("A => B", "block A"));
  }

  @Test
  void allBadLinesAreReportedAtOnce() {
    AuthorityFileException e =
        assertThrows(
            AuthorityFileException.class,
            () -> parse("Kiev -> Kyiv", "Kiev => Kyiv", "type X => Y", "block"));
    assertEquals(
        List.of(1, 3, 4), e.problems().stream().map(AuthorityFileException.Problem::line).toList());
    assertEquals("authority.txt", e.source());
  }

  @Test
  void aMissingFileHasNoRules(@TempDir Path dir) throws Exception {
    assertSame(AuthorityFile.EMPTY, AuthorityFile.read(dir.resolve(AuthorityFile.FILE_NAME)));
    Path file = dir.resolve(AuthorityFile.FILE_NAME);
    Files.writeString(file, "Kiev => Kyiv\n", StandardCharsets.UTF_8);
    assertEquals(1, AuthorityFile.read(file).rules().size());
    Files.writeString(file, "Kiev => \n", StandardCharsets.UTF_8);
    AuthorityFileException e =
        assertThrows(AuthorityFileException.class, () -> AuthorityFile.read(file));
    assertTrue(e.getMessage().startsWith("authority.txt line 1: "), e.getMessage());
  }

  /** An extractor that must not be called: re-canonicalisation works from stored mentions alone. */
  private static final EntityExtractor NO_EXTRACTOR =
      text -> {
        throw new AssertionError("the extractor ran");
      };

  @Test
  void appliesToStoredMentionsWithoutTheExtractor() throws IOException, AuthorityFileException {
    ArticleEntities first =
        new EntityFinder(NO_EXTRACTOR, NameTables.shipped(), AuthorityFile.EMPTY, true)
            .recanonicalize(
                CanonicalizerTest.mentions(
                    "PERSON Nikol Pashinyan",
                    "PERSON Pashinyan",
                    "LOCATION Lemberg",
                    "ORGANIZATION Breaking News",
                    "RULE Azerbaijani",
                    "LOCATION Amazon"));
    List<Mention> stored = first.found();
    assertEquals(
        List.of(
            "Nikol Pashinyan",
            "Nikol Pashinyan",
            "Lemberg",
            "Breaking News",
            "Azerbaijan",
            "Amazon"),
        first.mentions().stream().map(Mention::canonical).toList());

    AuthorityFile a =
        parse(
            "Nikol Pashinyan => Nikol Vovayi Pashinyan",
            "Lemberg => Lviv",
            "block Breaking News",
            "type Amazon => ORGANIZATION",
            "Azerbaijan => Republic of Azerbaijan");
    ArticleEntities after =
        new EntityFinder(NO_EXTRACTOR, NameTables.shipped(), a, true).recanonicalize(stored);
    assertEquals(List.of("Nikol Vovayi Pashinyan"), after.names(PERSON));
    assertEquals(List.of("Lviv", "Republic of Azerbaijan"), after.names(LOCATION));
    assertEquals(List.of("Amazon"), after.names(ORGANIZATION));
    assertEquals(5, after.mentions().size());
    // offsets and surfaces are the stored ones
    assertEquals(stored.get(1).start(), after.mentions().get(1).start());
    assertEquals("Pashinyan", after.mentions().get(1).text());

    // a changed file applies to what was found, again: the lifted block and merge are gone
    AuthorityFile b = parse("Lemberg => Lwów");
    ArticleEntities again =
        new EntityFinder(NO_EXTRACTOR, NameTables.shipped(), b, true).recanonicalize(after.found());
    assertEquals(List.of("Lwów", "Azerbaijan", "Amazon"), again.names(LOCATION));
    assertEquals(List.of("Nikol Pashinyan"), again.names(PERSON));
    assertEquals(List.of("Breaking News"), again.names(ORGANIZATION));
  }
}

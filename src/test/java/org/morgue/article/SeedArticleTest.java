package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed article of issue 2 (a copy of {@code ../shared/seed/000_27f0df3f21ae055d.txt} in {@code
 * fixtures/seed/}), read as the ingest reads it and checked field by field.
 */
class SeedArticleTest {
  private static final Path SEED = Fixtures.fixture("seed/000_27f0df3f21ae055d.txt");
  private static ReadEvent.Parsed parsed;

  @BeforeAll
  static void read() {
    List<ReadEvent> events = Fixtures.read(SEED);
    assertEquals(1, events.size(), events::toString);
    parsed = (ReadEvent.Parsed) events.get(0);
  }

  private static Article seed() {
    return parsed.article();
  }

  @Test
  void idIsTheFileNameStem() {
    assertEquals("000_27f0df3f21ae055d", seed().id());
  }

  @Test
  void dateAndSectionComeFromTheFirstLine() {
    assertEquals(LocalDate.of(2021, 11, 17), seed().date());
    assertEquals("WORLD", seed().section());
  }

  @Test
  void title() {
    assertEquals(
        "Azerbaijan: Armenian forces killed, injured soldiers in border attack", seed().title());
  }

  @Test
  void ledeKeepsItsCurlyQuotes() {
    assertEquals(
        "At least seven Azerbaijani soldiers were killed after Armenian forces carried out"
            + " \u201Clarge-scale provocations\u201D on Tuesday against the combat posts of the"
            + " Azerbaijani army in the Kalbajar and Lachin border regions.",
        seed().lede());
  }

  @Test
  void authors() {
    assertEquals(List.of("Alican Tekingunduz"), seed().authors());
  }

  @Test
  void bodyHasTwelveParagraphs() {
    List<String> body = seed().body();
    assertEquals(12, body.size());
    assertEquals(
        "Seven Azerbaijani troops have been killed in border clashes with Armenia near the Karabakh"
            + " region.",
        body.get(0));
    assertEquals(
        "During the major six-week war last year, Azerbaijan retook several cities and 300"
            + " settlements and villages. The conflict, which left more than 6,500 dead, ended in"
            + " November 2020 in a Russian-brokered deal that saw Armenia cede swathes of territory"
            + " it had occupied for decades.",
        body.get(11));
  }

  @Test
  void neitherTheBylineNorTheHumanDateNorTheCreditLineIsBody() {
    for (String p : seed().body()) {
      assertFalse(
          p.startsWith("By ") || p.equals("November 17, 2021") || p.startsWith("SOURCE"), p);
    }
  }

  @Test
  void source() {
    assertEquals("TRTWorld and agencies", seed().source());
  }

  @Test
  void noUrlAndNoWarning() {
    assertNull(seed().url());
    assertNull(parsed.warning());
    assertEquals(Location.file(SEED), parsed.where());
  }

  @Test
  void writingTheSeedGivesBackTheSeedFileByteForByte() throws IOException {
    assertEquals(Files.readString(SEED, StandardCharsets.UTF_8), HouseFormat.write(seed()));
  }
}

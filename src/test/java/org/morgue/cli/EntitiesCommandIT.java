package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code morgue entities [FILE|-]} end to end through {@link Main#run}: the JSON lines parsed back,
 * their offsets checked against the input.
 */
class EntitiesCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TEXT =
      "Armenia's Prime Minister Nikol Pashinyan accused Azerbaijani forces on Tuesday.\n"
          + "Mr. Pashinyan asked the U.S. and the EU for help.\n";

  @TempDir Path tmp;

  /** Runs the command with the given standard input. */
  private static Cli.Run run(String stdin, String... args) {
    InputStream in = System.in;
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      return Cli.run(args);
    } finally {
      System.setIn(in);
    }
  }

  private static List<JsonNode> lines(Cli.Run run) throws IOException {
    assertEquals(0, run.exit(), run.err());
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.lines()) {
      out.add(JSON.readTree(line));
    }
    return out;
  }

  private static List<String> summary(List<JsonNode> mentions, String text) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : mentions) {
      assertEquals(
          List.of("type", "text", "canonical", "field", "start", "end", "origin"), iterable(m));
      assertEquals("text", m.get("field").asText());
      assertEquals(
          m.get("text").asText(), text.substring(m.get("start").asInt(), m.get("end").asInt()));
      out.add(
          m.get("type").asText()
              + " "
              + m.get("text").asText()
              + " => "
              + m.get("canonical").asText()
              + " ("
              + m.get("origin").asText()
              + ")");
    }
    return out;
  }

  private static List<String> iterable(JsonNode m) {
    List<String> names = new ArrayList<>();
    m.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void printsOneJsonObjectAMention() throws IOException {
    Path file = tmp.resolve("text.txt");
    Files.writeString(file, TEXT, StandardCharsets.UTF_8);
    List<JsonNode> mentions = lines(run("", "entities", file.toString()));
    assertEquals(
        List.of(
            "place Armenia => Armenia (model)",
            "person Nikol Pashinyan => Nikol Pashinyan (model)",
            "place Azerbaijani => Azerbaijan (rule)",
            "person Pashinyan => Nikol Pashinyan (model)",
            "place U.S. => United States (model)",
            "org EU => European Union (model)"),
        summary(mentions, TEXT));
    assertEquals(25, mentions.get(1).get("start").asInt());
    assertEquals(40, mentions.get(1).get("end").asInt());
  }

  @Test
  void readsStandardInputByDefaultOrAsDash() throws IOException {
    List<JsonNode> byDefault = lines(run(TEXT, "entities"));
    List<JsonNode> dash = lines(run(TEXT, "entities", "-"));
    assertEquals(6, byDefault.size());
    assertEquals(byDefault, dash);
  }

  @Test
  void offsetsAreJavaStringIndicesOfTheDecodedText() throws IOException {
    String text = "😀 Café owners in Montréal met Recep Tayyip Erdoğan.";
    List<String> mentions = summary(lines(run(text, "entities")), text);
    assertEquals(
        List.of(
            "place Montréal => Montréal (model)",
            "person Tayyip Erdoğan => Recep Tayyip Erdoğan (model)"),
        mentions);
  }

  @Test
  void demonymsCanBeSwitchedOff() throws IOException {
    List<String> mentions = summary(lines(run(TEXT, "entities", "--no-demonyms")), TEXT);
    assertTrue(mentions.stream().noneMatch(m -> m.endsWith("(rule)")), mentions::toString);
    assertEquals(5, mentions.size());
  }

  @Test
  void appliesAnAuthorityFile() throws IOException {
    Path authority = tmp.resolve("authority.txt");
    Files.writeString(
        authority, "Nikol Pashinyan => Nikol Vovayi Pashinyan\nblock EU\n", StandardCharsets.UTF_8);
    List<String> mentions =
        summary(lines(run(TEXT, "entities", "--authority", authority.toString())), TEXT);
    assertEquals(
        List.of(
            "place Armenia => Armenia (model)",
            "person Nikol Pashinyan => Nikol Vovayi Pashinyan (model)",
            "place Azerbaijani => Azerbaijan (rule)",
            "person Pashinyan => Nikol Vovayi Pashinyan (model)",
            "place U.S. => United States (model)"),
        mentions);
  }

  @Test
  void aBadAuthorityFileNamesItsLine() throws IOException {
    Path authority = tmp.resolve("authority.txt");
    Files.writeString(authority, "# ok\ntype EU => PLAC\n", StandardCharsets.UTF_8);
    Cli.Run run = run(TEXT, "entities", "--authority", authority.toString());
    assertEquals(1, run.exit());
    assertTrue(run.err().contains("authority.txt line 2: unknown entity type 'PLAC'"), run.err());
    assertEquals("", run.out());
  }

  @Test
  void textWithoutEntitiesPrintsNothing() {
    Cli.Run run = run("nothing to see here.\n", "entities");
    assertEquals(0, run.exit(), run.err());
    assertEquals("", run.out());
    assertEquals(0, run("", "entities").exit());
  }

  @Test
  void aMissingFileIsABadUsage() {
    Cli.Run run = run("", "entities", tmp.resolve("nope.txt").toString());
    assertEquals(2, run.exit());
    assertTrue(run.err().contains("no such file"), run.err());
  }
}

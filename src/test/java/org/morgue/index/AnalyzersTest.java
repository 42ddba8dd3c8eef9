package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.index.TestArchives.house;
import static org.morgue.index.TestArchives.ingest;
import static org.morgue.index.TestArchives.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the text analysis of {@link Analyzers}: the index keeps words as written; a query word
 * expands, through {@link StemExpansion}, to the indexed words of its English stem.
 */
class AnalyzersTest {
  @TempDir Path tmp;

  private static final String TITLE = "Erdoğan's envoys discuss the elections";
  private static final String BODY =
      "The election was held. Officials elected a council; the electing body met. "
          + "Electricity failed. Elect them! Ministers' talks in the 1990s, and us.";

  @Test
  void theIndexKeepsWordsAsWrittenLowerCasedAndFolded() throws IOException {
    assertEquals(
        List.of("erdogan's/1/0-9", "elections/1/10-19", "the/1/20-23", "war/1/24-27"),
        tokens(Analyzers.forIndex(), "body", "Erdoğan's elections the war"));
  }

  @Test
  void sentenceAndParagraphBoundariesAreMarkedBesideTheirWords() throws IOException {
    String se = Fields.SENTENCE_END;
    String ss = Fields.SENTENCE_START;
    assertEquals(
        List.of(
            "mr/1/0-2",
            "smith/1/4-9",
            "left/1/10-14",
            se + "/0/10-14",
            "she/1/16-19",
            ss + "/0/16-19",
            "came/1/20-24",
            se + "/0/20-24",
            Fields.PARAGRAPH_END + "/0/20-24",
            "rain/1/27-31",
            ss + "/0/27-31",
            Fields.PARAGRAPH_START + "/0/27-31"),
        tokens(Analyzers.forIndex(), "body", "Mr. Smith left. She came.\n\nrain."),
        "a paragraph break ends a sentence whatever follows; Mr. ends none");
    assertEquals(
        List.of("u.s/1/0-3", "officials/1/5-14"),
        tokens(Analyzers.forIndex(), "body", "U.S. officials"));
    assertEquals(
        List.of("a/1/0-1", "b/1/3-4"),
        tokens(Analyzers.forIndex(), "author", "A. B"),
        "only the text fields are marked");
  }

  @Test
  void foldIsTheFoldingOfTheIndexedWords() throws IOException {
    assertEquals("soren kierkegaard", Analyzers.fold("Søren Kierkegaard"));
    assertEquals("zoe martin", Analyzers.fold("Zoë Martín"));
    assertEquals("aero strasse erdogan", Analyzers.fold("ÆRØ Straße Erdoğan"));
    assertEquals("nikol pashinyan", Analyzers.fold("Nikol Pashinyan"));
    assertEquals("", Analyzers.fold(""));
    assertEquals(
        List.of("soren/1/0-5", "aero/1/6-9", "strasse/1/10-16", "erdogan/1/17-24"),
        tokens(Analyzers.forIndex(), "body", "Søren ÆRØ Straße Erdoğan"),
        "each word indexed as fold gives it");
    assertEquals(
        new BytesRef("soren kierkegaard*"),
        Analyzers.forIndex().normalize("body", "SØREN Kierkegaard*"),
        "a pattern's text folds the same way");
  }

  @Test
  void aWordExpandsToTheIndexedWordsOfItsInflections() throws IOException {
    try (Archive a = archive()) {
      StemExpansion expansion = new StemExpansion(a.reader);
      // inflections, not derivations: election is not elect, electricity not electric
      assertArrayEquals(
          new String[] {"elect", "elected", "electing"}, expansion.words(Fields.BODY, "elect"));
      assertArrayEquals(new String[] {"election"}, expansion.words(Fields.BODY, "elections"));
      assertArrayEquals(new String[] {"elections"}, expansion.words(Fields.TITLE, "election"));
      assertArrayEquals(new String[0], expansion.words(Fields.BODY, "electric"));
      assertArrayEquals(new String[0], expansion.words(Fields.BODY, "ceasefire"));
    }
  }

  @Test
  void aQueryWordBecomesItsStemsWordsAtOnePositionAndStopWordsGo() throws IOException {
    try (Archive a = archive()) {
      Analyzer query = Analyzers.forQuery(new StemExpansion(a.reader));
      assertEquals(List.of("election/2/4-13"), tokens(query, Fields.BODY, "the elections"));
      assertEquals(
          List.of("elect/1/0-7", "elected/0/0-7", "electing/0/0-7"),
          tokens(query, Fields.BODY, "elected"));
      // a word of no indexed stem, short words and numbers are looked for as written
      assertEquals(
          List.of("ceasefire/1/0-9", "us/1/10-12", "1990s/1/13-18"),
          tokens(query, Fields.BODY, "ceasefire us 1990s"));
      // plurals share their word's stem
      assertEquals(List.of("ministers/1/0-8"), tokens(query, Fields.BODY, "minister"));
      // and each field has its own words
      assertEquals(List.of("elections/1/0-8"), tokens(query, Fields.TITLE, "election"));
      // other fields are words as written
      assertEquals(
          List.of("the/1/0-3", "elections/1/4-13"), tokens(query, Fields.AUTHOR, "the elections"));
    }
  }

  @Test
  void everyQueryWordFindsTheWordItCameFrom() throws IOException {
    try (Archive a = archive()) {
      Analyzer query = Analyzers.forQuery(new StemExpansion(a.reader));
      for (String word : BODY.split("[\\s;:,.?!]+")) {
        Set<String> asked = terms(query, Fields.BODY, word);
        if (!asked.isEmpty()) {
          Set<String> indexed = terms(Analyzers.forIndex(), Fields.BODY, word);
          assertTrue(
              asked.containsAll(indexed),
              "'" + word + "' asks for " + asked + ", indexed as " + indexed);
        }
      }
    }
  }

  /**
   * The premise of {@link StemExpansion} for the stemmers that map a word to one stem (Porter,
   * KStem, the minimal one, kept to compare with): every word starts with the first {@link
   * Stems#prefixLength} letters of its stem, or is its own stem. Checked on every word of the
   * shipped demo corpus; Porter never needs the fallback.
   */
  @Test
  void everyWordOfTheDemoCorpusStartsWithThePrefixOfItsStem() throws IOException {
    Set<String> words = demoWords();
    for (Stemmer stemmer : List.of(Stemmer.PORTER, Stemmer.KSTEM, Stemmer.MINIMAL)) {
      Stems stems = Stems.get(stemmer);
      List<String> broken = new ArrayList<>();
      for (String word : words) {
        char[] w = word.toCharArray();
        if (Stems.stemmable(w, w.length)) {
          char[] stem = stems.queryStem(w, w.length);
          if (stem != null
              && !word.startsWith(new String(stem, 0, Stems.prefixLength(stem.length)))) {
            broken.add(word + " -> " + new String(stem));
          }
        }
      }
      assertEquals(List.of(), broken, stemmer.name());
    }
  }

  /**
   * The premise of {@link StemExpansion} for Morgue's {@link Stemmer#INFLECTIONS}: the forms of a
   * word (words whose {@link Inflections#bases} meet its own) all start with its {@link
   * Inflections#walkPrefix}. Checked on every word of the shipped demo corpus.
   */
  @Test
  void everyFormOfADemoWordStartsWithItsWalkPrefix() throws IOException {
    Set<String> words = demoWords();
    Map<String, List<String>> byBase = new TreeMap<>();
    for (String word : words) {
      for (String base : Inflections.bases(Inflections.withoutPossessive(word))) {
        byBase.computeIfAbsent(base, k -> new ArrayList<>()).add(word);
      }
    }
    List<String> broken = new ArrayList<>();
    for (List<String> forms : byBase.values()) {
      for (String word : forms) {
        String prefix =
            Inflections.walkPrefix(Inflections.bases(Inflections.withoutPossessive(word)));
        for (String form : forms) {
          if (!form.startsWith(prefix)) {
            broken.add(word + " / " + form);
          }
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void inflectionsAreFormsAndDerivationsAreNot() {
    assertTrue(same("officers", "officer"));
    assertTrue(same("officer", "officer's"));
    assertTrue(same("elections", "election"));
    assertTrue(same("running", "runs"));
    assertTrue(same("hoping", "hope"));
    assertTrue(same("planned", "plans"));
    assertTrue(same("policies", "policy"));
    assertTrue(same("taxes", "taxed"));
    assertTrue(same("studied", "studies"));
    assertTrue(same("voted", "voting"));
    assertFalse(same("officers", "office"));
    assertFalse(same("officers", "officially"));
    assertFalse(same("nationalism", "nation"));
    assertFalse(same("national", "nation"));
    assertFalse(same("economics", "economic"));
    assertFalse(same("news", "new"));
    assertFalse(same("reporter", "report"));
    assertFalse(same("business", "busy"));
    assertFalse(same("crisis", "cris"));
  }

  private static boolean same(String a, String b) {
    return Inflections.sameWord(Inflections.bases(Inflections.withoutPossessive(a)), b)
        && Inflections.sameWord(Inflections.bases(Inflections.withoutPossessive(b)), a);
  }

  private static Set<String> demoWords() throws IOException {
    Set<String> words = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/demo/corpus"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
        words.addAll(terms(Analyzers.exact(), "body", Files.readString(f, StandardCharsets.UTF_8)));
      }
    }
    assertTrue(words.size() > 20_000, "the demo corpus has " + words.size() + " words");
    return words;
  }

  @Test
  void theIndexHoldsTheTermsOfTheIndexAnalyzer() throws IOException {
    try (Archive a = archive()) {
      LeafReader leaf = a.reader.leaves().get(0).reader();
      assertEquals(positions(Analyzers.forIndex(), TITLE), indexedPositions(leaf, Fields.TITLE));
      assertEquals(positions(Analyzers.forIndex(), BODY), indexedPositions(leaf, Fields.BODY));
    }
  }

  /** A one-article archive of {@link #TITLE} and {@link #BODY}, open for reading. */
  private Archive archive() throws IOException {
    write(tmp.resolve("in"), "one.txt", house("2021-11-17 WORLD", TITLE, null, null, null, BODY));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    ingest(layout, tmp.resolve("in"));
    Directory dir = FSDirectory.open(layout.lucene());
    return new Archive(dir, DirectoryReader.open(dir));
  }

  private record Archive(Directory dir, DirectoryReader reader) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      reader.close();
      dir.close();
    }
  }

  /** Tokens as {@code term/positionIncrement/start-end}. */
  private static List<String> tokens(Analyzer analyzer, String field, String text)
      throws IOException {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(
            term
                + "/"
                + inc.getPositionIncrement()
                + "/"
                + offset.startOffset()
                + "-"
                + offset.endOffset());
      }
      ts.end();
    }
    return out;
  }

  private static Set<String> terms(Analyzer analyzer, String field, String text)
      throws IOException {
    Set<String> out = new HashSet<>();
    for (String token : tokens(analyzer, field, text)) {
      out.add(token.substring(0, token.lastIndexOf('/', token.lastIndexOf('/') - 1)));
    }
    return out;
  }

  /** Term to its positions, as the analyzer gives them. */
  private static Map<String, List<Integer>> positions(Analyzer analyzer, String text)
      throws IOException {
    Map<String, List<Integer>> out = new TreeMap<>();
    int position = -1;
    for (String token : tokens(analyzer, "body", text)) {
      String[] parts = token.split("/");
      position += Integer.parseInt(parts[parts.length - 2]);
      out.computeIfAbsent(
              token.substring(0, token.lastIndexOf('/', token.lastIndexOf('/') - 1)),
              k -> new ArrayList<>())
          .add(position);
    }
    return out;
  }

  private static Map<String, List<Integer>> indexedPositions(LeafReader leaf, String field)
      throws IOException {
    Map<String, List<Integer>> out = new TreeMap<>();
    TermsEnum te = leaf.terms(field).iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      PostingsEnum p = te.postings(null, PostingsEnum.POSITIONS);
      p.nextDoc();
      List<Integer> ps = new ArrayList<>();
      for (int i = 0; i < p.freq(); i++) {
        ps.add(p.nextPosition());
      }
      out.put(t.utf8ToString(), ps);
    }
    return out;
  }
}

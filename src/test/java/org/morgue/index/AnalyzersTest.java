package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.morgue.index.TestArchives.house;
import static org.morgue.index.TestArchives.ingest;
import static org.morgue.index.TestArchives.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the one-field text analysis of {@link Analyzers}: the index keeps every word as written and,
 * at the same position, its marked stem when it differs; a query word looks for its stem in both
 * spellings; and every query word finds the word it came from.
 */
class AnalyzersTest {
  @TempDir Path tmp;

  static List<String> sentences() {
    String paragraph =
        "The ministers' talks on the ceasefire resumed in Baku, where Erdoğan's envoy and "
            + "the elections observers met again; nothing was agreed. ";
    return List.of(
        "President Erdoğan's visit to Azerbaijan: the elections were postponed.",
        "The Prime Ministers' meeting, held in São Paulo on 17 November 2021, ended at 10:30.",
        "Don't stop: it's the U.S. Department of State's 3rd statement — “quotes”, e-mail and press@state.gov.",
        "Ça va? Ærøskøbing, Straße, naïve café; the ﬁnancial ligature and Øresund.",
        "the and of to a in",
        "Running runners ran; generously generated generations of generals in the 1990s.",
        "日本語のテキスト and Ελληνικά mixed with English words.",
        paragraph.repeat(60));
  }

  @Test
  void theIndexKeepsWordsAsWrittenAndMarkedStemsAtTheSamePosition() throws IOException {
    assertEquals(
        List.of("erdogan's/1/0-9", "~erdogan/0/0-9", "elections/1/10-19", "~elect/0/10-19", "war/1/20-23"),
        tokens(Analyzers.textIndex(), "Erdoğan's elections war"));
  }

  @Test
  void aQueryLooksForStemsInBothSpellingsWithoutStopWords() throws IOException {
    assertEquals(
        List.of("erdogan/2/4-13", "~erdogan/0/4-13", "elect/1/14-23", "~elect/0/14-23"),
        tokens(Analyzers.textQuery(), "the Erdoğan's elections"));
    // short words and numbers cannot be stemmed: they are looked for as written only
    assertEquals(List.of("us/1/0-2", "1990s/1/3-8"), tokens(Analyzers.textQuery(), "us 1990s"));
  }

  @ParameterizedTest
  @MethodSource("sentences")
  void theWordsAsWrittenAreTheExactTokens(String text) throws IOException {
    List<String> written = new ArrayList<>();
    for (String token : tokens(Analyzers.textIndex(), text)) {
      if (token.startsWith("~")) {
        assertTrue(token.contains("/0/"), "a stem shares its word's position: " + token);
      } else {
        written.add(token);
      }
    }
    assertEquals(tokens(Analyzers.exact(), text), written);
  }

  @ParameterizedTest
  @MethodSource("sentences")
  void everyQueryWordFindsTheWordItCameFrom(String text) throws IOException {
    for (String word : text.split("[\\s;:,.?!]+")) {
      Set<String> query = terms(Analyzers.textQuery(), word);
      if (query.isEmpty()) {
        continue; // a stop word
      }
      Set<String> indexed = terms(Analyzers.textIndex(), word);
      assertFalse(
          java.util.Collections.disjoint(query, indexed),
          "'" + word + "' asks for " + query + " but is indexed as " + indexed);
    }
  }

  @Test
  void theIndexHoldsTheTermsOfTheIndexAnalyzer() throws IOException {
    String title = "Erdoğan's envoys and the Prime Minister discuss the elections";
    String body = String.join(" ", sentences().subList(0, 7));
    write(tmp.resolve("in"), "one.txt", house("2021-11-17 WORLD", title, null, null, null, body));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    ingest(layout, tmp.resolve("in"));

    try (Directory dir = FSDirectory.open(layout.lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      assertEquals(positions(Analyzers.textIndex(), title), indexedPositions(leaf, Fields.TITLE));
      assertEquals(positions(Analyzers.textIndex(), body), indexedPositions(leaf, Fields.BODY));
    }
  }

  /** Tokens as {@code term/positionIncrement/start-end}. */
  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    List<String> out = new ArrayList<>();
    try (analyzer;
        TokenStream ts = analyzer.tokenStream("body", text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
    }
    return out;
  }

  private static Set<String> terms(Analyzer analyzer, String text) throws IOException {
    Set<String> out = new HashSet<>();
    for (String token : tokens(analyzer, text)) {
      out.add(token.substring(0, token.indexOf('/')));
    }
    return out;
  }

  /** Term to its positions, as the analyzer gives them. */
  private static Map<String, List<Integer>> positions(Analyzer analyzer, String text) throws IOException {
    Map<String, List<Integer>> out = new TreeMap<>();
    int position = -1;
    for (String token : tokens(analyzer, text)) {
      String[] parts = token.split("/");
      position += Integer.parseInt(parts[parts.length - 2]);
      out.computeIfAbsent(token.substring(0, token.indexOf('/')), k -> new ArrayList<>()).add(position);
    }
    return out;
  }

  private static Map<String, List<Integer>> indexedPositions(LeafReader leaf, String field) throws IOException {
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

package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.morgue.index.TestArchives.house;
import static org.morgue.index.TestArchives.ingest;
import static org.morgue.index.TestArchives.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the single-tokenisation trick of {@link TextAnalysis}: its exact field and its stemmed field
 * give the same tokens (term, position increment, offsets) as {@link Analyzers#exact()} and {@link
 * Analyzers#text()} each give on their own, and the index holds the same terms.
 */
class TextAnalysisTest {
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
        "the and of to a in", // stop words only: the stemmed field has no token at all
        "Running runners ran; generously generated generations of generals.",
        "日本語のテキスト and Ελληνικά mixed with English words.",
        paragraph.repeat(60)); // longer than the recorder's first buffers (1,024 chars, 64 tokens)
  }

  @ParameterizedTest
  @MethodSource("sentences")
  void bothFieldsGiveTheTokensOfTheirAnalyzers(String text) throws IOException {
    Field[] fields = TextAnalysis.fields(Fields.BODY, text);

    assertEquals(2, fields.length);
    assertEquals(Fields.BODY_EXACT, fields[0].name(), "the exact twin comes first");
    assertEquals(Fields.BODY, fields[1].name());
    // consumed in the order the index writer inverts them: the exact twin, then the stemmed field
    List<String> exact = tokens(fields[0].tokenStream(null, null));
    List<String> stemmed = tokens(fields[1].tokenStream(null, null));
    assertEquals(tokens(Analyzers.exact(), text), exact);
    assertEquals(tokens(Analyzers.text(), text), stemmed);
  }

  @Test
  void theStemmedFieldFoldsAndStemsAndTheExactFieldOnlyFolds() throws IOException {
    Field[] fields = TextAnalysis.fields(Fields.TITLE, "Erdoğan's elections");
    assertEquals(List.of("erdogan's/1/0-9", "elections/1/10-19"), tokens(fields[0].tokenStream(null, null)));
    assertEquals(List.of("erdogan/1/0-9", "elect/1/10-19"), tokens(fields[1].tokenStream(null, null)));
  }

  @Test
  void theIndexHoldsTheTermsOfTheAnalyzers() throws IOException {
    String title = "Erdoğan's envoys and the Prime Minister discuss the elections";
    String body = String.join(" ", sentences().subList(0, 7));
    write(tmp.resolve("in"), "one.txt", house("2021-11-17 WORLD", title, null, null, null, body));
    IndexLayout layout = new IndexLayout(tmp.resolve("archive"));
    ingest(layout, tmp.resolve("in"));

    try (Directory dir = FSDirectory.open(layout.lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      LeafReader leaf = reader.leaves().get(0).reader();
      for (String[] fieldAndText : new String[][] {{Fields.TITLE, title}, {Fields.BODY, body}}) {
        String field = fieldAndText[0];
        String text = fieldAndText[1];
        assertEquals(positions(Analyzers.exact(), text), indexedPositions(leaf, Fields.exact(field)), field + ".exact");
        assertEquals(frequencies(Analyzers.text(), text), indexedFrequencies(leaf, field), field);
        assertFalse(indexedFrequencies(leaf, field).isEmpty());
      }
    }
  }

  /** Tokens as {@code term/positionIncrement/start-end}. */
  private static List<String> tokens(TokenStream ts) throws IOException {
    List<String> out = new ArrayList<>();
    CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
    PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
    OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
    try (ts) {
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term + "/" + inc.getPositionIncrement() + "/" + offset.startOffset() + "-" + offset.endOffset());
      }
      ts.end();
    }
    return out;
  }

  private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
    try (analyzer) {
      return tokens(analyzer.tokenStream("f", text));
    }
  }

  /** Term to its positions, as the analyzer gives them. */
  private static Map<String, List<Integer>> positions(Analyzer analyzer, String text) throws IOException {
    Map<String, List<Integer>> out = new TreeMap<>();
    int position = -1;
    for (String token : tokens(analyzer, text)) {
      String[] parts = token.split("/");
      position += Integer.parseInt(parts[parts.length - 2]);
      String term = token.substring(0, token.length() - parts[parts.length - 1].length() - parts[parts.length - 2].length() - 2);
      out.computeIfAbsent(term, k -> new ArrayList<>()).add(position);
    }
    return out;
  }

  private static Map<String, Integer> frequencies(Analyzer analyzer, String text) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    positions(analyzer, text).forEach((term, ps) -> out.put(term, ps.size()));
    return out;
  }

  private static Map<String, List<Integer>> indexedPositions(LeafReader leaf, String field) throws IOException {
    Map<String, List<Integer>> out = new TreeMap<>();
    Terms terms = leaf.terms(field);
    TermsEnum te = terms.iterator();
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

  private static Map<String, Integer> indexedFrequencies(LeafReader leaf, String field) throws IOException {
    Map<String, Integer> out = new TreeMap<>();
    TermsEnum te = leaf.terms(field).iterator();
    for (BytesRef t = te.next(); t != null; t = te.next()) {
      PostingsEnum p = te.postings(null, PostingsEnum.FREQS);
      p.nextDoc();
      out.put(t.utf8ToString(), p.freq());
    }
    return out;
  }
}

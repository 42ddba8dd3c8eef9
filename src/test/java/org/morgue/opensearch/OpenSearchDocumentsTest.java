package org.morgue.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.morgue.index.Fields;

/** The words and marks an article's text fields send to the cluster. */
class OpenSearchDocumentsTest {
  @Test
  void sentenceAndParagraphMarksLieOnTheWordsAroundEachBoundary() {
    OpenSearchDocuments.Marked m =
        OpenSearchDocuments.marked(
            Fields.BODY,
            "The minister spoke about the budget. Resignation came later.\n\n"
                + "Mr. Smith left. Yes.");
    assertEquals(
        "the minister spoke about the budget resignation came later mr smith left yes", m.words());
    assertEquals("s _ _ _ _ e s _ e s _ e x", m.sentences());
    assertEquals("s _ _ _ _ _ _ _ e s _ _ x".replace(" x", " e"), m.paragraphs());
  }

  @Test
  void aTextOfOneWordIsOneSentenceAndOneParagraph() {
    OpenSearchDocuments.Marked m = OpenSearchDocuments.marked(Fields.TITLE, "Ceasefire");
    assertEquals("ceasefire", m.words());
    assertEquals("x", m.sentences());
    assertEquals("x", m.paragraphs());
  }

  /** The words sent beside the marks are the words sent without them, on every demo article. */
  @Test
  void theMarkedWordsAreTheWordsOfEveryDemoArticle() throws IOException {
    List<Path> files;
    try (Stream<Path> all = Files.walk(Path.of("src/demo/corpus"))) {
      files = all.filter(Files::isRegularFile).limit(300).toList();
    }
    int checked = 0;
    for (Path f : files) {
      String text = Files.readString(f);
      OpenSearchDocuments.Marked m = OpenSearchDocuments.marked(Fields.BODY, text);
      assertEquals(OpenSearchDocuments.words(Fields.BODY, text), m.words(), f.toString());
      int words = m.words().isEmpty() ? 0 : m.words().split(" ").length;
      assertEquals(words, m.sentences().isEmpty() ? 0 : m.sentences().split(" ").length);
      assertEquals(words, m.paragraphs().isEmpty() ? 0 : m.paragraphs().split(" ").length);
      checked++;
    }
    assertEquals(files.size(), checked);
  }
}

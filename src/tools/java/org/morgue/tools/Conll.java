package org.morgue.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;

/**
 * CoNLL-2003 named-entity data: documents rebuilt as plain text, gold spans, and mentions mapped
 * back to token spans. The format: one token a line as {@code token POS chunk tag} (the tag last),
 * tags in IOB2 ({@code B-PER}, {@code I-PER}, ...; an {@code I-} that does not continue an entity
 * of its type starts one, as in IOB1), sentences separated by blank lines, documents by {@code
 * -DOCSTART-} lines.
 */
final class Conll {
  private Conll() {}

  /**
   * One token: its word, its gold tag ({@code B-PER}, {@code O}, ...) and its place in the text.
   */
  record Token(String word, String tag, int start, int end) {}

  /** A span of tokens {@code [first, last)} of one type. */
  record Span(int first, int last, EntityType type) {}

  /**
   * One document: the text (tokens joined by spaces, sentences by line breaks), tokens, gold spans.
   */
  record Document(String text, List<Token> tokens, Set<Span> gold) {}

  /** Reads a CoNLL file into documents. */
  static List<Document> read(Path file) throws IOException {
    List<Document> docs = new ArrayList<>();
    List<List<String[]>> sentences = new ArrayList<>();
    List<String[]> sentence = new ArrayList<>();
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      for (String line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("-DOCSTART-")) {
          endSentence(sentences, sentence);
          sentence = new ArrayList<>();
          if (!sentences.isEmpty()) {
            docs.add(document(sentences));
          }
          sentences = new ArrayList<>();
        } else if (line.isBlank()) {
          endSentence(sentences, sentence);
          sentence = new ArrayList<>();
        } else {
          String[] cols = line.strip().split("\\s+");
          sentence.add(new String[] {cols[0], cols[cols.length - 1]});
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    endSentence(sentences, sentence);
    if (!sentences.isEmpty()) {
      docs.add(document(sentences));
    }
    return docs;
  }

  private static void endSentence(List<List<String[]>> sentences, List<String[]> sentence) {
    if (!sentence.isEmpty()) {
      sentences.add(sentence);
    }
  }

  private static Document document(List<List<String[]>> sentences) {
    StringBuilder text = new StringBuilder();
    List<Token> tokens = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    List<Boolean> breaks = new ArrayList<>();
    for (List<String[]> s : sentences) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      for (int i = 0; i < s.size(); i++) {
        if (i > 0) {
          text.append(' ');
        }
        int start = text.length();
        text.append(s.get(i)[0]);
        tokens.add(new Token(s.get(i)[0], s.get(i)[1], start, text.length()));
        tags.add(s.get(i)[1]);
        breaks.add(i == s.size() - 1);
      }
    }
    return new Document(text.toString(), tokens, spans(tags, breaks));
  }

  /**
   * The PER, ORG and LOC spans of a tag sequence. {@code breaks.get(i)} is true when a sentence
   * ends after token {@code i}.
   */
  static Set<Span> spans(List<String> tags, List<Boolean> breaks) {
    Set<Span> spans = new LinkedHashSet<>();
    int start = -1;
    EntityType open = null;
    for (int i = 0; i <= tags.size(); i++) {
      String tag = i < tags.size() ? tags.get(i) : "O";
      EntityType type = type(tag);
      boolean continues =
          type != null && type == open && tag.startsWith("I-") && !(i > 0 && breaks.get(i - 1));
      if (!continues) {
        if (open != null) {
          spans.add(new Span(start, i, open));
        }
        open = type;
        start = i;
      }
    }
    return spans;
  }

  private static EntityType type(String tag) {
    if (tag.length() < 3 || tag.charAt(1) != '-') {
      return null;
    }
    return switch (tag.substring(2)) {
      case "PER" -> EntityType.PERSON;
      case "ORG" -> EntityType.ORGANIZATION;
      case "LOC" -> EntityType.LOCATION;
      default -> null;
    };
  }

  /**
   * A mention's character span as the tokens it touches: from the first token that ends after its
   * start to the last that starts before its end. {@code null} when it touches none.
   */
  static Span toTokens(List<Token> tokens, Mention m) {
    int first = -1;
    int last = -1;
    int lo = 0;
    int hi = tokens.size();
    while (lo < hi) { // first token whose end is past the mention's start
      int mid = (lo + hi) >>> 1;
      if (tokens.get(mid).end() <= m.start()) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    for (int i = lo; i < tokens.size() && tokens.get(i).start() < m.end(); i++) {
      if (first < 0) {
        first = i;
      }
      last = i;
    }
    return first < 0 ? null : new Span(first, last + 1, m.type());
  }
}

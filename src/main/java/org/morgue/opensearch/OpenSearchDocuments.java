package org.morgue.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;

/**
 * An article as an OpenSearch document, and back. The cluster indexes the words Morgue's own
 * analysis gives ({@link Analyzers#exact()}: tokenised, lower-cased, accents folded), sent as words
 * separated by spaces into fields the cluster splits on spaces only ({@code w_*}, see {@link
 * OpenSearchMapping}), so that both backends hold the same words at the same positions and a query
 * means the same on both; the facet values go as exact keywords; and every stored field of the
 * embedded index goes, as it is, into {@code stored}, which the cluster keeps but does not index,
 * so that an article reads back exactly as the embedded index gives it.
 */
public final class OpenSearchDocuments {
  /** The keyword fields that hold the facet values, one per dimension of {@link Fields#FACETS}. */
  public static String valueField(String dimension) {
    return dimension;
  }

  /** The field of a Lucene field's words ({@code body} → {@code w_body}). */
  public static String wordField(String luceneField) {
    return "w_" + luceneField;
  }

  /**
   * The field of a text field's sentence marks ({@code body} → {@code m_s_body}): one token at each
   * word's position, {@code s} on a sentence's first word, {@code e} on its last, {@code x} on a
   * sentence of one word, {@code _} elsewhere. The sentences are then the intervals from an {@code
   * s} to the next {@code e}, and the {@code x}: what {@code /s} keeps its matches inside.
   */
  public static String sentenceField(String luceneField) {
    return "m_s_" + luceneField;
  }

  /** The field of a text field's paragraph marks ({@code m_p_body}), as {@link #sentenceField}. */
  public static String paragraphField(String luceneField) {
    return "m_p_" + luceneField;
  }

  /** The fields whose words are searched, by the name of their Lucene field. */
  static final Set<String> WORD_FIELDS = wordFields();

  private static Set<String> wordFields() {
    Set<String> out = new LinkedHashSet<>(Fields.TEXT);
    out.addAll(Fields.FACETS);
    return Set.copyOf(out);
  }

  private static final Analyzer EXACT = Analyzers.exact();

  private OpenSearchDocuments() {}

  /**
   * The document of a stored article.
   *
   * @param stored every stored field of the article's document in the embedded index
   * @param contentHash the article's content hash (what a re-ingest compares)
   */
  public static ObjectNode of(Document stored, String contentHash) {
    return of(stored, contentHash, true);
  }

  /**
   * The document of a stored article, with or without the sentence and paragraph marks ({@code
   * marks}: an index created before the mapping held them has not their fields).
   */
  public static ObjectNode of(Document stored, String contentHash, boolean marks) {
    ObjectNode doc = OpenSearchClient.JSON.createObjectNode();
    doc.put(Fields.ID, stored.get(Fields.ID));
    IndexableField date = stored.getField(Fields.DATE);
    if (date != null) {
      doc.put(Fields.DATE, date.numericValue().longValue());
    }
    for (String dim : Fields.FACETS) {
      String[] values = stored.getValues(dim);
      if (values.length > 0) {
        ArrayNode a = doc.putArray(valueField(dim));
        for (String v : values) {
          a.add(v);
        }
      }
    }
    put(doc, Fields.FINGERPRINT, stored.get(Fields.FINGERPRINT));
    put(doc, Fields.COPY_OF, stored.get(Fields.COPY_OF));
    put(doc, Fields.CONTENT_HASH, contentHash);
    for (String field : WORD_FIELDS) {
      String[] values = stored.getValues(field);
      if (values.length == 0) {
        continue;
      }
      ArrayNode w = doc.putArray(wordField(field));
      ArrayNode sentences = null;
      ArrayNode paragraphs = null;
      boolean marked = marks && Fields.TEXT.contains(field);
      if (marked) {
        sentences = doc.putArray(sentenceField(field));
        paragraphs = doc.putArray(paragraphField(field));
      }
      for (String v : values) {
        if (marked) {
          Marked m = marked(field, v);
          w.add(m.words());
          sentences.add(m.sentences());
          paragraphs.add(m.paragraphs());
        } else {
          w.add(words(field, v));
        }
      }
    }
    ObjectNode s = doc.putObject("stored");
    for (IndexableField f : stored) {
      ArrayNode values = s.has(f.name()) ? (ArrayNode) s.get(f.name()) : s.putArray(f.name());
      if (f.numericValue() != null) {
        values.add(f.numericValue().longValue());
      } else if (f.stringValue() != null) {
        values.add(f.stringValue());
      }
    }
    return doc;
  }

  private static void put(ObjectNode doc, String field, String value) {
    if (value != null) {
      doc.put(field, value);
    }
  }

  /**
   * A text's words and, one token a word, its sentence and paragraph marks ({@link
   * #sentenceField}), separated by spaces.
   */
  record Marked(String words, String sentences, String paragraphs) {}

  private static final Analyzer INDEX = Analyzers.forIndex();

  /**
   * The words of a text field's value with their marks, read from the embedded index's own analysis
   * ({@link Analyzers#forIndex()}): its boundary marks lie at the positions of the words around
   * each boundary, the end marks before the next word, the start marks after it.
   */
  static Marked marked(String field, String text) {
    StringBuilder words = new StringBuilder(text.length());
    List<int[]> flags = new ArrayList<>(); // per word: sentence start/end, paragraph start/end
    try (TokenStream ts = INDEX.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        String t = term.toString();
        int[] last = flags.isEmpty() ? null : flags.get(flags.size() - 1);
        switch (t) {
          case Fields.SENTENCE_END -> last[1] = 1;
          case Fields.PARAGRAPH_END -> last[3] = 1;
          case Fields.SENTENCE_START -> last[0] = 1;
          case Fields.PARAGRAPH_START -> last[2] = 1;
          default -> {
            if (!words.isEmpty()) {
              words.append(' ');
            }
            words.append(t);
            flags.add(new int[4]);
          }
        }
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!flags.isEmpty()) { // a value's first word starts its first sentence, its last ends one
      flags.get(0)[0] = flags.get(0)[2] = 1;
      int[] last = flags.get(flags.size() - 1);
      last[1] = last[3] = 1;
    }
    StringBuilder sentences = new StringBuilder(flags.size() * 2);
    StringBuilder paragraphs = new StringBuilder(flags.size() * 2);
    for (int[] f : flags) {
      if (!sentences.isEmpty()) {
        sentences.append(' ');
        paragraphs.append(' ');
      }
      sentences.append(mark(f[0], f[1]));
      paragraphs.append(mark(f[2], f[3]));
    }
    return new Marked(words.toString(), sentences.toString(), paragraphs.toString());
  }

  private static char mark(int start, int end) {
    return start == 1 ? (end == 1 ? 'x' : 's') : (end == 1 ? 'e' : '_');
  }

  /** The words of {@code text} as the embedded index holds them, separated by spaces. */
  public static String words(String field, String text) {
    StringBuilder out = new StringBuilder(text.length());
    try (TokenStream ts = EXACT.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        if (!out.isEmpty()) {
          out.append(' ');
        }
        out.append(term);
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The stored fields of a document's {@code _source}, as the embedded index gives them. */
  public static Document stored(JsonNode source) {
    Document d = new Document();
    JsonNode stored = source.path("stored");
    for (Iterator<Map.Entry<String, JsonNode>> it = stored.properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (JsonNode v : e.getValue()) {
        if (v.isNumber()) {
          d.add(new StoredField(e.getKey(), v.asLong()));
        } else {
          d.add(new StoredField(e.getKey(), v.asText()));
        }
      }
    }
    return d;
  }
}

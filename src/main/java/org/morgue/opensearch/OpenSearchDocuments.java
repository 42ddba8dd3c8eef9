package org.morgue.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.LinkedHashSet;
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
      if (values.length == 1) {
        doc.put(wordField(field), words(field, values[0]));
      } else if (values.length > 1) {
        ArrayNode a = doc.putArray(wordField(field));
        for (String v : values) {
          a.add(words(field, v));
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

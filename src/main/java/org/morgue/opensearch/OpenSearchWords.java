package org.morgue.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.morgue.index.Analyzers;
import org.morgue.index.WordSource;

/**
 * The words of an archive in OpenSearch, walked from a prefix in term order: its words index
 * ({@link OpenSearchIndex#wordsName()}), asked a page of 1,000 words at a time, sorted as Lucene's
 * term dictionary is (by UTF-8 bytes, which for these keywords is the order of {@code w}).
 */
public final class OpenSearchWords implements WordSource {
  private static final int PAGE = 1000;

  private final OpenSearchIndex index;

  public OpenSearchWords(OpenSearchIndex index) {
    this.index = index;
  }

  /** The words index's {@code f} of an entity dimension's names ({@code ~person}). */
  static String namesField(String dimension) {
    return "~" + dimension;
  }

  /** The words index's {@code w} of a name: its folded form, a zero character, the name. */
  static String nameWord(String value) {
    return Analyzers.fold(value) + '\u0000' + value;
  }

  /**
   * The values of an entity dimension whose folded form is {@code folded} ({@code robert mueller}
   * gives {@code Robert Mueller}): what the embedded index reads from its facet's values.
   */
  public List<String> names(String dimension, String folded) throws IOException {
    List<String> out = new ArrayList<>();
    String prefix = folded + '\u0000';
    walk(
        namesField(dimension),
        prefix,
        w -> {
          out.add(w.substring(prefix.length()));
          return true;
        });
    return out;
  }

  @Override
  public void walk(String field, String prefix, Visitor visitor) throws IOException {
    String after = null;
    while (true) {
      ObjectNode body = OpenSearchClient.JSON.createObjectNode();
      body.put("size", PAGE);
      body.put("_source", false);
      body.putArray("docvalue_fields").add("w");
      ArrayNode filter = body.putObject("query").putObject("bool").putArray("filter");
      filter.addObject().putObject("term").put("f", field);
      filter.addObject().putObject("prefix").put("w", prefix);
      body.putArray("sort").addObject().put("w", "asc");
      if (after != null) {
        body.putArray("search_after").add(after);
      }
      JsonNode hits =
          index.client().send("POST", "/" + index.wordsName() + "/_search", body).path("hits");
      int n = 0;
      for (JsonNode h : hits.path("hits")) {
        n++;
        after = h.path("fields").path("w").path(0).asText();
        if (!visitor.visit(after)) {
          return;
        }
      }
      if (n < PAGE) {
        return;
      }
    }
  }
}

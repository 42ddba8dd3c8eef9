package org.morgue.opensearch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.morgue.index.Fields;

/**
 * The settings and mapping of an archive's index in OpenSearch, and of its index of words.
 *
 * <ul>
 *   <li>{@code w_*}: the words of the text and facet fields as Morgue's analysis gives them, split
 *       on spaces only ({@code whitespace}), positions kept, BM25 as in the embedded index; a
 *       multi-valued field's values follow one another without a gap, as Lucene's.
 *   <li>{@code id}, {@code section}, {@code source}, {@code author}, {@code person}, {@code org},
 *       {@code place}, {@code fingerprint}, {@code copy_of}, {@code content_hash}: exact keywords
 *       (filters, facets, stories, copies; {@code content_hash} holds the article's {@linkplain
 *       org.morgue.index.Fingerprints#copyHash copy hash}, its content and its names, which a
 *       migration compares).
 *   <li>{@code date}: the publication day as an epoch day (ranges, sort, the day histogram).
 *   <li>{@code m_s_*}, {@code m_p_*} (version 2 on): the sentence and paragraph marks of the text
 *       fields, a token at each word's position ({@link OpenSearchDocuments#sentenceField}), which
 *       {@code /s} and {@code /p} read through the intervals' {@code use_field}.
 *   <li>{@code stored}: every stored field of the embedded index, kept and not indexed.
 * </ul>
 *
 * The words index ({@code <index>-words}) holds each distinct word of each text field once: the
 * term dictionary that stem expansion walks ({@link OpenSearchWords}); and (version 3 on) each
 * distinct value of each entity dimension under its folded form ({@code f} {@code ~person}, {@code
 * w} the folded name, a zero character, the value), for {@code person:"robert mueller"}.
 */
public final class OpenSearchMapping {
  /** The version of this mapping, kept in the index's {@code _meta}. */
  public static final int VERSION = 3;

  /** The first version whose index holds the sentence and paragraph marks ({@code m_*}). */
  public static final int MARKS = 2;

  /**
   * The first version whose words index holds the entity names by their folded form ({@link
   * OpenSearchWords#names}).
   */
  public static final int NAMES = 3;

  private OpenSearchMapping() {}

  /** The body of the request that creates an archive's index. */
  public static ObjectNode archive(int shards, int replicas) {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode();
    ObjectNode settings = body.putObject("settings").putObject("index");
    settings.put("number_of_shards", shards);
    settings.put("number_of_replicas", replicas);
    settings.put("max_result_window", 10_000);
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    mappings.putObject("_meta").put("morgue_mapping", VERSION);
    mappings.putObject("_source").putArray("excludes").add("w_*").add("m_*");
    ObjectNode p = mappings.putObject("properties");
    p.putObject(Fields.ID).put("type", "keyword");
    p.putObject(Fields.DATE).put("type", "long");
    for (String dim : Fields.FACETS) {
      p.putObject(OpenSearchDocuments.valueField(dim)).put("type", "keyword");
    }
    p.putObject(Fields.FINGERPRINT).put("type", "keyword");
    p.putObject(Fields.COPY_OF).put("type", "keyword");
    p.putObject(Fields.CONTENT_HASH).put("type", "keyword").put("index", false);
    for (String field : OpenSearchDocuments.WORD_FIELDS) {
      p.putObject(OpenSearchDocuments.wordField(field))
          .put("type", "text")
          .put("analyzer", "whitespace")
          .put("position_increment_gap", 0);
    }
    for (String field : Fields.TEXT) {
      for (String marks :
          List.of(
              OpenSearchDocuments.sentenceField(field),
              OpenSearchDocuments.paragraphField(field))) {
        p.putObject(marks)
            .put("type", "text")
            .put("analyzer", "whitespace")
            .put("norms", false)
            .put("position_increment_gap", 0);
      }
    }
    p.putObject("stored").put("type", "object").put("enabled", false);
    return body;
  }

  /** The body of the request that creates the index of an archive's words. */
  public static ObjectNode words(int shards, int replicas) {
    ObjectNode body = OpenSearchClient.JSON.createObjectNode();
    ObjectNode settings = body.putObject("settings").putObject("index");
    settings.put("number_of_shards", shards);
    settings.put("number_of_replicas", replicas);
    ObjectNode mappings = body.putObject("mappings");
    mappings.put("dynamic", "strict");
    ObjectNode p = mappings.putObject("properties");
    p.putObject("f").put("type", "keyword");
    p.putObject("w").put("type", "keyword");
    return body;
  }
}

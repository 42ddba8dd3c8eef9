package org.morgue.search;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes articles as JSON Lines: one JSON object a line, UTF-8, in the shape Morgue's own JSON
 * Lines input reads ({@code id, date, section, title, lede, body} as an array of paragraphs, {@code
 * authors, source, url}), plus {@code copyOf} and {@code entities}, which the input ignores: an
 * export can be ingested into another archive as it is.
 *
 * <pre>{@code
 * try (JsonLinesExport jsonl = new JsonLinesExport(out)) {
 *   searcher.export(request, jsonl);
 * }
 * }</pre>
 */
public final class JsonLinesExport implements Consumer<StoredArticle>, AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonGenerator out;

  public JsonLinesExport(OutputStream out) throws IOException {
    this.out = JSON.createGenerator(out, JsonEncoding.UTF8);
    this.out.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    this.out.setRootValueSeparator(null); // a newline ends each record instead of a space between
  }

  @Override
  public void accept(StoredArticle a) {
    try {
      out.writeStartObject();
      out.writeStringField("id", a.id());
      out.writeStringField("date", a.date() == null ? null : a.date().toString());
      out.writeStringField("section", a.section());
      out.writeStringField("title", a.title());
      out.writeStringField("lede", a.lede());
      strings("body", a.paragraphs());
      strings("authors", a.authors());
      out.writeStringField("source", a.source());
      out.writeStringField("url", a.url());
      out.writeStringField("copyOf", a.copyOf());
      out.writeObjectFieldStart("entities");
      for (Map.Entry<String, List<String>> e : a.entities().entrySet()) {
        strings(e.getKey(), e.getValue());
      }
      out.writeEndObject();
      out.writeEndObject();
      out.writeRaw('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void strings(String name, List<String> values) throws IOException {
    out.writeArrayFieldStart(name);
    for (String v : values) {
      out.writeString(v);
    }
    out.writeEndArray();
  }

  /** Flushes what is buffered (closing the stream is the caller's business). */
  @Override
  public void close() throws IOException {
    out.close();
  }
}

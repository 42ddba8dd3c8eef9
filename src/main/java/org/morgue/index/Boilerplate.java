package org.morgue.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.morgue.entity.NameFacts;

/**
 * The boilerplate the archive holds: lines that at least {@value #MIN_ARTICLES} articles of one
 * source share, found from the name facts ({@code B|source|hash}, see {@link NameFacts}), with a
 * sample of each line's text read from the stored bodies. What {@code morgue entities boilerplate}
 * prints, so that the archivist can see what is left out of entity extraction and correct it in
 * {@code boilerplate.txt} ({@link BoilerplateOverrides}).
 */
public final class Boilerplate {
  private Boilerplate() {}

  /**
   * Articles of one source that must share a line for it to be boilerplate (as resolution uses).
   */
  public static final int MIN_ARTICLES = 5;

  /**
   * One boilerplate line.
   *
   * @param source the source's key
   * @param articles the articles of that source holding it
   * @param text the line as one article writes it, or {@code null} if no sample was found
   * @param status {@code boilerplate}, {@code kept} (the archivist's {@code keep:}) or {@code
   *     dropped} (their {@code drop:})
   */
  public record Line(String source, long articles, String text, String status) {}

  /** The boilerplate lines, most shared first, at most {@code limit}. */
  public static List<Line> lines(DirectoryReader reader, BoilerplateOverrides overrides, int limit)
      throws IOException {
    LuceneNameStatistics stats = new LuceneNameStatistics(reader);
    Map<String, Long> counts = stats.withPrefix("B|");
    Map<String, String[]> found = new HashMap<>(); // hash -> {source, text}
    List<Map.Entry<String, Long>> shared = new ArrayList<>();
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      String hash = e.getKey().substring(e.getKey().lastIndexOf('|') + 1);
      if (e.getValue() >= MIN_ARTICLES || overrides.drop().contains(hash)) {
        shared.add(e);
      }
    }
    shared.sort(
        Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
            .reversed()
            .thenComparing(Map.Entry::getKey));
    shared = shared.subList(0, Math.min(limit, shared.size()));
    Map<String, String> wanted = new HashMap<>();
    for (Map.Entry<String, Long> e : shared) {
      String k = e.getKey();
      wanted.put(k.substring(k.lastIndexOf('|') + 1), k.substring(0, k.lastIndexOf('|')));
    }
    // a sample of each line: the first article (in index order) that holds it
    for (LeafReaderContext leaf : reader.leaves()) {
      StoredFields stored = leaf.reader().storedFields();
      for (int d = 0; d < leaf.reader().maxDoc() && found.size() < wanted.size(); d++) {
        Document doc = stored.document(d);
        String body = doc.get(Fields.BODY);
        if (body == null) {
          continue;
        }
        for (String line : body.split("\n")) {
          String h = NameFacts.lineHash(line);
          if (h != null && wanted.containsKey(h) && !found.containsKey(h)) {
            found.put(h, new String[] {wanted.get(h), line.strip()});
          }
        }
      }
    }
    List<Line> out = new ArrayList<>();
    for (Map.Entry<String, Long> e : shared) {
      String k = e.getKey();
      String hash = k.substring(k.lastIndexOf('|') + 1);
      String[] sample = found.get(hash);
      String status =
          overrides.keep().contains(hash)
              ? "kept"
              : overrides.drop().contains(hash) ? "dropped" : "boilerplate";
      out.add(
          new Line(
              k.substring(0, k.lastIndexOf('|')),
              e.getValue(),
              sample == null ? null : sample[1],
              status));
    }
    return out;
  }
}

package org.morgue.index;

import java.util.ArrayList;
import java.util.List;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;

/**
 * The stored form of an article's entity mentions: one line a mention, tab-separated: type, field,
 * start, end, origin, surface text, canonical name (empty when it equals the text). A tenth of the
 * size of JSON, and all that the article view needs to highlight them and {@code entities apply}
 * needs to canonicalise again without the extractor.
 *
 * <p>Example: {@code PERSON\tBODY\t1012\t1027\tMODEL\tNikol Pashinyan\t}.
 */
public final class StoredMentions {
  private StoredMentions() {}

  /**
   * Encodes mentions; tabs and line breaks in a text (which offsets make redundant) become spaces.
   */
  public static String encode(List<Mention> mentions) {
    StringBuilder b = new StringBuilder(mentions.size() * 48);
    for (Mention m : mentions) {
      String text = clean(m.text());
      String canonical = clean(m.canonical());
      b.append(m.type().name())
          .append('\t')
          .append(m.field().name())
          .append('\t')
          .append(m.start())
          .append('\t')
          .append(m.end())
          .append('\t')
          .append(m.origin().name())
          .append('\t')
          .append(text)
          .append('\t')
          .append(canonical.equals(text) ? "" : canonical)
          .append('\n');
    }
    return b.toString();
  }

  /**
   * Decodes what {@link #encode} wrote; a line that does not parse (an index written by a later
   * version) is passed over.
   */
  public static List<Mention> decode(String stored) {
    List<Mention> out = new ArrayList<>();
    if (stored == null || stored.isEmpty()) {
      return out;
    }
    for (String line : stored.split("\n")) {
      String[] p = line.split("\t", -1);
      if (p.length != 7) {
        continue;
      }
      try {
        out.add(
            new Mention(
                EntityType.valueOf(p[0]),
                p[5],
                p[6].isEmpty() ? p[5] : p[6],
                Mention.Field.valueOf(p[1]),
                Integer.parseInt(p[2]),
                Integer.parseInt(p[3]),
                Mention.Origin.valueOf(p[4])));
      } catch (IllegalArgumentException e) {
        // not a mention this version knows
      }
    }
    return out;
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}

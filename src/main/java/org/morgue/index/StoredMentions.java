package org.morgue.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.morgue.entity.ArticleEntities;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;

/**
 * The stored form of an article's entities: what the model found, each with what resolution made of
 * it. One line a found mention, tab-separated: the model's type, field, start, end, origin, surface
 * text, then the resolved type ({@code -} when resolution dropped the mention) and the canonical
 * name (empty when it equals the text). A tenth of the size of JSON; the article view reads the
 * resolved mentions ({@link #decode}), {@code entities apply} re-resolves from what was found
 * ({@link #decodeFound}), so that resolution never feeds on its own output.
 *
 * <p>Example: {@code PERSON\tBODY\t1012\t1027\tMODEL\tPashinyan\tPERSON\tNikol Pashinyan} and, for
 * a mention dropped as boilerplate, {@code PERSON\tBODY\t40\t49\tMODEL\tNed Price\t-\t}. Lines of
 * seven columns (indexes written before resolution was recomputable) read as a mention that the
 * model found exactly as it was resolved.
 */
public final class StoredMentions {
  private StoredMentions() {}

  private static final String DROPPED = "-";

  /**
   * Encodes the entities; tabs and line breaks in a text (which offsets make redundant) become
   * spaces.
   */
  public static String encode(ArticleEntities entities) {
    Map<String, Mention> resolved = new HashMap<>();
    for (Mention m : entities.mentions()) {
      resolved.put(position(m), m);
    }
    List<Mention> found = entities.found().isEmpty() ? entities.mentions() : entities.found();
    StringBuilder b = new StringBuilder(found.size() * 56);
    for (Mention m : found) {
      String text = clean(m.text());
      Mention r = resolved.get(position(m));
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
          .append('\t');
      if (r == null) {
        b.append(DROPPED).append('\t');
      } else {
        String canonical = clean(r.canonical());
        b.append(r.type().name()).append('\t').append(canonical.equals(text) ? "" : canonical);
      }
      b.append('\n');
    }
    return b.toString();
  }

  /** The resolved mentions (what the facets and the article view show), in stored order. */
  public static List<Mention> decode(String stored) {
    return read(stored, false);
  }

  /** What the model found, as found: type as the model gave it, canonical name the surface text. */
  public static List<Mention> decodeFound(String stored) {
    return read(stored, true);
  }

  /** A line that does not parse (an index written by a later version) is passed over. */
  private static List<Mention> read(String stored, boolean found) {
    List<Mention> out = new ArrayList<>();
    if (stored == null || stored.isEmpty()) {
      return out;
    }
    for (String line : stored.split("\n")) {
      String[] p = line.split("\t", -1);
      if (p.length != 7 && p.length != 8) {
        continue;
      }
      try {
        EntityType model = EntityType.valueOf(p[0]);
        Mention.Field field = Mention.Field.valueOf(p[1]);
        int start = Integer.parseInt(p[2]);
        int end = Integer.parseInt(p[3]);
        Mention.Origin origin = Mention.Origin.valueOf(p[4]);
        String text = p[5];
        if (found) {
          out.add(new Mention(model, text, text, field, start, end, origin));
          continue;
        }
        String typeColumn = p.length == 8 ? p[6] : p[0];
        String canonical = p.length == 8 ? p[7] : p[6];
        if (typeColumn.equals(DROPPED)) {
          continue;
        }
        out.add(
            new Mention(
                EntityType.valueOf(typeColumn),
                text,
                canonical.isEmpty() ? text : canonical,
                field,
                start,
                end,
                origin));
      } catch (IllegalArgumentException e) {
        // not a mention this version knows
      }
    }
    return out;
  }

  private static String position(Mention m) {
    return m.field().name() + ':' + m.start() + ':' + m.end();
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}

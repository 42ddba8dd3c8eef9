package org.morgue.curation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the names report and of an applied rule, as ordered maps ready for any JSON
 * writer: shared by {@code morgue entities report --json} and the HTTP API. Types are written as
 * their facet ({@code person}, {@code org}, {@code place}).
 */
public final class NamesJson {
  private NamesJson() {}

  /**
   * {@code {top, splits: [{type, value, count, into, intoCount, rule}], junk: [{type, value, count,
   * why, rule}]}}; a {@code rule} is {@code null} when none can be written.
   */
  public static Map<String, Object> report(NamesReport r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("top", r.top());
    List<Map<String, Object>> splits =
        r.splits().stream()
            .map(
                s -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("type", s.type().facet());
                  m.put("value", s.value());
                  m.put("count", s.count());
                  m.put("into", s.into());
                  m.put("intoCount", s.intoCount());
                  m.put("rule", s.rule());
                  return m;
                })
            .toList();
    out.put("splits", splits);
    List<Map<String, Object>> junk =
        r.junk().stream()
            .map(
                j -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("type", j.type().facet());
                  m.put("value", j.value());
                  m.put("count", j.count());
                  m.put("why", j.why());
                  m.put("rule", j.rule());
                  return m;
                })
            .toList();
    out.put("junk", junk);
    return out;
  }

  /** {@code {rule, line, articles, changed}}. */
  public static Map<String, Object> applied(NameCuration.Applied a) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rule", a.rule());
    out.put("line", a.line());
    out.put("articles", a.articles());
    out.put("changed", a.changed());
    return out;
  }
}

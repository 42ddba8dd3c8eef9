package org.morgue.tools;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.morgue.index.IndexLayout;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.SearchParameters;
import org.morgue.search.SearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue dev names-quality}: the figures of the entity-resolution issue on an archive. The
 * top values of each entity dimension with their article counts (to label as correct, split or
 * junk), and the reach of named entities: the articles filed under the full name among those filed
 * under it or under any other value of the same dimension whose words are all among its words
 * ("Obama", "Barack" for Barack Obama): the coverage a click on the full name finds.
 *
 * <p>Example: {@code ./morgue dev names-quality --index /tmp/news --top 100 --reach "person:Barack
 * Obama" --reach "person:Donald Trump"}.
 */
@Command(
    name = "names-quality",
    mixinStandardHelpOptions = true,
    description =
        "Prints the top values of person, org and place with their article counts, and the reach"
            + " of named entities (articles under the full name among those under it or a part of it).")
public final class NamesQualityCommand implements Callable<Integer> {
  @Option(names = "--index", paramLabel = "DIR", description = "The archive folder.")
  Path index = Path.of("index-data");

  @Option(names = "--top", description = "Values listed per dimension (default: 100).")
  int top = 100;

  @Option(
      names = "--reach",
      paramLabel = "DIM:NAME",
      description = "A dimension and a name to measure the reach of, e.g. person:Barack Obama.")
  List<String> reach = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    try (ArchiveSearcher searcher = ArchiveSearcher.open(new IndexLayout(index))) {
      for (String dim : List.of("person", "org", "place")) {
        List<SearchResult.FacetValue> values = searcher.allValues(dim);
        long sum = 0;
        List<SearchResult.FacetValue> shown = values.subList(0, Math.min(top, values.size()));
        for (SearchResult.FacetValue v : shown) {
          sum += v.count();
        }
        System.out.printf(
            Locale.ROOT, "%s: top %d values, %,d articles in all%n", dim, shown.size(), sum);
        for (SearchResult.FacetValue v : shown) {
          System.out.printf(Locale.ROOT, "  %6d  %s%n", v.count(), v.value());
        }
      }
      for (String spec : reach) {
        int colon = spec.indexOf(':');
        String dim = spec.substring(0, colon);
        String name = spec.substring(colon + 1);
        Set<String> words = Set.of(key(name).split(" "));
        List<String> parts = new ArrayList<>();
        for (SearchResult.FacetValue v : searcher.allValues(dim)) {
          String k = key(v.value());
          if (!v.value().equals(name) && !k.isEmpty() && words.containsAll(List.of(k.split(" ")))) {
            parts.add(v.value());
          }
        }
        long full = total(searcher, dim, List.of(name));
        List<String> all = new ArrayList<>(parts);
        all.add(0, name);
        long any = total(searcher, dim, all);
        System.out.printf(
            Locale.ROOT,
            "reach %s: %,d of %,d articles (%.1f%%); other values: %s%n",
            spec,
            full,
            any,
            any == 0 ? 0.0 : 100.0 * full / any,
            parts);
      }
    }
    return 0;
  }

  private static long total(ArchiveSearcher searcher, String dim, List<String> values)
      throws java.io.IOException {
    Map<String, List<String>> params = new LinkedHashMap<>();
    params.put(dim, values);
    params.put("size", List.of("1"));
    return searcher.search(SearchParameters.parse(params).request()).total();
  }

  private static String key(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    return n.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }
}

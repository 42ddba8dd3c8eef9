package org.morgue.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.morgue.index.Fields;
import org.morgue.index.IndexLayout;
import org.morgue.index.StemExpansion;
import org.morgue.index.Stemmer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code morgue dev stemmers}: compares the English stemmers ({@link Stemmer}) on a list of query
 * words labelled with the forms each should find (its inflections). For every word and stemmer it
 * prints the indexed words the query word expands to in the body field, each marked right ({@code
 * +}) or wrong ({@code !}), the labelled forms the archive holds that it misses ({@code -}), and
 * the articles it matches; then, per stemmer, the words expanded right, over-expanded (a wrong
 * word), under-expanded (a missed form) and both.
 *
 * <p>Example: {@code ./morgue dev stemmers --index /tmp/news}.
 */
@Command(
    name = "stemmers",
    mixinStandardHelpOptions = true,
    description =
        "Compares the stemmers on labelled query words against an archive: each word's expansion,"
            + " right and wrong words, missed forms, matching articles, and a summary per stemmer.")
public final class StemmersCommand implements Callable<Integer> {
  @Option(names = "--index", paramLabel = "DIR", description = "The archive folder.")
  Path index = Path.of("index-data");

  @Option(
      names = "--words",
      paramLabel = "FILE",
      description =
          "Query words and their right forms, tab-separated (default: the list in src/test/resources/stemming).")
  Path words = DevMain.home().resolve("src/test/resources/stemming/query-words.tsv");

  @Option(names = "--quiet", description = "Only the summary table.")
  boolean quiet;

  /** A query word and the forms it should find. */
  record Labelled(String word, Set<String> right) {}

  /** How one stemmer did on one word. */
  enum Verdict {
    RIGHT,
    OVER,
    UNDER,
    BOTH
  }

  @Override
  public Integer call() throws IOException {
    List<Labelled> list = read(words);
    try (Directory dir = FSDirectory.open(new IndexLayout(index).lucene());
        DirectoryReader reader = DirectoryReader.open(dir)) {
      IndexSearcher searcher = new IndexSearcher(reader);
      Map<Stemmer, StemExpansion> expansions = new EnumMap<>(Stemmer.class);
      Map<Stemmer, int[]> counts = new EnumMap<>(Stemmer.class);
      for (Stemmer s : Stemmer.values()) {
        expansions.put(s, new StemExpansion(reader, s));
        counts.put(s, new int[Verdict.values().length]);
      }
      for (Labelled l : list) {
        if (!quiet) {
          System.out.println(l.word());
        }
        for (Stemmer s : Stemmer.values()) {
          String[] found = expansions.get(s).expand(Fields.BODY, l.word());
          List<String> marked = new ArrayList<>();
          boolean over = false;
          Set<String> seen = new LinkedHashSet<>();
          BooleanQuery.Builder any = new BooleanQuery.Builder();
          for (String w : found) {
            boolean right = l.right().contains(withoutPossessive(w));
            over |= !right;
            seen.add(withoutPossessive(w));
            marked.add((right ? "+" : "!") + w);
            any.add(new TermQuery(new Term(Fields.BODY, w)), BooleanClause.Occur.SHOULD);
          }
          boolean under = false;
          for (String form : l.right()) {
            if (!seen.contains(form) && reader.docFreq(new Term(Fields.BODY, form)) > 0) {
              under = true;
              marked.add("-" + form);
            }
          }
          Verdict v =
              over && under
                  ? Verdict.BOTH
                  : over ? Verdict.OVER : under ? Verdict.UNDER : Verdict.RIGHT;
          counts.get(s)[v.ordinal()]++;
          if (!quiet) {
            int articles = found.length == 0 ? 0 : searcher.count(any.build());
            System.out.printf(
                Locale.ROOT,
                "  %-11s %-5s %,8d articles  %s%n",
                s.name().toLowerCase(Locale.ROOT),
                v.name().toLowerCase(Locale.ROOT),
                articles,
                String.join(" ", marked));
          }
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%n%d query words, %,d articles%n| stemmer | right | over-expanded | under-expanded | both |%n"
              + "|---|---|---|---|---|%n",
          list.size(),
          reader.numDocs());
      for (Stemmer s : Stemmer.values()) {
        int[] c = counts.get(s);
        System.out.printf(
            Locale.ROOT,
            "| %s%s | %d | %d | %d | %d |%n",
            s.name().toLowerCase(Locale.ROOT),
            s == Stemmer.DEFAULT ? " (Morgue's)" : "",
            c[0],
            c[1],
            c[2],
            c[3]);
      }
    }
    return 0;
  }

  private static String withoutPossessive(String w) {
    return w.endsWith("'s") || w.endsWith("\u2019s") ? w.substring(0, w.length() - 2) : w;
  }

  /** The labelled list: {@code word TAB form form ...}, {@code #} for comments. */
  static List<Labelled> read(Path file) throws IOException {
    List<Labelled> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException(file + ": not WORD TAB FORMS: " + line);
      }
      out.add(new Labelled(parts[0].strip(), Set.of(parts[1].strip().split(" +"))));
    }
    return out;
  }
}

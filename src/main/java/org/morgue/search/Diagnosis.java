package org.morgue.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.StemExpansion;

/**
 * What to tell a person whose search found little: "did you mean" from the archive's own words,
 * and, when nothing matched, what each clause of the query and each filter finds.
 */
public final class Diagnosis {
  private Diagnosis() {}

  /**
   * A word of the query that no article holds, in any of its stem's forms, and the archive's
   * nearest word.
   *
   * @param word the word as written
   * @param position where it starts in the query (0-based)
   * @param suggestion the archive's nearest word (Lucene's {@link DirectSpellChecker}: edit
   *     distance up to 2, the most frequent of the nearest)
   * @param articles in how many articles the suggestion is (title, lede or body)
   */
  public record Word(String word, int position, String suggestion, long articles) {}

  /**
   * "Did you mean": the query with each unknown word replaced by the suggestion.
   *
   * @param q the corrected query
   * @param words the words replaced
   */
  public record DidYouMean(String q, List<Word> words) {}

  /**
   * One step of a query or of its filters: alone, and together with every step before it.
   *
   * @param text the clause as written with its conjunction ({@code AND Fiji}), or the filter as a
   *     parameter ({@code section=SPORT})
   * @param alone what it finds by itself (a clause without the filters; a filter with the whole
   *     query)
   * @param running what it finds with every step before it
   */
  public record Step(String text, long alone, long running) {}

  /**
   * Why nothing matched.
   *
   * @param clauses the query's top-level clauses (none when it has only one)
   * @param filters the date range, kept and excluded values, each with the whole query
   */
  public record Nothing(List<Step> clauses, List<Step> filters) {}

  /**
   * The suggestions for the words of {@code q} that no article holds; {@code null} when every word
   * is known (or none can be bettered).
   */
  static DidYouMean didYouMean(String q, IndexReader reader, StemExpansion expansion)
      throws IOException {
    Analyzer analyzer = Analyzers.forQuery(expansion);
    DirectSpellChecker spell = new DirectSpellChecker();
    spell.setMinQueryLength(3);
    return didYouMean(
        q,
        new Speller() {
          @Override
          public boolean known(String word) throws IOException {
            return Diagnosis.known(word, analyzer, reader);
          }

          @Override
          public String suggest(String folded) throws IOException {
            SuggestWord best = null;
            for (String field : Fields.TEXT) {
              SuggestWord[] s =
                  spell.suggestSimilar(
                      new Term(field, folded), 1, reader, SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
              if (s.length > 0 && (best == null || s[0].freq > best.freq)) {
                best = s[0];
              }
            }
            return best == null ? null : best.string;
          }

          @Override
          public long articles(String word) throws IOException {
            return Diagnosis.articles(word, reader);
          }
        });
  }

  /** What "did you mean" asks of an archive's words, whatever keeps them. */
  interface Speller {
    /** Whether the archive holds the word (or one of its forms), or it is a stop word. */
    boolean known(String word) throws IOException;

    /** The archive's word most like {@code folded} (Lucene's spell checker), or null. */
    String suggest(String folded) throws IOException;

    /** How many articles hold {@code word} in their title, lede or body, the most of the three. */
    long articles(String word) throws IOException;
  }

  /** {@link #didYouMean(String, IndexReader, StemExpansion)} over any archive's words. */
  static DidYouMean didYouMean(String q, Speller speller) throws IOException {
    if (q == null || q.isBlank()) {
      return null;
    }
    List<QuerySyntax.Leaf> words = new ArrayList<>();
    for (QuerySyntax.Clause c : QuerySyntax.parse(q)) {
      plainWords(c.node(), words);
    }
    List<Word> found = new ArrayList<>();
    for (QuerySyntax.Leaf leaf : words) {
      if (speller.known(leaf.text())) {
        continue;
      }
      String best = speller.suggest(Analyzers.fold(leaf.text()));
      if (best != null && best.charAt(0) != Fields.MARK) {
        found.add(
            new Word(leaf.text(), leaf.end() - leaf.text().length(), best, speller.articles(best)));
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    StringBuilder corrected = new StringBuilder(q);
    for (int i = found.size() - 1; i >= 0; i--) {
      Word w = found.get(i);
      corrected.replace(w.position(), w.position() + w.word().length(), w.suggestion());
    }
    return new DidYouMean(corrected.toString(), List.copyOf(found));
  }

  /** The words of the text fields, as written: no field, pattern, fuzzy or boost. */
  private static void plainWords(QuerySyntax.Node node, List<QuerySyntax.Leaf> out) {
    switch (node) {
      case QuerySyntax.Leaf l -> {
        if (l.kind() == QuerySyntax.LeafKind.WORD
            && (l.field() == null || Fields.TEXT.contains(l.field()))
            && l.text().length() >= 3
            && l.text().chars().allMatch(Character::isLetter)) {
          out.add(l);
        }
      }
      case QuerySyntax.Group g -> {
        if (g.field() == null || Fields.TEXT.contains(g.field())) {
          g.clauses().forEach(c -> plainWords(c.node(), out));
        }
      }
      case QuerySyntax.Prox p -> {
        plainWords(p.left(), out);
        plainWords(p.right(), out);
      }
      case QuerySyntax.Func f -> plainWords(f.arg(), out);
    }
  }

  /** Whether any form of the word's stem (or the word, a stop word) is in a text field. */
  private static boolean known(String word, Analyzer analyzer, IndexReader reader)
      throws IOException {
    String folded = Analyzers.fold(word);
    for (String field : Fields.TEXT) {
      if (reader.docFreq(new Term(field, folded)) > 0) {
        return true;
      }
      try (TokenStream ts = analyzer.tokenStream(field, word)) {
        CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
        ts.reset();
        boolean any = false;
        while (ts.incrementToken()) {
          any = true;
          if (reader.docFreq(new Term(field, term.toString())) > 0) {
            return true;
          }
        }
        ts.end();
        if (!any) {
          return true; // a stop word: never searched
        }
      }
    }
    return false;
  }

  private static long articles(String word, IndexReader reader) throws IOException {
    long most = 0;
    for (String field : Fields.TEXT) {
      most = Math.max(most, reader.docFreq(new Term(field, word)));
    }
    return most;
  }

  /** Counts a request. */
  interface Counter {
    long count(SearchRequest request) throws IOException;
  }

  /** The most clauses and filters a diagnosis counts. */
  static final int MAX_STEPS = 12;

  /**
   * Why {@code r} found nothing: each top-level clause of its query alone (without filters) and
   * with those before it; then each filter alone with the query, and with the filters before it.
   */
  static Nothing nothing(SearchRequest r, Counter counter) {
    try {
      List<Step> clauses = new ArrayList<>();
      String q = r.q();
      SearchRequest bare =
          new SearchRequest(q, null, null, Map.of(), Map.of(), null, 1, 1, 1, null);
      if (!q.isBlank()) {
        List<QuerySyntax.Clause> parsed = QuerySyntax.parse(q);
        if (parsed.size() > 1) {
          int previousEnd = 0;
          for (QuerySyntax.Clause c : parsed.subList(0, Math.min(parsed.size(), MAX_STEPS))) {
            int end = c.node().end();
            String text = q.substring(previousEnd, end).strip();
            String alone = q.substring(c.start(), end);
            clauses.add(
                new Step(
                    text,
                    counter.count(withQ(bare, alone)),
                    counter.count(withQ(bare, q.substring(0, end)))));
            previousEnd = end;
          }
        }
      }
      List<Step> filters = new ArrayList<>();
      List<SearchRequest> singles = new ArrayList<>();
      List<String> names = new ArrayList<>();
      if (r.from() != null || r.to() != null) {
        singles.add(
            new SearchRequest(q, r.from(), r.to(), Map.of(), Map.of(), null, 1, 1, 1, null));
        names.add(
            (r.from() == null ? "" : "from=" + r.from())
                + (r.from() != null && r.to() != null ? "&" : "")
                + (r.to() == null ? "" : "to=" + r.to()));
      }
      r.filters()
          .forEach(
              (dim, values) -> {
                singles.add(
                    new SearchRequest(
                        q,
                        null,
                        null,
                        Map.of(dim, values),
                        Map.of(),
                        null,
                        1,
                        1,
                        1,
                        null,
                        r.allOf(dim) ? java.util.Set.of(dim) : java.util.Set.of()));
                names.add(dim + "=" + String.join(r.allOf(dim) ? "&" : "|", values));
              });
      r.excludes()
          .forEach(
              (dim, values) -> {
                singles.add(
                    new SearchRequest(
                        q, null, null, Map.of(), Map.of(dim, values), null, 1, 1, 1, null));
                names.add(SearchParameters.NOT + dim + "=" + String.join("|", values));
              });
      LocalDateHolder running = new LocalDateHolder();
      for (int i = 0; i < singles.size() && i < MAX_STEPS; i++) {
        SearchRequest s = singles.get(i);
        running.add(s);
        filters.add(
            new Step(names.get(i), counter.count(s), counter.count(running.request(q, r.allOf()))));
      }
      return new Nothing(List.copyOf(clauses), List.copyOf(filters));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SearchRequest withQ(SearchRequest r, String q) {
    return new SearchRequest(q, r.from(), r.to(), r.filters(), r.excludes(), null, 1, 1, 1, null);
  }

  /** The filters so far, merged. */
  private static final class LocalDateHolder {
    private java.time.LocalDate from;
    private java.time.LocalDate to;
    private final Map<String, List<String>> filters = new LinkedHashMap<>();
    private final Map<String, List<String>> excludes = new LinkedHashMap<>();

    void add(SearchRequest s) {
      if (s.from() != null) {
        from = s.from();
      }
      if (s.to() != null) {
        to = s.to();
      }
      filters.putAll(s.filters());
      excludes.putAll(s.excludes());
    }

    SearchRequest request(String q, java.util.Set<String> allOf) {
      return new SearchRequest(q, from, to, filters, excludes, null, 1, 1, 1, null, allOf);
    }
  }
}

package org.morgue.search;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.IOUtils;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.StemExpansion;

/**
 * Distinctive terms: the words and two-word phrases over-represented in the articles of a search
 * (the foreground) against a background (the whole archive, or the same filters without the words),
 * scored by Dunning's log-likelihood ratio G² over document frequencies.
 *
 * <ol>
 *   <li>The foreground and background are collected as bit sets of documents (under the time
 *       limit).
 *   <li>Candidates come from re-analysing the stored title, standfirst and body of the foreground,
 *       or of {@value #SAMPLE} of its articles evenly spread over it when it has more: each word
 *       (grouped by English stem, as a search groups them) and each pair of adjacent words, once an
 *       article. Stop words, words of fewer than three characters or with a digit, and the query's
 *       own words with their stems (and the words its patterns match) are left out; a phrase is
 *       left out when either word is.
 *   <li>Of the {@value #ESTIMATED_WORDS} words and {@value #ESTIMATED_PHRASES} phrases most
 *       frequent in the sample, the most promising (by an estimate: the sample's share against the
 *       body's document frequency of the forms seen) are then counted exactly over the whole
 *       foreground and background from the index's postings: a word's articles are those holding
 *       any word of its stem in the title, standfirst or body, as the word typed into the search
 *       finds them; a phrase's, those holding the two words adjacent in one field, as the quoted
 *       phrase finds them. So {@code fg} is the total of the search with the term added.
 *   <li>A term is kept when it is in at least two foreground articles and relatively more of them
 *       than of the rest of the background; G² orders them.
 * </ol>
 */
public final class DistinctiveTerms {
  /** The most foreground articles re-analysed for candidates. */
  public static final int SAMPLE = 300;

  /** The most words of the sample, the most frequent in it, whose score is estimated. */
  static final int ESTIMATED_WORDS = 400;

  /** The most phrases of the sample, the most frequent in it, whose score is estimated. */
  static final int ESTIMATED_PHRASES = 300;

  /** The most terms a request may ask for. */
  public static final int MAX_SIZE = 100;

  /** Terms given unless asked otherwise. */
  public static final int DEFAULT_SIZE = 25;

  /** The fewest foreground articles a term must be in. */
  static final int MIN_FOREGROUND = 2;

  private static final Analyzer WORDS = Analyzers.exact();

  /** The Snowball English stop words and a few words of reported speech. */
  static final CharArraySet STOP_WORDS = stopWords();

  private DistinctiveTerms() {}

  /** What the foreground is compared with. */
  public enum Background {
    /** Every article of the archive. */
    ARCHIVE,
    /** The articles of the same date range and facet filters, without the query's words. */
    FILTERS;

    public String param() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One distinctive term.
   *
   * @param term the word (its most frequent form among the sampled articles) or the two words
   * @param kind {@code word} or {@code phrase}
   * @param fg foreground articles holding it
   * @param bg background articles holding it (the foreground's included)
   * @param score G², the log-likelihood ratio of the foreground against the rest of the background
   */
  public record Scored(String term, String kind, long fg, long bg, double score) {}

  /**
   * The answer.
   *
   * @param foreground the search's articles
   * @param background the background's articles
   * @param against what the background is
   * @param sampled whether the candidates came from a sample of the foreground
   * @param analysed the foreground articles re-analysed
   * @param timedOut whether the time limit cut the work (the terms are then those found so far)
   * @param terms the terms, highest score first
   */
  public record Result(
      long foreground,
      long background,
      Background against,
      boolean sampled,
      int analysed,
      boolean timedOut,
      List<Scored> terms,
      List<String> warnings) {}

  /** A candidate while it is being counted ({@code fg} and {@code bg} -1 until counted). */
  static final class Candidate {
    final String key;
    final boolean phrase;
    final Map<String, Integer> forms = new HashMap<>();
    int sampled;
    double estimate;
    long fg = -1;
    long bg = -1;
    double score;

    Candidate(String key, boolean phrase) {
      this.key = key;
      this.phrase = phrase;
    }

    String key() {
      return key;
    }

    boolean phrase() {
      return phrase;
    }

    /** Its counts: foreground and background articles holding it. */
    void counted(long fg, long bg) {
      this.fg = fg;
      this.bg = bg;
    }

    String term() {
      if (phrase) {
        return key;
      }
      return forms.entrySet().stream()
          .max(
              Map.Entry.<String, Integer>comparingByValue()
                  .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
          .map(Map.Entry::getKey)
          .orElse(key);
    }
  }

  /**
   * The distinctive terms of a foreground.
   *
   * @param searcher the request's searcher, with its time limit
   * @param foregroundQuery the search, with its filters
   * @param backgroundQuery the background, or {@code null} for the whole archive
   * @param base the search's words, whose terms are left out
   * @param deadline {@link System#nanoTime()} past which the work stops
   */
  static Result compute(
      ReaderState state,
      IndexSearcher searcher,
      Query foregroundQuery,
      Query backgroundQuery,
      Query base,
      int size,
      long deadline,
      List<String> warnings)
      throws IOException {
    int maxDoc = state.reader().maxDoc();
    FixedBitSet fg = bits(searcher, foregroundQuery, maxDoc);
    FixedBitSet bg =
        backgroundQuery == null ? live(state, maxDoc) : bits(searcher, backgroundQuery, maxDoc);
    Dictionary dictionary = new Dictionary(state);
    Source embedded =
        new Source() {
          @Override
          public long foreground() {
            return fg.cardinality();
          }

          @Override
          public long background() {
            return bg.cardinality();
          }

          @Override
          public long archive() {
            return state.reader().numDocs();
          }

          @Override
          public boolean timedOut() {
            return searcher.timedOut();
          }

          @Override
          public Sample sample(int n) {
            int[] docs = DistinctiveTerms.sample(fg, n);
            StoredFields stored;
            try {
              stored = searcher.storedFields();
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            Set<String> fields = Set.copyOf(Fields.TEXT);
            return new Sample(
                docs.length,
                i -> {
                  return stored.document(docs[i], fields);
                });
          }

          @Override
          public double bodyFreq(String form) throws IOException {
            return dictionary.bodyFreq(form);
          }

          @Override
          public boolean count(List<Candidate> ranked, long deadline) throws IOException {
            FixedBitSet scratch = new FixedBitSet(maxDoc);
            for (Candidate c : ranked) {
              if (System.nanoTime() > deadline) {
                return false;
              }
              scratch.clear();
              if (c.phrase) {
                int space = c.key.indexOf(' ');
                dictionary.markPhrase(
                    c.key.substring(0, space), c.key.substring(space + 1), scratch);
              } else {
                dictionary.markFamily(state, c.key, scratch);
              }
              c.fg = FixedBitSet.intersectionCount(scratch, fg);
              c.bg = FixedBitSet.intersectionCount(scratch, bg);
            }
            return true;
          }
        };
    return compute(
        embedded,
        backgroundQuery == null ? Background.ARCHIVE : Background.FILTERS,
        base,
        size,
        deadline,
        warnings);
  }

  /** The foreground articles a computation re-analyses, read one at a time. */
  record Sample(int size, Read read) {
    interface Read {
      Document get(int i) throws IOException;
    }
  }

  /**
   * What a backend gives the computation: the foreground's and background's sizes, a sample of the
   * foreground, the body's document frequency of a word, and the exact counts of the candidates.
   */
  interface Source {
    long foreground() throws IOException;

    long background() throws IOException;

    /** The archive's live articles. */
    long archive() throws IOException;

    /** Whether a count was cut by the time limit. */
    boolean timedOut();

    /**
     * Up to {@value #SAMPLE} of the {@code n} foreground articles, evenly spread over it (all of
     * them when there are no more), their text fields.
     */
    Sample sample(int n) throws IOException;

    /** The articles whose body holds {@code form}. */
    double bodyFreq(String form) throws IOException;

    /** The forms and phrases whose {@link #bodyFreq} is about to be asked, all at once. */
    default void prefetch(Collection<String> forms) throws IOException {}

    /**
     * Sets each candidate's {@code fg} and {@code bg}: the foreground and background articles
     * holding it (a word, any form of its stem in the title, standfirst or body; a phrase, its two
     * words adjacent in one of them).
     *
     * @return false when {@code deadline} stopped it (the candidates after are not counted)
     */
    boolean count(List<Candidate> ranked, long deadline) throws IOException;
  }

  /** Refuses a {@code size} outside 1 to {@value #MAX_SIZE}. */
  static void checkSize(int size) {
    if (size < 1 || size > MAX_SIZE) {
      throw new InvalidRequestException(
          "size", "size must be from 1 to " + MAX_SIZE + ", not " + size);
    }
  }

  /** The computation itself, over any backend's {@link Source}. */
  static Result compute(
      Source source, Background against, Query base, int size, long deadline, List<String> warnings)
      throws IOException {
    long nFg = source.foreground();
    long nBg = source.background();
    boolean timedOut = source.timedOut();
    if (nBg <= nFg) {
      if (nFg > 0) {
        warnings.add(
            "the search holds every article of its background, so no term can stand out; add words"
                + " to the search or compare it with the whole archive");
      }
      return new Result(nFg, nBg, against, false, 0, timedOut, List.of(), warnings);
    }
    Excluded excluded = Excluded.of(base);
    Sample docs = source.sample((int) Math.min(Integer.MAX_VALUE, nFg));
    Map<String, Candidate> words = new HashMap<>();
    Map<String, Candidate> phrases = new HashMap<>();
    int analysed = 0;
    long now = System.nanoTime();
    long analysisDeadline = now + Math.max(0, deadline - now) / 2; // half left to count
    for (int i = 0; i < docs.size(); i++) {
      if (System.nanoTime() > analysisDeadline) {
        timedOut = true;
        break;
      }
      Document d = docs.read().get(i);
      Set<String> seenWords = new HashSet<>();
      Set<String> seenPhrases = new HashSet<>();
      for (String field : Fields.TEXT) {
        String text = d.get(field);
        if (text != null) {
          analyse(field, text, seenWords, seenPhrases, excluded);
        }
      }
      for (String w : seenWords) {
        String stem = excluded.known.get(w);
        Candidate c = words.computeIfAbsent(stem, k -> new Candidate(k, false));
        c.sampled++;
        c.forms.merge(w, 1, Integer::sum);
      }
      for (String p : seenPhrases) {
        phrases.computeIfAbsent(p, k -> new Candidate(k, true)).sampled++;
      }
      analysed++;
    }
    if (analysed == 0) {
      return new Result(nFg, nBg, against, nFg > docs.size(), 0, timedOut, List.of(), warnings);
    }
    double scale = (double) nFg / analysed;
    long numDocs = Math.max(1, source.archive());
    double bgScale = (double) nBg / numDocs;
    List<Candidate> ranked = new ArrayList<>();
    int least = Math.max(MIN_FOREGROUND, analysed / 250);
    List<List<Candidate>> estimatedKinds = new ArrayList<>();
    Set<String> forms = new HashSet<>();
    for (Map<String, Candidate> kind : List.of(words, phrases)) {
      List<Candidate> frequent = new ArrayList<>();
      for (Candidate c : kind.values()) {
        if (c.sampled >= Math.min(least, analysed)) {
          frequent.add(c);
        }
      }
      frequent.sort(Comparator.comparingInt((Candidate c) -> -c.sampled).thenComparing(c -> c.key));
      int estimated = kind == phrases ? ESTIMATED_PHRASES : ESTIMATED_WORDS;
      List<Candidate> chosen = frequent.subList(0, Math.min(estimated, frequent.size()));
      estimatedKinds.add(chosen);
      for (Candidate c : chosen) {
        if (c.phrase) {
          int space = c.key.indexOf(' ');
          forms.add(c.key.substring(0, space));
          forms.add(c.key.substring(space + 1));
        } else {
          forms.addAll(c.forms.keySet());
        }
      }
    }
    source.prefetch(forms);
    for (List<Candidate> chosen : estimatedKinds) {
      boolean phraseKind = !chosen.isEmpty() && chosen.get(0).phrase;
      List<Candidate> ok = new ArrayList<>();
      for (Candidate c : chosen) {
        double fgEst = c.sampled * scale;
        double df;
        if (c.phrase) {
          int space = c.key.indexOf(' ');
          df =
              Math.min(
                  source.bodyFreq(c.key.substring(0, space)),
                  source.bodyFreq(c.key.substring(space + 1)));
        } else {
          df = 0; // the forms seen: the stem's other forms are rare beside them
          for (String form : c.forms.keySet()) {
            df += source.bodyFreq(form);
          }
        }
        double bgEst = Math.min(nBg, Math.max(fgEst, df * bgScale));
        c.estimate = g2(fgEst, nFg, bgEst - fgEst, nBg - nFg);
        ok.add(c);
      }
      ok.sort(Comparator.comparingDouble((Candidate c) -> -c.estimate).thenComparing(c -> c.key));
      int keep = phraseKind ? Math.max(20, size) : Math.max(60, 3 * size);
      ranked.addAll(ok.subList(0, Math.min(keep, ok.size())));
    }
    if (!source.count(ranked, deadline)) {
      timedOut = true;
    }
    List<Scored> out = new ArrayList<>();
    for (Candidate c : ranked) {
      if (c.fg < 0) {
        continue; // not counted: the time was up
      }
      long restWith = c.bg - c.fg;
      long rest = nBg - nFg;
      if (c.fg < MIN_FOREGROUND || (double) c.fg / nFg <= (double) restWith / rest) {
        continue;
      }
      c.score = g2(c.fg, nFg, restWith, rest);
      out.add(new Scored(c.term(), c.phrase ? "phrase" : "word", c.fg, c.bg, c.score));
    }
    out.sort(Comparator.comparingDouble((Scored s) -> -s.score()).thenComparing(Scored::term));
    if (timedOut) {
      warnings.add(
          "the time limit cut the work: the terms are those counted so far; narrow the search");
    }
    return new Result(
        nFg,
        nBg,
        against,
        nFg > docs.size(),
        analysed,
        timedOut,
        List.copyOf(out.subList(0, Math.min(size, out.size()))),
        warnings);
  }

  /**
   * G², the log-likelihood ratio that {@code k1} of {@code n1} and {@code k2} of {@code n2} come
   * from one rate rather than two: {@code 2 Σ O ln(O/E)} over the 2×2 table.
   */
  static double g2(double k1, double n1, double k2, double n2) {
    double p1 = k1 / n1;
    double p2 = k2 / n2;
    double p = (k1 + k2) / (n1 + n2);
    double g = 2 * (ll(k1, n1, p1) + ll(k2, n2, p2) - ll(k1, n1, p) - ll(k2, n2, p));
    return Math.max(0, g);
  }

  private static double ll(double k, double n, double p) {
    double a = k == 0 ? 0 : k * Math.log(p);
    double b = n - k == 0 ? 0 : (n - k) * Math.log(1 - p);
    return a + b;
  }

  /** The foreground's documents, every one up to {@value #SAMPLE}, else evenly spread. */
  private static int[] sample(FixedBitSet fg, int n) {
    int[] all = new int[n];
    int i = 0;
    for (int d = fg.nextSetBit(0);
        d != DocIdSetIterator.NO_MORE_DOCS && i < n;
        d = d + 1 < fg.length() ? fg.nextSetBit(d + 1) : DocIdSetIterator.NO_MORE_DOCS) {
      all[i++] = d;
    }
    if (n <= SAMPLE) {
      return all;
    }
    int[] out = new int[SAMPLE];
    for (int j = 0; j < SAMPLE; j++) {
      out[j] = all[(int) ((long) j * n / SAMPLE)];
    }
    return out;
  }

  /** The words and adjacent pairs of one field's text, as indexed, that may be terms. */
  private static void analyse(
      String field, String text, Set<String> words, Set<String> phrases, Excluded excluded)
      throws IOException {
    try (TokenStream ts = WORDS.tokenStream(field, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      String previous = null;
      while (ts.incrementToken()) {
        String w = term.toString();
        String family = excluded.known.get(w);
        if (family == null) {
          family = candidate(w) && !excluded.test(w) ? StemExpansion.familyOf(w) : "";
          excluded.known.put(w, family == null ? "" : family);
        }
        if (family == null || family.isEmpty()) {
          previous = null;
          continue;
        }
        words.add(w);
        if (previous != null) {
          phrases.add(previous + ' ' + w);
        }
        previous = w;
      }
      ts.end();
    }
  }

  /** A word of three characters or more, with no digit, not a stop word. */
  static boolean candidate(String w) {
    if (w.length() < 3 || STOP_WORDS.contains(w)) {
      return false;
    }
    for (int i = 0; i < w.length(); i++) {
      if (Character.isDigit(w.charAt(i))) {
        return false;
      }
    }
    return StemExpansion.stemOf(w) != null;
  }

  /**
   * The query's words: their stems, and the patterns they hold; {@code known} remembers, for one
   * request, the stem of each word seen that may be a term ({@link StemExpansion#familyOf}), and an
   * empty string for one that may not.
   */
  private record Excluded(
      Set<String> stems, List<ByteRunAutomaton> patterns, Map<String, String> known) {
    static Excluded of(Query base) {
      Set<String> stems = new HashSet<>();
      List<ByteRunAutomaton> patterns = new ArrayList<>();
      Set<String> text = Set.copyOf(Fields.TEXT);
      base.visit(
          new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... terms) {
              for (Term t : terms) {
                if (text.contains(t.field())) {
                  String s = StemExpansion.familyOf(t.text());
                  if (s != null) {
                    stems.add(s);
                  }
                }
              }
            }

            @Override
            public void consumeTermsMatching(
                Query query, String field, Supplier<ByteRunAutomaton> automaton) {
              if (text.contains(field)) {
                patterns.add(automaton.get());
              }
            }

            @Override
            public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
              return this;
            }
          });
      return new Excluded(stems, patterns, new HashMap<>());
    }

    boolean test(String word) {
      if (stems.contains(StemExpansion.familyOf(word))) {
        return true;
      }
      if (!patterns.isEmpty()) {
        byte[] b = word.getBytes(StandardCharsets.UTF_8);
        for (ByteRunAutomaton a : patterns) {
          if (a.run(b, 0, b.length)) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** The documents a query matches, as bits. */
  private static FixedBitSet bits(IndexSearcher searcher, Query query, int maxDoc)
      throws IOException {
    FixedBitSet out = new FixedBitSet(Math.max(1, maxDoc));
    searcher.search(
        query,
        SearchRun.single(
            new SimpleCollector() {
              private int base;

              @Override
              protected void doSetNextReader(LeafReaderContext context) {
                base = context.docBase;
              }

              @Override
              public void collect(int doc) {
                out.set(base + doc);
              }

              @Override
              public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
              }
            }));
    return out;
  }

  /** Every live document. */
  private static FixedBitSet live(ReaderState state, int maxDoc) {
    FixedBitSet out = new FixedBitSet(Math.max(1, maxDoc));
    for (LeafReaderContext leaf : state.reader().leaves()) {
      Bits liveDocs = leaf.reader().getLiveDocs();
      int n = leaf.reader().maxDoc();
      for (int d = 0; d < n; d++) {
        if (liveDocs == null || liveDocs.get(d)) {
          out.set(leaf.docBase + d);
        }
      }
    }
    return out;
  }

  /**
   * The term dictionaries of the text fields, one reusable {@link TermsEnum} for each segment and
   * field: a request seeks thousands of words, and a new enum for each seek costs more than the
   * seek.
   */
  private static final class Dictionary {
    private final List<LeafReaderContext> leaves;
    private final TermsEnum[][] enums;
    private final Map<String, Long> bodyFreqs = new HashMap<>();

    Dictionary(ReaderState state) throws IOException {
      leaves = state.reader().leaves();
      enums = new TermsEnum[leaves.size()][Fields.TEXT.size()];
      for (int l = 0; l < leaves.size(); l++) {
        for (int f = 0; f < Fields.TEXT.size(); f++) {
          Terms terms = leaves.get(l).reader().terms(Fields.TEXT.get(f));
          enums[l][f] = terms == null ? null : terms.iterator();
        }
      }
    }

    /** The body's articles with the word: a cheap estimate of its articles. */
    long bodyFreq(String word) throws IOException {
      Long known = bodyFreqs.get(word);
      if (known != null) {
        return known;
      }
      int body = Fields.TEXT.indexOf(Fields.BODY);
      BytesRef b = new BytesRef(word);
      long n = 0;
      for (TermsEnum[] leaf : enums) {
        if (leaf[body] != null && leaf[body].seekExact(b)) {
          n += leaf[body].docFreq();
        }
      }
      bodyFreqs.put(word, n);
      return n;
    }

    /** Sets the bit of every article holding a word of the stem in a text field. */
    void markFamily(ReaderState state, String stem, FixedBitSet out) throws IOException {
      PostingsEnum pe = null;
      for (int f = 0; f < Fields.TEXT.size(); f++) {
        String[] family = family(state, Fields.TEXT.get(f), stem);
        for (int l = 0; l < leaves.size(); l++) {
          TermsEnum te = enums[l][f];
          if (te == null) {
            continue;
          }
          int docBase = leaves.get(l).docBase;
          for (String w : family) {
            if (!te.seekExact(new BytesRef(w))) {
              continue;
            }
            pe = te.postings(pe, PostingsEnum.NONE);
            for (int d = pe.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = pe.nextDoc()) {
              out.set(docBase + d);
            }
          }
        }
      }
    }

    /**
     * Sets the bit of every article holding {@code a} directly followed by {@code b} in a field.
     * The rarer word leads through the documents, the other is advanced to it, and the positions
     * are read only in the documents with both words and no bit set yet.
     */
    void markPhrase(String a, String b, FixedBitSet out) throws IOException {
      BytesRef ta = new BytesRef(a);
      BytesRef tb = new BytesRef(b);
      for (int f = 0; f < Fields.TEXT.size(); f++) {
        for (int l = 0; l < leaves.size(); l++) {
          TermsEnum te = enums[l][f];
          if (te == null || !te.seekExact(ta)) {
            continue;
          }
          int freqA = te.docFreq();
          PostingsEnum pa = te.postings(null, PostingsEnum.POSITIONS);
          if (!te.seekExact(tb)) {
            continue;
          }
          PostingsEnum pb = te.postings(null, PostingsEnum.POSITIONS);
          PostingsEnum lead = freqA <= te.docFreq() ? pa : pb;
          PostingsEnum other = lead == pa ? pb : pa;
          int docBase = leaves.get(l).docBase;
          int d = lead.nextDoc();
          while (d != DocIdSetIterator.NO_MORE_DOCS) {
            int e = other.docID() < d ? other.advance(d) : other.docID();
            if (e == DocIdSetIterator.NO_MORE_DOCS) {
              break;
            }
            if (e > d) {
              d = lead.advance(e);
              continue;
            }
            if (!out.get(docBase + d) && adjacent(pa, pb)) {
              out.set(docBase + d);
            }
            d = lead.nextDoc();
          }
        }
      }
    }

    private int[] positions = new int[16];

    /** Whether, in the document both are on, a position of {@code b} directly follows one of a. */
    private boolean adjacent(PostingsEnum pa, PostingsEnum pb) throws IOException {
      int n = pa.freq();
      if (positions.length < n) {
        positions = new int[Math.max(n, 2 * positions.length)];
      }
      for (int i = 0; i < n; i++) {
        positions[i] = pa.nextPosition();
      }
      int m = pb.freq();
      int i = 0;
      for (int j = 0; j < m; j++) {
        int q = pb.nextPosition() - 1;
        while (i < n && positions[i] < q) {
          i++;
        }
        if (i < n && positions[i] == q) {
          return true;
        }
      }
      return false;
    }
  }

  /** The indexed words of a field that a query word with this stem finds. */
  private static String[] family(ReaderState state, String field, String stem) {
    String[] words = state.expansion().words(field, stem);
    return words.length > 0 ? words : new String[] {stem};
  }

  private static CharArraySet stopWords() {
    try (Reader r =
        IOUtils.getDecodingReader(
            SnowballFilter.class.getResourceAsStream("english_stop.txt"), StandardCharsets.UTF_8)) {
      CharArraySet set = new CharArraySet(WordlistLoader.getSnowballWordSet(r), false);
      for (String w :
          List.of(
              "said", "says", "say", "also", "would", "could", "one", "two", "mr", "mrs", "ms")) {
        set.add(w);
      }
      return CharArraySet.unmodifiableSet(set);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

package org.morgue.entity;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The entity extractor: Stanford CoreNLP 4.5.10's English three-class CRF model (people,
 * organisations, places) in a pipeline of only {@code tokenize}, {@code ssplit} and {@code ner}.
 *
 * <p>Thread-safe: one instance serves every ingest worker (CoreNLP's annotators are shared by
 * design; its own multi-threaded annotation calls one pipeline from several threads). The model
 * takes about a second to load and about 120 MB of heap, once per JVM: use {@link #shared()}.
 *
 * <p>How it is set up, and why (the three traps, each measured on CoNLL-2003):
 *
 * <ul>
 *   <li>the date, number and fine-grained classifiers are off ({@code ner.applyNumericClassifiers},
 *       {@code ner.useSUTime}, {@code ner.applyFineGrained}): they cost about 30 times the time and
 *       add nothing for these three types; their rule files are not shipped either;
 *   <li>the text goes through the pipeline, never through the CRF's {@code classify} on hand-built
 *       tokens, which silently finds almost nothing;
 *   <li>mentions are runs of consecutive tokens with the same NER label within a sentence, not the
 *       pipeline's {@code entityMentions()}, which drops about a tenth of person names (person F1
 *       85 instead of 94); {@code ner.buildEntityMentions} is therefore off;
 *   <li>a line break ends a sentence ({@code ssplit.newlineIsSentenceBreak=always}): a headline or
 *       a byline never runs into the next line's names.
 * </ul>
 *
 * <p>Robustness: the text is first masked, keeping every offset: markup tags, character entities,
 * control characters and lone surrogates become spaces, Unicode line separators become line breaks.
 * It is then cut into pieces of at most {@value #PIECE} characters at line breaks (else at a
 * space), so that a 1 MB article costs time in proportion and bounded memory. A mention whose span
 * covers masked characters is dropped (its surface would hold markup). Any failure of CoreNLP
 * becomes an {@link ExtractionException}.
 */
public final class CoreNlpExtractor implements EntityExtractor {
  /** Where the build puts the model (unpacked from CoreNLP's models artifact, see pom.xml). */
  public static final String MODEL =
      "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

  /** The longest piece of text annotated at once. */
  static final int PIECE = 20_000;

  private static final Pattern MARKUP =
      Pattern.compile(
          "<!--.*?-->|<!\\[CDATA\\[|\\]\\]>|</?[A-Za-z][A-Za-z0-9:_-]*(?:\\s[^<>]{0,2000})?/?>|&(?:[A-Za-z]{2,8}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});",
          Pattern.DOTALL);

  private final StanfordCoreNLP pipeline;
  private final LongAdder tokens = new LongAdder();

  /** Loads the model from the class path (about a second). Prefer {@link #shared()}. */
  public CoreNlpExtractor() {
    this.pipeline = new StanfordCoreNLP(properties());
  }

  /** The JVM's one extractor, loaded on first use. */
  public static CoreNlpExtractor shared() {
    return Holder.INSTANCE;
  }

  private static final class Holder {
    static final CoreNlpExtractor INSTANCE = new CoreNlpExtractor();
  }

  /** The pipeline's settings: see the class comment for why each. */
  static Properties properties() {
    Properties p = new Properties();
    p.setProperty("annotators", "tokenize,ssplit,ner");
    p.setProperty("tokenize.language", "en");
    // characters the tokenizer does not know become tokens of their own, without a warning each;
    // hyphenated words stay whole, as in the model's training data: names such as Nagorno-Karabakh
    // or
    // Jean-Claude stay one, and "Ontario-based" is not a place (CoNLL-2003 LOC F1 95.0, 94.6 when
    // split)
    p.setProperty("tokenize.options", "untokenizable=noneKeep,splitHyphenated=false");
    p.setProperty("ssplit.newlineIsSentenceBreak", "always");
    p.setProperty("ner.model", MODEL);
    p.setProperty("ner.applyNumericClassifiers", "false");
    p.setProperty("ner.applyFineGrained", "false");
    p.setProperty("ner.useSUTime", "false");
    p.setProperty("ner.buildEntityMentions", "false");
    return p;
  }

  /** How many tokens this extractor has tagged so far, in all threads (for throughput measures). */
  public long tokens() {
    return tokens.sum();
  }

  @Override
  public List<Mention> extract(String text) throws ExtractionException {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      String masked = mask(text);
      List<Mention> mentions = new ArrayList<>();
      int from = 0;
      while (from < masked.length()) {
        int to = pieceEnd(masked, from);
        if (!masked.substring(from, to).isBlank()) {
          annotate(text, masked, from, to, mentions);
        }
        from = to;
      }
      return mentions;
    } catch (RuntimeException | StackOverflowError e) {
      throw new ExtractionException(
          "CoreNLP failed on a text of " + text.length() + " characters: " + e, e);
    }
  }

  private void annotate(String text, String masked, int from, int to, List<Mention> out) {
    Annotation doc = new Annotation(masked.substring(from, to));
    pipeline.annotate(doc);
    List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
    if (sentences == null) {
      return;
    }
    for (CoreMap sentence : sentences) {
      tokens.add(sentence.get(CoreAnnotations.TokensAnnotation.class).size());
      EntityType open = null;
      int start = 0;
      int end = 0;
      for (CoreLabel token : sentence.get(CoreAnnotations.TokensAnnotation.class)) {
        EntityType type = type(token.ner());
        if (type != open) {
          add(text, masked, open, from + start, from + end, out);
          open = type;
          start = token.beginPosition();
        }
        end = token.endPosition();
      }
      add(text, masked, open, from + start, from + end, out);
    }
  }

  private static void add(
      String text, String masked, EntityType type, int start, int end, List<Mention> out) {
    if (type == null || end <= start || end > text.length()) {
      return;
    }
    String surface = text.substring(start, end);
    if (!surface.equals(masked.substring(start, end))) {
      return;
    }
    out.add(Mention.found(type, surface, start, end, Mention.Origin.MODEL));
  }

  /**
   * The type a token's NER label names, or {@code null} for O (and anything else the model might
   * say).
   */
  private static EntityType type(String label) {
    if (label == null) {
      return null;
    }
    return switch (label) {
      case "PERSON" -> EntityType.PERSON;
      case "ORGANIZATION" -> EntityType.ORGANIZATION;
      case "LOCATION" -> EntityType.LOCATION;
      default -> null;
    };
  }

  /**
   * The text with what must not reach the tokenizer replaced, keeping its length and so every
   * offset: markup and character entities become spaces, control characters (but tab and line feed)
   * and lone surrogates become spaces, carriage returns and Unicode line and paragraph separators
   * become line feeds. Example: {@code "<p>Baku</p>"} gives {@code " Baku "}.
   */
  static String mask(String text) {
    char[] c = text.toCharArray();
    Matcher m = MARKUP.matcher(text);
    while (m.find()) {
      for (int i = m.start(); i < m.end(); i++) {
        c[i] = ' ';
      }
    }
    for (int i = 0; i < c.length; i++) {
      char ch = c[i];
      if (ch == '\r'
          || ch == '\u2028'
          || ch == '\u2029'
          || ch == '\u0085'
          || ch == '\u000B'
          || ch == '\f') {
        c[i] = '\n';
      } else if (ch == '\n' || ch == '\t') {
        // kept
      } else if (Character.isISOControl(ch) || ch == '\uFEFF' || ch == '\u200B') {
        c[i] = ' ';
      } else if (Character.isHighSurrogate(ch)) {
        if (i + 1 < c.length && Character.isLowSurrogate(c[i + 1])) {
          i++;
        } else {
          c[i] = ' ';
        }
      } else if (Character.isLowSurrogate(ch)) {
        c[i] = ' ';
      }
    }
    return new String(c);
  }

  /**
   * Where the piece that starts at {@code from} ends: after a line break, else a space, near {@link
   * #PIECE}.
   */
  static int pieceEnd(String s, int from) {
    if (s.length() - from <= PIECE) {
      return s.length();
    }
    int limit = from + PIECE;
    int floor = from + PIECE / 2;
    int cut = s.lastIndexOf('\n', limit - 1);
    if (cut < floor) {
      cut = lastSpace(s, floor, limit);
    }
    if (cut < floor) {
      cut = limit - 1;
      if (Character.isHighSurrogate(s.charAt(cut))) {
        cut--;
      }
    }
    return cut + 1;
  }

  private static int lastSpace(String s, int floor, int limit) {
    for (int i = limit - 1; i >= floor; i--) {
      if (Character.isWhitespace(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }
}

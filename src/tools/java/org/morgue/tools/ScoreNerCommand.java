package org.morgue.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.morgue.entity.CoreNlpExtractor;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.EntityType;
import org.morgue.entity.Mention;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code morgue dev score-ner FILE}: precision, recall and F1 of the entity extraction on
 * CoNLL-2003 data, exact spans of PER, ORG and LOC, per type and together.
 *
 * <p>Each document's text is rebuilt from its tokens (joined by spaces, a sentence a line) and goes
 * through exactly the ingest's path ({@link EntityFinder#extract(String)}: the model, the demonym
 * rule, canonicalisation). Each mention's character span is mapped back to the CoNLL tokens it
 * touches, and a prediction counts when its token span and type equal a gold entity's.
 *
 * <p>What is scored, and why:
 *
 * <ul>
 *   <li>The model's mentions, with the type they end up with after canonicalisation (the alias
 *       table may file "EU" as an organisation) and without those canonicalisation drops as junk:
 *       so the rules are measured, and must not lower the scores. Canonical names do not change
 *       spans.
 *   <li>Not the demonym rule's mentions. CoNLL-2003 tags demonyms ("Armenian soldiers") as MISC, a
 *       convention of its own: Morgue counts them as the place for the facets, which CoNLL would
 *       score as false LOC predictions, and no gold LOC could ever be missed for want of them. They
 *       are counted apart, with how their spans are tagged in the gold.
 *   <li>{@code --no-rules} scores the bare model instead (the extractor's own mentions).
 * </ul>
 */
@Command(
    name = "score-ner",
    mixinStandardHelpOptions = true,
    description =
        "Scores the entity extraction on CoNLL-2003 data: precision, recall and F1 of exact PER, ORG and LOC spans.")
public final class ScoreNerCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "FILE",
      description = "A CoNLL-2003 file (token POS chunk tag; IOB2 tags).")
  Path file;

  @Option(
      names = "--no-rules",
      description = "Score the bare model: no canonicalisation, aliases or demonyms.")
  boolean noRules;

  @Option(
      names = "--errors",
      paramLabel = "N",
      description = "Print up to N wrong or missed spans of each type (default: ${DEFAULT-VALUE}).")
  int errors = 0;

  /** Counts of one type. */
  private static final class Counts {
    long gold;
    long predicted;
    long correct;

    double precision() {
      return predicted == 0 ? 0 : 100.0 * correct / predicted;
    }

    double recall() {
      return gold == 0 ? 0 : 100.0 * correct / gold;
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    List<Conll.Document> docs = Conll.read(file);
    CoreNlpExtractor extractor = CoreNlpExtractor.shared();
    EntityFinder finder = EntityFinder.standard();
    Map<EntityType, Counts> counts = new EnumMap<>(EntityType.class);
    for (EntityType t : EntityType.values()) {
      counts.put(t, new Counts());
    }
    Map<String, Integer> ruleGold = new java.util.TreeMap<>();
    int[] shown = new int[2 * EntityType.values().length];
    List<String> shownLines = new java.util.ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long tokens0 = extractor.tokens();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long wall0 = System.nanoTime();
    long conllTokens = 0;
    for (Conll.Document doc : docs) {
      conllTokens += doc.tokens().size();
      List<Mention> mentions =
          noRules ? extractor.extract(doc.text()) : finder.extract(doc.text()).mentions();
      Set<Conll.Span> predicted = new HashSet<>();
      for (Mention m : mentions) {
        Conll.Span span = Conll.toTokens(doc.tokens(), m);
        if (span == null) {
          continue;
        }
        if (m.origin() == Mention.Origin.RULE) {
          String tag = doc.tokens().get(span.first()).tag();
          ruleGold.merge(tag.length() > 2 ? tag.substring(2) : tag, 1, Integer::sum);
          continue;
        }
        predicted.add(span);
      }
      for (Conll.Span g : doc.gold()) {
        counts.get(g.type()).gold++;
        if (predicted.contains(g)) {
          counts.get(g.type()).correct++;
        } else {
          show(doc, g, "missed", shown, g.type().ordinal() * 2, shownLines);
        }
      }
      for (Conll.Span p : predicted) {
        counts.get(p.type()).predicted++;
        if (!doc.gold().contains(p)) {
          show(doc, p, "wrong ", shown, p.type().ordinal() * 2 + 1, shownLines);
        }
      }
    }
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    double wall = (System.nanoTime() - wall0) / 1e9;
    long tagged = extractor.tokens() - tokens0;

    System.out.printf(
        Locale.ROOT,
        "%s: %,d documents, %,d tokens; %s%n",
        file.getFileName(),
        docs.size(),
        conllTokens,
        noRules ? "bare model (--no-rules)" : "the ingest's path (model, canonicalisation, rules)");
    System.out.printf(
        Locale.ROOT,
        "%-8s %7s %9s %7s %9s %7s %6s%n",
        "type",
        "gold",
        "predicted",
        "correct",
        "precision",
        "recall",
        "F1");
    Counts all = new Counts();
    String[] tags = {"PER", "ORG", "LOC"};
    for (EntityType t : EntityType.values()) {
      Counts c = counts.get(t);
      row(tags[t.ordinal()], c);
      all.gold += c.gold;
      all.predicted += c.predicted;
      all.correct += c.correct;
    }
    row("all", all);
    if (!noRules) {
      System.out.println(
          "demonym rule mentions (not scored), by the gold tag of their first token: " + ruleGold);
    }
    shownLines.forEach(System.out::println);
    System.out.printf(
        Locale.ROOT,
        "speed: %,d CoreNLP tokens in %.1f CPU s (%.1f s wall), %,.0f tokens per CPU second%n",
        tagged,
        cpu,
        wall,
        tagged / cpu);
    return 0;
  }

  private static void row(String label, Counts c) {
    System.out.printf(
        Locale.ROOT,
        "%-8s %7d %9d %7d %9.2f %7.2f %6.2f%n",
        label,
        c.gold,
        c.predicted,
        c.correct,
        c.precision(),
        c.recall(),
        c.f1());
  }

  private void show(
      Conll.Document doc, Conll.Span s, String what, int[] shown, int slot, List<String> lines) {
    if (shown[slot] >= errors) {
      return;
    }
    shown[slot]++;
    int from = doc.tokens().get(Math.max(0, s.first() - 3)).start();
    int to = doc.tokens().get(Math.min(doc.tokens().size() - 1, s.last() + 2)).end();
    String span =
        doc.text()
            .substring(doc.tokens().get(s.first()).start(), doc.tokens().get(s.last() - 1).end());
    lines.add(
        String.format(
            Locale.ROOT,
            "%s %-12s [%s]  in: %s",
            what,
            s.type(),
            span,
            doc.text().substring(from, to).replace('\n', ' ')));
  }
}

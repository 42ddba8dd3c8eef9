package org.morgue.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.morgue.entity.AuthorityFile;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.Mention;
import org.morgue.search.SearchJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code morgue entities [FILE|-]}: the people, organisations and places of a plain text, one JSON
 * object a line per mention, by exactly the path the ingest takes ({@link
 * EntityFinder#extract(String)}).
 *
 * <p>Example: {@code echo "Armenia's Prime Minister Nikol Pashinyan spoke." | ./morgue entities}
 * prints
 *
 * <pre>
 * {"type":"place","text":"Armenia","canonical":"Armenia","field":"text","start":0,"end":7,"origin":"model"}
 * {"type":"person","text":"Nikol Pashinyan","canonical":"Nikol Pashinyan","field":"text","start":25,"end":40,"origin":"model"}
 * </pre>
 *
 * <p>Each line is a mention in the one shape the API's article view also gives ({@link
 * SearchJson#mention}): {@code type} is the dimension ({@code person}, {@code org}, {@code place})
 * and {@code field} is always {@code text}, the plain text read. Offsets are Java string indices
 * (UTF-16 code units) into the text as read, UTF-8 decoded.
 */
@Command(
    name = "entities",
    mixinStandardHelpOptions = true,
    subcommands = {
      EntitiesCommand.Apply.class,
      EntitiesCommand.Report.class,
      EntitiesCommand.BoilerplateLines.class
    },
    description =
        "Prints the people, organisations and places a plain text names, one JSON object a line for"
            + " each mention: its type (person, org or place), surface text, canonical name, field"
            + " (text), start and end offsets and origin (model or rule), as the API's article view"
            + " gives them.")
public final class EntitiesCommand implements Callable<Integer> {
  @Parameters(
      arity = "0..1",
      paramLabel = "FILE",
      description = "A UTF-8 text file, or - (the default) for standard input.")
  String file = "-";

  @Option(
      names = "--no-demonyms",
      description = "Do not count demonyms (\"Azerbaijani\") as places.")
  boolean noDemonyms;

  @Option(
      names = "--authority",
      paramLabel = "FILE",
      description =
          "An authority file to apply: one rule a line, such as 'Nikol Pashinian => Nikol"
              + " Pashinyan', 'block Tuesday' or 'type Hamas => ORGANIZATION' (the format is in"
              + " the README).")
  Path authority;

  @Override
  public Integer call() throws Exception {
    String text = read();
    EntityFinder finder = EntityFinder.standard().withDemonyms(!noDemonyms);
    if (authority != null) {
      if (!Files.exists(authority)) {
        throw new IllegalArgumentException("no authority file " + authority);
      }
      finder = finder.withAuthority(AuthorityFile.read(authority));
    }
    PrintWriter out =
        new PrintWriter(
            new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
    for (Mention m : finder.extract(text).mentions()) {
      out.println(Json.line(SearchJson.mention(m)));
    }
    out.flush();
    return 0;
  }

  private String read() throws IOException {
    if (file.equals("-")) {
      InputStream in = System.in;
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path p = Path.of(file);
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no such file: " + file);
    }
    return Files.readString(p, StandardCharsets.UTF_8);
  }

  /** {@code morgue entities apply}: the authority file applied to the whole archive. */
  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description =
          "Applies the archive's authority file (authority.txt beside the index) and the shipped"
              + " name tables to every article's stored mentions, without running the extractor"
              + " again, and rewrites the articles whose people, organisations or places change."
              + " With --backend opensearch the archive folder's index is the cluster's journal:"
              + " the changed articles are then sent to the cluster, as migrate sends them.")
  static final class Apply implements Callable<Integer> {
    @picocli.CommandLine.Mixin IndexOption index = new IndexOption();
    @picocli.CommandLine.Mixin BackendOption backend = new BackendOption();

    @Option(
        names = "--no-demonyms",
        description = "Do not count demonyms (\"Azerbaijani\") as places.")
    boolean noDemonyms;

    @Override
    public Integer call() throws Exception {
      org.morgue.index.IndexLayout layout = index.requireIndex();
      EntityFinder finder = index.entityFinder(!noDemonyms);
      long start = System.nanoTime();
      org.morgue.index.Ingester.Recanonicalized r;
      try (org.morgue.index.Ingester ingester =
          new org.morgue.index.Ingester(layout, org.morgue.index.Ingester.Options.defaults())) {
        r = ingester.recanonicalize(finder);
      }
      System.out.printf(
          Locale.ROOT,
          "authority file: %s%s%n",
          layout.authorityFile(),
          Files.exists(layout.authorityFile()) ? "" : " (none; the shipped tables only)");
      System.out.printf(
          Locale.ROOT,
          "%,d articles, %,d with entities, %,d changed, in %.1f s%n",
          r.articles(),
          r.withMentions(),
          r.changed(),
          (System.nanoTime() - start) / 1e9);
      if (backend.isOpenSearch()) {
        // the archive folder's index is the cluster's journal: the changed articles go to it
        return MigrateCommand.sync(layout, backend, 1, 0, 500, 2, false);
      }
      return 0;
    }
  }

  /**
   * {@code morgue entities report}: suspected splits and junk among the archive's people,
   * organisations and places, each with the authority-file rule that fixes it ({@link
   * org.morgue.curation.NamesReport}).
   */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      description =
          "Lists, from the archive's person, org and place counts, suspected splits (a value whose"
              + " words are part of a longer value of the same type) and suspected junk (title"
              + " words, repeated words, names run together, a name filed under two types), each"
              + " with the authority-file rule that fixes it, ready to paste into authority.txt.")
  static final class Report implements Callable<Integer> {
    @picocli.CommandLine.Mixin IndexOption index = new IndexOption();

    @Option(
        names = "--top",
        paramLabel = "N",
        description =
            "Look at the N most frequent values of each type (default: ${DEFAULT-VALUE}).")
    int top = org.morgue.curation.NamesReport.DEFAULT_TOP;

    @Option(names = "--json", description = "Print the report as JSON, as the API gives it.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      if (top < 1 || top > org.morgue.curation.NamesReport.MAX_TOP) {
        throw new IllegalArgumentException(
            "--top takes 1 to " + org.morgue.curation.NamesReport.MAX_TOP + ", not " + top);
      }
      org.morgue.index.IndexLayout layout = index.requireIndex();
      org.morgue.curation.NamesReport r;
      try (org.morgue.search.ArchiveSearcher searcher =
          org.morgue.search.ArchiveSearcher.open(layout)) {
        r = org.morgue.curation.NamesReport.of(searcher, top);
      }
      PrintWriter out =
          new PrintWriter(
              new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
      if (json) {
        out.println(Json.pretty(org.morgue.curation.NamesJson.report(r)));
      } else {
        print(r, out);
      }
      out.flush();
      return 0;
    }

    /** The report as text: each finding, then its rule on a line of its own. */
    static void print(org.morgue.curation.NamesReport r, PrintWriter out) {
      out.printf(
          Locale.ROOT,
          "Suspected splits (%d), among the top %d values of each type:%n",
          r.splits().size(),
          r.top());
      for (var s : r.splits()) {
        out.printf(
            Locale.ROOT,
            "  %s %s (%d) is part of %s (%d)%n    %s%n",
            s.type().facet(),
            s.value(),
            s.count(),
            s.into(),
            s.intoCount(),
            s.rule() == null ? "# no rule can name it" : s.rule());
      }
      out.printf(Locale.ROOT, "Suspected junk (%d):%n", r.junk().size());
      for (var j : r.junk()) {
        out.printf(
            Locale.ROOT,
            "  %s %s (%d): %s%n    %s%n",
            j.type().facet(),
            j.value(),
            j.count(),
            j.why(),
            j.rule() == null ? "# no rule can name it" : j.rule());
      }
    }
  }

  /** {@code morgue entities boilerplate}: the lines left out of entity extraction. */
  @Command(
      name = "boilerplate",
      mixinStandardHelpOptions = true,
      description =
          "Lists the lines that at least five articles of one source share (footers, attribution"
              + " lines, credits): they are left out of entity extraction. Correct the list in"
              + " boilerplate.txt beside the index ('keep: LINE' or 'drop: LINE'), then run"
              + " 'morgue entities apply'.")
  static final class BoilerplateLines implements Callable<Integer> {
    @picocli.CommandLine.Mixin IndexOption index = new IndexOption();

    @Option(names = "--top", description = "Lines listed (default: 50).")
    int top = 50;

    @Override
    public Integer call() throws Exception {
      org.morgue.index.IndexLayout layout = index.requireIndex();
      var overrides = org.morgue.index.BoilerplateOverrides.read(layout.boilerplateFile());
      try (var dir = org.apache.lucene.store.FSDirectory.open(layout.lucene());
          var reader = org.apache.lucene.index.DirectoryReader.open(dir)) {
        var lines = org.morgue.index.Boilerplate.lines(reader, overrides, top);
        System.out.printf(
            Locale.ROOT, "%,d boilerplate lines (articles, source, status, line):%n", lines.size());
        for (var l : lines) {
          System.out.printf(
              Locale.ROOT,
              "%7d  %s  %s  %s%n",
              l.articles(),
              l.source(),
              l.status(),
              l.text() == null ? "(no sample)" : Terminal.oneLine(l.text()));
        }
      }
      return 0;
    }
  }
}

package org.morgue.entity;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolution of one article's names against the whole archive ({@link NameStatistics}), after the
 * per-article steps of {@link Canonicalizer}. In order:
 *
 * <ol>
 *   <li><b>Boilerplate</b>: a mention on a line that at least {@value #BOILERPLATE_MIN} articles of
 *       the same source share (a footer, an attribution line, a credit) is left out.
 *   <li><b>Acronyms</b> not in the alias table take the long name the article defines them as, else
 *       the one the archive most often defines them as ("Centers for Disease Control and Prevention
 *       (CDC)").
 *   <li><b>One type per name</b>: a name takes the type most of the archive's mentions of it have
 *       (at least {@value #TYPE_MIN_VOTES} articles and {@value #TYPE_SHARE} of them).
 *   <li><b>People</b>: a partial name (a surname, a given name, "Mr. Obama") resolves to the full
 *       name it stands for, chosen among the archive's full names with those words by their
 *       mentions near the article's date, the article's own full names counting five times, a title
 *       or honorific before it ("Mrs.", "President") favouring the full names it is seen with. The
 *       best must score twice the next, or the name stays partial. A full name takes the archive's
 *       most frequent form of the same person: middle names and initials ("Antony J. Blinken"),
 *       nicknames ("Tony"), suffixes; a name two names run together becomes the one it holds.
 *   <li><b>Organisations</b>: a one-word organisation joins the article's longer organisation that
 *       ends with it ("Times" in an article naming the New York Times) or its own source's; a name
 *       that is one of the archive's sources is that outlet.
 *   <li><b>Spelling</b>: a name takes the archive's most frequent spelling of its key.
 * </ol>
 */
final class Resolver {
  /** Articles a source must have for a name equal to it to be taken for the outlet. */
  static final int SOURCE_MIN = 3;

  /** Articles of one source sharing a line that make it boilerplate. */
  static final int BOILERPLATE_MIN = 5;

  static final int TYPE_MIN_VOTES = 3;

  static final double TYPE_SHARE = 0.6;

  /**
   * A one-word name found as a person is a place when at least this share of the articles finding
   * it so write it as a place is written ({@code Q} facts), in at least {@link #TYPE_MIN_VOTES}.
   */
  static final double PLACE_SHARE = 0.5;

  /** A candidate named in the article itself counts this many times. */
  static final double IN_ARTICLE = 5;

  /** The article's nearest full name before (else after) the partial name counts this much more. */
  static final double NEAREST = 1.5;

  /** The best candidate must score this many times the next. */
  static final double MARGIN = 2;

  private final NameTables tables;
  private final NameStatistics stats;
  private final ArticleText text;
  private final int year;
  private final Map<String, Map<String, Long>> prefixes = new HashMap<>();

  /** The variants known for each statistics, shared by the articles resolved against them. */
  private static final Map<NameStatistics, Map<String, String>> VARIANTS =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  private final Map<String, String> variants;

  Resolver(NameTables tables, NameStatistics stats, ArticleText text) {
    this.tables = tables;
    this.stats = stats;
    this.text = text;
    this.year = text == null || text.date() == null ? -1 : text.date().getYear();
    this.variants =
        !stats.unchanging()
            ? new HashMap<>()
            : VARIANTS.computeIfAbsent(stats, s -> new java.util.concurrent.ConcurrentHashMap<>());
  }

  void resolve(List<Canonicalizer.Draft> drafts) {
    boilerplate(drafts);
    acronyms(drafts);
    types(drafts);
    notPeople(drafts);
    people(drafts);
    organisations(drafts);
    spellings(drafts);
  }

  private Map<String, Long> prefix(String p) {
    return prefixes.computeIfAbsent(p, stats::withPrefix);
  }

  // ---- boilerplate

  private void boilerplate(List<Canonicalizer.Draft> drafts) {
    if (text == null || text.source() == null || text.body() == null) {
      return;
    }
    String sk = NameFacts.sourceKey(text.source());
    Map<Integer, Boolean> lines = new HashMap<>();
    for (Canonicalizer.Draft d : drafts) {
      Mention.Field f = d.mention.field();
      if (d.lineStart < 0 || f != Mention.Field.BODY && f != Mention.Field.TEXT) {
        continue;
      }
      boolean boiler =
          lines.computeIfAbsent(
              d.lineStart,
              s -> {
                String h = NameFacts.lineHash(text.body().substring(d.lineStart, d.lineEnd));
                return h != null && stats.count("B|" + sk + "|" + h) >= BOILERPLATE_MIN;
              });
      if (boiler) {
        d.dropped = true;
      }
    }
  }

  // ---- acronyms

  private void acronyms(List<Canonicalizer.Draft> drafts) {
    Map<String, String> own = new HashMap<>();
    if (text != null) {
      for (String t : new String[] {text.title(), text.lede(), text.body()}) {
        own.putAll(NameFacts.definitions(t));
      }
    }
    for (Canonicalizer.Draft d : drafts) {
      if (d.dropped || d.fixed || !Canonicalizer.acronym(d.written)) {
        continue;
      }
      String acronym = d.written.replace(".", "");
      String name = own.get(acronym);
      if (name == null) {
        name = best(prefix("A|" + acronym + "|"), 2);
      }
      if (name != null) {
        NameTables.Entry alias = tables.alias(name);
        d.name = alias == null ? name : alias.name();
        d.type = alias == null ? EntityType.ORGANIZATION : alias.type();
        d.words = NameTables.key(d.name).split(" ");
      }
    }
  }

  /** The key with the highest count, if at least {@code min} and twice the next; else null. */
  private static String best(Map<String, Long> counts, long min) {
    String best = null;
    long first = 0;
    long second = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      long c = e.getValue();
      if (c > first || c == first && best != null && e.getKey().compareTo(best) < 0) {
        second = Math.max(second, first);
        first = c;
        best = e.getKey();
      } else if (c > second) {
        second = c;
      }
    }
    return best != null && first >= min && first >= MARGIN * second ? best : null;
  }

  // ---- types

  private void types(List<Canonicalizer.Draft> drafts) {
    Set<String> surnames = new HashSet<>();
    for (Canonicalizer.Draft d : drafts) {
      PersonName p = d.type == EntityType.PERSON ? PersonName.parse(d.name) : null;
      if (p != null) {
        surnames.add(p.surname());
        surnames.add(p.bareSurname());
      }
    }
    // within an article one word is one thing: a lone "Bucha" the model also tagged as a place is
    // that place, unless the archive knows people of that surname ("Trump" of "Trump Tower")
    Map<String, EntityType> placesAndOrgs = new HashMap<>();
    for (Canonicalizer.Draft d : drafts) {
      if (!d.dropped && d.type == EntityType.LOCATION && d.words.length == 1) {
        placesAndOrgs.putIfAbsent(d.words[0], d.type);
      }
    }
    for (Canonicalizer.Draft d : drafts) {
      if (d.dropped || d.fixed) {
        continue;
      }
      String k = NameTables.key(d.name);
      if (d.type == EntityType.PERSON && surnames.contains(k)) {
        continue; // the article's own full name says what it is
      }
      if (d.type == EntityType.PERSON
          && d.words.length == 1
          && placesAndOrgs.containsKey(k)
          && prefix("L|" + k + "|").isEmpty()) {
        d.type = placesAndOrgs.get(k); // no one in the archive bears it as a surname
        continue;
      }
      if ((d.type == EntityType.PERSON || d.type == EntityType.LOCATION)
          && d.words.length == 1
          && writtenAsPlace(k)) {
        d.type = EntityType.LOCATION; // and the votes of the model's person mentions do not count
        continue;
      }
      long total = 0;
      EntityType top = null;
      long topVotes = 0;
      for (EntityType t : EntityType.values()) {
        long v = stats.count("T|" + t + "|" + k);
        total += v;
        if (v > topVotes) {
          topVotes = v;
          top = t;
        }
      }
      if (top != null
          && top != d.type
          && total >= TYPE_MIN_VOTES
          && topVotes >= TYPE_SHARE * total
          && !(surnames.contains(k) && top != EntityType.PERSON)) {
        d.type = top;
      }
    }
  }

  /** Laws, programmes and scandals named after people ("Obamacare", "Pizzagate") are not people. */
  private static void notPeople(List<Canonicalizer.Draft> drafts) {
    for (Canonicalizer.Draft d : drafts) {
      if (d.type == EntityType.PERSON && d.words.length == 1) {
        String w = d.words[0];
        if (w.length() > 6
            && (w.endsWith("care")
                || w.endsWith("gate")
                || w.endsWith("ism")
                || w.endsWith("ists"))) {
          d.dropped = true;
        }
      }
    }
  }

  // ---- people

  /** A full name named in the article, and where (its drafts' indexes). */
  private record Full(
      String key, PersonName name, String display, Set<String> titles, List<Integer> at) {}

  /** Where the draft being resolved is, for the nearest full name of the article. */
  private int current;

  /** Words in an organisation's name that say a person's title is run into it. */
  private static final Set<String> TITLE_WORDS =
      Set.of(
          "envoy",
          "secretary",
          "ambassador",
          "minister",
          "spokesperson",
          "spokesman",
          "spokeswoman",
          "coordinator",
          "representative",
          "director",
          "affairs",
          "rights",
          "president",
          "chairman",
          "chairwoman",
          "commissioner",
          "administrator");

  /**
   * A title run into a name and taken whole for an organisation ("Special Presidential Envoy for
   * Climate Kerry", "Human Rights Uzra Zeya"): the person at its end, when the archive or the
   * article knows that full name, or when the organisation's words hold a title and the last word
   * is a surname the archive knows.
   */
  private void titlesRunIntoNames(List<Canonicalizer.Draft> drafts) {
    Set<String> ownPeople = new HashSet<>();
    for (Canonicalizer.Draft d : drafts) {
      if (d.type == EntityType.PERSON) {
        ownPeople.add(NameTables.key(d.name));
      }
    }
    for (Canonicalizer.Draft d : drafts) {
      if (d.dropped || d.fixed || d.type != EntityType.ORGANIZATION || d.words.length < 3) {
        continue;
      }
      String[] shown = Canonicalizer.SPACES.split(d.name.strip());
      if (shown.length < 3) {
        continue;
      }
      int n = shown.length;
      String shownTwo = shown[n - 2] + " " + shown[n - 1];
      String two = NameTables.key(shownTwo); // "Noh Kyu-duk": three words as a key
      boolean titled = false;
      for (int i = 0; i < d.words.length - 1; i++) {
        titled |= TITLE_WORDS.contains(d.words[i]);
      }
      PersonName p = PersonName.parse(two);
      if (p != null
          && Character.isUpperCase(shown[n - 2].charAt(0))
          && (ownPeople.contains(two)
              || count(p.keyWithoutSuffix()) >= 2
              || titled && count(p.keyWithoutSuffix()) >= 1)) {
        d.type = EntityType.PERSON;
        d.name = shownTwo;
        d.words = NameTables.key(d.name).split(" ");
      } else if (titled && !prefix("L|" + NameTables.key(shown[n - 1]) + "|").isEmpty()) {
        d.type = EntityType.PERSON;
        d.name = shown[n - 1];
        d.words = NameTables.key(d.name).split(" ");
      }
    }
  }

  private void people(List<Canonicalizer.Draft> drafts) {
    titlesRunIntoNames(drafts);
    Map<String, Full> own = new LinkedHashMap<>();
    Set<String> personWords = new HashSet<>();
    for (int i = 0; i < drafts.size(); i++) {
      Canonicalizer.Draft d = drafts.get(i);
      int at = i;
      if (d.dropped || d.type != EntityType.PERSON) {
        continue;
      }
      personWords.add(NameTables.key(d.written));
      PersonName p = PersonName.parse(d.name);
      if (p != null && NameFacts.plausible(d.name, p)) {
        Full f =
            own.computeIfAbsent(
                p.keyWithoutSuffix(),
                k -> new Full(k, p, d.name, new HashSet<>(), new ArrayList<>()));
        f.titles().addAll(d.titles);
        f.at().add(at);
      }
    }
    // two names run together ("Booing Hillary Clinton", "Joe Biden Hillary Clinton") end with
    // another full name of the article: nothing joins them
    own.values()
        .removeIf(
            f ->
                own.keySet().stream()
                    .anyMatch(o -> !o.equals(f.key()) && f.key().endsWith(" " + o)));
    for (int i = 0; i < drafts.size(); i++) {
      Canonicalizer.Draft d = drafts.get(i);
      current = i;
      if (d.dropped) {
        continue;
      }
      if (d.type != EntityType.PERSON) {
        joinPerson(d, own, personWords);
        continue;
      }
      PersonName p = PersonName.parse(d.name);
      if (p == null) {
        partial(d, NameTables.key(d.name), own);
        if (PersonName.parse(d.name) == null) {
          unresolved(d);
        }
      } else {
        full(d, p);
      }
    }
  }

  /**
   * A one-word organisation or place not in the tables that is the surname of one of the article's
   * full names is that person; so is a known place that the model also took alone for a person in
   * this article ("Jamil" after "Jamil Ahmed"; but "Washington" beside "Kerry Washington" stays a
   * place).
   */
  private void joinPerson(Canonicalizer.Draft d, Map<String, Full> own, Set<String> personWords) {
    if (d.words.length != 1) {
      return;
    }
    String k = d.words[0];
    boolean place = tables.isPlace(d.written) || tables.demonym(d.written) != null;
    boolean known = place || tables.alias(d.name) != null;
    if (known && !(place && personWords.contains(NameTables.key(d.written)))) {
      return;
    }
    for (Full f : own.values()) {
      if (f.name().surname().equals(k) || f.name().bareSurname().equals(k)) {
        d.type = EntityType.PERSON;
        partial(d, k, own);
        return;
      }
    }
  }

  /**
   * A one-word person name that no full name explains: a family ("the Clintons") is no person and
   * is left out; a name the alias table files as an organisation ("Fox") takes that entry.
   */
  private void unresolved(Canonicalizer.Draft d) {
    String k = NameTables.key(d.name);
    if (k.contains(" ")) {
      return;
    }
    if (k.length() > 3 && k.endsWith("s")) {
      if (fullNamed(k.substring(0, k.length() - 1)) >= 10) {
        d.dropped = true;
        return;
      }
    }
    NameTables.Entry e = tables.alias(d.written);
    if (e != null && e.type() == EntityType.ORGANIZATION) { // not places: Holland is a person too
      d.type = e.type();
      d.name = e.name();
      d.fixed = true;
      d.words = NameTables.key(d.name).split(" ");
    }
  }

  private static final class Candidate {
    double score;
    boolean bySurname;
    boolean inArticle;
    long total;
  }

  /** A surname, a given name or a family name alone: the full name it stands for, if clear. */
  private void partial(Canonicalizer.Draft d, String pk, Map<String, Full> own) {
    if (pk.isEmpty()) {
      return;
    }
    Map<String, Candidate> cands = new HashMap<>();
    for (Map.Entry<String, Long> e : prefix("L|" + pk + "|").entrySet()) {
      Candidate c = cands.computeIfAbsent(e.getKey(), k -> new Candidate());
      c.bySurname = true;
      c.total = Math.max(c.total, e.getValue());
    }
    if (!pk.contains(" ")) {
      for (String g : tables.formalNames(pk)) {
        for (Map.Entry<String, Long> e : prefix("G|" + g + "|").entrySet()) {
          Candidate c = cands.computeIfAbsent(e.getKey(), k -> new Candidate());
          c.total = Math.max(c.total, e.getValue());
        }
      }
    }
    for (Full f : own.values()) {
      boolean surname = f.name().surname().equals(pk) || f.name().bareSurname().equals(pk);
      boolean given = !pk.contains(" ") && tables.sameGiven(f.name().given(), pk);
      if (surname || given) {
        Candidate c = cands.computeIfAbsent(f.key(), k -> new Candidate());
        c.inArticle = true;
        c.bySurname |= surname;
        c.total = Math.max(c.total, 1);
      }
    }
    if (cands.isEmpty()) {
      return;
    }
    String nearest = nearest(own, cands);
    boolean archiveKnows = false;
    for (Candidate c : cands.values()) {
      // the article's own facts count once in the statistics once it is in the archive
      archiveKnows |= c.total > (c.inArticle ? 1 : 0);
    }
    if (!archiveKnows) {
      // nothing but the article: its nearest full name before the partial one, else after it
      if (nearest != null) {
        d.name = display(nearest, own);
        d.type = EntityType.PERSON;
        d.words = NameTables.key(d.name).split(" ");
      }
      return;
    }
    // titles and honorifics: "Mrs. Trump" is not Donald, "President Obama" is not Michelle
    Map<String, Long> titled = new HashMap<>();
    long anyTitled = 0;
    if (!d.titles.isEmpty()) {
      for (Map.Entry<String, Candidate> e : cands.entrySet()) {
        long h = 0;
        for (String t : d.titles) {
          h += stats.count("H|" + t + "|" + e.getKey());
          Full f = own.get(e.getKey());
          if (f != null && f.titles().contains(t)) {
            h += 1;
          }
        }
        titled.put(e.getKey(), h);
        anyTitled += h;
      }
    }
    Map<String, Double> byPerson = new HashMap<>();
    Map<String, Candidate> representative = new HashMap<>();
    for (Map.Entry<String, Candidate> e : cands.entrySet()) {
      Candidate c = e.getValue();
      PersonName p = PersonName.parse(e.getKey());
      if (p == null || p.hasRepeatedWord() || !c.inArticle && c.total < 2) {
        continue;
      }
      double s = near(e.getKey(), c.total);
      if (c.inArticle) {
        s = Math.max(s, 1) * IN_ARTICLE * (e.getKey().equals(nearest) ? NEAREST : 1);
      }
      if (!c.bySurname) {
        s *= 0.5; // a given name alone is weaker evidence than a surname
      }
      if (anyTitled > 0) {
        long h = titled.getOrDefault(e.getKey(), 0L);
        s *= h == 0 ? 0.05 : 1 + 10.0 * h / (c.total + 1);
      }
      char wanted = honorificGender(d.titles);
      char given = tables.gender(p.given());
      if (wanted != 0 && given != 0 && wanted != given) {
        s *= 0.01; // "Mrs. Trump" is not Donald
      }
      c.score = s;
      String person = variant(e.getKey());
      byPerson.merge(person, s, Double::sum);
      Candidate r = representative.get(person);
      if (r == null) {
        representative.put(person, c);
      } else {
        r.inArticle |= c.inArticle;
        r.bySurname |= c.bySurname;
        r.total = Math.max(r.total, c.total);
      }
    }
    String best = null;
    double first = 0;
    double second = 0;
    for (Map.Entry<String, Double> e : byPerson.entrySet()) {
      double s = e.getValue();
      if (s > first || s == first && best != null && e.getKey().compareTo(best) < 0) {
        second = Math.max(second, first);
        first = s;
        best = e.getKey();
      } else if (s > second) {
        second = s;
      }
    }
    if (best == null || first < MARGIN * second) {
      return; // ambiguous: stays partial rather than guessed
    }
    Candidate c = representative.get(best);
    if (!c.bySurname && !c.inArticle && (c.total < 3 || first < 5 * second)) {
      return; // a given name alone, with nothing in the article to say whose
    }
    d.name = display(best, own);
    d.type = EntityType.PERSON;
    d.words = NameTables.key(d.name).split(" ");
  }

  /** The gender an honorific says: {@code 'F'} for Mrs., Ms., Miss; {@code 'M'} for Mr.; else 0. */
  private static char honorificGender(Set<String> titles) {
    if (titles.contains("mrs") || titles.contains("ms") || titles.contains("miss")) {
      return 'F';
    }
    return titles.contains("mr") ? 'M' : 0;
  }

  /**
   * The article's full name among the candidates that is the nearest before the draft being
   * resolved, else the nearest after it: the reader's own reading of a surname.
   */
  private String nearest(Map<String, Full> own, Map<String, Candidate> cands) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (Full f : own.values()) {
      if (!cands.containsKey(f.key())) {
        continue;
      }
      for (int j : f.at()) {
        int distance = j < current ? current - j : 1_000_000 + (j - current);
        if (distance < bestDistance) {
          bestDistance = distance;
          best = f.key();
        }
      }
    }
    return best;
  }

  /** A full name: the archive's most frequent form of the same person, or a name it runs into. */
  private void full(Canonicalizer.Draft d, PersonName p) {
    String fk = p.keyWithoutSuffix();
    if (p.words().size() >= 3 || !NameFacts.plausible(d.name, p)) {
      String held = heldName(p, fk);
      if (held != null) {
        d.name = display(variant(held), Map.of());
        d.words = NameTables.key(d.name).split(" ");
        return;
      }
    }
    String v = variant(fk);
    if (!v.equals(fk) || !prefix("P|" + fk + "|").isEmpty()) {
      d.name = display(v, Map.of(fk, new Full(fk, p, d.name, Set.of(), List.of())));
      d.words = NameTables.key(d.name).split(" ");
    }
  }

  /**
   * A two-word-or-longer name within {@code p} (without its first or last word) that the archive
   * names at least ten times as often: "Booing Hillary Clinton", "Mitch McConnell Addison".
   */
  private String heldName(PersonName p, String fk) {
    long own = Math.max(1, count(fk));
    List<String> w = List.of(fk.split(" "));
    for (List<String> sub : List.of(w.subList(1, w.size()), w.subList(0, w.size() - 1))) {
      if (sub.size() < 2) {
        continue;
      }
      String k = String.join(" ", sub);
      PersonName s = PersonName.parse(k);
      if (s != null && count(k) >= 10 * own) {
        return s.keyWithoutSuffix();
      }
    }
    return null;
  }

  /**
   * Whether the archive writes a one-word name the model often takes for a person as a place ("in
   * Bucha", "Bucha, Ukraine"), in more articles than name anyone of that surname in full ("the
   * ruling in Bostock" is Gerald Bostock's case).
   */
  private boolean writtenAsPlace(String k) {
    long written = stats.count("Q|" + k);
    return written >= TYPE_MIN_VOTES
        && written >= PLACE_SHARE * stats.count("T|PERSON|" + k)
        && written > fullNamed(k);
  }

  /** The articles naming someone of this surname in full (an article naming two counts twice). */
  private long fullNamed(String surname) {
    long n = 0;
    for (long c : prefix("L|" + surname + "|").values()) {
      n += c;
    }
    return n;
  }

  /** The number of articles naming a full name (by its key). */
  private long count(String fk) {
    PersonName p = PersonName.parse(fk);
    return p == null ? 0 : prefix("L|" + p.surname() + "|").getOrDefault(fk, 0L);
  }

  /** Mentions of a full name near the article's date: ±2 years, weighted 1, 1/2, 1/4. */
  private double near(String fk, long total) {
    if (year < 0) {
      return total;
    }
    double s = 0.05 * total;
    double[] w = {1, 0.5, 0.25};
    for (int dy = -2; dy <= 2; dy++) {
      s += w[Math.abs(dy)] * stats.count("Y|" + (year + dy) + "|" + fk);
    }
    return s;
  }

  /**
   * The key of the archive's most frequent full name that is the same person as {@code fk}: same
   * surname, given names that match (nicknames, initials), middle names that agree. A name without
   * middle names stays itself when the archive holds two people whose middle names disagree (George
   * W. Bush and George H. W. Bush) and neither is five times the other.
   */
  String variant(String fk) {
    String known = variants.get(fk);
    if (known != null) {
      return known;
    }
    PersonName p = PersonName.parse(fk);
    String out = fk;
    if (p != null) {
      Map<String, Long> cluster = new HashMap<>(prefix("L|" + p.surname() + "|"));
      long own = cluster.getOrDefault(fk, 0L);
      List<String> same = new ArrayList<>();
      for (String g : cluster.keySet()) {
        PersonName q = PersonName.parse(g);
        if (q != null
            && !g.equals(fk)
            && !q.hasRepeatedWord()
            && q.surname().equals(p.surname())
            && tables.sameGiven(p.given(), q.given())
            && middlesAgree(p.middles(), q.middles())) {
          same.add(g);
        }
      }
      String best = fk;
      long bestCount = own;
      for (String g : same) {
        long c = cluster.get(g);
        if (c > bestCount || c == bestCount && c > 0 && moreSpecific(g, best)) {
          best = g; // ties: the fuller name, then the key, so that every run answers alike
          bestCount = c;
        }
      }
      if (!best.equals(fk) && p.middles().isEmpty()) {
        // two people with disagreeing middle names: the shorter name is ambiguous
        PersonName b = PersonName.parse(best);
        for (String g : same) {
          PersonName q = PersonName.parse(g);
          if (!q.middles().isEmpty()
              && !middlesAgree(b.middles(), q.middles())
              && 5 * cluster.get(g) > bestCount) {
            best = fk;
            break;
          }
        }
      }
      out = best;
    }
    if (variants.size() > 200_000) {
      variants.clear(); // bounded: a cache
    }
    variants.put(fk, out);
    return out;
  }

  /** Whether name key {@code a} has more words than {@code b}, or as many and sorts first. */
  private static boolean moreSpecific(String a, String b) {
    int wa = a.split(" ").length;
    int wb = b.split(" ").length;
    return wa > wb || wa == wb && a.compareTo(b) < 0;
  }

  /**
   * Whether two lists of middle names may be one person's: either is empty, or they have as many
   * names and each pair matches (an initial matches a name: "J." and "John"). "W." and "H. W." do
   * not: George W. Bush is not George H. W. Bush.
   */
  private boolean middlesAgree(List<String> a, List<String> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return true;
    }
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!tables.sameGiven(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The archive's most frequent spelling of a full name, else the article's, else its key's. */
  private String display(String fk, Map<String, Full> own) {
    String best = null;
    long n = 0;
    for (Map.Entry<String, Long> e : prefix("P|" + fk + "|").entrySet()) {
      if (e.getValue() > n || e.getValue() == n && e.getKey().compareTo(best) < 0) {
        best = e.getKey();
        n = e.getValue();
      }
    }
    if (best != null) {
      return best;
    }
    Full f = own.get(fk);
    return f != null ? f.display() : Canonicalizer.titleCase(fk);
  }

  // ---- organisations

  private void organisations(List<Canonicalizer.Draft> drafts) {
    String ownSource =
        text == null || text.source() == null ? null : NameFacts.sourceName(text.source());
    String ownLast = null;
    if (ownSource != null) {
      String[] w = NameTables.key(ownSource).split(" ");
      ownLast = w.length > 1 ? w[w.length - 1] : null;
    }
    for (int i = 0; i < drafts.size(); i++) {
      Canonicalizer.Draft d = drafts.get(i);
      if (d.dropped || d.fixed) {
        continue;
      }
      String k = NameTables.key(d.name);
      if (d.type == EntityType.ORGANIZATION
          && d.words.length == 1
          && !Canonicalizer.acronym(d.written)) {
        String longer = longerOrganisation(drafts, i, k);
        if (longer != null) {
          d.name = longer;
          continue;
        }
        if (k.equals(ownLast)) {
          d.name = ownSource;
          continue;
        }
      }
      if (d.type == EntityType.PERSON && PersonName.parse(d.name) != null) {
        continue; // a full person name is a person, even if an outlet shares it
      }
      String sk = k.startsWith("the ") ? k.substring(4) : k;
      String outlet = best(prefix("S|" + sk + "|"), SOURCE_MIN);
      if (outlet != null) {
        d.type = EntityType.ORGANIZATION;
        d.name = outlet;
      }
    }
  }

  /** The nearest longer organisation of the article ending with the word (before, else after). */
  private static String longerOrganisation(List<Canonicalizer.Draft> drafts, int i, String word) {
    String found = null;
    int distance = Integer.MAX_VALUE;
    for (int j = 0; j < drafts.size(); j++) {
      Canonicalizer.Draft o = drafts.get(j);
      if (j == i || o.dropped || o.type != EntityType.ORGANIZATION || o.words.length < 2) {
        continue;
      }
      if (o.words[o.words.length - 1].equals(word)) {
        int dist = j < i ? i - j : drafts.size() + (j - i);
        if (dist < distance) {
          distance = dist;
          found = o.name;
        }
      }
    }
    return found;
  }

  // ---- spelling

  private void spellings(List<Canonicalizer.Draft> drafts) {
    for (Canonicalizer.Draft d : drafts) {
      if (d.dropped || d.type == EntityType.PERSON) {
        continue;
      }
      String vk = NameFacts.variantKey(d.type, NameTables.key(d.name));
      Map<String, Long> spellings = prefix("V|" + d.type + "|" + vk + "|");
      String best = d.name;
      long bestCount = -1;
      for (Map.Entry<String, Long> e : spellings.entrySet()) {
        long c = e.getValue();
        // the most articles; ties broken by the spelling, the same for every article and run
        if (c > bestCount || c == bestCount && e.getKey().compareTo(best) < 0) {
          best = e.getKey();
          bestCount = c;
        }
      }
      d.name = best;
    }
  }
}

package org.morgue.tools;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed archivist queries of {@code bench-search}, as query strings of the API: words, phrases,
 * fields, date ranges, boolean queries, patterns, filters and exclusions, sorts and pages. The
 * words are everyday news vocabulary written here; the filter values are taken from the index's own
 * top facet values when the benchmark runs, so nothing of a corpus is kept in the code.
 */
final class BenchQueries {
  private BenchQueries() {}

  static final List<String> WORDS =
      List.of(
          "election",
          "immigration",
          "healthcare",
          "senate",
          "court",
          "climate",
          "economy",
          "taxes",
          "border",
          "refugees",
          "terrorism",
          "police",
          "protest",
          "budget",
          "deficit",
          "vaccine",
          "pandemic",
          "jobs",
          "unemployment",
          "inflation",
          "trade",
          "tariffs",
          "china",
          "russia",
          "iran",
          "syria",
          "israel",
          "mexico",
          "europe",
          "congress",
          "governor",
          "mayor",
          "campaign",
          "debate",
          "poll",
          "voters",
          "abortion",
          "guns",
          "shooting",
          "military",
          "veterans",
          "schools",
          "teachers",
          "students",
          "hospital",
          "insurance",
          "medicare",
          "pipeline",
          "energy",
          "oil",
          "emissions",
          "wildfire",
          "hurricane",
          "flood",
          "drought",
          "sanctions",
          "nuclear",
          "missile",
          "hackers",
          "privacy");

  static final List<String> PAIRS =
      List.of(
          "tax reform",
          "border wall",
          "health insurance",
          "gun control",
          "climate policy",
          "trade war",
          "nuclear deal",
          "police reform",
          "student loans",
          "minimum wage",
          "voter fraud",
          "federal budget",
          "oil prices",
          "refugee crisis",
          "drug prices",
          "free speech",
          "court ruling",
          "senate vote",
          "election results",
          "military spending",
          "school shooting",
          "immigration reform",
          "government shutdown",
          "interest rates",
          "foreign policy",
          "death penalty",
          "civil rights",
          "national security",
          "social media",
          "public health");

  static final List<String> PHRASES =
      List.of(
          "\"supreme court\"",
          "\"white house\"",
          "\"health care\"",
          "\"climate change\"",
          "\"prime minister\"",
          "\"federal reserve\"",
          "\"middle east\"",
          "\"north korea\"",
          "\"affordable care act\"",
          "\"second amendment\"",
          "\"united nations\"",
          "\"justice department\"",
          "\"border patrol\"",
          "\"executive order\"",
          "\"national guard\"",
          "\"fake news\"",
          "\"tax cuts\"",
          "\"human rights\"",
          "\"wall street\"",
          "\"planned parenthood\"",
          "\"black lives matter\"",
          "\"attorney general\"",
          "\"secretary of state\"",
          "\"press conference\"",
          "\"state department\"",
          "\"los angeles\"",
          "\"new york\"",
          "\"social security\"",
          "\"electoral college\"",
          "\"town hall\"~2");

  static final List<String> FIELDED =
      List.of(
          "title:election",
          "title:senate",
          "title:\"supreme court\"",
          "title:immigration",
          "title:budget",
          "title:trump",
          "title:obama",
          "title:clinton",
          "title:iran",
          "title:police",
          "title:vaccine",
          "title:border",
          "title:shooting",
          "title:economy",
          "title:china",
          "body:filibuster",
          "body:gerrymandering",
          "body:impeachment",
          "title:(tax OR taxes)",
          "title:war");

  static final List<String> BOOLEAN =
      List.of(
          "trump AND russia",
          "obama OR clinton",
          "immigration -border",
          "senate NOT house",
          "(iran OR syria) AND sanctions",
          "gun AND (control OR rights)",
          "climate AND -hoax",
          "(budget OR deficit) AND congress",
          "police AND (protest OR riot)",
          "vaccine OR vaccines",
          "china AND trade AND tariffs",
          "(election OR vote) AND fraud",
          "refugees AND europe",
          "court AND abortion",
          "oil AND (prices OR pipeline)",
          "(hospital OR doctors) AND pandemic",
          "+senate +vote -filibuster",
          "nuclear AND (iran OR korea)",
          "schools AND (teachers OR students)",
          "hurricane OR flood OR wildfire");

  static final List<String> PATTERNS =
      List.of(
          "immigra*",
          "terror*",
          "vaccin*",
          "econom*",
          "elect*",
          "obamacare~",
          "presidnt~",
          "senat*",
          "refug*",
          "protest*");

  /**
   * A query string and its kind, for the benchmark's percentiles by kind.
   *
   * @param type {@code word}, {@code two words}, {@code phrase}, {@code field}, {@code boolean},
   *     {@code pattern}, {@code dates}, {@code filters}, {@code sort/page} or {@code other}
   * @param query the API's query string
   */
  record Typed(String type, String query) {}

  /**
   * The query strings, at least 200.
   *
   * @param sections the index's top sections (three or more)
   * @param sources its top sources (three or more)
   * @param authors its top authors (two or more)
   */
  static List<String> all(List<String> sections, List<String> sources, List<String> authors) {
    return typed(sections, sources, authors).stream().map(Typed::query).toList();
  }

  /** {@link #all} with each query's kind. */
  static List<Typed> typed(List<String> sections, List<String> sources, List<String> authors) {
    List<Typed> out = new ArrayList<>();
    for (String w : WORDS) {
      out.add(new Typed("word", q(w)));
    }
    for (String p : PAIRS) {
      out.add(new Typed("two words", q(p)));
    }
    for (String p : PHRASES) {
      out.add(new Typed("phrase", q(p)));
    }
    for (String f : FIELDED) {
      out.add(new Typed("field", q(f)));
    }
    for (String b : BOOLEAN) {
      out.add(new Typed("boolean", q(b)));
    }
    for (String p : PATTERNS) {
      out.add(new Typed("pattern", q(p)));
    }
    // date ranges, in the query and as from/to
    String[] years = {"2013", "2014", "2015", "2016", "2017", "2018", "2019", "2020"};
    for (int i = 0; i < years.length; i++) {
      out.add(new Typed("dates", q(WORDS.get(i) + " date:" + years[i])));
      out.add(
          new Typed(
              "dates",
              q(WORDS.get(10 + i)) + "&from=" + years[i] + "-01-01&to=" + years[i] + "-06-30"));
      out.add(
          new Typed(
              "dates",
              q(
                  PHRASES.get(i)
                      + " date:["
                      + years[i]
                      + "-03-01 TO "
                      + years[(i + 1) % years.length]
                      + "-02-28]")));
    }
    // filters and exclusions, alone and with words
    for (int i = 0; i < 3; i++) {
      out.add(new Typed("filters", "section=" + enc(sections.get(i))));
      out.add(new Typed("filters", "source=" + enc(sources.get(i)) + "&sort=newest"));
      out.add(new Typed("filters", q(WORDS.get(20 + i)) + "&section=" + enc(sections.get(i))));
      out.add(
          new Typed(
              "filters",
              q(PAIRS.get(i))
                  + "&source="
                  + enc(sources.get(i))
                  + "&source="
                  + enc(sources.get((i + 1) % 3))));
      out.add(new Typed("filters", q(WORDS.get(30 + i)) + "&not.source=" + enc(sources.get(i))));
      out.add(
          new Typed(
              "filters",
              q(PHRASES.get(10 + i))
                  + "&section="
                  + enc(sections.get(i))
                  + "&not.section="
                  + enc(sections.get((i + 1) % 3))));
    }
    for (int i = 0; i < 2; i++) {
      out.add(new Typed("filters", "author=" + enc(authors.get(i)) + "&sort=newest"));
      out.add(new Typed("filters", q(WORDS.get(40 + i)) + "&author=" + enc(authors.get(i))));
    }
    // sorts, pages, intervals, facet sizes
    for (int i = 0; i < 10; i++) {
      out.add(
          new Typed(
              "sort/page", q(WORDS.get(i * 5)) + "&sort=" + (i % 2 == 0 ? "newest" : "oldest")));
      out.add(new Typed("sort/page", q(PAIRS.get(i)) + "&page=" + (2 + i % 3)));
    }
    out.add(new Typed("other", ""));
    out.add(new Typed("other", "sort=newest"));
    out.add(new Typed("other", "q=" + enc("election") + "&interval=week"));
    out.add(
        new Typed(
            "other",
            "q=" + enc("\"supreme court\"") + "&interval=day&from=2018-01-01&to=2018-12-31"));
    out.add(new Typed("other", "q=" + enc("senate") + "&facetSize=100"));
    out.add(new Typed("other", "q=" + enc("campaign") + "&size=50"));
    return List.copyOf(out);
  }

  private static String q(String query) {
    return "q=" + enc(query);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

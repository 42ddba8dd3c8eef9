package org.morgue.tools;

import java.util.List;

/**
 * The fixed operator queries of {@code bench-operators}, each paired with the same words without
 * the operator: 60 queries of ten kinds (W/n, PRE/n, NEAR/n, /s, /p, headline(), lede(),
 * atleastN(), phrases and patterns inside operators). The words are everyday news vocabulary
 * written here; nothing of a corpus is kept in the code.
 */
final class OperatorQueries {
  private OperatorQueries() {}

  /**
   * One operator query and its plain words.
   *
   * @param kind what the query measures ({@code W/n}, {@code /s}, {@code phrase}, ...)
   * @param operator the query with its operator
   * @param plain the same words (phrases, patterns, groups) without it
   */
  record Pair(String kind, String operator, String plain) {}

  static final List<Pair> ALL =
      List.of(
          new Pair("W/n", "sanctions W/3 iran", "sanctions iran"),
          new Pair("W/n", "police W/2 shooting", "police shooting"),
          new Pair("W/n", "trade W/3 china", "trade china"),
          new Pair("W/n", "tax W/1 cuts", "tax cuts"),
          new Pair("W/n", "border W/4 wall", "border wall"),
          new Pair("W/n", "health W/2 insurance", "health insurance"),
          new Pair("W/n", "climate W/5 change", "climate change"),
          new Pair("W/n", "minimum W/1 wage", "minimum wage"),
          new Pair("PRE/n", "supreme PRE/2 court", "supreme court"),
          new Pair("PRE/n", "oil PRE/3 prices", "oil prices"),
          new Pair("PRE/n", "nuclear PRE/4 deal", "nuclear deal"),
          new Pair("PRE/n", "gun PRE/2 control", "gun control"),
          new Pair("PRE/n", "interest PRE/1 rates", "interest rates"),
          new Pair("NEAR/n", "iran NEAR/5 nuclear", "iran nuclear"),
          new Pair("NEAR/n", "trump NEAR/10 russia", "trump russia"),
          new Pair("NEAR/n", "vaccine NEAR/5 pandemic", "vaccine pandemic"),
          new Pair("NEAR/n", "refugees NEAR/8 europe", "refugees europe"),
          new Pair("NEAR/n", "senate NEAR/3 vote", "senate vote"),
          new Pair("NEAR/n", "(sanctions OR embargo) NEAR/5 iran", "(sanctions OR embargo) iran"),
          new Pair("NEAR/n", "hurricane NEAR/10 flood", "hurricane flood"),
          new Pair("NEAR/n", "teachers NEAR/4 strike", "teachers strike"),
          new Pair("/s", "president /s resign", "president resign"),
          new Pair("/s", "police /s protesters", "police protesters"),
          new Pair("/s", "court /s abortion", "court abortion"),
          new Pair("/s", "election /s fraud", "election fraud"),
          new Pair("/s", "congress /s budget", "congress budget"),
          new Pair("/s", "china /s tariffs", "china tariffs"),
          new Pair("/s", "obama /s healthcare", "obama healthcare"),
          new Pair("/p", "ceasefire /p talks", "ceasefire talks"),
          new Pair("/p", "immigration /p border", "immigration border"),
          new Pair("/p", "governor /p emergency", "governor emergency"),
          new Pair("/p", "wildfire /p evacuation", "wildfire evacuation"),
          new Pair("/p", "campaign /p debate", "campaign debate"),
          new Pair("/p", "hospital /p patients", "hospital patients"),
          new Pair("headline()", "headline(election)", "election"),
          new Pair("headline()", "headline(trump)", "trump"),
          new Pair("headline()", "headline(sanctions W/2 iran)", "sanctions iran"),
          new Pair("headline()", "headline(police OR shooting)", "police OR shooting"),
          new Pair("headline()", "headline(vaccine)", "vaccine"),
          new Pair("lede()", "lede(economy)", "economy"),
          new Pair("lede()", "lede(immigration)", "immigration"),
          new Pair("lede()", "lede(senate NEAR/5 vote)", "senate vote"),
          new Pair("lede()", "lede(climate)", "climate"),
          new Pair("lede()", "lede(shooting)", "shooting"),
          new Pair("atleastN()", "atleast3(drought)", "drought"),
          new Pair("atleastN()", "atleast2(tariffs)", "tariffs"),
          new Pair("atleastN()", "atleast5(police)", "police"),
          new Pair("atleastN()", "atleast3(impeachment)", "impeachment"),
          new Pair("atleastN()", "atleast10(trump)", "trump"),
          new Pair("atleastN()", "atleast4(vaccin*)", "vaccin*"),
          new Pair("phrase", "\"prime minister\" /s resign*", "\"prime minister\" resign*"),
          new Pair("phrase", "\"white house\" W/5 statement", "\"white house\" statement"),
          new Pair("phrase", "\"supreme court\" NEAR/10 abortion", "\"supreme court\" abortion"),
          new Pair(
              "phrase",
              "\"climate change\" /p \"paris agreement\"",
              "\"climate change\" \"paris agreement\""),
          new Pair("phrase", "\"north korea\" NEAR/5 missile", "\"north korea\" missile"),
          new Pair("pattern", "immigra* W/3 reform", "immigra* reform"),
          new Pair("pattern", "vaccin* NEAR/5 covid", "vaccin* covid"),
          new Pair("pattern", "terror* /s attack", "terror* attack"),
          new Pair("pattern", "protest* /p police", "protest* police"),
          new Pair("pattern", "econom* NEAR/3 recession", "econom* recession"));

  /** The kind of {@link #REFERENCE}: no operator, only measured beside them. */
  static final String PLAIN_PHRASE = "(phrase)";

  /**
   * Lucene's own cost of positions, for comparison: quoted phrases (no operator of Morgue's)
   * against their words.
   */
  static final List<Pair> REFERENCE =
      List.of(
          new Pair(PLAIN_PHRASE, "\"supreme court\"", "supreme court"),
          new Pair(PLAIN_PHRASE, "\"white house\"", "white house"),
          new Pair(PLAIN_PHRASE, "\"health care\"", "health care"),
          new Pair(PLAIN_PHRASE, "\"prime minister\"", "prime minister"),
          new Pair(PLAIN_PHRASE, "\"climate change\"", "climate change"));
}

package org.morgue.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.morgue.search.SearchParameters;
import picocli.CommandLine;

/** {@code morgue search --all DIM}: the command line's "all of" a dimension, as {@code all=DIM}. */
class SearchAllOfTest {
  private static String queryString(String... args) {
    SearchCommand command = new SearchCommand();
    new CommandLine(command).parseArgs(args);
    return SearchParameters.toQueryString(command.request());
  }

  @Test
  void allOfADimensionIsTheUrlsAllParameter() {
    assertEquals(
        "person=Anna%20Berg&person=Carl%20Dorn&all=person",
        queryString("--person", "Anna Berg", "--person", "Carl Dorn", "--all", "person"));
    assertEquals(
        "person=Anna%20Berg&person=Carl%20Dorn",
        queryString("--person", "Anna Berg", "--person", "Carl Dorn"),
        "without --all, any of them");
  }
}

package org.morgue.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Bylines}: which lines are bylines, and the names in them. */
class BylinesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "By Alican Tekingunduz",
        "by lena park",
        "BY LENA PARK",
        "By: Lena Park",
        "By - Lena Park",
        "By Lena Park and Omar Haddad",
        "By Recep Tayyip Erdoğan",
        "By Antony J. Blinken, Secretary of State",
        "By Office of the Spokesperson",
        "By Martin Luther King Jr.",
        "By Lena Park Sr. and Omar Haddad Jr."
      })
  void isAByline(String line) {
    assertTrue(Bylines.isByline(line));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "By",
        "By ",
        "Byline",
        "Bystanders watched the fire.",
        "Lena Park",
        "November 17, 2021",
        // a sentence that opens with "By": it ends with a full stop
        "By the end of the war, the city had lost half its people.",
        "By 2030 coal will be gone from the U.S.",
        // or it is longer than a list of names
        "By then more than two hundred people from the villages along the river had left their"
            + " homes for the city"
      })
  void isNotAByline(String line) {
    assertFalse(Bylines.isByline(line));
  }

  /** The names of the byline, separated by '|' in the table. */
  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = '=',
      value = {
        "By Alican Tekingunduz = Alican Tekingunduz",
        "By Lena Park and Omar Haddad = Lena Park|Omar Haddad",
        "By Lena Park, Omar Haddad and Sofia Ruiz = Lena Park|Omar Haddad|Sofia Ruiz",
        "By Lena Park, Omar Haddad, and Sofia Ruiz = Lena Park|Omar Haddad|Sofia Ruiz",
        "By Lena Park & Omar Haddad = Lena Park|Omar Haddad",
        "By Lena Park; Omar Haddad = Lena Park|Omar Haddad",
        "By Lena Park AND Omar Haddad = Lena Park|Omar Haddad",
        "Lena Park and Omar Haddad = Lena Park|Omar Haddad",
        "BY LENA PARK = LENA PARK",
        "By:  Lena   Park  = Lena Park",
        "By Lena Park and Lena Park = Lena Park",
        // 'and' inside a name does not split it
        "By Alexandra Andersen and Sandy Anderson = Alexandra Andersen|Sandy Anderson",
        // non-ASCII names
        "By Recep Tayyip Erdoğan and Ayşe Yılmaz = Recep Tayyip Erdoğan|Ayşe Yılmaz",
        "By Zoë Müller, Søren Ødegård and Łukasz Żuławski = Zoë Müller|Søren Ødegård|Łukasz"
            + " Żuławski",
        // a job title after the name is not a second author
        "By Antony J. Blinken, Secretary of State = Antony J. Blinken",
        "Ned Price, Department Spokesperson = Ned Price",
        "Wendy R. Sherman, Deputy Secretary of State = Wendy R. Sherman",
        "By Lena Park, Staff Writer = Lena Park",
        "By Lena Park, Reporter, and Omar Haddad = Lena Park|Omar Haddad",
        // an office is an author when it is the only name
        "Office of the Spokesperson = Office of the Spokesperson",
        "U.S. Department of State = U.S. Department of State",
        // Regression, found writing these tests: a name suffix after a comma was a second author
        "By Martin Luther King Jr. = Martin Luther King Jr.",
        "By Martin Luther King, Jr. = Martin Luther King Jr.",
        "By Lena Park, Jr., and Omar Haddad, Sr. = Lena Park Jr.|Omar Haddad Sr.",
        "BY LENA PARK, JR. = LENA PARK JR.",
        "By John Roe III and Omar Haddad = John Roe III|Omar Haddad",
        "By John Roe, III = John Roe III",
      })
  void authors(String byline, String names) {
    assertEquals(Arrays.asList(names.split("\\|")), Bylines.authors(byline));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", ", and ;", "By", "By  ", "By:", "by -"})
  void noNames(String byline) {
    assertEquals(List.of(), Bylines.authors(byline));
  }
}

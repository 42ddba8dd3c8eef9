package org.morgue.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;
import org.junit.jupiter.api.Test;

/** The hash a copy of the archive is compared by: the content, and the names as resolved. */
class CopyHashTest {
  private static Document named(String... people) {
    Document d = new Document();
    d.add(new StoredField(Fields.ID, "a1"));
    for (String p : people) {
      d.add(new StoredField(Fields.PERSON, p));
    }
    return d;
  }

  @Test
  void theNamesChangeItAndTheContentHashIsItsFirstPart() {
    String one = Fingerprints.copyHash("c0ffee", named("Nikol Pashinyan"));
    String renamed = Fingerprints.copyHash("c0ffee", named("Nikol Vovayi Pashinyan"));
    assertTrue(one.startsWith("c0ffee+"), one);
    assertNotEquals(one, renamed);
    assertEquals(one, Fingerprints.copyHash("c0ffee", named("Nikol Pashinyan")));
    assertNotEquals(one, Fingerprints.copyHash("c0ffee", named("Nikol", "Pashinyan")));
    assertEquals("c0ffee", Fingerprints.contentOf(one));
    assertEquals("c0ffee", Fingerprints.contentOf("c0ffee"));
  }
}

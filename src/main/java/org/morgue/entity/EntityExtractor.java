package org.morgue.entity;

import java.util.List;

/**
 * Finds the people, organisations and places a text names: the one seam between Morgue and a
 * statistical model, so that another model can take {@link CoreNlpExtractor}'s place.
 *
 * <p>An implementation must be safe to call from several threads at once (the ingest shares one
 * among its worker threads), must not throw anything but {@link ExtractionException} for any text,
 * and must report offsets that are Java {@code String} indices into the given text.
 *
 * <p>Example: {@code extract("Nikol Pashinyan met Sergey Shoygu in Moscow.")} gives three mentions
 * (PERSON 0..15, PERSON 20..33, LOCATION 37..43), each of origin {@link Mention.Origin#MODEL},
 * field {@link Mention.Field#TEXT}, and canonical name equal to its surface text. Canonical names
 * come later, from {@link Canonicalizer}; the usual entry point is {@link EntityFinder}.
 */
public interface EntityExtractor {
  /**
   * The entity mentions of a text, in text order, not overlapping.
   *
   * @param text any text, possibly empty, long, or holding markup or odd characters
   * @return the mentions found; empty when there are none
   * @throws ExtractionException when the model fails on this text
   */
  List<Mention> extract(String text) throws ExtractionException;
}

package org.morgue.search;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a search as an Atom 1.0 feed (RFC 4287), so that any search can be followed in a feed
 * reader: one entry a story, newest first.
 *
 * <ul>
 *   <li>Ids are stable {@code urn:uuid:} URNs: an entry's is derived from the article id, the
 *       feed's from the canonical query string of the search ({@link
 *       SearchParameters#toQueryString}), so the same search under another URL (other order, a
 *       default spelled out) is the same feed.
 *   <li>An entry's {@code published} and {@code updated} are its date (midnight UTC; the archive
 *       knows days); an undated article takes the feed's {@code updated}, which is the archive's
 *       last ingest, or the newest entry's date.
 *   <li>All text is escaped by the XML writer; characters XML 1.0 cannot hold at all (most control
 *       characters) are dropped, so the feed is always well-formed.
 * </ul>
 */
public final class AtomFeed {
  /** The entries of a feed. */
  public static final int ENTRIES = 50;

  private static final String ATOM = "http://www.w3.org/2005/Atom";

  private AtomFeed() {}

  /**
   * The addresses a feed points at.
   *
   * @param self the feed's own URL
   * @param page the search page of the same search (the feed's {@code alternate})
   * @param articlePrefix an article's API URL is this followed by its URL-encoded id
   * @param articlePagePrefix an article's page is this followed by its URL-encoded id (an entry's
   *     {@code alternate}, {@code http://host/?article=}), or {@code null} for none
   */
  public record Links(String self, String page, String articlePrefix, String articlePagePrefix) {
    /** Links without article pages. */
    public Links(String self, String page, String articlePrefix) {
      this(self, page, articlePrefix, null);
    }
  }

  /** Whether a feed needs the hits' snippets: some hit has no lede to summarise it. */
  public static boolean needsSnippets(SearchResult result) {
    return result.hits().stream().anyMatch(h -> h.lede() == null || h.lede().isBlank());
  }

  /** The search a feed of {@code request} runs: the newest {@value #ENTRIES} stories. */
  public static SearchRequest feedRequest(SearchRequest request) {
    return new SearchRequest(
        request.q(),
        request.from(),
        request.to(),
        request.filters(),
        request.excludes(),
        SearchRequest.Sort.NEWEST,
        1,
        ENTRIES,
        SearchRequest.DEFAULT_FACET_SIZE,
        null,
        request.allOf());
  }

  /** The feed's id: the same for every URL of the same search. */
  public static String feedId(SearchRequest request) {
    return urn("morgue:search:" + SearchParameters.toQueryString(feedRequest(request)));
  }

  /** An article's entry id. */
  public static String entryId(String articleId) {
    return urn("morgue:article:" + articleId);
  }

  private static String urn(String name) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes the feed of a search.
   *
   * @param result the search of {@link #feedRequest}
   * @param links where the feed, the page and the articles are
   * @param lastIngest when the archive last changed, or {@code null}
   * @param out where to write UTF-8 XML (not closed)
   */
  public static void write(SearchResult result, Links links, Instant lastIngest, OutputStream out)
      throws XMLStreamException {
    write(result, links, null, lastIngest, out);
  }

  /**
   * Writes the feed of a search under a title of its own (a saved search's name), or under {@code
   * Morgue: } and a description of the search when {@code title} is {@code null}.
   *
   * <p>Each entry has a {@code summary}: the article's lede, else its snippet as plain text (when
   * the result was run with marks), else none; its {@code alternate} links are the article's page
   * (text/html, first, which feed readers open) and its JSON.
   */
  public static void write(
      SearchResult result, Links links, String title, Instant lastIngest, OutputStream out)
      throws XMLStreamException {
    String updated = updated(result, lastIngest);
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeStartElement("feed");
    xml.writeDefaultNamespace(ATOM);
    text(xml, "id", feedId(result.request()));
    text(
        xml,
        "title",
        title == null || title.isBlank() ? "Morgue: " + describe(result.request()) : title);
    text(xml, "updated", updated);
    link(xml, "self", "application/atom+xml", links.self());
    link(xml, "alternate", "text/html", links.page());
    xml.writeStartElement("author");
    text(xml, "name", "Morgue");
    xml.writeEndElement();
    text(xml, "generator", "Morgue");
    for (SearchResult.Hit h : result.hits()) {
      xml.writeStartElement("entry");
      text(xml, "id", entryId(h.id()));
      text(xml, "title", h.title());
      String when = h.date() == null ? updated : instant(h.date());
      text(xml, "published", when);
      text(xml, "updated", when);
      String encoded =
          java.net.URLEncoder.encode(h.id(), StandardCharsets.UTF_8).replace("+", "%20");
      if (links.articlePagePrefix() != null) {
        link(xml, "alternate", "text/html", links.articlePagePrefix() + encoded);
      }
      link(xml, "alternate", "application/json", links.articlePrefix() + encoded);
      if (h.url() != null && (h.url().startsWith("http://") || h.url().startsWith("https://"))) {
        link(xml, "related", null, h.url());
      }
      for (String name : h.authors()) {
        xml.writeStartElement("author");
        text(xml, "name", name);
        xml.writeEndElement();
      }
      if (h.section() != null) {
        xml.writeEmptyElement("category");
        xml.writeAttribute("term", clean(h.section()));
      }
      String summary =
          h.lede() != null && !h.lede().isBlank()
              ? h.lede()
              : h.snippet() == null ? null : Snippets.plain(h.snippet());
      if (summary != null && !summary.isBlank()) {
        text(xml, "summary", summary);
      }
      xml.writeEndElement();
    }
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  /**
   * A title for the search: {@code ceasefire (section WORLD; not source AA; 2021-01-01 to
   * 2021-12-31)}.
   */
  static String describe(SearchRequest r) {
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : r.filters().entrySet()) {
      parts.add(e.getKey() + " " + String.join(" or ", e.getValue()));
    }
    for (Map.Entry<String, List<String>> e : r.excludes().entrySet()) {
      parts.add("not " + e.getKey() + " " + String.join(" or ", e.getValue()));
    }
    if (r.from() != null || r.to() != null) {
      parts.add(
          (r.from() == null ? "" : r.from() + " ") + "to" + (r.to() == null ? "" : " " + r.to()));
    }
    String what = r.q().isEmpty() ? "all articles" : r.q();
    return parts.isEmpty() ? what : what + " (" + String.join("; ", parts) + ")";
  }

  private static String updated(SearchResult result, Instant lastIngest) {
    if (lastIngest != null) {
      return DateTimeFormatter.ISO_INSTANT.format(
          lastIngest.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }
    LocalDate newest = null;
    for (SearchResult.Hit h : result.hits()) {
      if (h.date() != null && (newest == null || h.date().isAfter(newest))) {
        newest = h.date();
      }
    }
    return instant(newest == null ? LocalDate.EPOCH : newest);
  }

  private static String instant(LocalDate day) {
    return DateTimeFormatter.ISO_INSTANT.format(day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  private static void text(XMLStreamWriter xml, String element, String value)
      throws XMLStreamException {
    xml.writeStartElement(element);
    xml.writeCharacters(clean(value));
    xml.writeEndElement();
  }

  private static void link(XMLStreamWriter xml, String rel, String type, String href)
      throws XMLStreamException {
    xml.writeEmptyElement("link");
    xml.writeAttribute("rel", rel);
    if (type != null) {
      xml.writeAttribute("type", type);
    }
    xml.writeAttribute("href", clean(href));
  }

  /**
   * The text without the characters XML 1.0 forbids (controls other than tab and line breaks, lone
   * surrogates, U+FFFE and U+FFFF), which no escaping can carry.
   */
  static String clean(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        if (out != null) {
          out.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      ok =
          c == '\t'
              || c == '\n'
              || c == '\r'
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD);
      if (!ok && out == null) {
        out = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (ok && out != null) {
        out.append(c);
      }
    }
    return out == null ? s : out.toString();
  }
}

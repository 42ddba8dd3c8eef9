package org.morgue.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.morgue.index.IndexLayout;
import org.morgue.index.TestArchives;
import org.morgue.saved.SavedSearches;
import org.morgue.search.ArchiveSearcher;

/**
 * What another web site can make a browser send to a server without a token: a change as a simple
 * request ({@code text/plain}, no preflight), a change from a page of another origin, and any
 * request under a host name that resolves to the server (DNS rebinding). Sent over a raw socket,
 * which sets {@code Host} and {@code Origin} as a browser would.
 */
class CrossSiteTest {
  @TempDir static Path tmp;

  private static IndexLayout layout;
  private static ArchiveSearcher searcher;
  private static SavedSearches store;
  private static MorgueServer server;

  @BeforeAll
  static void serve() throws IOException {
    layout = new IndexLayout(tmp.resolve("archive"));
    TestArchives.ingest(layout, TestArchives.searchCorpus());
    searcher = ArchiveSearcher.open(layout);
    store = new SavedSearches(layout.saved());
    server =
        new MorgueServer(searcher, null, store, null)
            .allowHosts(List.of("Archive.Example"))
            .start(MorgueServer.DEFAULT_HOST, 0);
  }

  @AfterAll
  static void stop() throws IOException {
    server.close();
    searcher.close();
  }

  /** The whole response to a request written as given. */
  private static String raw(String method, String path, String host, String... headersAndBody)
      throws IOException {
    StringBuilder req = new StringBuilder();
    req.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
    req.append("Host: ").append(host).append("\r\nConnection: close\r\n");
    String body = "";
    for (String h : headersAndBody) {
      if (h.startsWith("{")) {
        body = h;
      } else {
        req.append(h).append("\r\n");
      }
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    req.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().write(bytes);
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String own() {
    return "127.0.0.1:" + server.port();
  }

  private static void status(int expected, String response) {
    assertTrue(response.startsWith("HTTP/1.1 " + expected + " "), response);
  }

  private static final String SAVE = "{\"name\": \"Sneaky\", \"query\": \"q=border\"}";

  @Test
  void aSimpleCrossSiteRequestCannotSave() throws IOException {
    int before = store.list().size();
    String r = raw("POST", "/api/saved", own(), "Content-Type: text/plain", SAVE);
    status(415, r);
    assertTrue(r.contains("\"parameter\":\"Content-Type\""), r);
    status(
        415,
        raw("POST", "/api/saved", own(), "Content-Type: application/x-www-form-urlencoded", SAVE));
    status(415, raw("POST", "/api/saved", own(), SAVE));
    assertEquals(before, store.list().size());
  }

  @Test
  void aChangeFromAnotherOriginIsRefused() throws IOException {
    int before = store.list().size();
    String r =
        raw(
            "POST",
            "/api/saved",
            own(),
            "Content-Type: application/json",
            "Origin: http://evil.example",
            SAVE);
    status(403, r);
    assertTrue(r.contains("\"parameter\":\"Origin\""), r);
    status(
        403,
        raw("POST", "/api/saved", own(), "Content-Type: application/json", "Origin: null", SAVE));
    status(403, raw("DELETE", "/api/saved/whatever", own(), "Origin: http://evil.example"));
    assertEquals(before, store.list().size());
    // its own page, and a client that sends no Origin (curl), may
    status(
        201,
        raw(
            "POST",
            "/api/saved",
            own(),
            "Content-Type: application/json; charset=utf-8",
            "Origin: http://" + own(),
            SAVE));
    status(201, raw("POST", "/api/saved", own(), "Content-Type: application/json", SAVE));
    assertEquals(before + 2, store.list().size());
  }

  @Test
  void onlyTheHostsTheServerWasStartedForAreAnswered() throws IOException {
    String r = raw("GET", "/api/search?q=border", "rebound.evil.example:" + server.port());
    status(421, r);
    assertTrue(r.contains("\"parameter\":\"Host\""), r);
    status(421, raw("GET", "/api/search.atom?q=border", "evil.example"));
    status(
        421,
        raw(
            "POST",
            "/api/saved",
            "evil.example",
            "Content-Type: application/json",
            "Origin: http://evil.example",
            SAVE));
    status(200, raw("GET", "/api/search?q=border", own()));
    status(200, raw("GET", "/api/health", "localhost:" + server.port()));
    status(200, raw("GET", "/api/health", "[::1]:" + server.port()));
    status(200, raw("GET", "/api/health", "archive.example"));
    String feed = raw("GET", "/api/search.atom?q=border", "archive.example:" + server.port());
    status(200, feed);
    assertTrue(feed.contains("http://archive.example:" + server.port() + "/"), feed);
  }

  @Test
  void hostNamesLoseTheirPortAndCase() {
    assertEquals("localhost", MorgueServer.hostName("LocalHost:7070"));
    assertEquals("[::1]", MorgueServer.hostName("[::1]:7070"));
    assertEquals("[::1]", MorgueServer.hostName("::1"));
    assertEquals("archive.example", MorgueServer.hostName("archive.example."));
  }
}

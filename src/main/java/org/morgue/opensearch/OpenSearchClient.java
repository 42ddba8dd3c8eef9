package org.morgue.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.http.message.BasicHeader;
import org.opensearch.client.Request;
import org.opensearch.client.Response;
import org.opensearch.client.ResponseException;
import org.opensearch.client.RestClient;

/**
 * Morgue's connection to an OpenSearch cluster: OpenSearch's official low-level REST client (which
 * spreads requests over the given nodes and skips a node that stops answering until it is back),
 * requests and answers as JSON through Jackson. Credentials, when the cluster asks for them, come
 * from the environment ({@code MORGUE_OPENSEARCH_USER}, {@code MORGUE_OPENSEARCH_PASSWORD}), never
 * from a command line.
 */
public final class OpenSearchClient implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  private final RestClient client;
  private final List<URI> hosts;

  private OpenSearchClient(RestClient client, List<URI> hosts) {
    this.client = client;
    this.hosts = hosts;
  }

  /**
   * A client of the nodes {@code urls} ({@code http://host:9200}, comma-separated), with the
   * credentials of the environment if any.
   *
   * @throws IllegalArgumentException naming a url that is not {@code http(s)://host:port}
   */
  public static OpenSearchClient connect(String urls) {
    List<URI> hosts = parseHosts(urls);
    HttpHost[] http = new HttpHost[hosts.size()];
    for (int i = 0; i < http.length; i++) {
      URI u = hosts.get(i);
      http[i] = new HttpHost(u.getScheme(), u.getHost(), u.getPort());
    }
    var builder =
        RestClient.builder(http)
            .setRequestConfigCallback(
                c ->
                    c
                        // a search is bounded by its own time limit in the request; what waits
                        // longer (a cluster's health, a bulk request under load) may take minutes
                        .setResponseTimeout(org.apache.hc.core5.util.Timeout.ofMinutes(10)));
    String user = System.getenv("MORGUE_OPENSEARCH_USER");
    if (user != null && !user.isEmpty()) {
      String password = System.getenv().getOrDefault("MORGUE_OPENSEARCH_PASSWORD", "");
      String basic =
          Base64.getEncoder()
              .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
      builder.setDefaultHeaders(
          new org.apache.hc.core5.http.Header[] {
            new BasicHeader("Authorization", "Basic " + basic)
          });
    }
    return new OpenSearchClient(builder.build(), List.copyOf(hosts));
  }

  /** The nodes' addresses from {@code http://a:9200,http://b:9200}. */
  static List<URI> parseHosts(String urls) {
    if (urls == null || urls.isBlank()) {
      throw new IllegalArgumentException(
          "--opensearch needs the address of at least one node, e.g. http://127.0.0.1:9200");
    }
    List<URI> out = new ArrayList<>();
    for (String part : urls.split(",")) {
      String s = part.strip();
      if (s.isEmpty()) {
        continue;
      }
      URI u;
      try {
        u = URI.create(s);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--opensearch: '" + s + "' is not a URL");
      }
      if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme()))
          || u.getHost() == null
          || u.getPort() < 0) {
        throw new IllegalArgumentException(
            "--opensearch: '" + s + "' is not of the form http://host:port (or https://)");
      }
      out.add(u);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("--opensearch names no node");
    }
    return out;
  }

  /** The nodes this client talks to. */
  public List<URI> hosts() {
    return hosts;
  }

  /**
   * Sends one request and reads its JSON answer.
   *
   * @param body the request's JSON, or {@code null}
   * @throws OpenSearchException when the cluster answers an error, with its status and reason
   */
  public JsonNode send(String method, String path, Object body) throws IOException {
    Request request = new Request(method, path);
    if (body != null) {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      ContentType type =
          path.endsWith("_bulk")
              ? ContentType.create("application/x-ndjson", StandardCharsets.UTF_8)
              : ContentType.APPLICATION_JSON;
      request.setEntity(new StringEntity(text, type));
    }
    Response response;
    try {
      response = client.performRequest(request);
    } catch (ResponseException e) {
      Response r = e.getResponse();
      throw OpenSearchException.of(method + " " + path, r.getStatusLine().getStatusCode(), read(r));
    }
    return read(response);
  }

  /** {@link #send}, with {@code null} instead of an error when the answer is 404. */
  public JsonNode sendOrNull(String method, String path, Object body) throws IOException {
    try {
      return send(method, path, body);
    } catch (OpenSearchException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  private static JsonNode read(Response r) throws IOException {
    if (r.getEntity() == null) {
      return JSON.createObjectNode();
    }
    try (InputStream in = r.getEntity().getContent()) {
      JsonNode node = JSON.readTree(in);
      return node == null ? JSON.createObjectNode() : node;
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}

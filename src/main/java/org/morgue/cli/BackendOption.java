package org.morgue.cli;

import java.io.IOException;
import java.nio.file.Files;
import org.morgue.index.IndexLayout;
import org.morgue.opensearch.OpenSearchClient;
import org.morgue.opensearch.OpenSearchIndex;
import org.morgue.search.Archive;
import org.morgue.search.ArchiveSearcher;
import org.morgue.search.OpenSearchArchive;
import picocli.CommandLine.Option;

/**
 * Where an archive's articles are kept: the embedded index ({@code --backend lucene}, the default)
 * or an OpenSearch cluster ({@code --backend opensearch --opensearch http://host:9200[,...]}). With
 * OpenSearch, the archive folder ({@code --index}) still holds what is local to this installation:
 * saved searches, the name authority, the request log.
 */
final class BackendOption {
  @Option(
      names = "--backend",
      paramLabel = "NAME",
      description =
          "Where the articles are kept: lucene (the embedded index in the archive folder, the"
              + " default) or opensearch (a cluster; see --opensearch).")
  String backend;

  @Option(
      names = "--opensearch",
      paramLabel = "URLS",
      description =
          "The cluster's nodes, comma-separated (default: MORGUE_OPENSEARCH_URL, else"
              + " http://127.0.0.1:9200). Credentials come from MORGUE_OPENSEARCH_USER and"
              + " MORGUE_OPENSEARCH_PASSWORD.")
  String urls;

  @Option(
      names = "--opensearch-index",
      paramLabel = "NAME",
      description = "The archive's index in the cluster (default: morgue).")
  String indexName;

  /** The backend's name: {@code --backend}, else {@code MORGUE_BACKEND}, else {@code lucene}. */
  String name() {
    String b = backend != null ? backend : System.getenv("MORGUE_BACKEND");
    b = b == null || b.isBlank() ? "lucene" : b.strip().toLowerCase(java.util.Locale.ROOT);
    if (!b.equals("lucene") && !b.equals("opensearch")) {
      throw new IllegalArgumentException("--backend takes lucene or opensearch, not '" + b + "'");
    }
    return b;
  }

  boolean isOpenSearch() {
    return name().equals("opensearch");
  }

  /** The cluster's index of {@code --opensearch} and {@code --opensearch-index}. */
  OpenSearchIndex openSearchIndex() {
    String u = urls != null ? urls : System.getenv("MORGUE_OPENSEARCH_URL");
    if (u == null || u.isBlank()) {
      u = "http://127.0.0.1:9200";
    }
    return new OpenSearchIndex(
        OpenSearchClient.connect(u), indexName == null ? "morgue" : indexName.strip());
  }

  /**
   * Opens the archive to search: the embedded index of {@code index}, or the cluster's index, which
   * must exist.
   *
   * @throws IllegalArgumentException (a usage error) when there is no archive there yet
   */
  Archive open(IndexOption index) throws IOException {
    if (!isOpenSearch()) {
      return ArchiveSearcher.open(index.requireIndex());
    }
    IndexLayout layout = index.layout();
    OpenSearchIndex os = openSearchIndex();
    boolean exists;
    try {
      exists = os.exists();
    } catch (IOException e) {
      os.client().close();
      throw new IOException(
          "cannot reach OpenSearch at " + os.client().hosts() + ": " + e.getMessage(), e);
    }
    if (!exists) {
      os.client().close();
      throw new IllegalArgumentException(
          "no archive '"
              + os.name()
              + "' in OpenSearch at "
              + os.client().hosts()
              + ": copy one there with 'morgue migrate --to opensearch'");
    }
    Files.createDirectories(layout.root());
    return new OpenSearchArchive(layout, os);
  }
}

package org.morgue.cli;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.morgue.index.IndexLayout;
import org.morgue.opensearch.OpenSearchIndex;
import org.morgue.search.OpenSearchMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code morgue migrate --to opensearch}: copies an embedded archive into an OpenSearch cluster;
 * {@code --to lucene} copies it back.
 */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copies the embedded archive (--index) into an OpenSearch cluster (--opensearch,"
          + " --opensearch-index), from its stored fields: nothing is extracted again. Creates the"
          + " cluster's index with --shards and --replicas when it does not exist. Resumable: a run"
          + " that stops goes on from its last acknowledged batch when run again.",
      "--to lucene copies the cluster's index back into the embedded archive at --index (created"
          + " if missing), from the stored fields the cluster keeps; what the archive holds with the"
          + " same content is kept, what the cluster does not hold is deleted. Resumable: a run"
          + " again fetches only what is still missing.",
      "Example: morgue migrate --to opensearch --opensearch http://127.0.0.1:9200",
      "Example: morgue migrate --to lucene --opensearch http://127.0.0.1:9200 --index copy"
    })
public final class MigrateCommand implements Callable<Integer> {
  @Mixin IndexOption index = new IndexOption();
  @Mixin BackendOption backend = new BackendOption();

  @Option(
      names = "--to",
      required = true,
      paramLabel = "BACKEND",
      description = "Where to copy the archive: opensearch, or lucene (back from the cluster).")
  String to;

  @Option(
      names = "--shards",
      paramLabel = "N",
      description = "Primary shards of a new index (default: 1).")
  int shards = 1;

  @Option(
      names = "--replicas",
      paramLabel = "N",
      description = "Replicas of each shard of a new index (default: 0; 1 or more on a cluster).")
  int replicas = 0;

  @Option(
      names = "--batch",
      paramLabel = "N",
      description = "Articles a bulk request (default: 500).")
  int batch = 500;

  @Option(
      names = "--parallel",
      paramLabel = "N",
      description = "Bulk requests in flight at once (default: 2).")
  int parallel = 2;

  @Override
  public Integer call() throws IOException {
    String target = to.toLowerCase(Locale.ROOT);
    if (!"opensearch".equals(target) && !"lucene".equals(target)) {
      throw new IllegalArgumentException("--to takes opensearch or lucene, not '" + to + "'");
    }
    if (parallel < 1 || parallel > 64) {
      throw new IllegalArgumentException("--parallel takes 1 to 64, not " + parallel);
    }
    if (batch < 1 || batch > 10_000) {
      throw new IllegalArgumentException("--batch takes 1 to 10000, not " + batch);
    }
    if ("lucene".equals(target)) {
      return back(index.layout());
    }
    return sync(index.requireIndex(), backend, shards, replicas, batch, parallel, false);
  }

  /** Copies the cluster's index back into the embedded archive at {@code layout}. */
  private int back(IndexLayout layout) throws IOException {
    long start = System.nanoTime();
    OpenSearchIndex os = backend.openSearchIndex();
    try (var client = os.client()) {
      System.out.println(
          "copying the index '" + os.name() + "' at " + client.hosts() + " to " + layout.root());
      OpenSearchMigration.Result r =
          OpenSearchMigration.copyBack(os, layout, batch, parallel, progress(false));
      return report(r, "from", false, start);
    }
  }

  /**
   * Where a copy's progress goes: its running count over itself on stderr (not when {@code quiet}),
   * each refused article on a line of its own.
   */
  private static java.util.function.Consumer<String> progress(boolean quiet) {
    return line -> {
      if (line.startsWith("refused")) {
        System.err.println("\n  " + line);
      } else if (!quiet) {
        System.err.print("\r  " + line + "        ");
      }
    };
  }

  /**
   * Prints what a copy did, {@code to} or {@code from} OpenSearch.
   *
   * @return the exit code: 1 when an article was refused
   */
  private static int report(
      OpenSearchMigration.Result r, String direction, boolean quiet, long startNanos) {
    if (!quiet) {
      System.err.println();
    }
    System.out.printf(
        Locale.ROOT,
        "%scopied %,d articles %s OpenSearch (%,d unchanged, %,d deleted, %,d refused) in %.1f"
            + " s%n",
        r.resumed() ? "resumed; " : "",
        r.copied(),
        direction,
        r.unchanged(),
        r.deleted(),
        r.refused(),
        (System.nanoTime() - startNanos) / 1e9);
    return r.refused() == 0 ? 0 : 1;
  }

  /**
   * Brings the cluster's index in step with the embedded archive: creates it if missing, sends what
   * is new or changed, deletes what the archive no longer has; prints what it did.
   *
   * @return the exit code: 1 when the cluster refused an article
   */
  static int sync(
      IndexLayout layout,
      BackendOption backend,
      int shards,
      int replicas,
      int batch,
      int parallel,
      boolean quiet)
      throws IOException {
    long start = System.nanoTime();
    OpenSearchIndex os = backend.openSearchIndex();
    try (var client = os.client()) {
      boolean created = os.create(shards, replicas);
      System.out.println(
          (created ? "created" : "updating")
              + " the index '"
              + os.name()
              + "' at "
              + client.hosts());
      OpenSearchMigration.Result r =
          OpenSearchMigration.copy(layout, os, batch, parallel, progress(quiet));
      return report(r, "to", quiet, start);
    }
  }
}

package org.morgue.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.morgue.article.Article;
import org.morgue.article.ArticleFiles;
import org.morgue.article.ReadEvent;
import org.morgue.entity.CoreNlpExtractor;
import org.morgue.entity.EntityFinder;
import org.morgue.entity.ExtractionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code morgue dev bench-ner FILE}: the entity extraction's throughput on real articles, by the
 * ingest's path ({@link EntityFinder#extract(org.morgue.article.Article)}), first on one thread
 * (tokens per CPU second: the per-core rate), then on {@code --threads} threads (articles per
 * second of wall time). Run it with the heap to be measured, e.g. {@code MORGUE_JAVA_OPTS=-Xmx1g
 * ./morgue dev bench-ner news.jsonl.gz}.
 */
@Command(
    name = "bench-ner",
    mixinStandardHelpOptions = true,
    description =
        "Measures the entity extraction's speed: tokens per CPU second on one thread, articles per second on all.")
public final class BenchNerCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Article files or folders (any format the ingest reads).")
  List<Path> paths;

  @Option(
      names = "--articles",
      description = "How many articles, the first ones read (default: ${DEFAULT-VALUE}).")
  int articles = 500;

  @Option(
      names = "--threads",
      description = "Threads for the parallel round (default: ${DEFAULT-VALUE}).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws Exception {
    if (articles < 1 || threads < 1) {
      throw new IllegalArgumentException("--articles and --threads must be at least 1");
    }
    List<Article> sample = new ArrayList<>();
    new ArticleFiles()
        .read(
            paths,
            event -> {
              if (event instanceof ReadEvent.Parsed p && sample.size() < articles) {
                sample.add(p.article());
              }
            });
    long chars = 0;
    for (Article a : sample) {
      chars +=
          a.title().length() + (a.lede() == null ? 0 : a.lede().length()) + a.bodyText().length();
    }
    CoreNlpExtractor extractor = CoreNlpExtractor.shared();
    EntityFinder finder = EntityFinder.standard();
    System.out.printf(
        Locale.ROOT,
        "%,d articles (%.1f MB of text), max heap %d MB, %d cores, %s%n",
        sample.size(),
        chars / 1e6,
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());

    run(finder, sample.subList(0, Math.min(100, sample.size())), 1); // warm-up: JIT
    long tokens0 = extractor.tokens();
    Round one = run(finder, sample, 1);
    long tokens = extractor.tokens() - tokens0;
    System.out.printf(
        Locale.ROOT,
        "1 thread:  %,d tokens in %.1f CPU s: %,.0f tokens per CPU second; %.1f articles/s; %,d mentions; %d failed%n",
        tokens,
        one.cpuSeconds,
        tokens / one.cpuSeconds,
        sample.size() / one.wallSeconds,
        one.mentions,
        one.failed);
    Round all = run(finder, sample, threads);
    System.out.printf(
        Locale.ROOT,
        "%d threads: %.1f articles/s (wall %.1f s, %.1f CPU s), %,.0f tokens per second%n",
        threads,
        sample.size() / all.wallSeconds,
        all.wallSeconds,
        all.cpuSeconds,
        tokens / all.wallSeconds);
    System.out.printf(
        Locale.ROOT,
        "peak heap used: %d MB of %d MB max%n",
        peakHeap() >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    return 0;
  }

  private record Round(double wallSeconds, double cpuSeconds, long mentions, int failed) {}

  /** Extracts every article on {@code n} named threads, taking articles from a shared counter. */
  private static Round run(EntityFinder finder, List<Article> sample, int n)
      throws InterruptedException {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    AtomicInteger next = new AtomicInteger();
    AtomicLong cpu = new AtomicLong();
    AtomicLong mentions = new AtomicLong();
    AtomicInteger failed = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      Thread t =
          new Thread(
              () -> {
                long c0 = mx.getCurrentThreadCpuTime();
                for (int k; (k = next.getAndIncrement()) < sample.size(); ) {
                  try {
                    mentions.addAndGet(finder.extract(sample.get(k)).mentions().size());
                  } catch (ExtractionException e) {
                    failed.incrementAndGet();
                  }
                }
                cpu.addAndGet(mx.getCurrentThreadCpuTime() - c0);
              },
              "bench-ner-" + i);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    return new Round((System.nanoTime() - t0) / 1e9, cpu.get() / 1e9, mentions.get(), failed.get());
  }

  private static long peakHeap() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}

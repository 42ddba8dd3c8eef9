package org.morgue.search;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.morgue.index.IndexLayout;

/**
 * An archive to search: the one seam between what Morgue offers (routes, page, exports, feeds,
 * saved searches, curation, the analysis views) and where the articles are kept. Two backends
 * implement it: the embedded Lucene index ({@link ArchiveSearcher}, the default) and an OpenSearch
 * cluster ({@code org.morgue.opensearch.OpenSearchArchive}). Callers never know which.
 *
 * <p>A backend that cannot do something throws {@link UnsupportedSearchException} with a sentence
 * naming what, which the API answers as 501; one that does a thing differently (an approximate
 * count) says so in the answer's {@code warnings}.
 */
public interface Archive extends AutoCloseable {
  /** How long one search may take unless set otherwise. */
  Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(2);

  /** Articles read a page when exporting. */
  int EXPORT_PAGE = 500;

  /**
   * The archive's local directory: saved searches, the name authority and the ingest's reports live
   * here whatever the backend.
   */
  IndexLayout layout();

  /** Which backend answers: {@code lucene} or {@code opensearch}. */
  String backend();

  /** Sets how long each search may take (zero cuts every search at once, for tests). */
  void setTimeLimit(Duration limit);

  /** How long each search may take. */
  Duration timeLimit();

  /** Sets how many indexed words one pattern ({@code pres*}) may match before it is refused. */
  void setMaxExpansion(int words);

  /** Sees the newest ingested articles; cheap when nothing changed. */
  void refresh() throws IOException;

  /** Looks for newly ingested articles every {@code every} in the background, until closed. */
  void startRefreshing(Duration every);

  /**
   * Waits until the archive can answer: the embedded index opens its reader and builds its state in
   * the background from {@code open}; a server starts meanwhile and waits here before it says where
   * it listens.
   *
   * @throws IOException when the archive could not be opened
   */
  default void awaitOpen() throws IOException {}

  /** Warms the searches in the background; {@link #isReady()} is false until done. */
  default void startWarming() {
    startWarming(() -> {});
  }

  /** {@link #startWarming()}, running {@code first} on the warming thread before it warms. */
  void startWarming(Runnable first);

  /** Whether the searches are warm. */
  boolean isReady();

  /** Runs one search: the page of stories with snippets and copies, facets, histogram. */
  default SearchResult search(SearchRequest request) throws IOException {
    return search(request, true);
  }

  /** Runs one search, with or without the marked titles and snippets of its hits. */
  SearchResult search(SearchRequest request, boolean marks) throws IOException;

  /** Several searches counted over time in the same buckets. */
  Comparison.Result compare(Comparison comparison) throws IOException;

  /** One name's page: mentions over time, first and last, co-mentioned names. */
  EntityPage entity(String dimension, String name, SearchRequest.Interval interval, int top)
      throws IOException;

  /** Articles counted by the values of two dimensions. */
  Matrix matrix(SearchRequest request, String rowDimension, String colDimension, int size)
      throws IOException;

  /** Checks that the request's query parses and is within bounds, without searching. */
  void validate(SearchRequest request) throws IOException;

  /** A dimension's values within a search, matched to a typed prefix. */
  FacetValues facetValues(SearchRequest request, String dimension, String prefix)
      throws IOException;

  /** Every value of a dimension over the whole archive, with its article count. */
  List<SearchResult.FacetValue> allValues(String dimension) throws IOException;

  /** The number of matching articles, copies included. */
  long count(SearchRequest request) throws IOException;

  /** A suggestion for the query's misspelled words, or none. */
  Diagnosis.DidYouMean didYouMean(SearchRequest request) throws IOException;

  /** Why a search finds nothing: its clauses and filters counted alone and in order. */
  Diagnosis.Nothing nothing(SearchRequest request) throws IOException;

  /** Every concordance line of the search, in the order of the articles. */
  long eachLine(SearchRequest request, Consumer<Concordance.Line> sink) throws IOException;

  /** One page of the search's concordance. */
  Concordance.Page concordance(SearchRequest request, Concordance.Order order, int page, int size)
      throws IOException;

  /** The words and phrases over-represented in the search's articles. */
  DistinctiveTerms.Result distinctiveTerms(
      SearchRequest request, DistinctiveTerms.Background against, int size) throws IOException;

  /** A table of counts of several searches. */
  BatchTable.Table batch(
      List<BatchTable.Line> lines, SearchRequest shared, BatchTable.By by, int values)
      throws IOException;

  /** One article, or {@code null} when there is none with that id. */
  ArticleView article(String id) throws IOException;

  /** Where the query's words are in one article's text. */
  List<Concordance.Span> marks(String q, String id) throws IOException;

  /** The listed fields of the articles with these ids, in their order. */
  List<ArticleView.Related> briefs(List<String> ids) throws IOException;

  /**
   * Every match, whole, in the request's order, in constant memory.
   *
   * @return the number of articles given
   * @throws ExportCutException when one page takes longer than the time limit
   */
  long export(SearchRequest request, Consumer<StoredArticle> sink) throws IOException;

  /** An article and its snippet, as {@link #exportWithSnippets} gives them. */
  interface SnippetSink {
    /**
     * @param article the whole article
     * @param snippet its best passage for the query (HTML: escaped text, the query's words in
     *     {@code <mark>}), as a hit's
     */
    void accept(StoredArticle article, String snippet);
  }

  /** As {@link #export}, with each article's snippet. */
  long exportWithSnippets(SearchRequest request, SnippetSink sink) throws IOException;

  /** What {@link #eachMatch} gives for one matching article. */
  @FunctionalInterface
  interface MatchVisitor {
    /**
     * @param id the article's id
     * @param article reads its listed fields (id, date, section, source, title...) when asked
     */
    void visit(String id, Supplier<StoredArticle> article) throws IOException;
  }

  /**
   * Gives the id of every matching article, newest first, in constant memory.
   *
   * @return the number of matching articles
   */
  long eachMatch(SearchRequest request, MatchVisitor visitor) throws IOException;

  /**
   * The number of matching articles and how many of them have an id outside {@code seen}.
   *
   * @return {@code {total, new}}
   */
  long[] countNew(SearchRequest request, Collection<String> seen) throws IOException;

  /** Facts about the whole archive, its local files read from {@code layout}. */
  ArchiveStats stats(IndexLayout layout) throws IOException;

  /** Facts about the whole archive. */
  default ArchiveStats stats() throws IOException {
    return stats(layout());
  }

  /**
   * The searched point in time.
   *
   * @param articles live articles
   * @param version changes whenever the searched articles change
   * @param generation the commit's generation (Lucene), or the same as version
   * @param lastIngest when the last ingest committed, or {@code null}
   */
  record Version(long articles, long version, long generation, Instant lastIngest) {}

  /** What the searches see now. */
  Version version() throws IOException;

  @Override
  void close() throws IOException;

  /** An export stopped because one of its pages took longer than the time limit. */
  final class ExportCutException extends IOException {
    private static final long serialVersionUID = 1L;
    private final long written;

    public ExportCutException(long written, Duration limit) {
      super(
          "the export stopped after "
              + written
              + " articles: one page of "
              + EXPORT_PAGE
              + " took longer than the time limit of "
              + limit.toMillis()
              + " ms; narrow the search");
      this.written = written;
    }

    /** How many articles were given before it stopped. */
    public long written() {
      return written;
    }
  }

  /**
   * The backend cannot answer now (a cluster that does not answer, or refuses for load); the API
   * answers it as 503 Service Unavailable with this message.
   */
  final class UnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** What a backend cannot do; the API answers it as 501 Not Implemented with this message. */
  final class UnsupportedSearchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnsupportedSearchException(String message) {
      super(message);
    }
  }
}

package org.morgue.search;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;

/**
 * Two dimensions of a search's results crossed: the top values of one (rows) by the top values of
 * the other (columns), each cell the number of matching articles that carry both. Rows and columns
 * are counted among the results (drill-down), most first.
 *
 * @param rowDimension the rows' dimension
 * @param colDimension the columns' dimension
 * @param rows the rows' values, each with its articles among the results
 * @param cols the columns' values
 * @param cells {@code cells[r][c]}: articles carrying row {@code r} and column {@code c}
 * @param total the search's matching articles
 * @param tookMs the time it took
 * @param timedOut whether the search was cut by the time limit
 * @param warnings what was ignored
 */
public record Matrix(
    String rowDimension,
    String colDimension,
    List<SearchResult.FacetValue> rows,
    List<SearchResult.FacetValue> cols,
    long[][] cells,
    long total,
    long tookMs,
    boolean timedOut,
    List<String> warnings) {

  /**
   * Checks a matrix's two dimensions.
   *
   * @throws NotFoundException naming {@code rows} or {@code cols} when it is no facet dimension
   */
  static void check(String rowDimension, String colDimension) {
    for (String[] d : new String[][] {{"rows", rowDimension}, {"cols", colDimension}}) {
      if (!org.morgue.index.Fields.FACETS.contains(d[1])) {
        throw new NotFoundException(
            d[0],
            "no facet dimension '"
                + d[1]
                + "'; the dimensions are "
                + org.morgue.index.Fields.FACETS);
      }
    }
  }

  /** Values a side unless asked otherwise. */
  public static final int DEFAULT_SIZE = 10;

  /** The most values a side. */
  public static final int MAX_SIZE = 50;

  /**
   * Counts the cells in one pass over the matches' facet ordinals.
   *
   * @param fc the matches
   * @param facets the reader's facet ordinals
   */
  static long[][] cells(
      FacetsCollector fc,
      SortedSetDocValuesReaderState facets,
      String rowDim,
      List<SearchResult.FacetValue> rows,
      String colDim,
      List<SearchResult.FacetValue> cols)
      throws IOException {
    long[][] cells = new long[rows.size()][cols.size()];
    if (rows.isEmpty() || cols.isEmpty()) {
      return cells;
    }
    SortedSetDocValues all = facets.getDocValues();
    Map<Long, Integer> rowOf = ords(all, rowDim, rows);
    Map<Long, Integer> colOf = ords(all, colDim, cols);
    int[] inRow = new int[rows.size()];
    int[] inCol = new int[cols.size()];
    for (FacetsCollector.MatchingDocs hits : fc.getMatchingDocs()) {
      if (hits.totalHits() == 0 || hits.bits() == null) {
        continue;
      }
      SortedSetDocValues values;
      LongValues toGlobal;
      if (all instanceof MultiDocValues.MultiSortedSetDocValues multi) {
        values = multi.values[hits.context().ord];
        toGlobal = multi.mapping.getGlobalOrds(hits.context().ord);
      } else {
        values = DocValues.getSortedSet(hits.context().reader(), facets.getField());
        toGlobal = LongValues.IDENTITY;
      }
      DocIdSetIterator docs = hits.bits().iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        if (!values.advanceExact(doc)) {
          continue;
        }
        int nr = 0;
        int nc = 0;
        for (int i = 0, n = values.docValueCount(); i < n; i++) {
          long global = toGlobal.get(values.nextOrd());
          Integer r = rowOf.get(global);
          if (r != null) {
            inRow[nr++] = r;
          }
          Integer c = colOf.get(global);
          if (c != null) {
            inCol[nc++] = c;
          }
        }
        for (int i = 0; i < nr; i++) {
          for (int j = 0; j < nc; j++) {
            cells[inRow[i]][inCol[j]]++;
          }
        }
      }
    }
    return cells;
  }

  private static Map<Long, Integer> ords(
      SortedSetDocValues all, String dim, List<SearchResult.FacetValue> values) throws IOException {
    Map<Long, Integer> out = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      long ord =
          all.lookupTerm(new BytesRef(FacetsConfig.pathToString(dim, values.get(i).value())));
      if (ord >= 0) {
        out.put(ord, i);
      }
    }
    return out;
  }

  /**
   * The matrix as CSV (RFC 4180): a header row of the row dimension's name and the columns' values,
   * then a row a value with its cells.
   */
  public void csv(Writer out) throws IOException {
    out.write(CsvExport.field(rowDimension + " \\ " + colDimension));
    for (SearchResult.FacetValue c : cols) {
      out.write(',');
      out.write(CsvExport.field(c.value()));
    }
    out.write("\r\n");
    for (int r = 0; r < rows.size(); r++) {
      out.write(CsvExport.field(rows.get(r).value()));
      for (int c = 0; c < cols.size(); c++) {
        out.write(',');
        out.write(Long.toString(cells[r][c]));
      }
      out.write("\r\n");
    }
    out.flush();
  }
}

package org.morgue.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.morgue.index.Fields;
import org.morgue.index.Schema;

class WholeArchiveFacetsTest {
  /**
   * Over two segments, ties, a multi-valued dimension and a deleted article, every top n and every
   * dimension's values are those of a fresh count of all articles.
   */
  @Test
  void answersAsAFreshCountOfEveryArticle() throws Exception {
    FacetsConfig config = Schema.facetsConfig();
    try (ByteBuffersDirectory dir = new ByteBuffersDirectory();
        IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
      String[][] articles = {
        {"a", "Politics", "Ann", "Bob"},
        {"b", "Politics", "Bob"},
        {"c", "Sport", "Cid", "Ann"},
        {"d", "Sport", "Dee"},
        {"e", "World", "Eve", "Dee"},
        {"f", "World", "Bob"},
      };
      for (int i = 0; i < articles.length; i++) {
        Document doc = new Document();
        doc.add(new StringField(Fields.ID, articles[i][0], Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField(Fields.SECTION, articles[i][1]));
        for (int j = 2; j < articles[i].length; j++) {
          doc.add(new SortedSetDocValuesFacetField(Fields.PERSON, articles[i][j]));
        }
        w.addDocument(config.build(doc));
        if (i == 2) {
          w.commit(); // a second segment
        }
      }
      w.deleteDocuments(new Term(Fields.ID, "f"));
      w.commit();
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        SortedSetDocValuesReaderState state =
            new DefaultSortedSetDocValuesReaderState(reader, config);
        Facets fresh = new SortedSetDocValuesFacetCounts(state);
        WholeArchiveFacets kept = new WholeArchiveFacets(state);
        for (String dim : List.of(Fields.SECTION, Fields.PERSON)) {
          for (int n : new int[] {1, 2, 3, 10}) {
            assertEquals(
                fresh.getTopChildren(n, dim).toString(),
                kept.getTopChildren(n, dim).toString(),
                dim + " top " + n);
          }
          assertEquals(
              fresh.getAllChildren(dim).toString(), kept.getAllChildren(dim).toString(), dim);
        }
        assertEquals(
            "dim=person path=[] value=-1 childCount=5\n  Ann (2)\n  Bob (2)\n",
            kept.getTopChildren(2, Fields.PERSON).toString());
        assertThrows(IllegalArgumentException.class, () -> kept.getTopChildren(3, Fields.PLACE));
      }
    }
  }
}

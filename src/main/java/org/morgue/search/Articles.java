package org.morgue.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.morgue.entity.Mention;
import org.morgue.index.Analyzers;
import org.morgue.index.Fields;
import org.morgue.index.StoredArticles;
import org.morgue.index.StoredMentions;

/**
 * The article view: one article by id, its wire copies, and the articles most like it
 * (MoreLikeThis).
 */
final class Articles {
  private Articles() {}

  /**
   * The article with id {@code id}: every stored field, the ids of its wire copies (oldest first,
   * at most {@value StorySelector#MAX_COPY_IDS}) and up to {@value ArticleView#RELATED} related
   * articles.
   *
   * @throws NotFoundException naming {@code id} when no article has it
   */
  static ArticleView view(IndexSearcher searcher, String id) throws IOException {
    TopDocs found = searcher.search(new TermQuery(new Term(Fields.ID, id)), 1);
    if (found.scoreDocs.length == 0) {
      throw new NotFoundException("id", "no article with id '" + id + "'");
    }
    int doc = found.scoreDocs[0].doc;
    StoredFields stored = searcher.storedFields();
    var document = stored.document(doc);
    StoredArticle article = StoredArticle.of(document);
    List<Mention> mentions = StoredMentions.decode(document.get(Fields.MENTIONS));
    List<String> copies = new ArrayList<>();
    if (article.fingerprint() != null) {
      Query sameText =
          new BooleanQuery.Builder()
              .add(
                  new TermQuery(new Term(Fields.FINGERPRINT, article.fingerprint())),
                  BooleanClause.Occur.FILTER)
              .add(new TermQuery(new Term(Fields.ID, id)), BooleanClause.Occur.MUST_NOT)
              .build();
      Sort oldest = ArchiveSearcher.sort(SearchRequest.Sort.OLDEST);
      for (ScoreDoc sd : searcher.search(sameText, StorySelector.MAX_COPY_IDS, oldest).scoreDocs) {
        copies.add(stored.document(sd.doc, Set.of(Fields.ID)).get(Fields.ID));
      }
    }
    return new ArticleView(article, mentions, List.copyOf(copies), related(searcher, doc, article));
  }

  /** The articles most like {@code doc}, by the words of its text that are rare in the archive. */
  private static List<ArticleView.Related> related(
      IndexSearcher searcher, int doc, StoredArticle article) throws IOException {
    MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
    mlt.setAnalyzer(Analyzers.exact());
    mlt.setFieldNames(Fields.TEXT.toArray(String[]::new));
    mlt.setStopWords(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET); // the index keeps stop words
    mlt.setMinTermFreq(1); // news articles are short: a word said once can be what they are about
    mlt.setMinDocFreq(2); // a word no other article has relates it to nothing
    mlt.setMinWordLen(3);
    mlt.setMaxQueryTerms(25);
    BooleanQuery.Builder q =
        new BooleanQuery.Builder()
            .add(mlt.like(doc), BooleanClause.Occur.MUST)
            .add(new TermQuery(new Term(Fields.ID, article.id())), BooleanClause.Occur.MUST_NOT);
    if (article.fingerprint() != null) {
      q.add(
          new TermQuery(new Term(Fields.FINGERPRINT, article.fingerprint())),
          BooleanClause.Occur.MUST_NOT);
    }
    List<ArticleView.Related> out = new ArrayList<>();
    StoredFields stored = searcher.storedFields();
    for (ScoreDoc sd : searcher.search(q.build(), ArticleView.RELATED).scoreDocs) {
      Document d = stored.document(sd.doc, StoredArticle.LISTED_FIELDS);
      out.add(
          new ArticleView.Related(
              d.get(Fields.ID),
              StoredArticles.date(d),
              d.get(Fields.SECTION),
              d.get(Fields.TITLE),
              d.get(Fields.LEDE),
              d.get(Fields.SOURCE)));
    }
    return List.copyOf(out);
  }
}

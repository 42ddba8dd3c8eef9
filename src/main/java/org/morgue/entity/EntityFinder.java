package org.morgue.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.morgue.article.Article;

/**
 * Finds the entities of an article: the one entry point of this package for the ingest, the {@code
 * entities} and {@code score-ner} commands, and re-canonicalisation.
 *
 * <pre>{@code
 * EntityFinder finder = EntityFinder.standard().withAuthority(AuthorityFile.read(index.resolve("authority.txt")));
 * try {
 *   ArticleEntities e = finder.extract(article);
 *   e.names(EntityType.PERSON);             // facet values: [Nikol Pashinyan, Sergey Shoygu, ...]
 *   e.mentions(Mention.Field.BODY);         // to store: offsets into article.bodyText()
 * } catch (ExtractionException ex) {
 *   // count it; index the article with ArticleEntities.NONE
 * }
 * }</pre>
 *
 * <p>The path is: the extractor on each of title, lede and body text; demonym mentions added where
 * the model found nothing ({@link NameTables#findDemonyms}); then {@link Canonicalizer} over the
 * whole article. {@link #extract(String)} runs the same path on a plain text.
 *
 * <p>Thread-safe when its extractor is (the shipped one is): share one among ingest workers.
 */
public final class EntityFinder {
  private final EntityExtractor extractor;
  private final NameTables tables;
  private final AuthorityFile authority;
  private final boolean demonyms;
  private final Canonicalizer canonicalizer;

  /**
   * @param extractor the model
   * @param tables the alias and demonym tables
   * @param authority the archivist's rules, or {@link AuthorityFile#EMPTY}
   * @param demonyms whether demonyms count as places
   */
  public EntityFinder(
      EntityExtractor extractor, NameTables tables, AuthorityFile authority, boolean demonyms) {
    this.extractor = Objects.requireNonNull(extractor, "extractor");
    this.tables = Objects.requireNonNull(tables, "tables");
    this.authority = Objects.requireNonNull(authority, "authority");
    this.demonyms = demonyms;
    this.canonicalizer = new Canonicalizer(tables, authority, demonyms);
  }

  /**
   * CoreNLP's model ({@link CoreNlpExtractor#shared()}), the shipped tables, demonyms on, no
   * authority file.
   */
  public static EntityFinder standard() {
    return new EntityFinder(
        CoreNlpExtractor.shared(), NameTables.shipped(), AuthorityFile.EMPTY, true);
  }

  /** This finder with the archivist's authority file. */
  public EntityFinder withAuthority(AuthorityFile file) {
    return new EntityFinder(extractor, tables, file, demonyms);
  }

  /** This finder with demonyms counted as places, or not. */
  public EntityFinder withDemonyms(boolean on) {
    return new EntityFinder(extractor, tables, authority, on);
  }

  /** The authority file in use. */
  public AuthorityFile authority() {
    return authority;
  }

  /**
   * The entities of an article on its own: mentions in the title, the lede and the body (offsets
   * into {@link Article#bodyText()}), resolved with the article's own evidence only. The ingest
   * resolves against the archive instead: {@link #find} then {@link #resolve}.
   *
   * @param article the article
   * @return its entities; {@link ArticleEntities#isEmpty()} when it names none
   * @throws ExtractionException if the extractor failed on any of its texts (index it without
   *     entities)
   */
  public ArticleEntities extract(Article article) throws ExtractionException {
    return resolve(ArticleText.of(article, false), find(article), NameStatistics.NONE);
  }

  /**
   * What the model (and the demonym rule) finds in an article, before any resolution: what the
   * index stores ({@link ArticleEntities#found()}).
   *
   * @throws ExtractionException if the extractor failed on any of its texts
   */
  public List<Mention> find(Article article) throws ExtractionException {
    List<Mention> found = new ArrayList<>();
    found(article.title(), Mention.Field.TITLE, found);
    found(article.lede(), Mention.Field.LEDE, found);
    found(article.body().isEmpty() ? null : article.bodyText(), Mention.Field.BODY, found);
    return found;
  }

  /**
   * Resolves what was found in an article against the archive's name statistics ({@link
   * Canonicalizer}, then {@link Resolver}); the same found mentions, texts and statistics always
   * give the same entities.
   *
   * @param text the article's texts, date and source
   * @param found what {@link #find} found (now or when the article was stored)
   * @param stats the archive's name statistics, or {@link NameStatistics#NONE}
   */
  public ArticleEntities resolve(ArticleText text, List<Mention> found, NameStatistics stats) {
    return ArticleEntities.of(found, canonicalizer.canonicalize(text, found, stats));
  }

  /** The name facts an article adds to the archive's statistics ({@link NameFacts}). */
  public java.util.Set<String> facts(ArticleText text, List<Mention> found) {
    return canonicalizer.facts(text, found);
  }

  /**
   * The entities of a plain text, by the same path as an article's (field {@link
   * Mention.Field#TEXT}), with the text's own evidence only.
   *
   * @param text any text
   * @return its entities
   * @throws ExtractionException if the extractor failed on it
   */
  public ArticleEntities extract(String text) throws ExtractionException {
    List<Mention> found = new ArrayList<>();
    found(text, Mention.Field.TEXT, found);
    return resolve(ArticleText.plain(text), found, NameStatistics.NONE);
  }

  /**
   * An article's entities rebuilt from what was found in it, with no texts and no archive
   * statistics (tests; {@code entities apply} uses {@link #resolve}).
   *
   * @param stored what was found at ingest ({@link ArticleEntities#found()}, any order)
   */
  public ArticleEntities recanonicalize(List<Mention> stored) {
    return resolve(null, stored, NameStatistics.NONE);
  }

  private void found(String text, Mention.Field field, List<Mention> out)
      throws ExtractionException {
    if (text == null || text.isBlank()) {
      return;
    }
    List<Mention> model = extractor.extract(text);
    for (Mention m : model) {
      out.add(m.in(field, 0));
    }
    if (demonyms) {
      int next = 0; // both lists are in text order: walk the model's mentions once
      for (NameTables.Found d : tables.findDemonyms(text)) {
        while (next < model.size() && model.get(next).end() <= d.start()) {
          next++;
        }
        if (next == model.size() || model.get(next).start() >= d.end()) {
          out.add(
              new Mention(
                  EntityType.LOCATION,
                  text.substring(d.start(), d.end()),
                  d.place(),
                  field,
                  d.start(),
                  d.end(),
                  Mention.Origin.RULE));
        }
      }
    }
  }
}

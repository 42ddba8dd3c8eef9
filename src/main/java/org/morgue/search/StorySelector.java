package org.morgue.search;

import java.io.IOException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.grouping.GroupSelector;
import org.apache.lucene.search.grouping.SearchGroup;
import org.apache.lucene.util.BytesRef;
import org.morgue.index.Fields;

/**
 * Groups articles into stories for Lucene's grouping collectors: an article's group is its
 * fingerprint, the hash of its normalised text that wire copies share. Lucene's own {@code
 * TermGroupSelector} reads sorted doc values; the fingerprint is a {@code KeywordField}, whose doc
 * values are sorted-set (one value an article), hence this selector.
 *
 * <p>An article without a fingerprint (none is indexed so today) is a story of its own: its group
 * is {@link #ALONE} followed by its id.
 */
final class StorySelector extends GroupSelector<BytesRef> {
  /**
   * The most copy ids given for one story (a hit's {@code copyIds}) or one article (the article
   * view's {@code copies}): a story carried by 300 outlets lists 100 of them, and counts all 300.
   */
  static final int MAX_COPY_IDS = 100;

  /** The first byte of the group of an article without a fingerprint; no hex fingerprint has it. */
  static final byte ALONE = 0;

  private SortedSetDocValues prints;
  private SortedSetDocValues ids;
  private BytesRef current;
  private Set<BytesRef> only;

  @Override
  public void setNextReader(LeafReaderContext context) throws IOException {
    prints = DocValues.getSortedSet(context.reader(), Fields.FINGERPRINT);
    ids = DocValues.getSortedSet(context.reader(), Fields.ID);
  }

  @Override
  public void setScorer(Scorable scorer) {}

  @Override
  public State advanceTo(int doc) throws IOException {
    if (prints.advanceExact(doc)) {
      current = prints.lookupOrd(prints.nextOrd());
    } else {
      BytesRef id = ids.advanceExact(doc) ? ids.lookupOrd(ids.nextOrd()) : new BytesRef();
      byte[] bytes = new byte[id.length + 1];
      bytes[0] = ALONE;
      System.arraycopy(id.bytes, id.offset, bytes, 1, id.length);
      current = new BytesRef(bytes);
    }
    return only == null || only.contains(current) ? State.ACCEPT : State.SKIP;
  }

  @Override
  public BytesRef currentValue() {
    return current;
  }

  @Override
  public BytesRef copyValue() {
    return BytesRef.deepCopyOf(current);
  }

  @Override
  public void setGroups(Collection<SearchGroup<BytesRef>> groups) {
    only = new HashSet<>();
    for (SearchGroup<BytesRef> g : groups) {
      only.add(g.groupValue);
    }
  }

  /** Whether a group is a lone article without a fingerprint; its id follows the first byte. */
  static boolean isAlone(BytesRef group) {
    return group.length > 0 && group.bytes[group.offset] == ALONE;
  }
}

package org.morgue.index;

import org.apache.lucene.facet.FacetsConfig;

/**
 * The one {@link FacetsConfig} of the index: searching must use the same configuration as indexing.
 */
public final class Schema {
  private Schema() {}

  /**
   * A new configuration: every facet is a sorted-set doc values facet; authors and entities are
   * many a doc.
   */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(Fields.AUTHOR, true);
    for (String dim : Fields.ENTITIES) {
      config.setMultiValued(dim, true);
    }
    return config;
  }
}

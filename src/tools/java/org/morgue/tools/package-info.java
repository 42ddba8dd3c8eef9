/**
 * Developer tools, run as {@code ./morgue dev COMMAND} ({@link org.morgue.tools.DevMain}):
 * benchmarks of the ingest, the search API and the entity extraction, and the extraction's score on
 * CoNLL-2003. Compiled from {@code src/tools/java} after the product and left out of its jar: they
 * may use any package of the product, and no package of the product may use them.
 */
package org.morgue.tools;

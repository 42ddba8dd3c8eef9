/**
 * Saved searches: named, short-linked searches kept beside the index ({@code <archive>/saved/}), in
 * one JSON file written atomically. No HTTP, no Lucene.
 */
package org.morgue.saved;

/**
 * The {@code morgue} command line ({@link org.morgue.cli.Main}): each command parses its options,
 * wires the parts and reports. The only package of the product that prints or exits (the developer
 * tools, {@code org.morgue.tools} in {@code src/tools/java}, print too, and no product class uses
 * them).
 *
 * <p>A command does not call another command's helpers: what several commands share lives in a
 * class that owns it. {@link org.morgue.cli.IndexOption} is the archive a command names ({@code
 * --index}, the check that it has an index, its entity finder), {@link org.morgue.cli.Terminal} the
 * terminal output goes to (whether one is there, text made safe to print), {@link
 * org.morgue.cli.Json} the JSON a command prints. {@code demo} alone runs other commands' steps (an
 * ingest, the stats, a search), as it is their sum.
 */
package org.morgue.cli;

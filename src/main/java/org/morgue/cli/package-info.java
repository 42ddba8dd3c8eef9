/**
 * The {@code morgue} command line ({@link org.morgue.cli.Main}): each command parses its options,
 * wires the parts and reports. The only package that prints or exits.
 */
package org.morgue.cli;

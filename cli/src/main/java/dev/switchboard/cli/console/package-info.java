/**
 * The terminal: data to stdout, messages to stderr at the level the user chose ({@code --quiet},
 * {@code --verbose}), a progress line while long work runs, and how failures become exit codes and
 * messages in the command line's terms.
 */
package dev.switchboard.cli.console;

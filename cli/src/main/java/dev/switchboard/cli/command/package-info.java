/**
 * The commands, one class each, mirroring the Maven goals of the same name: each reads its options into
 * the engine's requests through their builders, calls the engine, prints the result on stdout and
 * returns the exit status. The option groups several commands share (project, selection, generated code, output) are classes of their own, shown as sections of the help.
 */
package dev.switchboard.cli.command;

/**
 * The entry point of the {@code switchboard} command: sets up picocli with the commands of {@link
 * dev.switchboard.cli.command} and the failure handling of {@link dev.switchboard.cli.console}, and
 * turns the outcome into the process's exit status.
 */
package dev.switchboard.cli;

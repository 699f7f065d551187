/**
 * Problems in the user's input, collected and reported together: each names the file, line and
 * column (or the XML parameter), what is wrong and what to do. Every other package reports through
 * these types, so the mojos map them to {@code MojoFailureException} in one place.
 */
package dev.switchboard.core.diag;

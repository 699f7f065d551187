/**
 * Problems in the user's input, collected and reported together: each names the file, line and
 * column (or the XML parameter), what is wrong and what to do. Every other package reports through
 * these types, so the front ends (the mojos, the command line) map them to their failures in one
 * place. {@link dev.switchboard.core.diag.Reporter} is where the engine's user-visible lines go; each
 * front end implements it once.
 */
package dev.switchboard.core.diag;

/**
 * {@code analyze}: which services the compiled application calls through the generated factory, through the
 * team's own factory interface and through SDK clients built by hand, and what the build can drop.
 */
package dev.switchboard.core.analyze;

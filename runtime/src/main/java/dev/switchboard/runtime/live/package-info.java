/**
 * The registry at run time: read from a file (or the bundled copy), watched, and swapped whole when the
 * file changes, with change events.
 */
package dev.switchboard.runtime.live;

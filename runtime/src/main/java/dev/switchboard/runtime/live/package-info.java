/**
 * The registry at run time: read from a file, a {@link dev.switchboard.runtime.live.RegistrySource} such
 * as ZooKeeper, or the bundled copy; followed, and swapped whole when it changes, with change events.
 */
package dev.switchboard.runtime.live;

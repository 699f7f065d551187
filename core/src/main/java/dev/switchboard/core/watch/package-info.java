/**
 * The {@code watch} goal's engine, free of Maven: watching the inputs of a build ({@link
 * dev.switchboard.core.watch.ProtoWatcher}), folding a burst of file events into one rebuild ({@link
 * dev.switchboard.core.watch.Debouncer}), and rebuilding the registry and the generated sources with
 * one line of what changed ({@link dev.switchboard.core.watch.WatchSession}).
 */
package dev.switchboard.core.watch;

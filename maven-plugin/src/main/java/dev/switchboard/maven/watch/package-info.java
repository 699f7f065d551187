/**
 * The {@code watch} goal's engine, free of Maven: watching the inputs of a build ({@link
 * dev.switchboard.maven.watch.ProtoWatcher}), folding a burst of file events into one rebuild ({@link
 * dev.switchboard.maven.watch.Debouncer}), and rebuilding the registry and the generated sources with
 * one line of what changed ({@link dev.switchboard.maven.watch.WatchSession}).
 */
package dev.switchboard.maven.watch;

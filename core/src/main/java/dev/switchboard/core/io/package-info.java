/**
 * Files written whole or not at all ({@link dev.switchboard.core.io.AtomicFiles}), for every package of the
 * engine that writes: the registry, the generated sources, the pom, the report and the unpacked protos of
 * source dependencies.
 */
package dev.switchboard.core.io;

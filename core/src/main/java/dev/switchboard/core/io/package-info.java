/**
 * Files written whole or not at all ({@link dev.switchboard.core.io.AtomicFiles}), for every package of the
 * engine that writes: the registry, the generated sources, the pom, the report and the unpacked protos of
 * source dependencies; and the steps of reading JSON token by token ({@link
 * dev.switchboard.core.io.JsonTokens}) that the files read on every build share.
 */
package dev.switchboard.core.io;

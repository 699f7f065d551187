/**
 * Loading {@code .proto} files with Wire's schema loader and turning the linked schema into registry
 * entries. Wire types stop here: nothing outside this package sees a {@code Schema} or a {@code
 * ProtoFile}.
 */
package dev.switchboard.core.proto;

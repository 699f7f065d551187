package dev.switchboard.core.proto;

/**
 * Where a definition is in a proto file.
 *
 * @param file the file's path as the user reads it, relative to the project
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourcePlace(String file, int line, int column) {

    /** {@code file:line:col}, as problems print a place. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}

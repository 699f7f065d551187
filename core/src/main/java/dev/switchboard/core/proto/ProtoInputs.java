package dev.switchboard.core.proto;

import java.nio.file.Path;
import java.util.List;

/**
 * Where protos come from.
 *
 * @param baseDirectory the project directory; paths in messages are shown relative to it
 * @param sourceRoots directories whose protos become registry services
 * @param importPaths directories or archives whose protos may only be imported
 * @param dependencyArchives the project's dependency jars; their protos may be imported
 * @param includes globs, relative to a source root, of the files to load (all {@code .proto} when empty)
 * @param excludes globs of files to leave out
 */
public record ProtoInputs(
        Path baseDirectory,
        List<Path> sourceRoots,
        List<Path> importPaths,
        List<Path> dependencyArchives,
        List<String> includes,
        List<String> excludes) {

    public ProtoInputs {
        sourceRoots = List.copyOf(sourceRoots);
        importPaths = List.copyOf(importPaths);
        dependencyArchives = List.copyOf(dependencyArchives);
        includes = includes == null || includes.isEmpty() ? List.of("**/*.proto") : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
    }
}

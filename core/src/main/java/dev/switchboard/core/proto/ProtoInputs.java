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
 * @param sourceDependencies dependencies whose protos become registry services too, the globs applying
 *     inside their jars
 * @param unpackDirectory where the protos of {@code sourceDependencies} are unpacked, one directory per
 *     artifact, so they are read, fingerprinted and shown in messages as files of the project are; null
 *     when there are none
 */
public record ProtoInputs(
        Path baseDirectory,
        List<Path> sourceRoots,
        List<Path> importPaths,
        List<Path> dependencyArchives,
        List<String> includes,
        List<String> excludes,
        List<DependencyArtifact> sourceDependencies,
        Path unpackDirectory) {

    public ProtoInputs {
        sourceRoots = List.copyOf(sourceRoots);
        importPaths = List.copyOf(importPaths);
        dependencyArchives = List.copyOf(dependencyArchives);
        includes = includes == null || includes.isEmpty() ? List.of("**/*.proto") : List.copyOf(includes);
        excludes = excludes == null ? List.of() : List.copyOf(excludes);
        sourceDependencies = sourceDependencies == null ? List.of() : List.copyOf(sourceDependencies);
        if (!sourceDependencies.isEmpty() && unpackDirectory == null) {
            throw new IllegalArgumentException("source dependencies need a directory to be unpacked into");
        }
    }

    /** The directory the protos of a source dependency are unpacked into. */
    public Path unpackRoot(DependencyArtifact dependency) {
        int colon = dependency.key().indexOf(':');
        return unpackDirectory
                .resolve(dependency.key().substring(0, colon))
                .resolve(dependency.key().substring(colon + 1));
    }
}

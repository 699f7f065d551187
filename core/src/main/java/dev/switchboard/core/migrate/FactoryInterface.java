package dev.switchboard.core.migrate;

import java.nio.file.Path;
import java.util.List;

/**
 * The team's own factory interface that the generated factory implements ({@code <factoryInterface>}).
 *
 * @param name its fully qualified name ({@code com.acme.Clients}; a nested one as {@code com.acme.Outer.Clients})
 * @param sourceRoots the project's source directories, searched first: the interface compiles with the
 *     project, after switchboard has run
 * @param classpath the jars and class directories of the project's dependencies, searched next
 * @param setting how the user set it, for messages: {@code <factoryInterface>}, {@code --factory-interface}
 */
public record FactoryInterface(String name, List<Path> sourceRoots, List<Path> classpath, String setting) {
    public FactoryInterface {
        sourceRoots = sourceRoots == null ? List.of() : List.copyOf(sourceRoots);
        classpath = classpath == null ? List.of() : List.copyOf(classpath);
        setting = setting == null ? "<factoryInterface>" : setting;
    }

    /** The interface as the plugin's {@code <factoryInterface>} sets it. */
    public FactoryInterface(String name, List<Path> sourceRoots, List<Path> classpath) {
        this(name, sourceRoots, classpath, null);
    }
}

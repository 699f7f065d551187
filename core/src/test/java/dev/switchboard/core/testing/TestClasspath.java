package dev.switchboard.core.testing;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The jars of the test run's own classpath: real SDK modules to scan without a Maven build. */
public final class TestClasspath {
    private TestClasspath() {}

    public static List<Path> jars() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.endsWith(".jar"))
                .map(Path::of)
                .sorted()
                .toList();
    }
}

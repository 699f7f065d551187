package dev.switchboard.bench.factory;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.aws.AwsServiceReader;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS discovery, cold: run once per fresh JVM ({@code java -cp factory-benchmarks.jar
 * dev.switchboard.bench.factory.DiscoveryCold target/discovery-classpath.txt}). Times the first call of
 * {@code new AwsServiceReader(AwsCatalogue.bundled()).read(jars)} with {@link System#nanoTime()} and
 * prints one line of {@code key=value} pairs:
 *
 * <pre>total_ms=… catalogue_ms=… read_ms=… services=… jars=…</pre>
 *
 * <p>{@code total_ms} is the figure held against the budget; {@code catalogue_ms} ({@code
 * AwsCatalogue.bundled()}) and {@code read_ms} (the scan) are its two parts. The class path file (one
 * line, entries separated by the path separator, as maven-dependency-plugin's build-classpath writes it)
 * is read before the clock starts: it is the input, not the work.
 */
public final class DiscoveryCold {
    private DiscoveryCold() {}

    public static void main(String[] args) throws Exception {
        List<Path> jars = jars(Path.of(args.length > 0 ? args[0] : "target/discovery-classpath.txt"));

        long t0 = System.nanoTime();
        AwsCatalogue catalogue = AwsCatalogue.bundled();
        long t1 = System.nanoTime();
        List<ServiceEntry> services = new AwsServiceReader(catalogue).read(jars);
        long t2 = System.nanoTime();

        long modules = jars.stream()
                .filter(j -> services.stream()
                        .anyMatch(s -> j.getFileName().toString().startsWith(s.aws().artifactId() + "-")))
                .count();
        System.out.printf(
                java.util.Locale.ROOT,
                "total_ms=%.1f catalogue_ms=%.1f read_ms=%.1f services=%d service_modules=%d jars=%d%n",
                (t2 - t0) / 1e6,
                (t1 - t0) / 1e6,
                (t2 - t1) / 1e6,
                services.size(),
                modules,
                jars.size());
    }

    static List<Path> jars(Path classpathFile) throws java.io.IOException {
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(classpathFile).trim().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                jars.add(Path.of(entry.trim()));
            }
        }
        return jars;
    }
}

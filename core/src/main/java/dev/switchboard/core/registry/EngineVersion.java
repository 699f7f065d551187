package dev.switchboard.core.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The engine's own version and jar: the fingerprint's defaults when a caller of {@link
 * RegistryRequest#builder} does not name its front end (tests, benchmarks, embedders).
 */
final class EngineVersion {
    /** The version Maven recorded in the jar; {@code development} when running from class directories. */
    static final String VERSION = read();

    private EngineVersion() {}

    /** The jar (or class directory) the engine was loaded from. */
    static Path archive() {
        try {
            return Path.of(EngineVersion.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the switchboard engine's own classes", e);
        }
    }

    private static String read() {
        try (InputStream in = EngineVersion.class.getResourceAsStream(
                "/META-INF/maven/dev.switchboard/switchboard-core/pom.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "development");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

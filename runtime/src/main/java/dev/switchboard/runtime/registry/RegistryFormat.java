package dev.switchboard.runtime.registry;

import java.nio.file.Path;
import java.util.Locale;

/** The two encodings of a registry file. */
public enum RegistryFormat {
    JSON,
    YAML;

    /** The format a file name implies: {@code .yaml} and {@code .yml} are YAML, anything else JSON. */
    public static RegistryFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") ? YAML : JSON;
    }
}

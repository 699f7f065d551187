package dev.switchboard.core.inspect;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a registry to compare or inspect from where a user points: a registry file, or the copy an
 * artifact built with {@code generate} bundles at {@value BundledRegistry#RESOURCE}.
 */
public final class RegistryFiles {
    private RegistryFiles() {}

    /**
     * @param option how the user named the file ({@code switchboard.against}, {@code --against}), for
     *     messages
     */
    public static Registry read(Path file, String option) throws InputException, IOException {
        try {
            return RegistryCodec.read(file);
        } catch (RegistryFormatException e) {
            throw new InputException(
                    Problem.in(option, e.getMessage(), "point it at a registry file switchboard wrote"));
        }
    }

    /**
     * @param jar the artifact's file
     * @param label the artifact as the user named it ({@code com.acme:shop:1.2.0})
     */
    public static Registry readBundled(Path jar, String label, String option) throws InputException, IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(BundledRegistry.RESOURCE);
            if (entry == null) {
                throw new InputException(Problem.in(
                        option,
                        "artifact " + label + " (" + jar + ") bundles no " + BundledRegistry.RESOURCE,
                        "compare with an artifact built with switchboard:generate, or with a registry file"));
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return RegistryCodec.read(in, RegistryFormat.JSON, label + "!/" + BundledRegistry.RESOURCE);
            } catch (RegistryFormatException e) {
                throw new InputException(Problem.in(option, e.getMessage(), "rebuild that artifact"));
            }
        }
    }
}

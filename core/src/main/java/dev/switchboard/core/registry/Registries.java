package dev.switchboard.core.registry;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Registries that were built elsewhere: a registry file ({@code registry.json}, {@code .yaml}), or an
 * application jar that bundles one at {@value BundledRegistry#RESOURCE}, as {@code generate}
 * puts it there. For comparing with a release and for inspecting without the inputs.
 */
public final class Registries {
    private Registries() {}

    /**
     * Reads the registry in {@code path}, a registry file or a {@code .jar}/{@code .zip} that bundles one.
     *
     * @param parameter the parameter that named the path, for problems ({@code switchboard.against})
     * @throws InputException when the path is missing, bundles no registry, or holds a damaged one
     */
    public static Registry read(Path path, String parameter) throws InputException, IOException {
        if (!Files.isRegularFile(path)) {
            throw new InputException(Problem.in(
                    parameter,
                    path + " does not exist or is not a file",
                    "give a registry file (registry.json) or a jar that bundles one"));
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".jar") && !name.endsWith(".zip")) {
            try {
                return RegistryCodec.read(path);
            } catch (RegistryFormatException e) {
                throw new InputException(Problem.in(
                        parameter, e.getMessage(), "or point it at another registry file switchboard wrote"));
            }
        }
        return bundled(path, path.toString(), parameter);
    }

    /**
     * Reads the registry bundled in the archive {@code jar}.
     *
     * @param shownAs how problems name the archive (a path, or the coordinates it was resolved from)
     */
    public static Registry bundled(Path jar, String shownAs, String parameter) throws InputException, IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            ZipEntry entry = zip.getEntry(BundledRegistry.RESOURCE);
            if (entry == null) {
                throw new InputException(Problem.in(
                        parameter,
                        shownAs + " bundles no " + BundledRegistry.RESOURCE,
                        "give a jar built with switchboard's generate, or a registry file"));
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return RegistryCodec.read(in, RegistryFormat.JSON, shownAs + "!/" + BundledRegistry.RESOURCE);
            } catch (RegistryFormatException e) {
                throw new InputException(Problem.in(parameter, e.getMessage(), "rebuild that jar"));
            }
        } catch (ZipException e) {
            throw new InputException(Problem.in(
                    parameter,
                    shownAs + " is not a readable jar (" + e.getMessage() + ")",
                    "give a jar or a registry file"));
        }
    }
}

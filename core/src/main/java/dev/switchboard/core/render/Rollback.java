package dev.switchboard.core.render;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.core.registry.RegistryLock;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rolls the registry back to {@code registry.previous.json}. The stages, in order:
 *
 * <ol>
 *   <li>check that there is a previous registry and that it reads as one;
 *   <li>swap it with {@code registry.json}, so the current one becomes the previous and a second
 *       rollback undoes the first;
 *   <li>forget the input stamps ({@code registry.inputs}): they describe the registry just replaced,
 *       and without them the next build compares the inputs by content and rebuilds if they differ;
 *   <li>regenerate the sources from the restored registry as it is, when the project generates
 *       sources: a {@code generate} run left its manifest ({@code generated-files.txt}) and the caller
 *       gave the sources' settings. Otherwise the registry alone is rolled back, and no sources appear
 *       in a project that never had any.
 * </ol>
 *
 * <p>This lives beside {@link SourceGenerator} rather than in the registry package, which rendering
 * already depends on. A failure in any stage puts the registry files back as they were.
 */
public final class Rollback {

    /**
     * What to roll back.
     *
     * @param registry where the registry is, with the selection to regenerate
     * @param sources the sources' settings (its registry is {@code registry}), or null when the project
     *     generates none
     */
    public record Request(RegistryRequest registry, GenerateRequest sources) {
        /** A project that only builds the registry. */
        public static Request registryOnly(RegistryRequest registry) {
            return new Request(registry, null);
        }

        /** A project that generates sources too; they are regenerated if an earlier run generated them. */
        public static Request withSources(GenerateRequest sources) {
            return new Request(sources.registry(), sources);
        }
    }

    /**
     * What the rollback did.
     *
     * @param registryFile the registry, now the previous one's content
     * @param previousFile the previous registry, now the replaced one's content
     * @param previousKept whether there was a registry to keep as the previous one
     * @param regenerated what regenerating the sources did, or null when the registry alone was rolled back
     */
    public record Outcome(Path registryFile, Path previousFile, boolean previousKept, GenerateOutcome regenerated) {
        public boolean registryOnly() {
            return regenerated == null;
        }
    }

    public Outcome run(Request request) throws InputException, IOException, RenderException {
        RegistryRequest registry = request.registry();
        Path current = registry.registryFile();
        Path previous = registry.previousFile();
        Path stamps = registry.inputsFile();
        byte[] restored = readPrevious(registry);
        // Under the registry's lock, so a build running beside the rollback cannot rotate the pair in between.
        try (RegistryLock lock = RegistryLock.acquire(registry.registryDirectory())) {
            byte[] replaced = Files.isRegularFile(current) ? Files.readAllBytes(current) : null;
            byte[] stampBytes = Files.isRegularFile(stamps) ? Files.readAllBytes(stamps) : null;
            boolean regenerate = request.sources() != null
                    && Files.isRegularFile(request.sources().manifestFile());
            try {
                AtomicFiles.write(current, restored);
                if (replaced != null) {
                    AtomicFiles.write(previous, replaced);
                }
                Files.deleteIfExists(stamps);
                GenerateOutcome regenerated =
                        regenerate ? new SourceGenerator().generate(request.sources(), true) : null;
                return new Outcome(current, previous, replaced != null, regenerated);
            } catch (InputException | IOException | RenderException | RuntimeException e) {
                putBack(current, replaced, previous, restored, stamps, stampBytes, e);
                throw e;
            }
        }
    }

    /** The previous registry's bytes, once they are known to read as a registry. */
    private static byte[] readPrevious(RegistryRequest registry) throws InputException, IOException {
        Path previous = registry.previousFile();
        String shown = shown(registry, previous);
        if (!Files.isRegularFile(previous)) {
            throw new InputException(Problem.in(
                    shown,
                    "does not exist, so there is nothing to roll back to",
                    "the previous registry is kept each time a build changes the registry, so roll back after"
                            + " such a build; nothing was changed"));
        }
        try {
            RegistryCodec.read(previous);
        } catch (RegistryFormatException e) {
            throw new InputException(Problem.in(
                    shown,
                    "cannot be restored: " + e.getMessage(),
                    "delete it (there is then nothing to roll back to until the next build that changes the"
                            + " registry); nothing was changed"));
        }
        return Files.readAllBytes(previous);
    }

    private static void putBack(
            Path current,
            byte[] replaced,
            Path previous,
            byte[] restored,
            Path stamps,
            byte[] stampBytes,
            Exception failure) {
        try {
            if (replaced != null) {
                AtomicFiles.write(current, replaced);
            } else {
                Files.deleteIfExists(current);
            }
            AtomicFiles.write(previous, restored);
            if (stampBytes != null) {
                AtomicFiles.write(stamps, stampBytes);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** A path as the user would type it: relative to the project when inside it. */
    private static String shown(RegistryRequest registry, Path path) {
        Path base = registry.protos().baseDirectory();
        Path absolute = path.toAbsolutePath();
        return base != null && absolute.startsWith(base)
                ? base.relativize(absolute).toString().replace('\\', '/')
                : path.toString();
    }
}

package dev.switchboard.core.registry;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Puts {@code registry.previous.json} back as the registry. The stages:
 *
 * <ol>
 *   <li>check that there is a previous registry;
 *   <li>write it as the registry and the replaced registry as the previous one, so a second rollback
 *       undoes the first;
 *   <li>forget the input stamps, which describe the registry just replaced; the next build then
 *       compares the inputs by content and rebuilds if they differ.
 * </ol>
 *
 * <p>Regenerating the sources from the restored registry is the caller's next step ({@code
 * SourceGenerator.generate(request, true)}).
 */
public final class Rollback {
    private Rollback() {}

    /**
     * Restores the previous registry of {@code request}.
     *
     * @throws InputException when there is no previous registry
     */
    public static void restore(RegistryRequest request) throws InputException, IOException {
        Path current = request.registryFile();
        Path previous = request.previousFile();
        if (!Files.isRegularFile(previous)) {
            Path base = request.protos().baseDirectory();
            Path shown = base != null && previous.startsWith(base) ? base.relativize(previous) : previous;
            throw new InputException(Problem.in(
                    shown.toString().replace('\\', '/'),
                    "does not exist, so there is nothing to roll back to",
                    "one is kept each time a build changes the registry"));
        }
        byte[] restored = Files.readAllBytes(previous);
        byte[] replaced = Files.isRegularFile(current) ? Files.readAllBytes(current) : null;
        AtomicFiles.write(current, restored);
        if (replaced != null) {
            AtomicFiles.write(previous, replaced);
        }
        Files.deleteIfExists(request.registryDirectory().resolve(InputStamps.FILE));
    }
}

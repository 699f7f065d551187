package dev.switchboard.core.render;

import dev.switchboard.core.registry.RegistryOutcome;
import java.util.List;

/**
 * What a {@code generate} run did.
 *
 * @param registry what the registry stage did
 * @param registryMillis how long the registry stage took
 * @param upToDate whether nothing was rendered because no input changed
 * @param services the registry names of the generated services
 * @param written files written because new or changed
 * @param unchanged files rendered to the same bytes and left alone
 * @param deleted files an earlier run produced that are no longer produced
 */
public record GenerateOutcome(
        RegistryOutcome registry,
        long registryMillis,
        boolean upToDate,
        List<String> services,
        int written,
        int unchanged,
        int deleted) {

    /** The one line a front end logs about the render stage: what was written, or that nothing needed to be. */
    public String describe(String className, long millis) {
        if (upToDate) {
            return "switchboard: generated sources are up to date, nothing rewritten: " + unchanged + " file(s) ("
                    + millis + " ms)";
        }
        return "switchboard: generated " + className + " with " + services.size() + " service(s): " + written
                + " file(s) written, " + unchanged + " unchanged, " + deleted + " deleted (" + millis + " ms)";
    }
}

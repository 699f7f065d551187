package dev.switchboard.zookeeper;

import java.util.List;
import java.util.Optional;

/**
 * What a publish did.
 *
 * @param published the version now in force: the new one, or the one already in force when the
 *     registry was unchanged
 * @param previous the version in force before, if any
 * @param unchanged whether nothing was written because the fingerprint was already in force
 * @param deleted the versions retention deleted after the pointer moved, oldest first
 */
public record PublishResult(
        VersionInfo published, Optional<VersionInfo> previous, boolean unchanged, List<Long> deleted) {

    public PublishResult {
        deleted = List.copyOf(deleted);
    }
}

package dev.switchboard.core.publish;

import dev.switchboard.zookeeper.InstanceInfo;
import dev.switchboard.zookeeper.VersionInfo;
import java.util.List;

/**
 * What {@code fleet} shows: the kept versions, newest first, each with the instances serving it, and the
 * instances serving no published version (a file or the bundled registry, until ZooKeeper answers).
 *
 * @param location where the registry lives ({@code zk1:2181/switchboard/shop})
 * @param current the version in force, 0 when nothing was published
 */
public record FleetListing(String location, long current, List<Version> versions, List<InstanceInfo> unpublished) {

    public FleetListing {
        versions = List.copyOf(versions);
        unpublished = List.copyOf(unpublished);
    }

    /** A kept version and the instances serving it. */
    public record Version(VersionInfo info, boolean inForce, List<InstanceInfo> instances) {
        public Version {
            instances = List.copyOf(instances);
        }
    }
}

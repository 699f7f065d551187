package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.publish.FleetConnections;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The ZooKeeper parameters the fleet goals share, turned into one connection. */
final class FleetParameters {
    private FleetParameters() {}

    /**
     * @param readers a comma list of digest identities, or null
     * @throws InputException naming the property to fix
     */
    static ZooKeeperConnection connection(String connect, String path, File authFile, String readers)
            throws InputException {
        List<String> readerList = readers == null || readers.isBlank()
                ? List.of()
                : Arrays.stream(readers.split(","))
                        .map(String::trim)
                        .filter(r -> !r.isEmpty())
                        .toList();
        return FleetConnections.of(
                connect,
                path,
                Optional.ofNullable(authFile).map(File::toPath),
                readerList,
                FleetNames.MAVEN,
                System::getenv);
    }
}

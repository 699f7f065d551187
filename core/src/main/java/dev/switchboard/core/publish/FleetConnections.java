package dev.switchboard.core.publish;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.zookeeper.FleetException;
import dev.switchboard.zookeeper.ZooKeeperAuth;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import dev.switchboard.zookeeper.ZooKeeperLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Builds a {@link ZooKeeperConnection} from a front end's settings, with problems in its terms. */
public final class FleetConnections {
    private FleetConnections() {}

    /**
     * The connection to {@code connect} under {@code path}, as the credentials file (else {@code
     * SWITCHBOARD_ZOOKEEPER_AUTH}) identifies the user.
     *
     * @param readers digest identities ({@code user:base64hash}) that may read what is published
     * @throws InputException naming the switch to fix when a value is missing or malformed
     */
    public static ZooKeeperConnection of(
            String connect,
            String path,
            Optional<Path> authFile,
            List<String> readers,
            FleetNames names,
            UnaryOperator<String> environment)
            throws InputException {
        if (connect == null || connect.isBlank()) {
            throw new InputException(Problem.in(
                    names.connect(),
                    "no ZooKeeper to talk to",
                    "give the ensemble's connect string, e.g. " + names.connect() + "=zk1:2181,zk2:2181,zk3:2181"));
        }
        ZooKeeperLocation location;
        try {
            location = new ZooKeeperLocation(connect.trim(), path == null ? null : path.trim());
        } catch (FleetException e) {
            String where = e.getMessage().contains("connect string") ? names.connect() : names.path();
            throw new InputException(Problem.in(where, e.getMessage(), ""));
        }
        Optional<ZooKeeperAuth> auth;
        try {
            auth = ZooKeeperAuth.resolve(authFile, environment);
        } catch (FleetException e) {
            throw new InputException(Problem.in(names.authFile(), e.getMessage(), ""));
        }
        return ZooKeeperConnection.of(location).withAuth(auth).withReaders(readers);
    }
}

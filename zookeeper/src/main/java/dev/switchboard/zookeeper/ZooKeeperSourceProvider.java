package dev.switchboard.zookeeper;

import dev.switchboard.runtime.live.RegistrySource;
import dev.switchboard.runtime.live.RegistrySourceProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Opens a {@link ZooKeeperFollower} for {@code switchboard.registry.zookeeper}. Its settings come from
 * system properties, else the environment: {@code switchboard.zookeeper.authFile} (else {@code
 * SWITCHBOARD_ZOOKEEPER_AUTH}), {@code switchboard.zookeeper.startTimeout} (milliseconds, 5000 by
 * default) and {@code switchboard.zookeeper.instance} (the instance id).
 */
public final class ZooKeeperSourceProvider implements RegistrySourceProvider {

    @Override
    public String kind() {
        return "zookeeper";
    }

    @Override
    public RegistrySource open(String location, long maxBytes) {
        try {
            ZooKeeperConnection connection = new ZooKeeperConnection(
                    ZooKeeperLocation.parse(location),
                    ZooKeeperAuth.resolve(
                            setting("switchboard.zookeeper.authFile").map(Path::of), System::getenv),
                    List.of(),
                    ZooKeeperConnection.DEFAULT_CONNECTION_TIMEOUT,
                    ZooKeeperConnection.DEFAULT_SESSION_TIMEOUT);
            Duration startTimeout = setting("switchboard.zookeeper.startTimeout")
                    .map(v -> Duration.ofMillis(Long.parseLong(v)))
                    .orElse(ZooKeeperFollower.DEFAULT_START_TIMEOUT);
            String instance = setting("switchboard.zookeeper.instance").orElseGet(ZooKeeperFollower::defaultInstanceId);
            return new ZooKeeperFollower(connection, startTimeout, instance, maxBytes);
        } catch (FleetException e) {
            throw new IllegalArgumentException("switchboard: " + e.getMessage(), e);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "switchboard: switchboard.zookeeper.startTimeout is not a number of" + " milliseconds ("
                            + e.getMessage() + "); give e.g. 5000",
                    e);
        }
    }

    private static Optional<String> setting(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'));
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}

package dev.switchboard.zookeeper;

import java.util.regex.Pattern;

/**
 * Where a registry lives in ZooKeeper: the connect string of the ensemble and the path under which its
 * versions, pointer and instances are kept.
 *
 * @param connect {@code host:port[,host:port…]}
 * @param path an absolute ZooKeeper path such as {@code /switchboard/shop}
 */
public record ZooKeeperLocation(String connect, String path) {
    private static final Pattern HOST_PORT = Pattern.compile("[^,:/\\s]+(:\\d{1,5})?(,[^,:/\\s]+(:\\d{1,5})?)*");
    private static final Pattern PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

    /** @throws FleetException when the connect string or the path is malformed, with an example of each */
    public ZooKeeperLocation {
        if (connect == null || !HOST_PORT.matcher(connect).matches()) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    "the ZooKeeper connect string is \"" + connect + "\"; give host:port[,host:port…], e.g."
                            + " 127.0.0.1:2181 or zk1:2181,zk2:2181,zk3:2181");
        }
        if (path == null || !PATH.matcher(path).matches()) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    "the ZooKeeper path is \"" + path + "\"; give an absolute path of letters, digits, '.', '_'"
                            + " and '-' without a trailing '/', e.g. /switchboard/shop");
        }
    }

    /**
     * Reads {@code connect|path}, the form of {@code switchboard.registry.zookeeper}.
     *
     * @throws FleetException when there is no {@code |} or either half is malformed
     */
    public static ZooKeeperLocation parse(String value) {
        int bar = value == null ? -1 : value.indexOf('|');
        if (bar < 0) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    "switchboard.registry.zookeeper is \"" + value + "\"; give connect|path, e.g."
                            + " 127.0.0.1:2181|/switchboard/shop");
        }
        return new ZooKeeperLocation(
                value.substring(0, bar).trim(), value.substring(bar + 1).trim());
    }

    @Override
    public String toString() {
        return connect + path;
    }
}

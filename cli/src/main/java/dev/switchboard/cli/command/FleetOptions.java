package dev.switchboard.cli.command;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.publish.FleetConnections;
import dev.switchboard.core.publish.FleetNames;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the fleet's registry lives in ZooKeeper, and as whom to talk to it. */
final class FleetOptions {
    @Option(
            names = "--zookeeper",
            paramLabel = "HOST:PORT[,HOST:PORT…]",
            order = 1,
            description = "The ZooKeeper ensemble's connect string.")
    String connect;

    @Option(
            names = "--path",
            paramLabel = "PATH",
            order = 2,
            description = "The ZooKeeper path of the registry. Default: /switchboard/<name of the project directory>.")
    String path;

    @Option(
            names = "--auth-file",
            paramLabel = "FILE",
            order = 3,
            description = "A file holding user:password for ZooKeeper digest authentication; else the variable"
                    + " SWITCHBOARD_ZOOKEEPER_AUTH. Never give credentials on the command line.")
    Path authFile;

    @Option(
            names = "--reader",
            paramLabel = "USER:HASH",
            order = 4,
            description = "A digest identity that may read what is published (repeatable); with credentials and"
                    + " none given, anyone may read and only the publisher write.")
    List<String> readers = new ArrayList<>();

    /** The connection; {@code base} names the default path. */
    ZooKeeperConnection connection(Path base) throws InputException {
        return FleetConnections.of(
                connect,
                path != null ? path : defaultPath(base),
                Optional.ofNullable(authFile).map(ProjectOptions::absolute),
                readers,
                FleetNames.CLI,
                System::getenv);
    }

    /** {@code /switchboard/<directory>}, as the Maven goals default to {@code /switchboard/<artifactId>}. */
    private static String defaultPath(Path base) {
        Path name = base.toAbsolutePath().normalize().getFileName();
        String cleaned = name == null ? "" : name.toString().replaceAll("[^A-Za-z0-9._-]", "-");
        return "/switchboard/" + (cleaned.isEmpty() ? "registry" : cleaned);
    }
}

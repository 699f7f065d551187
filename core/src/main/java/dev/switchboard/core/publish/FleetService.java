package dev.switchboard.core.publish;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.inspect.BreakingOptions;
import dev.switchboard.core.inspect.RegistryDiff;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import dev.switchboard.zookeeper.FleetException;
import dev.switchboard.zookeeper.InstanceInfo;
import dev.switchboard.zookeeper.PublishResult;
import dev.switchboard.zookeeper.RegistryStore;
import dev.switchboard.zookeeper.VersionInfo;
import dev.switchboard.zookeeper.ZooKeeperConnection;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Publishes the registry to ZooKeeper for a fleet, lists the fleet and rolls it back; the engine behind
 * the {@code publish}, {@code fleet} and {@code rollback} goals and commands.
 *
 * <p>Publishing runs these stages (the front end has brought the registry up to date from the inputs):
 *
 * <ol>
 *   <li>validate the registry as a follower will read it;
 *   <li>read the version in force; the same fingerprint publishes nothing;
 *   <li>the gate: judge the changes against the version in force with the breaking-change rules of
 *       {@code compare}, and refuse breaking ones unless allowed;
 *   <li>publish the version and move the pointer ({@link RegistryStore#publish}), then prune old
 *       versions.
 * </ol>
 */
public final class FleetService {
    private final FleetNames names;
    private final Reporter reporter;

    public FleetService(FleetNames names, Reporter reporter) {
        this.names = names;
        this.reporter = reporter;
    }

    /**
     * What to publish and how.
     *
     * @param publisher who publishes ({@link #identity})
     * @param keep how many versions to keep
     * @param allowBreaking whether a breaking change against the version in force may be published
     * @param breaking how changes are judged
     */
    public record PublishRequest(
            Registry registry,
            ZooKeeperConnection connection,
            String publisher,
            int keep,
            boolean allowBreaking,
            BreakingOptions breaking) {}

    /** {@code user@host}: the credentials' user, else the operating system's. */
    public static String identity(ZooKeeperConnection connection) {
        String user = connection.auth().map(a -> a.user()).orElse(System.getProperty("user.name", "unknown"));
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        return user + "@" + host;
    }

    /**
     * Publishes the registry unless its fingerprint is in force.
     *
     * @throws InputException when the registry or a setting is invalid
     * @throws FindingException when the gate refuses a breaking change, another publisher won, or
     *     ZooKeeper is unreachable or refuses the credentials; nothing was changed then
     */
    public PublishResult publish(PublishRequest request) throws InputException, FindingException {
        byte[] json = RegistryCodec.writeBytes(request.registry(), RegistryFormat.JSON);
        validate(json);
        String location = request.connection().location().toString();
        try (RegistryStore store = connect(request.connection())) {
            Optional<VersionInfo> inForce = store.current();
            if (inForce.isPresent() && !sameFingerprint(inForce.get(), request.registry())) {
                gate(request, inForce.get(), store.read(inForce.get().version()));
            }
            PublishResult result = store.publish(
                    json,
                    request.publisher(),
                    request.keep(),
                    RegistryStore.DEFAULT_CHUNK_BYTES,
                    inForce.map(v -> OptionalLong.of(v.version())).orElse(OptionalLong.empty()));
            VersionInfo v = result.published();
            if (result.unchanged()) {
                reporter.info("switchboard: version " + v.version() + " under " + location + " already has fingerprint "
                        + v.fingerprint() + "; nothing published");
                return result;
            }
            reporter.info("switchboard: published version " + v.version() + " to " + location + " (fingerprint "
                    + v.fingerprint() + ", " + v.services() + " service(s), "
                    + v.added().size() + " added, "
                    + v.removed().size() + " removed, " + v.changed().size() + " changed; " + v.bytes()
                    + " bytes stored as " + v.storedBytes() + " in " + v.chunks() + " chunk(s))"
                    + result.previous()
                            .map(p -> "; the fleet moves from version " + p.version())
                            .orElse(""));
            if (!result.deleted().isEmpty()) {
                reporter.info(
                        "switchboard: deleted versions " + result.deleted() + ", keeping the newest " + request.keep());
            }
            return result;
        } catch (FleetException e) {
            throw translate(e);
        }
    }

    /** The kept versions and the instances serving each. */
    public FleetListing fleet(ZooKeeperConnection connection) throws InputException, FindingException {
        try (RegistryStore store = connect(connection)) {
            long current = store.current().map(VersionInfo::version).orElse(0L);
            List<InstanceInfo> instances = store.instances();
            List<FleetListing.Version> versions = new ArrayList<>();
            for (VersionInfo info : store.versions()) {
                versions.add(new FleetListing.Version(
                        info,
                        info.version() == current,
                        instances.stream()
                                .filter(i -> i.version() == info.version())
                                .toList()));
            }
            List<Long> kept = versions.stream().map(v -> v.info().version()).toList();
            List<InstanceInfo> unpublished =
                    instances.stream().filter(i -> !kept.contains(i.version())).toList();
            return new FleetListing(connection.location().toString(), current, versions, unpublished);
        } catch (FleetException e) {
            throw translate(e);
        }
    }

    /**
     * Moves the whole fleet back one version, or to {@code to}.
     *
     * @return the version now in force
     */
    public VersionInfo rollback(ZooKeeperConnection connection, OptionalLong to)
            throws InputException, FindingException {
        try (RegistryStore store = connect(connection)) {
            long before = store.current().map(VersionInfo::version).orElse(0L);
            VersionInfo now = store.rollback(to);
            if (now.version() == before) {
                reporter.info("switchboard: version " + now.version() + " is already in force under "
                        + connection.location() + "; nothing moved");
            } else {
                reporter.info("switchboard: rolled " + connection.location() + " back from version " + before
                        + " to version " + now.version() + " (fingerprint " + now.fingerprint() + ", published by "
                        + now.publisher() + " at " + now.time() + "); followers switch as they see the pointer move");
            }
            return now;
        } catch (FleetException e) {
            throw translate(e);
        }
    }

    private RegistryStore connect(ZooKeeperConnection connection) throws FindingException {
        try {
            return RegistryStore.connect(connection);
        } catch (FleetException e) {
            throw new FindingException(e.getMessage() + " (" + names.connect() + ")", List.of());
        }
    }

    private static void validate(byte[] json) throws InputException {
        try {
            RegistryCodec.read(json, RegistryFormat.JSON, "the registry");
        } catch (RegistryFormatException e) {
            throw new InputException(Problem.at(e.source(), e.line(), e.column(), e.problem(), e.fix()));
        }
    }

    private static boolean sameFingerprint(VersionInfo inForce, Registry registry) {
        return registry.fingerprint() != null && registry.fingerprint().equals(inForce.fingerprint());
    }

    private void gate(PublishRequest request, VersionInfo inForce, byte[] inForceJson) throws FindingException {
        Registry previous;
        try {
            previous = RegistryCodec.read(inForceJson, RegistryFormat.JSON, "version " + inForce.version());
        } catch (RegistryFormatException e) {
            reporter.warn("switchboard: version " + inForce.version() + " in force is not a valid registry ("
                    + e.getMessage() + "); publishing without the breaking-change gate");
            return;
        }
        RegistryDiff diff = RegistryDiff.of(previous, request.registry(), request.breaking());
        if (diff.breaking().isEmpty()) {
            return;
        }
        if (request.allowBreaking()) {
            reporter.warn("switchboard: publishing " + diff.breaking().size() + " breaking change(s) against version "
                    + inForce.version() + ", as " + names.allowBreaking() + " allows");
            return;
        }
        throw new FindingException(
                diff.breaking().size() + " breaking change(s) against version " + inForce.version()
                        + " in force under " + request.connection().location() + ", so nothing was published;"
                        + " publish with " + names.allowBreaking() + " once every caller is ready",
                diff.breakingLines());
    }

    private FindingException translate(FleetException e) throws InputException {
        if (e.reason() == FleetException.Reason.INVALID) {
            throw new InputException(Problem.in(names.connect(), e.getMessage(), ""));
        }
        return new FindingException(e.getMessage(), List.of());
    }
}

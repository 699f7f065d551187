package dev.switchboard.zookeeper;

import dev.switchboard.runtime.live.RegistryChange;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;

/**
 * The publishing side of a registry in ZooKeeper: publish a version, roll the fleet back, prune old
 * versions, list versions and instances. See {@link Layout} for the nodes.
 *
 * <p>Publishing runs these stages:
 *
 * <ol>
 *   <li>validate the registry JSON (nothing is written for an invalid one);
 *   <li>read the pointer and its stat version, and the version in force; an unchanged fingerprint stops
 *       here;
 *   <li>create the version node (number: one past the highest existing) with its {@link VersionInfo}, then
 *       its chunks;
 *   <li>move the pointer in one transaction that checks the version node exists and the pointer's stat
 *       version is still the one read, so of two publishers exactly one wins;
 *   <li>delete versions beyond the newest {@code keep}, never the one in force.
 * </ol>
 */
public final class RegistryStore implements AutoCloseable {
    /** How many versions are kept unless told otherwise. */
    public static final int DEFAULT_KEEP = 20;

    /** The largest chunk node written; ZooKeeper's default node limit is about 1 MB. */
    public static final int DEFAULT_CHUNK_BYTES = Layout.DEFAULT_CHUNK_BYTES;

    private final ZooKeeperConnection connection;
    private final Layout layout;
    private final CuratorFramework client;
    private Runnable beforeWriting = () -> {};

    private RegistryStore(ZooKeeperConnection connection, CuratorFramework client) {
        this.connection = connection;
        this.layout = new Layout(connection.location().path());
        this.client = client;
    }

    /**
     * Connects, waiting up to the connection timeout for a server to answer.
     *
     * @throws FleetException when no server answers in time
     */
    public static RegistryStore connect(ZooKeeperConnection connection) {
        CuratorFramework client = connection.newClient();
        client.start();
        boolean connected;
        try {
            connected = client.blockUntilConnected(
                    (int) connection.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connected = false;
        }
        if (!connected) {
            client.close();
            throw unreachable(connection, null);
        }
        return new RegistryStore(connection, client);
    }

    /** The version in force, or empty when nothing was published under the path. */
    public Optional<VersionInfo> current() {
        return call("read the version in force", () -> {
            OptionalLong number = pointer(new Stat());
            return number.isPresent() ? Optional.of(layout.readInfo(client, number.getAsLong())) : Optional.empty();
        });
    }

    /** The JSON of a version, byte for byte as published. */
    public byte[] read(long version) {
        return call("read version " + version, () -> {
            VersionInfo info = info(version);
            return layout.readJson(client, info, Long.MAX_VALUE - 1);
        });
    }

    /** Every kept version, newest first. */
    public List<VersionInfo> versions() {
        return call("list the versions", () -> {
            List<VersionInfo> infos = new ArrayList<>();
            for (long number : numbers()) {
                try {
                    infos.add(layout.readInfo(client, number));
                } catch (KeeperException.NoNodeException e) {
                    // Deleted by retention while listing: no longer a kept version.
                }
            }
            infos.sort(Comparator.comparingLong(VersionInfo::version).reversed());
            return infos;
        });
    }

    /** The instances following the registry now, sorted by id. */
    public List<InstanceInfo> instances() {
        return call("list the instances", () -> {
            List<InstanceInfo> instances = new ArrayList<>();
            List<String> ids;
            try {
                ids = client.getChildren().forPath(layout.instances());
            } catch (KeeperException.NoNodeException e) {
                return instances;
            }
            for (String id : ids) {
                try {
                    instances.add(Layout.fromJson(
                            client.getData().forPath(layout.instance(id)), InstanceInfo.class, layout.instance(id)));
                } catch (KeeperException.NoNodeException e) {
                    // The instance's session ended while listing.
                }
            }
            instances.sort(Comparator.comparing(InstanceInfo::instance));
            return instances;
        });
    }

    /**
     * Publishes a registry and moves the fleet to it, unless its fingerprint is already in force.
     *
     * @param json the registry JSON, stored and served byte for byte
     * @param publisher who publishes, recorded in the version's node ({@code user@host})
     * @param keep how many versions to keep, at least 1
     * @param chunkBytes the largest chunk node, from 1 KiB to {@link Layout#DEFAULT_CHUNK_BYTES}
     * @throws FleetException when the JSON is not a valid registry, another publisher won, ZooKeeper is
     *     unreachable or refuses the credentials
     */
    public PublishResult publish(byte[] json, String publisher, int keep, int chunkBytes) {
        return publish(json, publisher, keep, chunkBytes, null);
    }

    /**
     * Publishes as {@link #publish(byte[], String, int, int)} does, provided the version in force is still
     * {@code judged}: the one the caller compared the registry with (empty when nothing was published).
     * Another publish or rollback in between fails this one as a lost race, so no registry goes live
     * unjudged against the version it replaces.
     *
     * @param judged the version the caller judged against, or null to publish over whatever is in force
     */
    public PublishResult publish(byte[] json, String publisher, int keep, int chunkBytes, OptionalLong judged) {
        if (keep < 1) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    "keep is " + keep + "; keep at least 1 version (" + DEFAULT_KEEP + " by default)");
        }
        if (chunkBytes < 1024 || chunkBytes > Layout.DEFAULT_CHUNK_BYTES) {
            throw new IllegalArgumentException(
                    "chunkBytes " + chunkBytes + " is outside 1 KiB to " + Layout.DEFAULT_CHUNK_BYTES + " bytes");
        }
        Registry registry = parse(json);
        return call("publish", () -> {
            ensureBase();
            Stat pointerStat = new Stat();
            OptionalLong inForce = pointer(pointerStat);
            if (judged != null && !judged.equals(inForce)) {
                throw lost(inForce.orElse(0) + 1, inForce);
            }
            Optional<VersionInfo> previous =
                    inForce.isPresent() ? Optional.of(layout.readInfo(client, inForce.getAsLong())) : Optional.empty();
            beforeWriting.run();
            String sha = Layout.sha256(json);
            if (previous.isPresent() && sameContent(previous.get(), registry, sha)) {
                return new PublishResult(previous.get(), previous, true, List.of());
            }
            RegistryChange change = RegistryChange.between(inForce(previous), registry);
            long next =
                    Math.max(numbers().stream().mapToLong(Long::longValue).max().orElse(0), inForce.orElse(0)) + 1;
            byte[] stored = Layout.compress(json);
            List<byte[]> chunks = Layout.split(stored, chunkBytes);
            VersionInfo info = new VersionInfo(
                    next,
                    registry.fingerprint(),
                    publisher,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                    json.length,
                    stored.length,
                    chunks.size(),
                    sha,
                    registry.services().size(),
                    List.copyOf(change.added()),
                    List.copyOf(change.removed()),
                    List.copyOf(change.changed()));
            try {
                client.create().withACL(connection.publishedAcl()).forPath(layout.version(next), Layout.toJson(info));
            } catch (KeeperException.NodeExistsException e) {
                throw lost(next, OptionalLong.of(next));
            }
            for (int i = 0; i < chunks.size(); i++) {
                client.create().withACL(connection.publishedAcl()).forPath(layout.chunk(next, i), chunks.get(i));
            }
            try {
                movePointer(inForce.isPresent() ? pointerStat.getVersion() : -1, next);
            } catch (KeeperException.BadVersionException | KeeperException.NodeExistsException e) {
                deleteQuietly(next);
                throw lost(next, OptionalLong.empty());
            }
            return new PublishResult(info, previous, false, prune(keep, next));
        });
    }

    /**
     * Moves the fleet's pointer back: to {@code to} when given, else to the newest kept version older than
     * the one in force.
     *
     * @return the version now in force
     * @throws FleetException when nothing was published, no older version is kept, {@code to} is not kept,
     *     or another publisher or rollback moved the pointer meanwhile
     */
    public VersionInfo rollback(OptionalLong to) {
        return call("roll back", () -> {
            Stat stat = new Stat();
            OptionalLong inForce = pointer(stat);
            if (inForce.isEmpty()) {
                throw new FleetException(
                        FleetException.Reason.NOT_FOUND,
                        "nothing was published under " + connection.location() + " yet; publish a registry first");
            }
            List<Long> kept = numbers();
            long current = inForce.getAsLong();
            long target;
            if (to.isPresent()) {
                target = to.getAsLong();
                if (!kept.contains(target)) {
                    throw new FleetException(
                            FleetException.Reason.NOT_FOUND,
                            "version " + target + " is not kept under " + connection.location() + "; roll back to"
                                    + " one of " + kept + " (switchboard fleet lists them)");
                }
            } else {
                target = kept.stream()
                        .filter(n -> n < current)
                        .mapToLong(Long::longValue)
                        .max()
                        .orElseThrow(() -> new FleetException(
                                FleetException.Reason.NOT_FOUND,
                                "version " + current + " is the oldest kept under " + connection.location()
                                        + "; there is nothing older to roll back to"));
            }
            VersionInfo info = layout.readInfo(client, target);
            // Whole and intact (every chunk, the checksum), so followers can serve what the pointer names:
            // a publisher that died between its version node and its last chunk leaves a stray version.
            try {
                layout.readJson(client, info, info.bytes());
            } catch (KeeperException.NoNodeException | FleetException e) {
                throw new FleetException(
                        FleetException.Reason.NOT_FOUND,
                        "version " + target + " under " + connection.location() + " is incomplete (a chunk is"
                                + " missing or was changed), so followers could not serve it; roll back to another"
                                + " version (switchboard fleet lists them) or publish the registry again",
                        e);
            }
            if (target != current) {
                try {
                    movePointer(stat.getVersion(), target);
                } catch (KeeperException.BadVersionException e) {
                    throw lost(target, OptionalLong.empty());
                }
            }
            return info;
        });
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * Runs {@code hook} after the pointer was read and before anything is written: the tests put another
     * publisher's whole run there to race two publishers deterministically.
     */
    void beforeWriting(Runnable hook) {
        beforeWriting = hook;
    }

    private static Registry parse(byte[] json) {
        try {
            return RegistryCodec.read(json, RegistryFormat.JSON, "the registry to publish");
        } catch (RegistryFormatException e) {
            throw new FleetException(FleetException.Reason.INVALID, e.getMessage() + "; nothing was published", e);
        }
    }

    /**
     * The registry in force, to say what a publish changes; empty when there is none, or when what is in
     * force is not a valid registry (written by hand, or by a newer version), which the new one replaces.
     */
    private Registry inForce(Optional<VersionInfo> previous) {
        if (previous.isPresent()) {
            try {
                return parse(read(previous.get().version()));
            } catch (FleetException e) {
                if (e.reason() != FleetException.Reason.INVALID) {
                    throw e;
                }
            }
        }
        return Registry.of(null, List.of());
    }

    private static boolean sameContent(VersionInfo inForce, Registry registry, String sha) {
        return registry.fingerprint() != null
                ? registry.fingerprint().equals(inForce.fingerprint())
                : sha.equals(inForce.sha256());
    }

    private VersionInfo info(long version) throws Exception {
        try {
            return layout.readInfo(client, version);
        } catch (KeeperException.NoNodeException e) {
            throw new FleetException(
                    FleetException.Reason.NOT_FOUND,
                    "version " + version + " is not kept under " + connection.location() + "; kept: " + numbers());
        }
    }

    private OptionalLong pointer(Stat stat) throws Exception {
        try {
            byte[] data = client.getData().storingStatIn(stat).forPath(layout.pointer());
            return OptionalLong.of(Layout.pointerVersion(data, layout.pointer()));
        } catch (KeeperException.NoNodeException e) {
            return OptionalLong.empty();
        }
    }

    /** The kept version numbers, oldest first. */
    private List<Long> numbers() throws Exception {
        List<Long> numbers = new ArrayList<>();
        try {
            for (String name : client.getChildren().forPath(layout.versions())) {
                long n = Layout.versionNumber(name);
                if (n > 0) {
                    numbers.add(n);
                }
            }
        } catch (KeeperException.NoNodeException e) {
            return numbers;
        }
        numbers.sort(Comparator.naturalOrder());
        return numbers;
    }

    private void ensureBase() throws Exception {
        create(layout.root(), connection.publishedAcl(), true);
        create(layout.versions(), connection.publishedAcl(), false);
        create(layout.instances(), connection.instancesAcl(), false);
    }

    private void create(String path, List<org.apache.zookeeper.data.ACL> acl, boolean parents) throws Exception {
        if (client.checkExists().forPath(path) != null) {
            return;
        }
        try {
            if (parents) {
                client.create().creatingParentsIfNeeded().withACL(acl).forPath(path);
            } else {
                client.create().withACL(acl).forPath(path);
            }
        } catch (KeeperException.NodeExistsException e) {
            // Another publisher or a follower created it first; either is fine.
        }
    }

    /** Moves the pointer in one transaction; {@code expected} -1 creates it. */
    private void movePointer(int expected, long target) throws Exception {
        if (expected < 0) {
            client.transaction()
                    .forOperations(
                            client.transactionOp().check().forPath(layout.version(target)),
                            client.transactionOp()
                                    .create()
                                    .withACL(connection.publishedAcl())
                                    .forPath(layout.pointer(), Layout.pointerData(target)));
        } else {
            client.transaction()
                    .forOperations(
                            client.transactionOp().check().forPath(layout.version(target)),
                            client.transactionOp()
                                    .setData()
                                    .withVersion(expected)
                                    .forPath(layout.pointer(), Layout.pointerData(target)));
        }
    }

    /** Deletes versions beyond the newest {@code keep}, never {@code inForce}; only after the pointer moved. */
    private List<Long> prune(int keep, long inForce) throws Exception {
        List<Long> numbers = numbers();
        List<Long> deleted = new ArrayList<>();
        // A rollback since the pointer moved may name an older version now: that one stays too.
        OptionalLong now = pointer(new Stat());
        for (int i = 0; i < numbers.size() - keep; i++) {
            long n = numbers.get(i);
            if (n != inForce && !(now.isPresent() && now.getAsLong() == n)) {
                try {
                    client.delete().deletingChildrenIfNeeded().forPath(layout.version(n));
                    deleted.add(n);
                } catch (KeeperException.NoNodeException e) {
                    // Another publisher pruned it first.
                }
            }
        }
        return deleted;
    }

    private void deleteQuietly(long version) {
        try {
            client.delete().deletingChildrenIfNeeded().forPath(layout.version(version));
        } catch (Exception e) {
            // A stray version is harmless: the pointer never names it, and retention deletes it later.
        }
    }

    /**
     * The loser's message: which version won and what to do. {@code winner} is the version another
     * publisher created first, or empty to read the pointer now.
     */
    private FleetException lost(long attempted, OptionalLong winner) {
        String won;
        try {
            OptionalLong number = winner.isPresent() ? winner : pointer(new Stat());
            if (number.isPresent()) {
                VersionInfo info = layout.readInfo(client, number.getAsLong());
                won = "version " + info.version() + " (fingerprint " + info.fingerprint() + ", published by "
                        + info.publisher() + " at " + info.time() + ")";
            } else {
                won = "another publisher's version";
            }
        } catch (Exception e) {
            won = "another publisher's version";
        }
        return new FleetException(
                FleetException.Reason.CONFLICT,
                "another publisher or rollback moved " + layout.pointer() + " first: " + won + " won, and this run"
                        + " left nothing in ZooKeeper (it was to be version " + attempted + "); run switchboard fleet"
                        + " to see what is in force, then publish again if this registry should replace it");
    }

    private static FleetException unreachable(ZooKeeperConnection connection, Exception cause) {
        return new FleetException(
                FleetException.Reason.UNREACHABLE,
                "ZooKeeper at " + connection.location().connect() + " did not answer within "
                        + connection.connectionTimeout().toMillis() + " ms (no server reachable, or the ensemble has"
                        + " lost its quorum); nothing was changed; check that a majority of the servers run"
                        + " (echo srvr | nc <host> <port>), then run the command again",
                cause);
    }

    @FunctionalInterface
    private interface ZkCall<T> {
        T run() throws Exception;
    }

    /** Runs an operation, turning ZooKeeper's exceptions into messages in the user's terms. */
    private <T> T call(String what, ZkCall<T> operation) {
        try {
            return operation.run();
        } catch (FleetException e) {
            throw e;
        } catch (KeeperException.ConnectionLossException
                | KeeperException.SessionExpiredException
                | KeeperException.OperationTimeoutException e) {
            throw unreachable(connection, e);
        } catch (KeeperException.NoAuthException | KeeperException.AuthFailedException e) {
            throw new FleetException(
                    FleetException.Reason.DENIED,
                    "ZooKeeper refused to " + what + " at " + Objects.requireNonNullElse(e.getPath(), layout.pointer())
                            + ": "
                            + connection
                                    .auth()
                                    .map(a -> "the identity " + a.user() + " may not change it")
                                    .orElse("no credentials were given")
                            + "; give the publishing identity's user:password in the credentials file or "
                            + ZooKeeperAuth.VARIABLE,
                    e);
        } catch (KeeperException e) {
            throw new FleetException(
                    FleetException.Reason.UNREACHABLE,
                    "ZooKeeper could not " + what + " at " + Objects.requireNonNullElse(e.getPath(), layout.pointer())
                            + " (" + e.code() + "); run the command" + " again",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FleetException(FleetException.Reason.UNREACHABLE, "interrupted while trying to " + what, e);
        } catch (Exception e) {
            throw new FleetException(
                    FleetException.Reason.UNREACHABLE,
                    "could not " + what + " in ZooKeeper at " + connection.location() + " ("
                            + Objects.toString(e.getMessage(), "no detail") + ")",
                    e);
        }
    }
}

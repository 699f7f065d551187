package dev.switchboard.zookeeper;

import dev.switchboard.runtime.live.RegistrySource;
import dev.switchboard.runtime.registry.Registry;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.apache.curator.framework.recipes.nodes.PersistentNode;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;

/**
 * Follows a registry's pointer in ZooKeeper for one application instance, with Curator's {@link
 * CuratorCache} on the pointer node, and keeps the instance's ephemeral node (a Curator {@link
 * PersistentNode}, which ZooKeeper removes when the instance's session ends and Curator recreates after a
 * session expiry).
 *
 * <p>Every trigger — the pointer changed, the connection came back, the session was replaced — does the
 * same thing on one thread: read the pointer, and if it names a version not yet offered, read that version
 * whole (every chunk, checked against its SHA-256) and offer it to the live registry, which validates and
 * swaps it. A version that cannot be read or does not validate is logged and the last good stays. While
 * ZooKeeper is unreachable nothing changes: the last good registry is served, and the next trigger
 * catches up.
 */
public final class ZooKeeperFollower implements RegistrySource {
    private static final System.Logger LOG = System.getLogger("dev.switchboard");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** How long {@link #start} waits for ZooKeeper unless told otherwise. */
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(5);

    private final ZooKeeperConnection connection;
    private final Layout layout;
    private final Duration startTimeout;
    private final String instanceId;
    private final long maxBytes;
    private final ExecutorService worker;
    private CuratorFramework client;
    private CuratorCache cache;
    private PersistentNode instanceNode;
    private Sink sink;
    private volatile boolean closed;
    private volatile byte[] instanceData;
    // Touched on the worker thread only.
    private long offeredVersion = -1;
    private long servedVersion;

    /**
     * @param instanceId this instance's id in the fleet; {@link #defaultInstanceId()} unless the
     *     application has its own
     * @param maxBytes the largest registry JSON read
     */
    public ZooKeeperFollower(ZooKeeperConnection connection, Duration startTimeout, String instanceId, long maxBytes) {
        this.connection = connection;
        this.layout = new Layout(connection.location().path());
        this.startTimeout = startTimeout;
        this.instanceId = instanceId;
        this.maxBytes = maxBytes;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "switchboard-zookeeper-follow");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@code host-pid-n}: unique per process, and per follower within one. */
    public static String defaultInstanceId() {
        return Host.NAME + "-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
    }

    /** This instance's id in the fleet. */
    public String instanceId() {
        return instanceId;
    }

    /** The Curator client, once started: the tests expire its session. */
    CuratorFramework client() {
        return client;
    }

    @Override
    public String description() {
        return "zookeeper " + connection.location();
    }

    @Override
    public Optional<String> start(Sink target) {
        this.sink = target;
        client = connection.newClient();
        client.getConnectionStateListenable().addListener((c, state) -> {
            // RECONNECTED also follows a session expiry: Curator opens a new session, and what the
            // pointer moved to meanwhile is read now.
            if (state == ConnectionState.CONNECTED || state == ConnectionState.RECONNECTED) {
                schedule();
            } else if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
                LOG.log(
                        Level.INFO,
                        "switchboard: lost the connection to {0} ({1}); serving the registry in force and"
                                + " reconnecting",
                        description(),
                        state);
            }
        });
        cache = CuratorCache.build(client, layout.pointer(), CuratorCache.Options.SINGLE_NODE_CACHE);
        cache.listenable()
                .addListener(CuratorCacheListener.builder()
                        .forCreatesAndChanges((before, after) -> schedule())
                        .build());
        instanceData = instanceData(0, null);
        instanceNode = new PersistentNode(
                client, CreateMode.EPHEMERAL, false, layout.instance(instanceId), instanceData, true);
        // A swap before the node exists cannot write it (Curator refuses until the first create); the
        // node then takes the latest data as soon as it is created.
        instanceNode.getListenable().addListener(path -> writeInstanceData());
        client.start();
        cache.start();
        instanceNode.start();
        try {
            if (!client.blockUntilConnected((int) startTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return Optional.of("ZooKeeper at " + connection.location().connect() + " did not answer within "
                        + startTimeout.toMillis() + " ms");
            }
            Future<Optional<String>> first = worker.submit(this::catchUp);
            return first.get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while waiting for ZooKeeper");
        } catch (TimeoutException e) {
            return Optional.of("reading the version in force from " + description() + " took more than "
                    + startTimeout.toMillis() + " ms");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            return Optional.of("cannot read " + description() + " ("
                    + (cause instanceof KeeperException k
                            ? k.code()
                            : Objects.toString(cause.getMessage(), "no detail"))
                    + ")");
        }
    }

    @Override
    public void close() {
        closed = true;
        worker.shutdownNow();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(cache);
        closeQuietly(instanceNode);
        closeQuietly(client);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "switchboard: closing a ZooKeeper resource failed", e);
        }
    }

    private void schedule() {
        if (closed) {
            return;
        }
        try {
            worker.execute(this::catchUp);
        } catch (RejectedExecutionException e) {
            // Closing: nothing more to follow.
        }
    }

    /** Reads the pointer and offers the version it names; returns why nothing could be offered, if so. */
    private Optional<String> catchUp() {
        if (closed) {
            return Optional.empty();
        }
        long version = -1;
        try {
            byte[] pointer;
            try {
                pointer = client.getData().forPath(layout.pointer());
            } catch (KeeperException.NoNodeException e) {
                return Optional.of("nothing is published under " + connection.location() + " yet (publish with"
                        + " switchboard publish)");
            }
            version = Layout.pointerVersion(pointer, layout.pointer());
            if (version == offeredVersion) {
                return servedVersion == version
                        ? Optional.empty()
                        : Optional.of("version " + version + " cannot be used (see the warning above)");
            }
            VersionInfo info = layout.readInfo(client, version);
            byte[] json = layout.readJson(client, info, maxBytes);
            offeredVersion = version;
            Registry served = sink.offer(json, description() + " version " + version);
            if (served != null && Objects.equals(served.fingerprint(), info.fingerprint())) {
                servedVersion = version;
                instanceData = instanceData(version, served.fingerprint());
                writeInstanceData();
                return Optional.empty();
            }
            return Optional.of("version " + version + " cannot be used (see the warning above)");
        } catch (FleetException e) {
            offeredVersion = version;
            LOG.log(
                    Level.WARNING,
                    "switchboard: ignoring {0}: {1}; keeping the registry in force",
                    description(),
                    e.getMessage());
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } catch (Exception e) {
            // Connection loss and the like: the registry in force stays, and the next connection event
            // catches up.
            if (!closed) {
                LOG.log(
                        Level.INFO,
                        "switchboard: cannot read {0} now ({1}); serving the registry in force until it answers",
                        description(),
                        e instanceof KeeperException k ? k.code() : Objects.toString(e.getMessage(), "no detail"));
            }
            return Optional.of("cannot read " + description() + " ("
                    + (e instanceof KeeperException k ? k.code() : Objects.toString(e.getMessage(), "no detail"))
                    + ")");
        }
    }

    /** Writes the latest instance data to the node, once the node exists. */
    private void writeInstanceData() {
        try {
            instanceNode.setData(instanceData);
        } catch (IllegalStateException e) {
            // Not created yet: the creation listener writes it.
        } catch (Exception e) {
            LOG.log(Level.DEBUG, "switchboard: updating the instance node failed; the next swap writes it", e);
        }
    }

    private byte[] instanceData(long version, String fingerprint) {
        return Layout.toJson(new InstanceInfo(
                instanceId,
                Host.NAME,
                version,
                fingerprint,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** The host name, looked up once: a slow resolver must not slow every follower. */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                return "unknown-host";
            }
        }
    }
}

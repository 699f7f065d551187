package dev.switchboard.zookeeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;

/**
 * How to reach a registry in ZooKeeper and as whom: the location, the credentials, the identities that may
 * read what is published, and the timeouts.
 *
 * @param readers digest identities ({@code user:base64hash}, see {@link ZooKeeperAuth#digestId()}) given
 *     read access to published nodes; when empty, anyone may read them
 * @param connectionTimeout how long an operation waits for a server to answer before it fails
 * @param sessionTimeout how long ZooKeeper keeps an instance's session (and its instance node) after its
 *     last heartbeat
 */
public record ZooKeeperConnection(
        ZooKeeperLocation location,
        Optional<ZooKeeperAuth> auth,
        List<String> readers,
        Duration connectionTimeout,
        Duration sessionTimeout) {

    /** The connection timeout unless told otherwise. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    /** The session timeout unless told otherwise: an instance node disappears this long after a crash. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofSeconds(15);

    public ZooKeeperConnection {
        readers = List.copyOf(readers);
    }

    /** Open ACLs, no credentials, the default timeouts. */
    public static ZooKeeperConnection of(ZooKeeperLocation location) {
        return new ZooKeeperConnection(
                location, Optional.empty(), List.of(), DEFAULT_CONNECTION_TIMEOUT, DEFAULT_SESSION_TIMEOUT);
    }

    public ZooKeeperConnection withAuth(Optional<ZooKeeperAuth> value) {
        return new ZooKeeperConnection(location, value, readers, connectionTimeout, sessionTimeout);
    }

    public ZooKeeperConnection withReaders(List<String> value) {
        return new ZooKeeperConnection(location, auth, value, connectionTimeout, sessionTimeout);
    }

    public ZooKeeperConnection withTimeouts(Duration connection, Duration session) {
        return new ZooKeeperConnection(location, auth, readers, connection, session);
    }

    /** A Curator client for this connection, not yet started. */
    CuratorFramework newClient() {
        CuratorFrameworkFactory.Builder builder = CuratorFrameworkFactory.builder()
                .connectString(location.connect())
                .connectionTimeoutMs((int) connectionTimeout.toMillis())
                .sessionTimeoutMs((int) sessionTimeout.toMillis())
                // Short waits between a few retries: a publisher gives up with a clear message within
                // seconds, while followers reconnect in the background regardless of this policy.
                .retryPolicy(new ExponentialBackoffRetry(100, 3, 1000));
        auth.ifPresent(a -> builder.authorization("digest", a.bytes()));
        return builder.build();
    }

    /**
     * The ACL of published nodes: with credentials, the publishing identity does everything and the
     * readers (or, with none named, anyone) only read; without credentials, ZooKeeper's open ACL.
     */
    List<ACL> publishedAcl() {
        if (auth.isEmpty()) {
            return Ids.OPEN_ACL_UNSAFE;
        }
        List<ACL> acl = new ArrayList<>(Ids.CREATOR_ALL_ACL);
        if (readers.isEmpty()) {
            acl.add(new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
        } else {
            readers.forEach(r -> acl.add(new ACL(Perms.READ, new Id("digest", r))));
        }
        return acl;
    }

    /**
     * The ACL of the instances node: as {@link #publishedAcl()}, and whoever may read may also add and
     * remove its own instance node there.
     */
    List<ACL> instancesAcl() {
        if (auth.isEmpty()) {
            return Ids.OPEN_ACL_UNSAFE;
        }
        int perms = Perms.READ | Perms.CREATE | Perms.DELETE;
        List<ACL> acl = new ArrayList<>(Ids.CREATOR_ALL_ACL);
        if (readers.isEmpty()) {
            acl.add(new ACL(perms, Ids.ANYONE_ID_UNSAFE));
        } else {
            readers.forEach(r -> acl.add(new ACL(perms, new Id("digest", r))));
        }
        return acl;
    }
}

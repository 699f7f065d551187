/**
 * The registry in Apache ZooKeeper, through Apache Curator: {@link dev.switchboard.zookeeper.RegistryStore}
 * publishes immutable versions and moves the fleet's pointer (rollback, retention and the fleet listing
 * too); {@link dev.switchboard.zookeeper.ZooKeeperFollower} follows the pointer from an application and
 * keeps its instance node. The runtime finds the follower through {@link
 * dev.switchboard.zookeeper.ZooKeeperSourceProvider}, so only applications that follow ZooKeeper load
 * Curator.
 */
package dev.switchboard.zookeeper;

/**
 * The registry for a fleet: publishing it to ZooKeeper behind the breaking-change gate, listing the
 * versions and the instances serving them, and rolling the fleet back. The ZooKeeper layout itself lives
 * in {@code switchboard-zookeeper}; this package adds what the front ends share (validation, the gate,
 * messages in the user's terms, the views).
 */
package dev.switchboard.core.publish;

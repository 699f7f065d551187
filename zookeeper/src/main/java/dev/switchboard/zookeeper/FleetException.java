package dev.switchboard.zookeeper;

/**
 * A publish, rollback or listing that could not be done, with a message in the user's terms: what is
 * wrong and what to do. The reason lets front ends tell a lost race from an unreachable ensemble.
 */
public final class FleetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed. */
    public enum Reason {
        /** Another publisher or rollback moved the pointer first. */
        CONFLICT,
        /** No ZooKeeper server answered, or the ensemble has no quorum. */
        UNREACHABLE,
        /** ZooKeeper refused the credentials or the node's ACL forbids the operation. */
        DENIED,
        /** The path or the version asked for does not exist. */
        NOT_FOUND,
        /** What was given or what was stored is not a valid registry, location or setting. */
        INVALID
    }

    private final Reason reason;

    public FleetException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public FleetException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

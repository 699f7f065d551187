package dev.switchboard.core.inspect;

import static dev.switchboard.core.inspect.BreakingCategory.FILE;
import static dev.switchboard.core.inspect.BreakingCategory.PACKAGE;
import static dev.switchboard.core.inspect.BreakingCategory.WIRE;
import static dev.switchboard.core.inspect.BreakingCategory.WIRE_JSON;

import java.util.EnumSet;
import java.util.Set;

/**
 * The rules {@code compare} checks: buf's rules for services and rpcs, by buf's names and in buf's
 * categories, and switchboard's own for the {@code google.api.http} bindings of an rpc, which buf does
 * not check. The HTTP rules are in every category but {@code WIRE}: a REST caller speaks JSON, and
 * {@code WIRE} promises only the binary encoding.
 */
public enum BreakingRule {
    /** A file that held services is gone (the registry knows only the files that hold services). */
    FILE_NO_DELETE(FILE),
    /** A package that held services is gone. */
    PACKAGE_NO_DELETE(PACKAGE),
    /** A service is gone from a file that is still there (moved to another file counts too). */
    SERVICE_NO_DELETE(FILE),
    /** A service is gone from a package that is still there. */
    PACKAGE_SERVICE_NO_DELETE(PACKAGE),
    /** An rpc is gone from a service that is still there. */
    RPC_NO_DELETE(FILE, PACKAGE),
    /** An rpc's request type changed. */
    RPC_SAME_REQUEST_TYPE(FILE, PACKAGE, WIRE_JSON, WIRE),
    /** An rpc's response type changed. */
    RPC_SAME_RESPONSE_TYPE(FILE, PACKAGE, WIRE_JSON, WIRE),
    /** An rpc's client streaming changed. */
    RPC_SAME_CLIENT_STREAMING(FILE, PACKAGE, WIRE_JSON, WIRE),
    /** An rpc's server streaming changed. */
    RPC_SAME_SERVER_STREAMING(FILE, PACKAGE, WIRE_JSON, WIRE),
    /** An rpc's {@code idempotency_level} changed; unset counts as {@code IDEMPOTENCY_UNKNOWN}. */
    RPC_SAME_IDEMPOTENCY_LEVEL(FILE, PACKAGE, WIRE_JSON, WIRE),
    /** An HTTP binding of an rpc is gone (bindings are matched by their position). switchboard's own. */
    HTTP_RULE_NO_DELETE(FILE, PACKAGE, WIRE_JSON),
    /** An HTTP binding's verb changed. switchboard's own. */
    HTTP_RULE_SAME_VERB(FILE, PACKAGE, WIRE_JSON),
    /** An HTTP binding's path changed. switchboard's own. */
    HTTP_RULE_SAME_PATH(FILE, PACKAGE, WIRE_JSON),
    /** An HTTP binding's body changed. switchboard's own. */
    HTTP_RULE_SAME_BODY(FILE, PACKAGE, WIRE_JSON);

    private final Set<BreakingCategory> categories;

    BreakingRule(BreakingCategory first, BreakingCategory... more) {
        this.categories = EnumSet.of(first, more);
    }

    /** The categories that hold this rule. */
    public Set<BreakingCategory> categories() {
        return EnumSet.copyOf(categories);
    }

    public boolean in(BreakingCategory category) {
        return categories.contains(category);
    }
}

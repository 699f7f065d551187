package dev.switchboard.runtime.testing.cycle.b;

import dev.switchboard.runtime.testing.cycle.a.UsesB;

/** The other half of the package cycle of {@link UsesB}. */
public final class UsesA {
    private UsesA() {}

    public static UsesB other() {
        return null;
    }
}

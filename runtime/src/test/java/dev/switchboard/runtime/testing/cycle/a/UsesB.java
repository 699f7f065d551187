package dev.switchboard.runtime.testing.cycle.a;

import dev.switchboard.runtime.testing.cycle.b.UsesA;

/** Half of a package cycle, for showing that the structure test catches one; no package-info on purpose. */
public final class UsesB {
    private UsesB() {}

    public static UsesA other() {
        return null;
    }
}

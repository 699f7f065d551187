package dev.switchboard.runtime.calls;

import dev.switchboard.runtime.registry.ServiceKind;
import java.util.function.Supplier;

/** Where a factory's figures go besides its statistics: a meter registry, when one is given. */
interface Meters {

    /** The meters of one service, registered on first use. */
    ServiceMeters service(String service, ServiceKind kind);

    /** Meters that read the registry figures of a dynamic wrapper whenever they are scraped. */
    void registry(Supplier<RegistryStatistics> figures);

    /** The meters of one service. */
    interface ServiceMeters {
        void call(long nanos, boolean failed);

        void created(Route route);

        void waited(long nanos);

        void rejected();
    }
}

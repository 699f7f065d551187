package dev.switchboard.zookeeper;

import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/** Registries for the tests, built in code and written by the runtime's own codec. */
final class Registries {
    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private Registries() {}

    /** A registry of HTTP services named {@code names}, each described {@code label}, fingerprint {@code fp-label}. */
    static Registry of(String label, String... names) {
        List<ServiceEntry> services = new ArrayList<>();
        for (String name : names) {
            services.add(ServiceEntry.builder(name, ServiceKind.HTTP)
                    .description(label)
                    .build());
        }
        return Registry.of("fp-" + label, services);
    }

    static byte[] json(Registry registry) {
        return RegistryCodec.writeBytes(registry, RegistryFormat.JSON);
    }

    static byte[] json(String label, String... names) {
        return json(of(label, names));
    }

    /**
     * A registry the size of googleapis': 1,700 gRPC services of 12 methods each, with names drawn from a
     * seeded random source so that it compresses about as badly as real names do (well over one chunk).
     */
    static byte[] googleapisSized(long seed) {
        Random random = new Random(seed);
        List<ServiceEntry> services = new ArrayList<>();
        for (int s = 0; s < 1_700; s++) {
            String pkg = "google." + word(random) + ".v" + (1 + random.nextInt(3));
            String service = capital(word(random)) + "Service" + s;
            List<MethodInfo> methods = new ArrayList<>();
            for (int m = 0; m < 12; m++) {
                String method = capital(word(random)) + capital(word(random));
                methods.add(new MethodInfo(
                        method,
                        pkg + "." + method + "Request",
                        pkg + "." + method + "Response",
                        false,
                        random.nextInt(10) == 0,
                        false,
                        null,
                        List.of(),
                        false));
            }
            services.add(ServiceEntry.builder(pkg + "." + service, ServiceKind.GRPC)
                    .group(word(random))
                    .description("The " + word(random) + " " + word(random) + " API, seeded " + seed)
                    .proto(new ProtoInfo(
                            pkg.replace('.', '/') + "/" + word(random) + ".proto",
                            pkg,
                            service,
                            "com." + pkg,
                            "com." + pkg + "." + service + "Grpc",
                            capital(word(random)) + "Proto",
                            true))
                    .methods(methods)
                    .build());
        }
        return json(Registry.of("googleapis-" + seed, services));
    }

    private static String word(Random random) {
        int length = 4 + random.nextInt(8);
        StringBuilder word = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static String capital(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }
}

package dev.switchboard.bench.factory;

import dev.switchboard.bench.clients.ServiceClients;
import dev.switchboard.runtime.SyncHttpClient;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Budget B3: which classes constructing the generated factory loads. Run in a fresh JVM with {@code
 * -Xlog:class+load=info:file=…}; between the phases the probe touches a marker class (one nested class
 * per phase, below), whose own load line in the log separates the phases, so the log can be cut into
 * "before", "factory built", "first accessor", "closed" and the AWS SDK classes ({@code
 * software.amazon.awssdk.*}) counted in each.
 *
 * <p>Modes (first argument):
 *
 * <ul>
 *   <li>{@code bare} — only {@code ServiceClients.builder().build()}, then {@code close()}: no accessor
 *       and no setting given in code;
 *   <li>{@code accessor} — the same, then {@code s3()} before closing; the settings come from system
 *       properties ({@code -Dswitchboard.aws.region=…} etc.), so the builder calls are the same as in
 *       {@code bare};
 *   <li>{@code configured} — region, credentials, endpoint and HTTP client given in code (which loads
 *       SDK types in the caller: {@code Region}, the credentials); the factory's build is a phase of its
 *       own.
 * </ul>
 *
 * <p>This file is self-contained (the generated {@code ServiceClients} and the runtime only): the run
 * script copies it into the whole-catalogue project, whose factory has the same package.
 */
public final class ClassLoadProbe {
    private ClassLoadProbe() {}

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "bare";
        Start.hit();
        ServiceClients clients;
        switch (mode) {
            case "bare", "accessor" -> clients = ServiceClients.builder().build();
            case "configured" -> clients = Configured.build();
            default -> throw new IllegalArgumentException("mode " + mode + ": bare, accessor or configured");
        }
        FactoryBuilt.hit();
        if (mode.equals("accessor")) {
            Object s3 = clients.s3();
            AccessorCalled.hit();
            System.out.println("created " + s3.getClass().getName());
        }
        clients.close();
        Closed.hit();
        System.out.println("mode " + mode + " done");
    }

    /**
     * The configured mode's calls, in a class of their own: the verifier of the class that holds them
     * loads SDK types (it checks that a {@code StaticCredentialsProvider} is an {@code
     * AwsCredentialsProvider}), which must not count against the other modes.
     */
    private static final class Configured {
        static ServiceClients build() {
            ServiceClients.Builder builder = ServiceClients.builder()
                    .region(Region.US_EAST_1)
                    .credentials(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", "fake/secret")))
                    .endpointOverride("s3", URI.create("http://127.0.0.1:1"))
                    .httpClient(SyncHttpClient.URL_CONNECTION);
            SettingsGiven.hit();
            return builder.build();
        }
    }

    private static final class Start {
        static void hit() {}
    }

    private static final class SettingsGiven {
        static void hit() {}
    }

    private static final class FactoryBuilt {
        static void hit() {}
    }

    private static final class AccessorCalled {
        static void hit() {}
    }

    private static final class Closed {
        static void hit() {}
    }
}

package dev.switchboard.bench.factory;

import dev.switchboard.bench.clients.ServiceClients;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.SyncHttpClient;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The settings every benchmark uses, on both sides of each comparison: region us-east-1, fake static
 * credentials, endpoint http://127.0.0.1:1 (nothing listens there; building a client makes no network
 * call) and the URLConnection HTTP client.
 */
final class Fixtures {
    static final Region REGION = Region.US_EAST_1;
    static final URI ENDPOINT = URI.create("http://127.0.0.1:1");

    private Fixtures() {}

    static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAFAKEFAKEFAKE0000", "fake/secret"));
    }

    /** A factory with the settings, its endpoint override set for {@code services}. */
    static ServiceClients factory(String... services) {
        ServiceClients.Builder b = ServiceClients.builder()
                .region(REGION)
                .credentials(credentials())
                .httpClient(SyncHttpClient.URL_CONNECTION);
        for (String s : services) {
            b.endpointOverride(s, ENDPOINT);
        }
        return b.build();
    }

    /** The same settings as a provider context, what the generated factory hands its providers. */
    static ProviderContext context(String... services) {
        ClientSettings.Builder b = ClientSettings.builder()
                .region(REGION.id())
                .credentialsProvider(credentials())
                .syncHttpClient(SyncHttpClient.URL_CONNECTION);
        for (String s : services) {
            b.endpoint(s, ENDPOINT);
        }
        return ProviderContext.of(b.build(), null);
    }

    /**
     * How the runtime's {@code System.Logger("dev.switchboard")} behaves. {@code info} is the JDK
     * default: java.util.logging at INFO to a ConsoleHandler on System.err, so every client creation
     * formats and writes one line ("switchboard: s3 uses the url-connection HTTP client"); System.err
     * is pointed at a null stream first so that JMH's console is not flooded, the formatting and the
     * write still happen. {@code quiet} sets that logger to WARNING, as an application with its own
     * logging configuration would; the INFO call is then only a level check.
     *
     * @return the JUL logger, to be held strongly (an unreferenced JUL logger loses its level)
     */
    static Logger logging(String mode) {
        Logger logger = Logger.getLogger("dev.switchboard");
        switch (mode) {
            case "quiet" -> logger.setLevel(Level.WARNING);
            case "info" -> System.setErr(new PrintStream(OutputStream.nullOutputStream()));
            default -> throw new IllegalArgumentException("logging mode " + mode);
        }
        return logger;
    }
}

package dev.switchboard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.testing.Keytool;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS checks against a JDK {@code HttpsServer} that asks for a client certificate; keys come from keytool. */
class TlsHealthCheckTest {
    private static final char[] PASSWORD = Keytool.PASSWORD;

    @TempDir
    static Path dir;

    private static HttpsServer server;

    /** The client ports of the connections {@link #server} answered on, in order. */
    private static final List<Integer> connections = new CopyOnWriteArrayList<>();

    /** Answers 200 with a certificate for another host name, {@code other.invalid}. */
    private static HttpsServer otherName;

    @BeforeAll
    static void start() throws Exception {
        keytool("-genkeypair -alias server -keyalg EC -dname CN=localhost -ext SAN=ip:127.0.0.1,dns:localhost"
                + " -validity 2 -storetype PKCS12 -keystore server.p12 -storepass changeit");
        keytool("-exportcert -rfc -alias server -keystore server.p12 -storepass changeit -file ca.pem");
        keytool("-genkeypair -alias client -keyalg EC -dname CN=checker -validity 2 -storetype PKCS12"
                + " -keystore client.p12 -storepass changeit");
        keytool("-exportcert -rfc -alias client -keystore client.p12 -storepass changeit -file client.pem");
        keytool("-importcert -noprompt -alias client -file client.pem -storetype PKCS12"
                + " -keystore server-trust.p12 -storepass changeit");

        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load("server.p12"), PASSWORD);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load("server-trust.p12"));
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setWantClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/health", exchange -> {
            connections.add(exchange.getRemoteAddress().getPort());
            boolean client;
            try {
                client = ((com.sun.net.httpserver.HttpsExchange) exchange)
                                .getSSLSession()
                                .getPeerCertificates()
                                .length
                        > 0;
            } catch (javax.net.ssl.SSLPeerUnverifiedException e) {
                client = false;
            }
            exchange.sendResponseHeaders(client ? 200 : 401, -1);
            exchange.close();
        });
        server.start();

        keytool("-genkeypair -alias other -keyalg EC -dname CN=other.invalid -ext SAN=dns:other.invalid"
                + " -validity 2 -storetype PKCS12 -keystore other.p12 -storepass changeit");
        keytool("-exportcert -rfc -alias other -keystore other.p12 -storepass changeit -file other.pem");
        SSLContext otherContext = SSLContext.getInstance("TLS");
        KeyManagerFactory otherKeys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        otherKeys.init(load("other.p12"), PASSWORD);
        otherContext.init(otherKeys.getKeyManagers(), null, null);
        otherName = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        otherName.setHttpsConfigurator(new HttpsConfigurator(otherContext));
        otherName.createContext("/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        otherName.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        otherName.stop(0);
    }

    private static HealthTarget target(ServiceKind kind, String host) {
        return new HealthTarget(
                "secure",
                kind,
                URI.create("https://" + host + ":" + server.getAddress().getPort()),
                kind == ServiceKind.AWS ? null : new Health("/health", null));
    }

    @Test
    @DisplayName(
            "the CA file and the client certificate make an HTTPS check pass; without the certificate it is refused")
    void caFileAndClientCertificate() throws InterruptedException {
        HealthChecker withCertificate = HealthChecker.builder()
                .caFile(dir.resolve("ca.pem"))
                .clientCertificate(dir.resolve("client.p12"), PASSWORD)
                .build();
        HealthChecker withoutCertificate =
                HealthChecker.builder().caFile(dir.resolve("ca.pem")).build();

        assertThat(withCertificate.check(target(ServiceKind.HTTP, "127.0.0.1")).status())
                .isEqualTo(HealthStatus.SERVING);
        HealthResult refused = withoutCertificate.check(target(ServiceKind.HTTP, "127.0.0.1"));
        assertThat(refused.status()).isEqualTo(HealthStatus.NOT_SERVING);
        assertThat(refused.error()).isEqualTo("answered 401");
    }

    @Test
    @DisplayName("the checks of one checker reuse its kept-alive HTTPS connection")
    void keptAlive() throws InterruptedException {
        HealthChecker checker = HealthChecker.builder()
                .caFile(dir.resolve("ca.pem"))
                .clientCertificate(dir.resolve("client.p12"), PASSWORD)
                .build();
        connections.clear();

        for (int i = 0; i < 3; i++) {
            assertThat(checker.check(target(ServiceKind.HTTP, "127.0.0.1")).status())
                    .isEqualTo(HealthStatus.SERVING);
        }

        assertThat(connections).hasSize(3);
        assertThat(Set.copyOf(connections)).hasSize(1);
    }

    @Test
    @DisplayName("an untrusted certificate fails the handshake unless verification is skipped on request")
    void verification() throws InterruptedException {
        HealthResult untrusted = HealthChecker.builder().build().check(target(ServiceKind.AWS, "127.0.0.1"));
        HealthResult skipped =
                HealthChecker.builder().insecureSkipVerify(true).build().check(target(ServiceKind.AWS, "127.0.0.1"));
        HealthResult trusted = HealthChecker.builder()
                .caFile(dir.resolve("ca.pem"))
                .build()
                .check(target(ServiceKind.AWS, "127.0.0.1"));

        assertThat(untrusted.status()).isEqualTo(HealthStatus.UNREACHABLE);
        assertThat(untrusted.error())
                .isEqualTo("TLS handshake failed: the server's certificate is not signed by a trusted CA"
                        + " (give that CA's certificate as the CA file, or skip verification for a test server)");
        assertThat(skipped.status()).isEqualTo(HealthStatus.REACHABLE);
        assertThat(trusted.status()).isEqualTo(HealthStatus.REACHABLE);
        assertThat(trusted.checked())
                .isEqualTo("tls 127.0.0.1:" + server.getAddress().getPort());
    }

    @Test
    @DisplayName("a trusted certificate for another host name fails the handshake, whatever host name verifier the"
            + " JVM has by default, unless verification is skipped on request")
    void hostName() throws InterruptedException {
        HealthTarget target = new HealthTarget(
                "named",
                ServiceKind.HTTP,
                URI.create("https://127.0.0.1:" + otherName.getAddress().getPort()),
                new Health("/health", null));
        HealthChecker trusting =
                HealthChecker.builder().caFile(dir.resolve("other.pem")).build();
        HostnameVerifier before = HttpsURLConnection.getDefaultHostnameVerifier();

        HealthResult checked = trusting.check(target);
        HttpsURLConnection.setDefaultHostnameVerifier((host, session) -> true);
        HealthResult waivedByDefault;
        try {
            waivedByDefault = trusting.check(target);
        } finally {
            HttpsURLConnection.setDefaultHostnameVerifier(before);
        }
        HealthResult skipped =
                HealthChecker.builder().insecureSkipVerify(true).build().check(target);
        // The TLS reachability check of an AWS endpoint takes its sockets from the same place.
        HealthResult reachability = trusting.check(new HealthTarget(
                "named",
                ServiceKind.AWS,
                URI.create("https://127.0.0.1:" + otherName.getAddress().getPort()),
                null));

        for (HealthResult refused : List.of(checked, waivedByDefault, reachability)) {
            assertThat(refused.status()).isEqualTo(HealthStatus.UNREACHABLE);
            assertThat(refused.error())
                    .startsWith("TLS handshake failed")
                    .contains("127.0.0.1")
                    .doesNotContainPattern("Exception|Error|\\w\\.\\w+\\.[A-Z]");
        }
        assertThat(skipped.status()).isEqualTo(HealthStatus.SERVING);
    }

    @Test
    @DisplayName("a CA file that holds no certificate is refused when the checker is built")
    void badCaFile() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.pem"), "not a certificate\n");

        assertThatThrownBy(() -> HealthChecker.builder().caFile(bad).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("CA file " + bad);
    }

    @Test
    @DisplayName("a private key given as the CA file, and a PEM file given as the client certificate, are refused"
            + " in words")
    void wrongKindsOfFile() throws IOException {
        Path key = Files.writeString(
                dir.resolve("key.pem"),
                "-----BEGIN PRIVATE KEY-----\nMIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAu\n-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> HealthChecker.builder().caFile(key).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("CA file " + key + " is not X.509 certificates in PEM or DER (a private key, or another"
                        + " file?); give the certificate of the CA that signed the servers' certificates");
        assertThatThrownBy(() -> HealthChecker.builder()
                        .clientCertificate(dir.resolve("ca.pem"), PASSWORD)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("client certificate " + dir.resolve("ca.pem") + " is not a PKCS#12 (.p12) key store, or"
                        + " its password is not the one given; make one from a PEM certificate and key with openssl"
                        + " pkcs12 -export");
    }

    private static KeyStore load(String file) throws Exception {
        return Keytool.load(dir, file);
    }

    private static void keytool(String args) throws IOException, InterruptedException {
        Keytool.run(dir, args);
    }
}

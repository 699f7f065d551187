package dev.switchboard.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.testing.Keytool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic client against the JDK's HTTP server on loopback. */
class GenericServiceClientTest {
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private GenericServiceClient users;

    private static final ServiceEntry USERS = ServiceEntry.builder("users", ServiceKind.HTTP)
            .endpoints(List.of(
                    new Endpoint("GET", "/v1/users/{id}", "GetUser", ""),
                    new Endpoint("GET", "/v1/users/{id}:alt", "GetUser", ""),
                    new Endpoint("POST", "/v1/orgs/{org.id}/users", "CreateUser", "user"),
                    new Endpoint("PATCH", "/v1/{name=orgs/*/users/*}", "UpdateUser", "*"),
                    new Endpoint("DELETE", "/v1/users/{id}", "DeleteUser", ""),
                    new Endpoint("GET", "/v1/slow", "Slow", "")))
            .build();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        users = new GenericServiceClient(
                USERS,
                base,
                HttpClient.newHttpClient(),
                Duration.ofMillis(500),
                ClientSettings.builder().build().telemetry().gate("users", ServiceKind.HTTP));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String line =
                exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath()
                        + (exchange.getRequestURI().getRawQuery() == null
                                ? ""
                                : "?" + exchange.getRequestURI().getRawQuery())
                        + " " + body;
        seen.add(line);
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/v1/slow")) {
            sleep();
        }
        int status =
                path.endsWith("/missing") ? 404 : exchange.getRequestMethod().equals("DELETE") ? 204 : 200;
        String answer =
                status == 404 ? "{\"error\":\"no such user\"}" : status == 204 ? "" : "{\"echo\":\"" + path + "\"}";
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void fillsPathVariablesAndPutsTheOtherFieldsInTheQuery() {
        String answer = users.call("GetUser", "{\"id\": \"u 1/x\", \"view\": \"FULL\", \"fields\": [\"a\", \"b\"]}");
        assertThat(seen).containsExactly("GET /v1/users/u%201%2Fx?view=FULL&fields=a&fields=b ");
        assertThat(answer).isEqualTo("{\"echo\":\"/v1/users/u 1/x\"}");
    }

    @Test
    void sendsTheFieldTheRuleNamesAsTheBodyAndFillsNestedVariables() {
        users.call("CreateUser", "{\"org\": {\"id\": \"acme\"}, \"user\": {\"name\": \"ada\"}, \"validate\": true}");
        assertThat(seen).containsExactly("POST /v1/orgs/acme/users?validate=true {\"name\":\"ada\"}");
    }

    @Test
    void aStarBodySendsEveryFieldThePathDidNotTake() {
        users.call("UpdateUser", "{\"name\": \"orgs/acme/users/ada\", \"email\": \"ada@example.org\"}");
        assertThat(seen).containsExactly("PATCH /v1/orgs/acme/users/ada {\"email\":\"ada@example.org\"}");
    }

    @Test
    void anEmptyAnswerIsAnEmptyObject() {
        assertThat(users.call("DeleteUser", "{\"id\": \"7\"}")).isEqualTo("{}");
    }

    @Test
    void anErrorStatusCarriesTheStatusAndTheBody() {
        assertThatThrownBy(() -> users.call("GetUser", "{\"id\": \"missing\"}"))
                .isInstanceOfSatisfying(ServiceCallException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.body()).isEqualTo("{\"error\":\"no such user\"}");
                    assertThat(e.uri().getPath()).isEqualTo("/v1/users/missing");
                })
                .hasMessageContaining("users.GetUser: GET http://127.0.0.1:")
                .hasMessageContaining("answered 404: {\"error\":\"no such user\"}");
    }

    @Test
    void aSlowServerTimesOutNamingTheSetting() {
        assertThatThrownBy(() -> users.call("Slow", "{}"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("did not answer within PT0.5S")
                .hasMessageContaining("switchboard.users.timeout");
    }

    @Test
    void aClosedPortSaysItCouldNotConnectNamingTheSetting() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        GenericServiceClient nowhere = new GenericServiceClient(
                USERS,
                URI.create("http://127.0.0.1:" + closed),
                HttpClient.newHttpClient(),
                Duration.ofMillis(500),
                ClientSettings.builder().build().telemetry().gate("users", ServiceKind.HTTP));

        assertThatThrownBy(() -> nowhere.call("GetUser", "{\"id\": \"1\"}"))
                .hasMessage("users.GetUser: GET http://127.0.0.1:" + closed
                        + "/v1/users/1 could not connect; check switchboard.users.endpoint");
    }

    @Test
    void anUntrustedCertificateSaysSoWithoutTheJdksClassNames(@TempDir Path keys) throws Exception {
        Keytool.run(
                keys,
                "-genkeypair -alias server -keyalg EC -dname CN=localhost -ext SAN=ip:127.0.0.1 -validity 2"
                        + " -storetype PKCS12 -keystore server.p12 -storepass changeit");
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(Keytool.load(keys, "server.p12"), Keytool.PASSWORD);
        context.init(factory.getKeyManagers(), null, null);
        HttpsServer secure = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        secure.setHttpsConfigurator(new HttpsConfigurator(context));
        secure.createContext("/", this::handle);
        secure.start();
        try {
            URI base = URI.create("https://127.0.0.1:" + secure.getAddress().getPort());
            GenericServiceClient untrusted = new GenericServiceClient(
                    USERS,
                    base,
                    HttpClient.newHttpClient(),
                    Duration.ofSeconds(5),
                    ClientSettings.builder().build().telemetry().gate("users", ServiceKind.HTTP));

            assertThatThrownBy(() -> untrusted.call("GetUser", "{\"id\": \"1\"}"))
                    .hasMessage("users.GetUser: GET " + base + "/v1/users/1 failed the TLS handshake: the server's"
                            + " certificate is not signed by a CA this JVM trusts; add that CA to the JVM's trust"
                            + " store (javax.net.ssl.trustStore)");
        } finally {
            secure.stop(0);
        }
    }

    @Test
    void aMissingPathFieldOrMethodIsAClearError() {
        assertThatThrownBy(() -> users.call("GetUser", "{}"))
                .hasMessageContaining("no value for \"id\", which the path /v1/users/{id} needs");
        assertThatThrownBy(() -> users.call("ListUsers", "{}"))
                .hasMessageContaining("no REST endpoint for method \"ListUsers\"")
                .hasMessageContaining("[CreateUser, DeleteUser, GetUser, Slow, UpdateUser]");
        assertThatThrownBy(() -> users.call("GetUser", "[1]"))
                .hasMessageContaining("users.GetUser: the request is ARRAY, not a JSON object");
        assertThat(seen).isEmpty();
    }
}

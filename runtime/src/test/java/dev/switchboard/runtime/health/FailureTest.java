package dev.switchboard.runtime.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailureTest {
    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    @DisplayName("the Java class names the JDK writes into a message are left out")
    void classNamesLeftOut() {
        SSLHandshakeException e = new SSLHandshakeException(
                "java.security.cert.CertificateException: No name matching api.example.com found");

        Failure failure = Failure.of(e, "api.example.com", SECOND, SECOND);

        assertThat(failure.status()).isEqualTo(HealthStatus.UNREACHABLE);
        assertThat(failure.error()).isEqualTo("TLS handshake failed: no name matching api.example.com found");
    }

    @Test
    @DisplayName("a failure without a message says its cause's, else what kind of failure it is")
    void noMessage() {
        IOException withCause = new IOException(null, new SocketException("Broken pipe"));
        IOException bare = new IOException((String) null);

        assertThat(Failure.of(withCause, "h", SECOND, SECOND).error()).isEqualTo("broken pipe");
        assertThat(Failure.of(bare, "h", SECOND, SECOND).error()).isEqualTo("the connection failed");
        assertThat(Failure.of(new SSLHandshakeException(null), "h", SECOND, SECOND)
                        .error())
                .isEqualTo("TLS handshake failed: no reason given");
    }

    @Test
    @DisplayName("a message that is nothing but a class name gives way to the words the failure's kind has")
    void onlyClassName() {
        IOException e = new IOException("java.io.EOFException");

        assertThat(Failure.of(e, "h", SECOND, SECOND).error()).isEqualTo("the connection failed");
    }
}

package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.health.HealthChecker;
import java.io.File;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Parameter;

/** How the health goal connects: parallelism, timeouts, the body cap and TLS, as one checker. */
abstract class AbstractHealthCheckMojo extends AbstractInspectMojo {
    /**
     * How many checks run at once.
     *
     * <pre>{@code <parallelism>256</parallelism>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_PARALLELISM, defaultValue = "256")
    private int parallelism;

    /**
     * Milliseconds to wait for a connection.
     *
     * <pre>{@code -Dswitchboard.health.connectTimeout=2000}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_CONNECT_TIMEOUT, defaultValue = "2000")
    private long connectTimeout;

    /**
     * Milliseconds to wait for an answer once connected; for gRPC the deadline is both timeouts added.
     *
     * <pre>{@code -Dswitchboard.health.readTimeout=5000}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_READ_TIMEOUT, defaultValue = "5000")
    private long readTimeout;

    /**
     * The most bytes of an HTTP health body that are read; the rest is not.
     *
     * <pre>{@code <maxBodyBytes>65536</maxBodyBytes>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_MAX_BODY_BYTES, defaultValue = "65536")
    private int maxBodyBytes;

    /**
     * PEM certificates to trust for {@code https} and {@code grpcs} instead of the JDK's.
     *
     * <pre>{@code <caFile>src/test/resources/ca.pem</caFile>}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_CA_FILE)
    private File caFile;

    /**
     * A PKCS#12 key store with the client certificate to present.
     *
     * <pre>&lt;clientCertificate&gt;${user.home}/.certs/checker.p12&lt;/clientCertificate&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_CLIENT_CERTIFICATE)
    private File clientCertificate;

    /**
     * The password of {@code clientCertificate}.
     *
     * <pre>-Dswitchboard.health.clientCertificatePassword=${env.CHECKER_P12_PASSWORD}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_CLIENT_CERTIFICATE_PASSWORD)
    private String clientCertificatePassword;

    /**
     * Skips verifying server certificates and host names. Only for endpoints you trust otherwise.
     *
     * <pre>{@code -Dswitchboard.health.insecure=true}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.HEALTH_INSECURE, defaultValue = "false")
    private boolean insecure;

    protected HealthChecker checker() throws InputException {
        try {
            HealthChecker.Builder builder = HealthChecker.builder()
                    .parallelism(parallelism)
                    .connectTimeout(Duration.ofMillis(connectTimeout))
                    .readTimeout(Duration.ofMillis(readTimeout))
                    .maxBodyBytes(maxBodyBytes)
                    .insecureSkipVerify(insecure);
            if (caFile != null) {
                builder.caFile(fileParameter(caFile, "<caFile>"));
            }
            if (clientCertificate != null) {
                builder.clientCertificate(
                        fileParameter(clientCertificate, "<clientCertificate>"),
                        clientCertificatePassword == null ? new char[0] : clientCertificatePassword.toCharArray());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(Problem.in("health settings", e.getMessage(), "correct the parameter"));
        }
    }
}

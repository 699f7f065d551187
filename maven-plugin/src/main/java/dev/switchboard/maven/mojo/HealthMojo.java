package dev.switchboard.maven.mojo;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.health.EndpointRequest;
import dev.switchboard.core.health.Endpoints;
import dev.switchboard.core.health.HealthMonitor;
import dev.switchboard.core.health.QuietGrpcLog;
import dev.switchboard.core.inspect.Format;
import dev.switchboard.core.inspect.HealthReport;
import dev.switchboard.core.inspect.Views;
import dev.switchboard.runtime.health.HealthChecker;
import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.registry.Registry;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Checks the health of every service that has an endpoint: HTTP health paths, gRPC health v1 {@code
 * Check}, TCP/TLS reachability of AWS endpoints, concurrently and with timeouts. Fails, like
 * grpc-health-probe, unless every checked service is healthy, with one line per unhealthy service. With
 * {@code -Dswitchboard.monitor=true} it checks every {@code switchboard.interval} seconds and prints
 * what changed, until interrupted.
 *
 * @since 0.1.0
 */
@Mojo(name = "health", requiresDependencyResolution = ResolutionScope.COMPILE, threadSafe = true)
public class HealthMojo extends AbstractHealthCheckMojo {

    /**
     * The endpoint of each service: the element name is the service, the text its URL ({@code
     * http(s)://host:port[/base]}, {@code grpc://host:port} for plaintext gRPC, {@code grpcs://host:port}
     * for TLS). The endpoints file and {@code -Dswitchboard.<service>.endpoint=URL} take precedence.
     *
     * <pre>{@code
     * <endpoints>
     *   <user>grpc://127.0.0.1:9090</user>
     *   <billing>http://127.0.0.1:8080</billing>
     * </endpoints>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private Map<String, String> endpoints;

    /**
     * The environment whose endpoints file to read: {@code endpoints-<env>.properties} in {@code
     * endpointsDirectory}, one {@code <service>=URL} a line. Without it, {@code endpoints.properties}
     * there is read if it exists.
     *
     * <pre>{@code -Dswitchboard.env=staging}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.ENV)
    private String env;

    /**
     * Where the endpoints files are.
     *
     * <pre>&lt;endpointsDirectory&gt;${project.basedir}/src/main/switchboard&lt;/endpointsDirectory&gt;</pre>
     *
     * @since 0.1.0
     */
    @Parameter(defaultValue = "${project.basedir}/src/main/switchboard", required = true)
    private File endpointsDirectory;

    /**
     * Keeps checking every {@code interval} seconds and prints what changed, until interrupted (Ctrl-C);
     * never fails the build.
     *
     * <pre>{@code -Dswitchboard.monitor=true}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.MONITOR, defaultValue = "false")
    private boolean monitor;

    /**
     * Seconds between two rounds of monitoring.
     *
     * <pre>{@code -Dswitchboard.interval=30}</pre>
     *
     * @since 0.1.0
     */
    @Parameter(property = PropertyNames.INTERVAL, defaultValue = "30")
    private int interval;

    @Override
    protected void inspect(Registry registry) throws Exception {
        Format shown = format(Format.TABLE, Format.JSON, Format.YAML);
        EndpointRequest.Builder request = EndpointRequest.builder(
                        project.getBasedir().toPath())
                .configured(endpoints)
                .env(env)
                .directory(endpointsDirectory.toPath())
                .properties(this::property)
                .environmentVariables(System::getenv);
        Endpoints resolved = Endpoints.resolve(
                service == null ? registry.services() : List.of(Views.service(registry, service)), request.build());
        if (!resolved.without().isEmpty()) {
            getLog().info("switchboard: not checked, no endpoint: " + String.join(", ", resolved.without()));
        }
        if (resolved.targets().isEmpty()) {
            getLog().info("switchboard: no service has an endpoint, nothing checked; set <endpoints>,"
                    + " -Dswitchboard.<service>.endpoint=URL or " + request.shownFile());
            return;
        }
        HealthChecker checker = checker();
        HealthMonitor monitoring = monitor
                ? new HealthMonitor(checker, resolved.targets(), Duration.ofSeconds(interval), reporter())
                : null;
        List<HealthResult> results;
        try (QuietGrpcLog quiet = QuietGrpcLog.open()) {
            results = checker.check(resolved.targets());
            emit(HealthReport.render(results, resolved.without(), shown));
            if (monitoring != null) {
                monitoring.run(results, current -> {
                    if (output != null) {
                        emit(HealthReport.render(current, resolved.without(), shown));
                    }
                });
                return;
            }
        }
        List<String> unhealthy = HealthReport.unhealthy(results);
        if (!unhealthy.isEmpty()) {
            throw new FindingException(unhealthy.size() + " of " + results.size() + " service(s) unhealthy", unhealthy);
        }
        getLog().info("switchboard: all " + results.size() + " service(s) healthy (" + HealthReport.summary(results)
                + ")");
    }
}

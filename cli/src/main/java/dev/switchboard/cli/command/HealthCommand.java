package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard health}, the {@code health} goal. */
@Command(
        name = "health",
        sortOptions = false,
        description = {
            "Check the health of every service that has an endpoint.",
            "Checks the health of every service that has an endpoint: HTTP health paths, gRPC health v1 Check,"
                    + " TCP/TLS reachability of AWS endpoints, concurrently and with timeouts. Exits 1, like"
                    + " grpc-health-probe, unless every checked service is healthy.",
            "Endpoints, first found wins: -Dswitchboard.<service>.endpoint=URL (in JAVA_OPTS) or"
                    + " SWITCHBOARD_<SERVICE>_ENDPOINT, the endpoints file of --env, --endpoint.",
            "With --monitor it checks every --interval seconds and prints what changed, until Ctrl-C."
        })
final class HealthCommand extends ViewCommand {
    @Option(names = "--service", paramLabel = "NAME", order = 0, description = "Check only this service.")
    String service;

    @Option(
            names = "--endpoint",
            paramLabel = "NAME=URL",
            order = 1,
            description = "The endpoint of a service: http(s)://host:port[/base], grpc://host:port (plaintext) or"
                    + " grpcs://host:port (repeatable).")
    Map<String, String> endpoints = new LinkedHashMap<>();

    @Option(
            names = "--env",
            paramLabel = "NAME",
            order = 2,
            description = "Read ENDPOINTS_DIR/endpoints-NAME.properties (one <service>=URL a line); without it,"
                    + " endpoints.properties there is read if it exists.")
    String env;

    @Option(
            names = "--endpoints-directory",
            paramLabel = "DIR",
            order = 3,
            description = "Where the endpoints files are. Default: BASE/src/main/switchboard.")
    Path endpointsDirectory;

    @Option(names = "--monitor", order = 4, description = "Keep checking and print what changed, until Ctrl-C.")
    boolean monitor;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            order = 5,
            defaultValue = "30",
            description = "Seconds between two rounds of --monitor. Default: ${DEFAULT-VALUE}.")
    int interval;

    @Option(
            names = "--parallelism",
            paramLabel = "N",
            order = 6,
            defaultValue = "256",
            description = "How many checks run at once. Default: ${DEFAULT-VALUE}.")
    int parallelism;

    @Option(
            names = "--connect-timeout",
            paramLabel = "MS",
            order = 7,
            defaultValue = "2000",
            description = "Milliseconds to wait for a connection. Default: ${DEFAULT-VALUE}.")
    long connectTimeout;

    @Option(
            names = "--read-timeout",
            paramLabel = "MS",
            order = 8,
            defaultValue = "5000",
            description = "Milliseconds to wait for an answer once connected. Default: ${DEFAULT-VALUE}.")
    long readTimeout;

    @Option(
            names = "--max-body-bytes",
            paramLabel = "N",
            order = 9,
            defaultValue = "65536",
            description = "The most bytes of an HTTP health body that are read. Default: ${DEFAULT-VALUE}.")
    int maxBodyBytes;

    @Option(
            names = "--ca-file",
            paramLabel = "FILE",
            order = 10,
            description = "PEM certificates to trust for https and grpcs instead of the JDK's.")
    Path caFile;

    @Option(
            names = "--client-certificate",
            paramLabel = "FILE",
            order = 11,
            description = "A PKCS#12 key store with the client certificate to present.")
    Path clientCertificate;

    @Option(
            names = "--client-certificate-password",
            paramLabel = "PASSWORD",
            order = 12,
            description = "The password of --client-certificate.")
    String clientCertificatePassword;

    @Option(
            names = "--insecure",
            order = 13,
            description =
                    "Skip verifying server certificates and host names; only for endpoints you trust" + " otherwise.")
    boolean insecure;

    @Override
    int run(Console console) throws Exception {
        Format format = view.format(Format.TABLE, Format.JSON, Format.YAML);
        HealthChecker checker = checker();
        EndpointRequest.Builder endpointRequest = EndpointRequest.builder(project.base())
                .configured(endpoints)
                .env(env)
                .directory(endpointsDirectory == null ? null : ProjectOptions.absolute(endpointsDirectory));
        EndpointRequest request = endpointRequest.build();
        Registry registry = registry(console);
        Endpoints resolved = Endpoints.resolve(
                service == null ? registry.services() : List.of(Views.service(registry, service)), request);
        if (!resolved.without().isEmpty()) {
            console.info("switchboard: not checked, no endpoint: " + String.join(", ", resolved.without()));
        }
        if (resolved.targets().isEmpty()) {
            view.emit(HealthReport.render(List.of(), resolved.without(), format), console);
            console.info("switchboard: no service has an endpoint, nothing checked; give --endpoint NAME=URL,"
                    + " -Dswitchboard.<service>.endpoint=URL or " + endpointRequest.shownFile());
            return ExitCode.OK;
        }
        HealthMonitor rounds =
                monitor ? new HealthMonitor(checker, resolved.targets(), Duration.ofSeconds(interval), console) : null;
        console.progress("checking " + resolved.targets().size() + " service(s)");
        List<HealthResult> results;
        try (QuietGrpcLog quiet = QuietGrpcLog.open()) {
            results = checker.check(resolved.targets());
            view.emit(HealthReport.render(results, resolved.without(), format), console);
            if (rounds != null) {
                console.endProgress();
                try {
                    rounds.run(results, current -> {
                        if (view.toFile()) {
                            view.emit(HealthReport.render(current, resolved.without(), format), console);
                        }
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    console.info("switchboard: monitoring stopped");
                }
                return ExitCode.OK;
            }
        }
        List<String> unhealthy = HealthReport.unhealthy(results);
        if (!unhealthy.isEmpty()) {
            console.error("switchboard: " + unhealthy.size() + " of " + results.size() + " service(s) unhealthy:");
            unhealthy.forEach(line -> console.error("  " + line));
            return ExitCode.FINDING;
        }
        console.info(
                "switchboard: all " + results.size() + " service(s) healthy (" + HealthReport.summary(results) + ")");
        return ExitCode.OK;
    }

    private HealthChecker checker() throws InputException {
        List<Problem> problems = new ArrayList<>();
        Path ca = ProjectOptions.file(caFile, "--ca-file", problems);
        Path certificate = ProjectOptions.file(clientCertificate, "--client-certificate", problems);
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the options", problems);
        }
        try {
            HealthChecker.Builder builder = HealthChecker.builder()
                    .parallelism(parallelism)
                    .connectTimeout(Duration.ofMillis(connectTimeout))
                    .readTimeout(Duration.ofMillis(readTimeout))
                    .maxBodyBytes(maxBodyBytes)
                    .insecureSkipVerify(insecure);
            if (ca != null) {
                builder.caFile(ca);
            }
            if (certificate != null) {
                builder.clientCertificate(
                        certificate,
                        clientCertificatePassword == null ? new char[0] : clientCertificatePassword.toCharArray());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new InputException(Problem.in("health options", e.getMessage(), "correct the option"));
        }
    }
}

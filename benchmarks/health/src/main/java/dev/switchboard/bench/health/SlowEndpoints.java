package dev.switchboard.bench.health;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.runtime.health.HealthChecker;
import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.health.HealthTarget;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Budget: 1,000 HTTP endpoints that each answer after 100 ms are all checked in under 1.5 s.
 *
 * <p>Starts {@code endpoints} JDK {@code HttpServer}s on 127.0.0.1 (one port each, so distinct endpoints, no
 * connection shared), whose {@code /health} sleeps {@code delay_ms} and answers 200. Then runs {@code
 * rounds} rounds of {@link HealthChecker#check(List)} over all of them with the checker's defaults (or
 * {@code parallelism} when given) in this fresh JVM; round 1 is the cold one (first use of the checker,
 * new connections). Prints one {@code round=N ms=… healthy=…} line per round.
 *
 * <p>Usage: {@code SlowEndpoints [endpoints=1000] [delay_ms=100] [rounds=5] [parallelism]}
 */
public final class SlowEndpoints {
    private SlowEndpoints() {}

    public static void main(String[] args) throws Exception {
        int endpoints = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long delay = args.length > 1 ? Long.parseLong(args[1]) : 100;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        HealthChecker.Builder builder = HealthChecker.builder();
        if (args.length > 3) {
            builder.parallelism(Integer.parseInt(args[3]));
        }
        // Bounded: no more requests than the checker's parallelism are ever in flight, so 512 threads
        // answer any parallelism the benchmark tries without a thread per endpoint.
        ExecutorService handlers = Executors.newFixedThreadPool(Math.min(endpoints, 512));
        List<HttpServer> servers = new ArrayList<>();
        List<HealthTarget> targets = new ArrayList<>();
        byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
        try {
            for (int i = 0; i < endpoints; i++) {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
                server.setExecutor(handlers);
                server.createContext("/health", exchange -> {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    } catch (IOException e) {
                        // the checker gave up; counted as unhealthy on its side
                    }
                });
                server.start();
                servers.add(server);
                targets.add(new HealthTarget(
                        String.format("svc-%04d", i),
                        ServiceKind.HTTP,
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                        new dev.switchboard.runtime.registry.Health("/health", null)));
            }
            HealthChecker checker = builder.build();
            System.out.println("endpoints=" + endpoints + " delay_ms=" + delay + " rounds=" + rounds
                    + " parallelism=" + (args.length > 3 ? args[3] : "default"));
            for (int round = 1; round <= rounds; round++) {
                long start = System.nanoTime();
                List<HealthResult> results = checker.check(targets);
                double ms = (System.nanoTime() - start) / 1e6;
                long healthy = results.stream().filter(HealthResult::healthy).count();
                System.out.printf("round=%d ms=%.1f healthy=%d%n", round, ms, healthy);
                if (healthy != endpoints) {
                    results.stream().filter(r -> !r.healthy()).limit(5).forEach(r -> System.out.println("  " + r.describe()));
                }
            }
        } finally {
            servers.forEach(s -> s.stop(0));
            handlers.shutdownNow();
        }
    }
}

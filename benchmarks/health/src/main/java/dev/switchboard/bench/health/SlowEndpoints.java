package dev.switchboard.bench.health;

import dev.switchboard.runtime.health.HealthChecker;
import dev.switchboard.runtime.health.HealthResult;
import dev.switchboard.runtime.health.HealthTarget;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.ServiceKind;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Budget: 1,000 HTTP endpoints that each answer after 100 ms are all checked in under 1.5 s.
 *
 * <p>Checks the endpoints whose ports {@link EndpointServers} (another process) listed in {@code ports_file}:
 * {@code http://127.0.0.1:<port>} with the health path {@code /health}, one service each. Runs {@code rounds}
 * rounds of {@link HealthChecker#check(List)} over all of them with the checker's defaults (or {@code parallelism}
 * when given) in this fresh JVM; round 1 is the cold one (first use of the checker, new connections). Prints how
 * long building the checker took, then one {@code round=N ms=… healthy=… cpu_ms=… threads_started=…} line per round.
 *
 * <p>Usage: {@code SlowEndpoints ports_file [rounds=5] [parallelism]}
 */
public final class SlowEndpoints {
    private SlowEndpoints() {}

    /**
     * CPU time of this whole JVM (every thread, the JIT compilers included): how much of the machine a
     * round needed, which on shared cores says more than the wall time alone.
     */
    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
    }

    public static void main(String[] args) throws Exception {
        List<String> ports = Files.readAllLines(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        HealthChecker.Builder builder = HealthChecker.builder();
        if (args.length > 2) {
            builder.parallelism(Integer.parseInt(args[2]));
        }
        List<HealthTarget> targets = new ArrayList<>();
        for (int i = 0; i < ports.size(); i++) {
            targets.add(new HealthTarget(
                    String.format("svc-%04d", i),
                    ServiceKind.HTTP,
                    URI.create("http://127.0.0.1:" + ports.get(i)),
                    new Health("/health", null)));
        }
        // Building the checker (its HTTP client) is a cold cost too, printed apart from the rounds.
        long building = System.nanoTime();
        HealthChecker checker = builder.build();
        System.out.printf(
                "endpoints=%d rounds=%d parallelism=%s build_ms=%.1f%n",
                targets.size(),
                rounds,
                args.length > 2 ? args[2] : "default",
                (System.nanoTime() - building) / 1e6);
        for (int round = 1; round <= rounds; round++) {
            long threadsBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            long cpuBefore = cpuMillis();
            long start = System.nanoTime();
            List<HealthResult> results = checker.check(targets);
            double ms = (System.nanoTime() - start) / 1e6;
            long cpu = cpuMillis() - cpuBefore;
            long threads = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - threadsBefore;
            long healthy = results.stream().filter(HealthResult::healthy).count();
            System.out.printf(
                    "round=%d ms=%.1f healthy=%d cpu_ms=%d threads_started=%d%n", round, ms, healthy, cpu, threads);
            if (healthy != targets.size()) {
                results.stream()
                        .filter(r -> !r.healthy())
                        .limit(5)
                        .forEach(r -> System.out.println("  " + r.describe()));
            }
        }
    }
}

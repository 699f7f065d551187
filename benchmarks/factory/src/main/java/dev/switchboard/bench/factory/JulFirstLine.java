package dev.switchboard.bench.factory;

import java.util.Locale;

/**
 * Diagnostic for B2: what the runtime's one INFO line per client creation costs with the JDK's default
 * logging (System.Logger → java.util.logging → ConsoleHandler on System.err), first in a fresh JVM and
 * then once more. The same call as {@code AwsClientSupport.build} makes.
 *
 * <pre>java -cp target/factory-benchmarks.jar dev.switchboard.bench.factory.JulFirstLine 2>/dev/null</pre>
 */
public final class JulFirstLine {
    private JulFirstLine() {}

    public static void main(String[] args) {
        System.Logger log = System.getLogger("dev.switchboard");
        long t0 = System.nanoTime();
        log.log(System.Logger.Level.INFO, () -> "switchboard: s3 uses the url-connection HTTP client");
        long t1 = System.nanoTime();
        log.log(System.Logger.Level.INFO, () -> "switchboard: sqs uses the url-connection HTTP client");
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "first_line_ms=%.1f second_line_ms=%.2f%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    }
}

package dev.switchboard.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the {@code watch} goal from a file write to regenerated sources, inside real Maven.
 *
 * <ol>
 *   <li>writes a {@link ProtoTreeGenerator} project of N services and adds {@code switchboard-runtime} to
 *       its pom, as {@code generate} (and so {@code watch}) requires;
 *   <li>starts {@code mvnw switchboard:watch} on it and waits for {@code switchboard: watching};
 *   <li>per edit: adds a new rpc {@code ProbeK} to one service (replacing the previous one), takes the
 *       time just before the write, and the time the goal's line {@code switchboard: watch: …} arrives
 *       on its output, which the goal prints after the generated files are written; checks that the line
 *       names the new method and that the bundled registry among the generated resources holds it;
 *   <li>ends the goal with SIGINT, as Ctrl-C does, and checks that it logged {@code switchboard: watch stopped}.
 * </ol>
 *
 * <p>Usage: {@code WatchLatency <treeDir> <services> <warmupEdits> <edits> <debounceMs> <outTsv> <mvn
 * command…>}. Prints one summary line; exits 1 when a run fails (not when the budget is missed).
 */
public final class WatchLatency {
    private static final Pattern GOAL_MS = Pattern.compile("\\((\\d+) ms\\)$");
    private static final long LINE_WAIT_SECONDS = 60;
    /** The pause between edits: longer than the debounce, so every edit is its own rebuild. */
    private static final long PAUSE_MS = 600;

    private record Line(long nanos, String text) {}

    public static void main(String[] args) throws Exception {
        if (args.length < 7) {
            System.err.println("usage: WatchLatency <treeDir> <services> <warmupEdits> <edits> <debounceMs> <outTsv>"
                    + " <mvn command…>");
            System.exit(2);
        }
        Path tree = Path.of(args[0]).toAbsolutePath();
        int services = Integer.parseInt(args[1]);
        int warmup = Integer.parseInt(args[2]);
        int edits = Integer.parseInt(args[3]);
        long debounce = Long.parseLong(args[4]);
        Path out = Path.of(args[5]);
        List<String> command = new ArrayList<>(Arrays.asList(args).subList(6, args.length));
        command.addAll(List.of(
                "-f",
                tree.resolve("pom.xml").toString(),
                "dev.switchboard:switchboard-maven-plugin:" + ProtoTreeGenerator.PLUGIN_VERSION + ":watch",
                "-Dswitchboard.watch.debounce=" + debounce,
                "-Dswitchboard.summary=false"));

        ProtoTreeGenerator.generate(tree, services);
        Path pom = tree.resolve("pom.xml");
        Files.writeString(pom, withRuntime(Files.readString(pom)));
        ProtoTreeGenerator generator = new ProtoTreeGenerator(services);
        int target = services / 2;
        Path edited = ProtoTreeGenerator.protoRoot(tree).resolve(generator.relativePath(target));
        String original = Files.readString(edited);
        String service = "service Svc" + generator.id(target) + "Service {\n";
        String item = "Item" + generator.id(target);
        Path bundled = tree.resolve("target/generated-resources/switchboard/META-INF/switchboard/registry.json");

        Process maven = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .directory(tree.toFile())
                .start();
        BlockingQueue<Line> lines = new LinkedBlockingQueue<>();
        Path log = out.resolveSibling("watch-maven.log");
        Thread reader = new Thread(() -> read(maven, lines, log), "maven-output");
        reader.setDaemon(true);
        reader.start();
        boolean ok = false;
        try (PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8))) {
            tsv.println("edit\tphase\tlatency_ms\tgoal_ms\tline");
            await(lines, "switchboard: watching");
            List<Double> latencies = new ArrayList<>();
            List<Long> goal = new ArrayList<>();
            for (int k = 0; k < warmup + edits; k++) {
                Thread.sleep(PAUSE_MS);
                String probe = "Probe" + k;
                String text = original.replace(
                        service,
                        service + "  rpc " + probe + "(Get" + item + "Request) returns (" + item + ");\n");
                long before = System.nanoTime();
                Files.writeString(edited, text);
                Line line = await(lines, "switchboard: watch:");
                double ms = (line.nanos() - before) / 1e6;
                if (!line.text().contains("+method ") || !line.text().contains("." + probe)) {
                    throw new IllegalStateException("edit " + k + " did not add " + probe + ": " + line.text());
                }
                if (!Files.readString(bundled).contains("\"" + probe + "\"")) {
                    throw new IllegalStateException("edit " + k + ": " + bundled + " does not hold " + probe);
                }
                Matcher m = GOAL_MS.matcher(line.text());
                long goalMs = m.find() ? Long.parseLong(m.group(1)) : -1;
                boolean measured = k >= warmup;
                tsv.printf(Locale.ROOT, "%d\t%s\t%.1f\t%d\t%s%n", k, measured ? "measured" : "warmup", ms, goalMs,
                        line.text());
                if (measured) {
                    latencies.add(ms);
                    goal.add(goalMs);
                }
            }
            Files.writeString(edited, original);
            await(lines, "switchboard: watch:");
            // SIGINT, as Ctrl-C sends it; Process.destroy would close the output before the last line is read.
            new ProcessBuilder("kill", "-INT", Long.toString(maven.pid())).inheritIO().start().waitFor();
            await(lines, "switchboard: watch stopped");
            ok = true;
            List<Double> sorted = latencies.stream().sorted().toList();
            List<Long> goalSorted = goal.stream().sorted().toList();
            double median = percentile(sorted, 50);
            System.out.printf(
                    Locale.ROOT,
                    "services=%d edits=%d debounce_ms=%d write_to_sources_ms: median=%.1f p90=%.1f min=%.1f max=%.1f"
                            + " rebuild_in_goal_ms: median=%d p90=%d budget_ms=%d %s; stopped cleanly on SIGINT%n",
                    services,
                    edits,
                    debounce,
                    median,
                    percentile(sorted, 90),
                    sorted.get(0),
                    sorted.get(sorted.size() - 1),
                    goalSorted.get((goalSorted.size() - 1) / 2),
                    goalSorted.get((int) Math.ceil(0.9 * goalSorted.size()) - 1),
                    debounce + 200,
                    median < debounce + 200 ? "met" : "MISSED");
        } finally {
            if (maven.isAlive()) {
                maven.destroy();
            }
            if (!maven.waitFor(30, TimeUnit.SECONDS)) {
                maven.destroyForcibly();
            }
        }
        if (!ok) {
            System.exit(1);
        }
    }

    /** Nearest rank. */
    static double percentile(List<Double> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private static Line await(BlockingQueue<Line> lines, String wanted) throws InterruptedException {
        while (true) {
            Line line = lines.poll(LINE_WAIT_SECONDS, TimeUnit.SECONDS);
            if (line == null) {
                throw new IllegalStateException("no \"" + wanted + "\" from Maven within " + LINE_WAIT_SECONDS + " s");
            }
            if (line.text().contains("ERROR") || line.text().contains("BUILD FAILURE")) {
                throw new IllegalStateException("Maven failed: " + line.text());
            }
            if (line.text().contains(wanted)) {
                return line;
            }
        }
    }

    /** Time-stamps every line of Maven's output as it arrives and keeps a copy in {@code log}. */
    private static void read(Process maven, BlockingQueue<Line> lines, Path log) {
        try (BufferedReader in = new BufferedReader(
                        new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            String text;
            while ((text = in.readLine()) != null) {
                lines.add(new Line(System.nanoTime(), text));
                copy.println(text);
            }
        } catch (IOException e) {
            lines.add(new Line(System.nanoTime(), "ERROR reading Maven's output: " + e));
        }
    }

    /** The generated pom plus {@code switchboard-runtime}, which the generated sources (and so the goal) need. */
    private static String withRuntime(String pom) {
        String runtime = """
                    <dependency>
                      <groupId>dev.switchboard</groupId>
                      <artifactId>switchboard-runtime</artifactId>
                      <version>${switchboard.version}</version>
                    </dependency>
                """;
        if (!pom.contains("  <dependencies>\n")) {
            throw new IllegalStateException("the generated pom has no <dependencies> to add switchboard-runtime to");
        }
        return pom.replace("  <dependencies>\n", "  <dependencies>\n" + runtime);
    }
}

package dev.switchboard.benchmarks;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.SchemaLoader;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.proto.ProtoServiceReader;
import dev.switchboard.core.proto.ProtoServices;
import dev.switchboard.core.proto.ProtoSource;
import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.core.registry.InferenceRules;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Times the stages of {@link RegistryBuilder#build} one by one, cold (first call in a fresh JVM, as
 * inside {@code mvn}) and warm (median of later calls), to show which stage a budget is lost in.
 *
 * <p>It uses only the plugin's public API and Wire, never the plugin's package-private classes, so it
 * keeps compiling while the engine changes; where a stage is not public it is rebuilt from the same
 * calls the engine makes (the fingerprint: read each source and SHA-256 it; loading: Wire's parser per
 * file, then {@link SchemaLoader} over the same roots). The stages, in the order the engine runs them:
 *
 * <ol>
 *   <li>{@code scan}: find the sources ({@link ProtoServiceReader#sources});
 *   <li>{@code fp-read}, {@code fp-sha256}, {@code fp-stamps}: the content fingerprint's file reads, its
 *       hashing and the stamps of the dependency jars (since the engine checks input stamps first, its
 *       no-op path pays these only when a stamp changed);
 *   <li>{@code read-fingerprint}: the fingerprint stored in the registry on disk (no-op path only; the
 *       engine reads it only when it has no record of the input stamps);
 *   <li>{@code rules}: the default inference rules (YAML through Jackson);
 *   <li>{@code wire-parse}, {@code wire-link}: Wire parsing every file, then linking the schema;
 *   <li>{@code read+map}: {@link ProtoServiceReader#read}, i.e. parse, link and map again, now warm in
 *       Wire, so its excess over the two before is about the mapping;
 *   <li>{@code serialize}, {@code write}: the registry as JSON bytes and the atomic write.
 * </ol>
 *
 * <p>Usage: {@code StageProfile <projectDir> <files> noop|full [warmRuns] [--engine-first]}. Only what
 * runs first in the JVM is cold: by default the stages, so their cold column adds up to a cold build;
 * with {@code --engine-first} the real engine runs first and its cold figure is the goal's own. The project is generated
 * when missing. {@code noop} expects a current registry (it builds one first if there is none, which
 * warms the JVM: run it once more for a cold figure).
 */
public final class StageProfile {
    private final BenchProject project;
    private final RegistryRequest request;
    private final Map<String, List<Double>> timings = new LinkedHashMap<>();

    private StageProfile(BenchProject project) {
        this.project = project;
        this.request = project.request();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !(args[2].equals("noop") || args[2].equals("full"))) {
            System.err.println("usage: StageProfile <projectDir> <files> noop|full [warmRuns] [--engine-first]");
            System.exit(2);
        }
        long jvmStart = System.nanoTime();
        BenchProject project = BenchProject.at(Path.of(args[0]), Integer.parseInt(args[1]));
        int warmRuns = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        boolean noop = args[2].equals("noop");
        if (noop && RegistryCodec.readFingerprint(project.request().registryFile()).isEmpty()) {
            System.err.println("no registry yet; building one first, so the cold figures below are not cold");
            new RegistryBuilder().build(project.request());
        }
        StageProfile profile = new StageProfile(project);
        // Whatever runs first in this JVM pays class loading and interpretation: by default the
        // stages (a cold breakdown), with --engine-first the real engine (its cold total).
        boolean engineFirst = args.length > 4 && args[4].equals("--engine-first");
        double coldEngine = engineFirst ? profile.engine(noop) : Double.NaN;
        for (int i = 0; i <= warmRuns; i++) {
            profile.stages(noop);
            if (i == 0) {
                profile.snapshotCold();
            }
        }
        List<Double> engineWarm = new ArrayList<>();
        for (int i = 0; i < Math.max(1, warmRuns); i++) {
            engineWarm.add(profile.engine(noop));
        }
        profile.print(noop, engineFirst, coldEngine, engineWarm, (System.nanoTime() - jvmStart) / 1e6);
    }

    private final Map<String, Double> cold = new LinkedHashMap<>();

    private void snapshotCold() {
        timings.forEach((stage, list) -> cold.put(stage, list.get(0)));
        timings.clear();
    }

    /** The real engine, once; for the full path the registry is deleted first. */
    private double engine(boolean noop) throws Exception {
        if (!noop) {
            project.deleteRegistry();
        }
        long t = System.nanoTime();
        RegistryOutcome outcome = new RegistryBuilder().build(request);
        double ms = (System.nanoTime() - t) / 1e6;
        if (outcome.written() == noop) {
            throw new IllegalStateException("expected written=" + !noop + " but got " + outcome.written());
        }
        return ms;
    }

    /** Every stage once, in the engine's order. */
    private void stages(boolean noop) throws Exception {
        ProtoServiceReader reader = new ProtoServiceReader(request.protos());
        List<ProtoSource> sources =
                time("scan", () -> reader.sources(new ArrayList<Problem>(), new ArrayList<Problem>()));
        List<byte[]> contents = time("fp-read", () -> {
            List<byte[]> all = new ArrayList<>(sources.size());
            for (ProtoSource s : sources) {
                all.add(Files.readAllBytes(s.file()));
            }
            return all;
        });
        time("fp-sha256", () -> {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int i = 0; i < sources.size(); i++) {
                digest.update(("source:" + sources.get(i).relativePath()).getBytes(StandardCharsets.UTF_8));
                digest.update(contents.get(i));
            }
            return digest.digest();
        });
        time("fp-stamps", () -> {
            StringBuilder b = new StringBuilder();
            for (Path archive : request.protos().dependencyArchives()) {
                b.append(Files.size(archive)).append(Files.getLastModifiedTime(archive).toMillis());
            }
            b.append(Files.size(request.pluginArchive()));
            return b;
        });
        if (noop) {
            time("read-fingerprint", () -> RegistryCodec.readFingerprint(request.registryFile()));
            return;
        }
        InferenceRules rules = time("rules", () -> InferenceRules.load(null, false, null, List.of()));
        time("wire-parse", () -> {
            int n = 0;
            for (int i = 0; i < sources.size(); i++) {
                ProtoSource s = sources.get(i);
                n += ProtoParser.Companion.parse(
                                Location.get(s.root().toString(), s.relativePath()),
                                new String(contents.get(i), StandardCharsets.UTF_8))
                        .getTypes()
                        .size();
            }
            return n;
        });
        time("wire-link", () -> {
            SchemaLoader loader = new SchemaLoader(FileSystems.getDefault());
            List<Location> sourcePath = sources.stream()
                    .map(s -> Location.get(s.root().toString(), s.relativePath()))
                    .toList();
            List<Location> protoPath = new ArrayList<>();
            request.protos().sourceRoots().forEach(r -> protoPath.add(Location.get(r.toString())));
            request.protos().dependencyArchives().forEach(a -> protoPath.add(Location.get(a.toString())));
            protoPath.add(Location.get(request.pluginArchive().toString()));
            loader.initRoots(sourcePath, protoPath);
            return loader.loadSchema();
        });
        ProtoServices services = time("read+map", () -> reader.read(sources, Set.copyOf(rules.ignoredTypePackages())));
        byte[] bytes = time(
                "serialize",
                () -> RegistryCodec.writeBytes(Registry.of("0".repeat(64), services.services()), RegistryFormat.JSON));
        Path scratch = request.registryDirectory().resolve("stage-profile.json");
        time("write", () -> {
            AtomicFiles.write(scratch, bytes);
            return scratch;
        });
        Files.deleteIfExists(scratch);
    }

    private interface Stage<T> {
        T run() throws Exception;
    }

    private <T> T time(String name, Stage<T> stage) throws Exception {
        long t = System.nanoTime();
        T result = stage.run();
        timings.computeIfAbsent(name, k -> new ArrayList<>()).add((System.nanoTime() - t) / 1e6);
        return result;
    }

    private void print(
            boolean noop, boolean engineFirst, double coldEngine, List<Double> engineWarm, double jvmMillis) {
        Function<List<Double>, Double> median = list -> {
            double[] a = list.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(a);
            return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
        };
        System.out.printf(Locale.ROOT, "stage profile: %s path, %d files, %s (%s ran first)%n",
                noop ? "no-op" : "full rebuild", project.files(), project.directory(),
                engineFirst ? "the engine" : "the stages");
        System.out.printf(Locale.ROOT, "%-18s %12s %12s%n", "stage", "cold ms", "warm ms");
        double coldSum = 0;
        double warmSum = 0;
        for (Map.Entry<String, Double> e : cold.entrySet()) {
            List<Double> later = timings.get(e.getKey());
            double warm = later == null ? Double.NaN : median.apply(later);
            coldSum += e.getValue();
            warmSum += warm;
            System.out.printf(Locale.ROOT, "%-18s %12.1f %12.1f%n", e.getKey(), e.getValue(), warm);
        }
        System.out.printf(Locale.ROOT, "%-18s %12.1f %12.1f%n", "(sum of stages)", coldSum, warmSum);
        System.out.printf(Locale.ROOT, "%-18s %12s %12.1f   (the real RegistryBuilder.build)%n", "engine",
                engineFirst ? String.format(Locale.ROOT, "%.1f", coldEngine) : "-", median.apply(engineWarm));
        System.out.printf(Locale.ROOT, "(this JVM ran %.0f ms in all)%n", jvmMillis);
    }
}

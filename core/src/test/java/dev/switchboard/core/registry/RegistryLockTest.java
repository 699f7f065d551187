package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.ChildJvm;
import dev.switchboard.runtime.registry.RegistryCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds of one project at once: {@code registry.previous.json} is always the registry that was in
 * force before the last write, whether the builds are threads of one JVM or processes.
 */
class RegistryLockTest {
    private static final String USER = """
            syntax = "proto3";
            package acme.user.v1;
            service UserService { rpc GetUser(M) returns (M); }
            message M {}
            """;
    private static final String USER_V2 =
            USER.replace("rpc GetUser(M) returns (M);", "rpc GetUser(M) returns (M); rpc Drop(M) returns (M);");

    @TempDir
    Path dir;

    /** One registry pair as a sampler saw it: the fingerprints of the previous and the current file. */
    private record Pair(String previous, String current) {}

    @Test
    @DisplayName("two threads building the same new inputs at once keep the registry in force before them as previous")
    void sameInputsInThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                Path base = dir.resolve("round" + round);
                Path root = base.resolve("src/main/proto");
                byte[] before = firstRegistry(base, root);
                Files.writeString(root.resolve("user.proto"), USER_V2);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<RegistryOutcome>> builds = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    builds.add(pool.submit(() -> {
                        together.await();
                        return new RegistryBuilder().build(RegistryBuildChild.request(base, root));
                    }));
                }
                String fingerprint = builds.get(0).get().fingerprint();

                assertThat(builds.get(1).get().fingerprint()).isEqualTo(fingerprint);
                assertThat(base.resolve("target/switchboard/registry.previous.json"))
                        .as("round %d", round)
                        .hasBinaryContent(before);
                assertThat(RegistryCodec.readFingerprint(base.resolve("target/switchboard/registry.json")))
                        .contains(fingerprint);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("a registry prepared twice from the same state and committed twice is rotated once")
    void identicalCommitDoesNotRotate() throws Exception {
        Path root = dir.resolve("src/main/proto");
        byte[] before = firstRegistry(dir, root);
        Files.writeString(root.resolve("user.proto"), USER_V2);
        RegistryBuilder.Prepared first = new RegistryBuilder().prepare(RegistryBuildChild.request(dir, root));
        RegistryBuilder.Prepared second = new RegistryBuilder().prepare(RegistryBuildChild.request(dir, root));

        first.commit();
        second.commit();

        assertThat(dir.resolve("target/switchboard/registry.previous.json")).hasBinaryContent(before);
    }

    @Test
    @DisplayName("two threads building different registries at once, 12 times each: previous is always the registry"
            + " in force before the last write")
    void differentRegistriesInThreads() throws Exception {
        Path rootA = dir.resolve("a/proto");
        Path rootB = dir.resolve("b/proto");
        Set<String> built = Collections.synchronizedSet(new HashSet<>());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<List<Pair>> sampler = pool.submit(() -> sample(dir, running));
            List<Future<?>> writers = new ArrayList<>();
            for (String label : List.of("a", "b")) {
                Path root = label.equals("a") ? rootA : rootB;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 12; i++) {
                        RegistryBuildChild.writeService(root, label, i);
                        built.add(new RegistryBuilder()
                                .build(RegistryBuildChild.request(dir, root))
                                .fingerprint());
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
            running.set(false);

            assertChain(sampler.get(), built);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("two processes building the same new inputs at once keep the registry in force before them as"
            + " previous; building different registries, previous is always the one in force before")
    void processes() throws Exception {
        for (int round = 0; round < 2; round++) {
            Path base = dir.resolve("same" + round);
            Path root = base.resolve("src/main/proto");
            byte[] before = firstRegistry(base, root);
            Files.writeString(root.resolve("user.proto"), USER_V2);
            Path go = base.resolve("go");
            try (ChildJvm one = child(base, root, 1, go, "-");
                    ChildJvm two = child(base, root, 1, go, "-")) {
                one.awaitLine("ready", Duration.ofMinutes(1));
                two.awaitLine("ready", Duration.ofMinutes(1));
                Files.createFile(go);
                one.awaitSuccess(Duration.ofMinutes(2));
                two.awaitSuccess(Duration.ofMinutes(2));
            }
            assertThat(base.resolve("target/switchboard/registry.previous.json"))
                    .as("round %d", round)
                    .hasBinaryContent(before);
        }

        Path go = dir.resolve("go");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ChildJvm a = child(dir, dir.resolve("a/proto"), 8, go, "a");
                ChildJvm b = child(dir, dir.resolve("b/proto"), 8, go, "b")) {
            a.awaitLine("ready", Duration.ofMinutes(1));
            b.awaitLine("ready", Duration.ofMinutes(1));
            Future<List<Pair>> sampler = pool.submit(() -> sample(dir, running));
            Files.createFile(go);
            a.awaitSuccess(Duration.ofMinutes(3));
            b.awaitSuccess(Duration.ofMinutes(3));
            running.set(false);
            Set<String> built = new HashSet<>();
            for (ChildJvm child : List.of(a, b)) {
                child.output()
                        .lines()
                        .filter(l -> l.startsWith("built "))
                        .forEach(l -> built.add(l.substring("built ".length())));
            }

            assertThat(built).hasSize(16);
            assertChain(sampler.get(), built);
        } finally {
            pool.shutdownNow();
        }
    }

    private static ChildJvm child(Path base, Path root, int builds, Path go, String label) {
        return ChildJvm.start(
                RegistryBuildChild.class,
                base.toString(),
                root.toString(),
                Integer.toString(builds),
                go.toString(),
                label);
    }

    /** Builds the project's first registry and returns its bytes. */
    private static byte[] firstRegistry(Path base, Path root) throws Exception {
        Files.createDirectories(root);
        Files.writeString(root.resolve("user.proto"), USER);
        new RegistryBuilder().build(RegistryBuildChild.request(base, root));
        return Files.readAllBytes(base.resolve("target/switchboard/registry.json"));
    }

    /** Reads the pair under the lock, as often as it can, until told to stop; each change of it once. */
    private static List<Pair> sample(Path base, AtomicBoolean running) throws Exception {
        Path registry = base.resolve("target/switchboard/registry.json");
        Path previous = base.resolve("target/switchboard/registry.previous.json");
        List<Pair> seen = new ArrayList<>();
        while (running.get()) {
            try (RegistryLock lock = RegistryLock.acquire(base.resolve("target/switchboard"))) {
                if (Files.isRegularFile(previous)) {
                    Pair pair = new Pair(
                            RegistryCodec.readFingerprint(previous).orElseThrow(),
                            RegistryCodec.readFingerprint(registry).orElseThrow());
                    if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(pair)) {
                        seen.add(pair);
                    }
                }
            }
            Thread.sleep(1);
        }
        return seen;
    }

    /**
     * Each registry the sampler saw come into force names as previous the one it saw in force just
     * before, or one it never saw in force (written and replaced between two samples); never the same
     * registry, never one that came into force earlier still.
     */
    private static void assertChain(List<Pair> seen, Set<String> built) {
        assertThat(seen).as("pairs sampled").hasSizeGreaterThan(1);
        Set<String> inForce = new HashSet<>();
        seen.forEach(p -> inForce.add(p.current()));
        for (int i = 0; i < seen.size(); i++) {
            Pair pair = seen.get(i);
            assertThat(pair.previous())
                    .as("sample %d: previous differs from current", i)
                    .isNotEqualTo(pair.current());
            assertThat(built).as("sample %d: current was built", i).contains(pair.current());
            if (i > 0 && !seen.get(i - 1).current().equals(pair.current())) {
                String before = seen.get(i - 1).current();
                assertThat(pair.previous().equals(before)
                                || (built.contains(pair.previous()) && !inForce.contains(pair.previous())))
                        .as(
                                "sample %d: %s came after %s but names %s as previous",
                                i, pair.current(), before, pair.previous())
                        .isTrue();
            }
        }
    }
}

package dev.switchboard.runtime.live;

import static dev.switchboard.runtime.testing.FileEdits.await;
import static dev.switchboard.runtime.testing.FileEdits.replace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.testing.BadRegistries;
import dev.switchboard.runtime.testing.LogCapture;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LiveRegistryTest {
    private static final Duration POLL = Duration.ofMillis(200);

    @TempDir
    Path dir;

    /**
     * Version {@code v} of the registry has {@code v % 7 + 1} services, each described "v&lt;v&gt;": a
     * reader can tell a whole registry from a mix of two or a cut-off one.
     */
    private static Registry version(int v) {
        List<ServiceEntry> services = new ArrayList<>();
        for (int i = 0; i <= v % 7; i++) {
            services.add(ServiceEntry.builder("svc" + i, ServiceKind.HTTP)
                    .description("v" + v)
                    .build());
        }
        return Registry.of("fp" + v, services);
    }

    private static int versionOf(Registry r) {
        return Integer.parseInt(r.fingerprint().substring(2));
    }

    private static byte[] json(Registry r) {
        return RegistryCodec.writeBytes(r, RegistryFormat.JSON);
    }

    @Test
    void tenThousandRewritesSomeCorruptNeverShowAPartialRegistryAndEndOnTheLastGoodOne() throws Exception {
        Path file = dir.resolve("registry.json");
        Files.write(file, json(version(0)));
        Random random = new Random(42);
        List<Integer> good = new CopyOnWriteArrayList<>(List.of(0));
        AtomicReference<String> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong reads = new AtomicLong();
        AtomicLong corruptWrites = new AtomicLong();
        try (LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL)) {
            AtomicLong swaps = new AtomicLong();
            live.addListener(change -> swaps.incrementAndGet());
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Thread reader = new Thread(() -> {
                    int last = -1;
                    while (!done.get() && failure.get() == null) {
                        Registry r = live.current();
                        String problem = problem(r, good, last);
                        if (problem != null) {
                            failure.compareAndSet(null, problem);
                        }
                        last = versionOf(r);
                        reads.incrementAndGet();
                        Thread.yield();
                    }
                });
                reader.start();
                readers.add(reader);
            }
            for (int v = 1; v <= 10_000; v++) {
                byte[] content = json(version(v));
                int kind = random.nextInt(10);
                if (kind == 0) {
                    // truncated in place: a writer that died half-way
                    Files.write(file, java.util.Arrays.copyOf(content, random.nextInt(content.length - 1)));
                    corruptWrites.incrementAndGet();
                } else if (kind == 1) {
                    Files.write(
                            file,
                            ("{\"schemaVersion\": 1, \"services\": [ {\"name\": \"v" + v + "\"")
                                    .getBytes(StandardCharsets.UTF_8));
                    corruptWrites.incrementAndGet();
                } else {
                    good.add(v);
                    if (kind < 5) {
                        Files.write(file, content); // in place: readers of the file may catch it half-written
                    } else {
                        replace(file, content);
                    }
                }
            }
            // Whatever the burst ended on, a good write is served, and a corrupt one after it is not.
            byte[] finalGood = json(version(10_001));
            good.add(10_001);
            replace(file, finalGood);
            await(() -> versionOf(live.current()) == 10_001, "the last good version is served");
            Files.write(file, "{ \"schemaVersion\": 1, \"services\": [".getBytes(StandardCharsets.UTF_8));
            Thread.sleep(3 * POLL.toMillis());
            done.set(true);
            for (Thread reader : readers) {
                reader.join();
            }
            assertThat(failure.get()).as("what a reader saw").isNull();
            assertThat(versionOf(live.current())).isEqualTo(10_001);
            assertThat(reads.get()).isGreaterThan(10_000);
            assertThat(corruptWrites.get()).isGreaterThan(1_000);
            assertThat(swaps.get()).as("registries swapped in during the burst").isPositive();
        }
    }

    /** Why a reader must not have seen {@code r}, or null. */
    private static String problem(Registry r, List<Integer> good, int last) {
        int v = versionOf(r);
        if (r.services().size() != v % 7 + 1) {
            return "version " + v + " with " + r.services().size() + " services";
        }
        for (ServiceEntry s : r.services()) {
            if (!s.description().equals("v" + v)) {
                return "version " + v + " holds a service of " + s.description();
            }
        }
        if (!good.contains(v)) {
            return "version " + v + " was never written whole";
        }
        return v < last ? "version " + v + " after " + last : null;
    }

    @Test
    void aReloadTellsListenersWhatWasAddedRemovedAndChanged() throws Exception {
        Path file = dir.resolve("registry.json");
        Registry before = Registry.of(
                "a",
                List.of(
                        ServiceEntry.builder("keep", ServiceKind.HTTP).build(),
                        ServiceEntry.builder("change", ServiceKind.HTTP)
                                .description("old")
                                .build(),
                        ServiceEntry.builder("drop", ServiceKind.HTTP).build()));
        Registry after = Registry.of(
                "b",
                List.of(
                        ServiceEntry.builder("keep", ServiceKind.HTTP).build(),
                        ServiceEntry.builder("change", ServiceKind.HTTP)
                                .description("new")
                                .build(),
                        ServiceEntry.builder("new", ServiceKind.HTTP).build()));
        Files.write(file, json(before));
        List<RegistryChange> changes = new CopyOnWriteArrayList<>();
        try (LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL)) {
            live.addListener(changes::add);
            replace(file, json(after));
            await(() -> !changes.isEmpty(), "a change is reported");
            RegistryChange change = changes.get(0);
            assertThat(change.added()).containsExactly("new");
            assertThat(change.removed()).containsExactly("drop");
            assertThat(change.changed()).containsExactly("change");
            assertThat(change.current()).isEqualTo(live.current()).isEqualTo(after);
        }
    }

    @Test
    void aFileThatIsMissingAtStartFallsBackToTheBundledRegistryAndIsPickedUpWhenItAppears() throws Exception {
        Path file = dir.resolve("later.json");
        try (LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), false, POLL)) {
            // The test class path bundles no registry: the fallback is empty.
            assertThat(live.current().services()).isEmpty();
            replace(file, json(version(3)));
            await(() -> live.current().services().size() == 4, "the new file is served");
        }
    }

    @Test
    void failFastRefusesAMissingOrInvalidFileNamingItAndTheReason() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> LiveRegistry.watching(missing, getClass().getClassLoader(), true, POLL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist")
                .hasMessageContaining("failFast");
        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, "{\"schemaVersion\": 1, \"services\": [{\"name\": \"a\"}]}");
        assertThatThrownBy(() -> LiveRegistry.watching(invalid, getClass().getClassLoader(), true, POLL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid.json")
                .hasMessageContaining("\"kind\"");
    }

    @Test
    void aDuplicateServiceNameIsInvalidAndKeepsTheLastGoodRegistry() throws Exception {
        Path file = dir.resolve("registry.yaml");
        Files.writeString(file, "schemaVersion: 1\nservices:\n  - name: a\n    kind: http\n");
        try (LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL)) {
            assertThat(live.current().services()).extracting(ServiceEntry::name).containsExactly("a");
            replace(
                    file,
                    "schemaVersion: 1\nservices:\n  - name: b\n    kind: http\n  - name: b\n    kind: http\n"
                            .getBytes(StandardCharsets.UTF_8));
            Thread.sleep(3 * POLL.toMillis());
            assertThat(live.current().services()).extracting(ServiceEntry::name).containsExactly("a");
            replace(
                    file,
                    "schemaVersion: 1\nservices:\n  - name: c\n    kind: http\n".getBytes(StandardCharsets.UTF_8));
            await(() -> live.current().service("c").isPresent(), "the next good write is served");
        }
    }

    private static final String IGNORING = "switchboard: ignoring the new content of the registry file: ";

    static List<BadRegistries.Case> badRegistries() {
        return BadRegistries.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegistries")
    @DisplayName("an invalid write is logged in one line in the file's terms, and the last good registry stays")
    void anInvalidWriteIsLoggedInTheFilesTermsAndTheLastGoodRegistryStays(BadRegistries.Case bad) throws Exception {
        Path file = dir.resolve(bad.fileName());
        RegistryFormat format = RegistryFormat.of(file);
        Files.write(file, RegistryCodec.writeBytes(version(1), format));
        try (LogCapture log = LogCapture.start();
                LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL)) {
            replace(file, bad.content());
            await(() -> !log.messages(Level.WARNING, IGNORING).isEmpty(), "the invalid write is logged");

            assertThat(log.messages(Level.WARNING, IGNORING))
                    .containsExactly(IGNORING + bad.messageFor(file.toString())
                            + "; keeping the registry in force (2 services, fingerprint fp1)");
            assertThat(log.at(Level.WARNING))
                    .allSatisfy(r -> assertThat(r.getThrown())
                            .as("a stack trace at WARNING")
                            .isNull());
            assertThat(live.current()).isEqualTo(version(1));

            replace(file, RegistryCodec.writeBytes(version(2), format));
            await(() -> versionOf(live.current()) == 2, "the next good write is served");
        }
    }

    @Test
    @DisplayName("a sparse file of 3 GiB is refused from its size without being read, and a later good write is served")
    void aHugeFileIsRefusedBeforeItIsReadAndTheNextGoodWriteIsServed() throws Exception {
        Path file = dir.resolve("registry.json");
        Files.write(file, json(version(0)));
        try (LogCapture log = LogCapture.start();
                LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL)) {
            long start = System.nanoTime();
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(3L << 30);
            }
            String refused = "switchboard: ignoring the registry file: ";
            await(() -> !log.messages(Level.WARNING, refused).isEmpty(), "the huge file is refused");

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(log.messages(Level.WARNING, refused))
                    .containsExactly(refused + file + ": the file is 3 GiB (3221225472 bytes), more than the"
                            + " 64 MiB (67108864 bytes) a registry file may have; if it is meant to be that big,"
                            + " raise the cap with -Dswitchboard.registry.maxBytes=<bytes>,"
                            + " SWITCHBOARD_REGISTRY_MAXBYTES or registryMaxBytes(…) on the builder; keeping the"
                            + " registry in force (1 services, fingerprint fp0)");
            assertThat(live.current()).isEqualTo(version(0));

            replace(file, json(version(5)));
            await(() -> versionOf(live.current()) == 5, "the good write after the huge file is served");
        }
    }

    @Test
    @DisplayName("a file over a smaller cap is refused at start, with its size, when failFast is set")
    void aFileOverTheCapIsRefusedAtStart() throws Exception {
        Path file = dir.resolve("registry.json");
        byte[] content = json(version(3));
        Files.write(file, content);

        assertThatThrownBy(() -> LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL, 100))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("switchboard: cannot use the registry file " + file + ": " + file + ": the file is "
                        + content.length + " bytes, more than the 100 bytes a registry file may have; if it is"
                        + " meant to be that big, raise the cap with -Dswitchboard.registry.maxBytes=<bytes>,"
                        + " SWITCHBOARD_REGISTRY_MAXBYTES or registryMaxBytes(…) on the builder (failFast is set,"
                        + " so the bundled registry is not used instead)");
        assertThatThrownBy(() -> LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the registry's maxBytes is 0; give 1 to 1073741824 (67108864 by default)");
    }

    @Test
    @DisplayName("a failure of any kind while watching, an Error too, is logged in one line and watching goes on")
    void theWatchThreadSurvivesAnErrorAndLaterChangesAreServed() throws Exception {
        Path file = dir.resolve("registry.json");
        Files.write(file, json(version(0)));
        AtomicBoolean failNext = new AtomicBoolean();
        LiveRegistry.FileReading failingOnce = (f, max) -> {
            if (failNext.getAndSet(false)) {
                throw new OutOfMemoryError("simulated");
            }
            return LiveRegistry.readCapped(f, max);
        };
        try (LogCapture log = LogCapture.start();
                LiveRegistry live = LiveRegistry.watching(
                        file, getClass().getClassLoader(), true, POLL, LiveRegistry.DEFAULT_MAX_BYTES, failingOnce)) {
            failNext.set(true);
            replace(file, json(version(1)));
            String failed = "switchboard: watching " + file + " failed";
            await(() -> !log.messages(Level.WARNING, failed).isEmpty(), "the failure is logged");
            replace(file, json(version(2)));
            await(() -> versionOf(live.current()) == 2, "a change after the failure is served");

            assertThat(log.messages(Level.WARNING, failed))
                    .containsExactly(failed + " (java.lang.OutOfMemoryError: simulated); keeping the registry in"
                            + " force (1 services, fingerprint fp0), and the file is still watched (the stack trace is"
                            + " logged at DEBUG/FINE)");
            assertThat(log.at(Level.WARNING))
                    .allSatisfy(r -> assertThat(r.getThrown()).isNull());
            assertThat(log.at(Level.FINE))
                    .filteredOn(r -> r.getThrown() != null)
                    .singleElement()
                    .satisfies(r -> assertThat(r.getThrown()).isInstanceOf(OutOfMemoryError.class));
        }
    }

    @Test
    @DisplayName(
            "a directory put where the file was is refused, naming it, and the file is served again when it returns")
    void aDirectoryInPlaceOfTheFileIsRefused() throws Exception {
        Path file = dir.resolve("registry.json");
        Files.write(file, json(version(0)));
        try (LogCapture log = LogCapture.start();
                LiveRegistry live = LiveRegistry.watching(file, getClass().getClassLoader(), true, POLL)) {
            Files.delete(file);
            Files.createDirectory(file);
            String refused = "switchboard: ignoring the registry file: ";
            await(() -> !log.messages(Level.WARNING, refused).isEmpty(), "the directory is refused");

            assertThat(log.messages(Level.WARNING, refused))
                    .containsExactly(refused + file + ": is a directory, not a registry file; point"
                            + " switchboard.registry.file (or registryFile(…) on the builder) at the file itself;"
                            + " keeping the registry in force (1 services, fingerprint fp0)");
            assertThat(live.current()).isEqualTo(version(0));

            Files.delete(file);
            replace(file, json(version(4)));
            await(() -> versionOf(live.current()) == 4, "the file is served again");
        }
    }
}

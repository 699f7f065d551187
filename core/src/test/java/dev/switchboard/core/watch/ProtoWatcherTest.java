package dev.switchboard.core.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real files, the real watcher; every wait is bounded and none of them is asserted on. */
class ProtoWatcherTest {
    /** Far above what a rebuild waits on an idle machine; only a failing test waits this long. */
    static final long WAIT_SECONDS = 10;

    @TempDir
    Path dir;

    private final BlockingQueue<Set<Path>> rebuilds = new LinkedBlockingQueue<>();

    private Path root() {
        return dir.resolve("src/main/proto");
    }

    private Path write(Path file, String text) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private ProtoWatcher watch(Duration debounce, List<Path> files) throws Exception {
        WatchRequest request = new WatchRequest(List.of(new WatchRequest.Tree(root(), ".proto")), files, debounce);
        return ProtoWatcher.start(request, rebuilds::add);
    }

    private Set<Path> nextRebuild() throws InterruptedException {
        Set<Path> changed = rebuilds.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(changed).as("a rebuild within %d s", WAIT_SECONDS).isNotNull();
        return changed;
    }

    @Test
    @DisplayName("an edit to a proto is picked up and rebuilds with the changed file")
    void editIsPickedUp() throws Exception {
        Path user = write(root().resolve("acme/user.proto"), "syntax = \"proto3\";\n");
        try (ProtoWatcher watcher = watch(Duration.ofMillis(50), List.of())) {
            assertThat(watcher.watched()).containsExactly(root());
            write(user, "syntax = \"proto3\";\npackage acme;\n");

            assertThat(nextRebuild()).containsExactly(user);
        }
    }

    @Test
    @DisplayName("a burst of 50 writes to 5 files gives exactly one rebuild, and the next change one more")
    void burstGivesOneRebuild() throws Exception {
        List<Path> protos = List.of("a", "b", "c", "d", "e").stream()
                .map(n -> root().resolve("burst/" + n + ".proto"))
                .toList();
        for (Path p : protos) {
            write(p, "syntax = \"proto3\";\n");
        }
        // A long quiet period, so the burst fits inside it even on a busy machine.
        try (ProtoWatcher watcher = watch(Duration.ofSeconds(1), List.of())) {
            for (int i = 0; i < 50; i++) {
                write(protos.get(i % protos.size()), "syntax = \"proto3\";\n// edit " + i + "\n");
            }
            assertThat(nextRebuild()).containsExactlyInAnyOrderElementsOf(protos);

            // Had the burst leaked into a second rebuild, it would come before this one or inside it.
            Path sentinel = write(root().resolve("sentinel.proto"), "syntax = \"proto3\";\n");
            assertThat(nextRebuild()).containsExactly(sentinel);
            assertThat(rebuilds).isEmpty();
        }
    }

    @Test
    @DisplayName("swap files and other suffixes rebuild nothing; a single watched file does, through its directory")
    void onlyRelevantFilesCount() throws Exception {
        Files.createDirectories(root());
        Path rules = write(dir.resolve("rules.yaml"), "rules: []\n");
        try (ProtoWatcher watcher = watch(Duration.ofMillis(200), List.of(rules))) {
            assertThat(watcher.watched()).containsExactly(root(), dir);
            write(root().resolve(".user.proto.swp"), "x");
            write(root().resolve("notes.txt"), "x");
            write(dir.resolve("pom.xml"), "<project/>");
            write(dir.resolve("target/generated.proto"), "x");
            write(rules, "rules: [ ]\n");

            assertThat(nextRebuild()).containsExactly(rules);
        }
    }

    @Test
    @DisplayName("a directory created inside a proto root is watched, with the files written into it")
    void newDirectoriesAreWatched() throws Exception {
        Files.createDirectories(root());
        try (ProtoWatcher watcher = watch(Duration.ofMillis(50), List.of())) {
            Path created = write(root().resolve("acme/billing/v1/billing.proto"), "syntax = \"proto3\";\n");
            Set<Path> changed = nextRebuild();
            // The new directory's own event may come in a rebuild of its own before the file's.
            while (!changed.contains(created)) {
                changed = nextRebuild();
            }
            Path later = write(created.resolveSibling("invoice.proto"), "syntax = \"proto3\";\n");

            assertThat(nextRebuild()).containsExactly(later);
        }
    }

    @Test
    @DisplayName("a missing proto root is reported, and with nothing at all to watch start fails naming it")
    void missingRoots() throws Exception {
        Path other = Files.createDirectories(dir.resolve("api"));
        WatchRequest request = new WatchRequest(
                List.of(new WatchRequest.Tree(root(), ".proto"), new WatchRequest.Tree(other, ".proto")),
                List.of(),
                Duration.ofMillis(50));
        try (ProtoWatcher watcher = ProtoWatcher.start(request, rebuilds::add)) {
            assertThat(watcher.missing()).containsExactly(root());
            assertThat(watcher.watched()).containsExactly(other);
        }

        assertThatThrownBy(() -> watch(Duration.ofMillis(50), List.of()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining(root().toString())
                .hasMessageContaining("nothing to watch");
    }
}

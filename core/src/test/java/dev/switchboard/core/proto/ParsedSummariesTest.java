package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.switchboard.core.diag.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParsedSummariesTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("what the cache writes of the parse summaries reads back equal, warnings with and without a fix"
            + " included")
    void roundTrip() throws Exception {
        FileSummary full = new FileSummary(
                List.of("a/b.proto", "google/api/annotations.proto"),
                List.of(
                        new FileSummary.Definition("service", "acme.v1.Users", 7, 1),
                        new FileSummary.Definition("type", "acme.v1.User", 12, 1)),
                List.of("acme.v1.User.Address", "acme.v1.User.Address.Line"),
                List.of(
                        new Problem("src/main/proto/a.proto", 3, 5, "an \"odd\" thing, with ünïcode", "do this"),
                        new Problem("src/main/proto/a.proto", 0, 0, "no place", null)));
        FileSummary empty = new FileSummary(List.of(), List.of(), List.of(), List.of());
        ProtoCache written = new ProtoCache(dir, "env");
        written.keepParsed("k1", full, false);
        written.keepParsed("k2", empty, false);
        Files.write(dir.resolve(ProtoCache.PARSED_FILE), written.parsedBytes());
        Files.write(dir.resolve(ProtoCache.FILE), written.bytes());

        ProtoCache read = new ProtoCache(dir, "env");
        assertThat(read.parsed("k1")).isEqualTo(full);
        assertThat(read.parsed("k1").typeNames())
                .containsExactly("acme.v1.User", "acme.v1.User.Address", "acme.v1.User.Address.Line");
        assertThat(read.parsed("k2")).isEqualTo(empty);
        assertThat(read.parsed("k3")).isNull();
    }

    @Test
    @DisplayName("a summaries file of another format or shape reads as empty: it only costs a full build")
    void otherFormatOrShape() throws Exception {
        for (String text : List.of(
                "{\"format\": 1, \"parsed\": {\"k1\": {\"imports\": []}}}",
                "{\"format\": 3, \"parsed\": {\"k1\": {\"definitions\": [[\"type\"]]}}}",
                "{\"format\": 3, \"parsed\": [1, 2]}",
                "[]",
                "{ not json")) {
            Files.writeString(dir.resolve(ProtoCache.PARSED_FILE), text);
            assertThat(new ProtoCache(dir, "env").parsed("k1")).as(text).isNull();
        }
    }

    @Test
    @DisplayName("the summaries are read and used while the services' file is still being read on a thread of its"
            + " own, which an edit of googleapis waited for")
    void summariesDoNotWaitForTheServices() throws Exception {
        FileSummary summary = new FileSummary(List.of(), List.of(), List.of("acme.v1.User.Address"), List.of());
        ProtoCache written = new ProtoCache(dir, "env");
        written.keepParsed("k1", summary, false);
        Files.write(dir.resolve(ProtoCache.PARSED_FILE), written.parsedBytes());
        CountDownLatch servicesRead = new CountDownLatch(1);
        ProtoCache cache = new ProtoCache(dir, "env", file -> {
            try {
                servicesRead.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("k1", List.of());
        });

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            cache.read();
            assertThat(cache.parsed("k1")).isEqualTo(summary);
        });
        servicesRead.countDown();
        assertThat(cache.get("k1")).isEmpty();
    }
}

package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The goal itself, configured as Maven would inject it, run on a thread of its own: it blocks until
 * interrupted, which is how a test (or an embedding tool) ends it; Ctrl-C goes through the shutdown hook.
 */
class WatchMojoTest {
    private static final String USER = """
            syntax = "proto3";
            package acme.user.v1;
            option java_package = "com.acme.user.v1";
            option java_multiple_files = true;
            service UserService {
              rpc GetUser(GetUserRequest) returns (User);
            }
            message GetUserRequest { string id = 1; }
            message User { string id = 1; }
            """;

    @TempDir
    Path dir;

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private WatchMojo mojo(long debounce) throws Exception {
        WatchMojo mojo = MojoHarness.configure(new WatchMojo(), dir);
        MojoHarness.set(mojo, "debounce", debounce);
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add("INFO " + content);
            }

            @Override
            public void warn(CharSequence content) {
                lines.add("WARN " + content);
            }

            @Override
            public void error(CharSequence content) {
                lines.add("ERROR " + content);
            }
        });
        return mojo;
    }

    private String next(String prefix) throws InterruptedException {
        while (true) {
            String line = lines.poll(10, TimeUnit.SECONDS);
            assertThat(line).as("a line starting with \"%s\"", prefix).isNotNull();
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    @Test
    @DisplayName("the goal generates, rebuilds on an edit with one line, and an interrupt ends it cleanly")
    void watchesUntilInterrupted() throws Exception {
        Path proto = dir.resolve("src/main/proto/acme/user/v1/user.proto");
        Files.createDirectories(proto.getParent());
        Files.writeString(proto, USER);
        WatchMojo mojo = mojo(50);
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread goal = new Thread(
                () -> {
                    try {
                        mojo.execute();
                    } catch (Exception e) {
                        failure.set(e);
                    }
                },
                "watch-goal");
        goal.start();
        try {
            assertThat(next("INFO switchboard: generated ServiceClients")).contains("1 service(s)");
            assertThat(next("INFO switchboard: watching"))
                    .isEqualTo("INFO switchboard: watching src/main/proto (debounce 50 ms); press Ctrl-C to stop");

            Files.writeString(
                    proto,
                    USER.replace("rpc GetUser", "rpc DeleteUser(GetUserRequest) returns (User);\n  rpc GetUser"));
            assertThat(next("INFO switchboard: watch:"))
                    .startsWith("INFO switchboard: watch: +method user.DeleteUser, ");
            assertThat(Files.readString(
                            dir.resolve("target/generated-resources/switchboard/META-INF/switchboard/registry.json")))
                    .contains("DeleteUser");
        } finally {
            goal.interrupt();
            goal.join(TimeUnit.SECONDS.toMillis(10));
        }
        assertThat(goal.isAlive()).as("the goal returned after the interrupt").isFalse();
        assertThat(failure.get()).isNull();
        assertThat(next("INFO switchboard: watch stopped")).isNotNull();
    }

    @Test
    @DisplayName("a negative debounce fails naming the parameter and the property")
    void negativeDebounce() throws Exception {
        WatchMojo mojo = mojo(-1);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<debounce>: -1 is negative")
                .hasMessageContaining("-Dswitchboard.watch.debounce=300");
    }

    @Test
    @DisplayName("with no proto root to watch the goal fails naming it and the parameter to set")
    void nothingToWatch() throws Exception {
        WatchMojo mojo = mojo(50);

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining(new File("src/main/proto").getPath())
                .hasMessageContaining("<protoSourceRoots>");
    }
}

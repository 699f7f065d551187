package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands that write: generate, rollback and watch, each on a project of its own. */
class LifecycleIT {
    private static final String DELETE_USER = """
              rpc DeleteUser(DeleteUserRequest) returns (DeleteUserResponse) {
                option (google.api.http) = { delete: "/v1/users/{id}" };
              }
            """;

    @TempDir
    Path project;

    @Test
    @DisplayName("generate writes the factory and prints the generated services; a second run rewrites nothing")
    void generate() {
        Sample.quickstart(project);
        String classpath = Sample.classpath();

        Cli.Result first = Cli.run(
                project,
                "generate",
                "--package",
                "com.acme.clients",
                "--class-name",
                "AcmeClients",
                "--classpath",
                classpath);
        Cli.Result second = Cli.run(
                project,
                "generate",
                "--package",
                "com.acme.clients",
                "--class-name",
                "AcmeClients",
                "--classpath",
                classpath);
        Cli.Result selected = Cli.run(
                project,
                "generate",
                "--package",
                "com.acme.clients",
                "--class-name",
                "AcmeClients",
                "--services",
                "user,billing",
                "--classpath",
                classpath);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(first.exit()).as(first.toString()).isZero();
        Golden.assertMatches("generate.txt", first.stdout());
        soft.assertThat(first.stderr()).contains("switchboard: generated AcmeClients with 4 service(s): ");
        soft.assertThat(project.resolve("target/generated-sources/switchboard/com/acme/clients/AcmeClients.java"))
                .exists();
        soft.assertThat(project.resolve("target/generated-resources/switchboard/META-INF/switchboard/registry.json"))
                .exists();
        soft.assertThat(second.stdout()).isEqualTo(first.stdout());
        soft.assertThat(second.stderr()).contains("switchboard: generated sources are up to date, nothing rewritten");
        soft.assertThat(selected.exit()).as(selected.toString()).isZero();
        Golden.assertMatches("generate-selected.txt", selected.stdout());
        soft.assertThat(selected.stderr()).contains("switchboard: selected 2 service(s) by --services user,billing");
        soft.assertAll();
    }

    @Test
    @DisplayName("rollback restores the previous registry and regenerates from it; a second rollback undoes it")
    void rollback() throws IOException {
        Sample.quickstart(project);
        String classpath = Sample.classpath();
        assertThat(Cli.run(project, "generate", "--classpath", classpath).exit())
                .isZero();
        byte[] withDelete = Files.readAllBytes(project.resolve("target/switchboard/registry.json"));
        Path user = project.resolve("src/main/proto/acme/user/v1/user.proto");
        Files.writeString(user, Files.readString(user).replace(DELETE_USER, ""));
        assertThat(Cli.run(project, "generate", "--classpath", classpath).exit())
                .isZero();
        byte[] withoutDelete = Files.readAllBytes(project.resolve("target/switchboard/registry.json"));

        Cli.Result back = Cli.run(project, "rollback", "--classpath", classpath);

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(back.exit()).as(back.toString()).isZero();
        Golden.assertMatches("rollback.txt", back.stdout());
        soft.assertThat(back.stderr())
                .contains("switchboard: restored target/switchboard/registry.json from registry.previous.json");
        soft.assertThat(project.resolve("target/switchboard/registry.json")).hasBinaryContent(withDelete);
        soft.assertThat(project.resolve("target/switchboard/registry.previous.json"))
                .hasBinaryContent(withoutDelete);
        soft.assertThat(Files.readString(
                        project.resolve("target/generated-resources/switchboard/META-INF/switchboard/registry.json")))
                .as("the outputs are generated from the restored registry, which has user.DeleteUser")
                .contains("\"DeleteUser\"");
        soft.assertAll();
    }

    @Test
    @DisplayName(
            "watch regenerates after an edit, reports a broken edit with its place, recovers, and stops on SIGTERM")
    void watch() throws Exception {
        Sample.quickstart(project);
        List<String> command = new ArrayList<>(List.of(
                Cli.java(),
                "-jar",
                Cli.JAR.toString(),
                "watch",
                "--debounce",
                "100",
                "--classpath",
                Sample.classpath()));
        Process process =
                new ProcessBuilder(command).directory(project.toFile()).start();
        process.getOutputStream().close();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader err =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line = err.readLine(); line != null; line = err.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e.getMessage());
            }
        });
        reader.start();
        CompletableFuture<String> stdout = Cli.read(process.getInputStream());
        List<String> seen = new ArrayList<>();
        try {
            await(lines, seen, "switchboard: watching src/main/proto");
            Path billing = project.resolve("src/main/proto/acme/billing/v1/billing.proto");
            String text = Files.readString(billing);
            Files.writeString(billing, text.replace("service BillingService {", """
                    service BillingService {
                      rpc RefundInvoice(GetInvoiceRequest) returns (Invoice);"""));
            await(lines, seen, "billing.RefundInvoice");
            Files.writeString(
                    billing, text.replace("service BillingService {", "service BillingService {\n  rpc Broken("));
            await(lines, seen, "src/main/proto/acme/billing/v1/billing.proto:");
            await(lines, seen, "the registry and generated sources were left as they were");
            Files.writeString(billing, text);
            await(lines, seen, "switchboard: watch: recovered");
            // SIGTERM, as a terminal's Ctrl-C ends the JVM through its shutdown hooks; the handle's destroy,
            // unlike the process's, leaves stderr open to read the last line.
            process.toHandle().destroy();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
            await(lines, seen, "switchboard: watch stopped");
            assertThat(stdout.get(10, TimeUnit.SECONDS))
                    .as("watch prints no data")
                    .isEmpty();
        } finally {
            process.destroyForcibly();
        }
    }

    /** Waits for a stderr line containing {@code fragment}, collecting the lines read meanwhile. */
    private static void await(BlockingQueue<String> lines, List<String> seen, String fragment)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null) {
                seen.add(line);
                if (line.contains(fragment)) {
                    return;
                }
            }
        }
        throw new AssertionError("no stderr line with \"" + fragment + "\"; saw:\n" + String.join("\n", seen));
    }
}

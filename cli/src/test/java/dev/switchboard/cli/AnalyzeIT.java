package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --factory-interface} on generate, and {@code analyze} on a compiled fixture with known calls. */
class AnalyzeIT {
    private static final String CLIENTS = """
            package com.acme;

            import software.amazon.awssdk.services.s3.S3Client;

            public interface Clients {
                S3Client storage();
            }
            """;

    private static final String APP = """
            package com.acme;

            import com.acme.clients.ServiceClients;
            import software.amazon.awssdk.services.s3.S3Client;

            public final class App {
                static void generated(ServiceClients clients) { clients.s3().listBuckets(); }

                static void legacy(Clients clients) { clients.storage().listBuckets(); }

                static void byHand() { S3Client.create().listBuckets(); }
            }
            """;

    @TempDir
    Path project;

    /** The AWS SDK jars of the test classpath, for discovery. */
    private static String awsClasspath() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("awssdk"))
                .reduce((a, b) -> a + File.pathSeparator + b)
                .orElseThrow();
    }

    private Cli.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--classpath", awsClasspath(), "--package", "com.acme.clients", "--services", "s3"));
        return Cli.run(project, all.toArray(String[]::new));
    }

    @Test
    @DisplayName("generate implements the interface from src/main/java, and analyze reports every call of the"
            + " compiled application by its way, as JSON on stdout")
    void generatesAndAnalyzes() throws Exception {
        Files.createDirectories(project.resolve("src/main/java/com/acme"));
        Files.writeString(project.resolve("src/main/java/com/acme/Clients.java"), CLIENTS);
        Files.writeString(project.resolve("src/main/java/com/acme/App.java"), APP);

        Cli.Result generate = run("generate", "--factory-interface", "com.acme.Clients");
        assertThat(generate.exit()).as(generate.toString()).isZero();
        assertThat(project.resolve("target/generated-sources/switchboard/com/acme/clients/ServiceClients.java"))
                .content()
                .contains("implements AutoCloseable, com.acme.Clients {", "public S3Client storage() {");
        compile();

        Cli.Result analyze = run("analyze", "--factory-interface", "com.acme.Clients", "--format", "json");

        assertThat(analyze.exit()).as(analyze.toString()).isZero();
        assertThat(analyze.stdout()).isEqualTo("""
                        {
                          "factory" : "com.acme.clients.ServiceClients",
                          "legacyInterface" : "com.acme.Clients",
                          "services" : [ {
                            "service" : "s3",
                            "selected" : true,
                            "generated" : [ "com.acme.App.generated" ],
                            "legacy" : [ "com.acme.App.legacy" ],
                            "handBuilt" : [ "com.acme.App.byHand" ]
                          } ],
                          "unused" : [ ],
                          "removableDependencies" : [ ]
                        }
                        """);
    }

    @Test
    @DisplayName("a misspelt --factory-interface fails naming the option, the nearest type and the fix")
    void misspeltInterface() throws Exception {
        Files.createDirectories(project.resolve("src/main/java/com/acme"));
        Files.writeString(project.resolve("src/main/java/com/acme/Clients.java"), CLIENTS);

        Cli.Result generate = run("generate", "--factory-interface", "com.acme.Clents");

        assertThat(generate.exit()).isEqualTo(2);
        assertThat(generate.stdout()).isEmpty();
        assertThat(generate.stderr())
                .contains("--factory-interface: \"com.acme.Clents\" is in neither the project's sources"
                        + " (src/main/java) nor its dependencies (nearest: com.acme.Clients); give the fully"
                        + " qualified name of the interface, or add the dependency that holds it")
                .doesNotContain("Exception", "\tat ");
    }

    /** Compiles the application and the generated sources into target/classes, as the build would. */
    private void compile() throws Exception {
        List<String> files = new ArrayList<>();
        for (String root : List.of("src/main/java", "target/generated-sources/switchboard")) {
            try (Stream<Path> walk = Files.walk(project.resolve(root))) {
                walk.filter(f -> f.toString().endsWith(".java")).forEach(f -> files.add(f.toString()));
            }
        }
        List<String> args = new ArrayList<>(List.of(
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                project.resolve("target/classes").toString(),
                "-proc:none"));
        args.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, args.toArray(String[]::new))).isZero();
    }
}

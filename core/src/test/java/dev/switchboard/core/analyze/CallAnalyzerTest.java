package dev.switchboard.core.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.SourceGenerator;
import dev.switchboard.core.testing.Javac;
import dev.switchboard.core.testing.ProtoProject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CallAnalyzerTest {
    private static final String CLIENTS = """
            package com.acme;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            public interface Clients {
                S3Client storage();

                DynamoDbClient dynamoDb();
            }
            """;

    private static final String LEGACY = """
            package com.acme;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            public final class LegacyClients implements Clients {
                public S3Client storage() { return S3Client.builder().build(); }
                public DynamoDbClient dynamoDb() { return DynamoDbClient.create(); }
            }
            """;

    /** Every way there is: generated accessor, by name, in a lambda, through the interface, by hand. */
    private static final String APP = """
            package com.acme;

            import com.acme.switchboard.ServiceClients;
            import java.util.function.Supplier;
            import software.amazon.awssdk.services.s3.S3AsyncClient;

            public final class App {
                private final ServiceClients generated;
                private final Clients clients;

                App(ServiceClients generated, Clients clients) {
                    this.generated = generated;
                    this.clients = clients;
                }

                void upload() { generated.s3().listBuckets(); }

                Object byName() { return generated.client("dynamodb"); }

                Supplier<Object> later() { return () -> generated.storage(); }

                void orders() { clients.dynamoDb().listTables(); }

                void list() { clients.storage().listBuckets(); }

                static void tools() { S3AsyncClient.create(); }
            }
            """;

    @TempDir
    Path dir;

    private GenerateRequest request;

    @BeforeEach
    void compileTheApplication() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .file("src/main/java/com/acme/Clients.java", CLIENTS)
                .withAws()
                .select("s3,dynamodb,sqs");
        request = GenerateRequest.builder(project.request())
                .packageName("com.acme.switchboard")
                .factoryInterface("com.acme.Clients")
                .build();
        new SourceGenerator().generate(request);
        Map<String, String> sources = read(request.sourceDirectory());
        sources.put("com/acme/Clients.java", CLIENTS);
        sources.put("com/acme/LegacyClients.java", LEGACY);
        sources.put("com/acme/App.java", APP);
        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        }
        return files;
    }

    @Test
    @DisplayName("the report names every call of the fixture by its way, the unused service, its module and the"
            + " selection to keep")
    void reportsKnownCallsExactly() throws Exception {
        MigrationReport report = CallAnalyzer.analyze(request, dir.resolve("javac/classes"));

        assertThat(report.table()).isEqualTo("""
                        SERVICE   SELECTED  GENERATED FACTORY    LEGACY INTERFACE     BUILT BY HAND
                        dynamodb  yes       com.acme.App.byName  com.acme.App.orders  com.acme.LegacyClients.dynamoDb
                        s3        yes       com.acme.App.later   com.acme.App.list    com.acme.App.tools
                                            com.acme.App.upload                       com.acme.LegacyClients.storage
                        sqs       yes       -                    -                    -

                        unused selected services: sqs
                        dependencies only they need, which can be removed:
                          <dependency><groupId>software.amazon.awssdk</groupId><artifactId>sqs</artifactId></dependency>
                        select only what is called: <services>dynamodb,s3</services> (or -Dswitchboard.services=dynamodb,s3, or a profile with these services)
                        """);
        assertThat(report.json())
                .contains("\"factory\" : \"com.acme.switchboard.ServiceClients\"")
                .contains("\"legacyInterface\" : \"com.acme.Clients\"")
                .contains("\"removableDependencies\" : [ \"software.amazon.awssdk:sqs\" ]")
                .contains("\"selection\" : \"dynamodb,s3\"");
    }

    @Test
    @DisplayName("without compiled classes the report fails naming the directory and the command that makes them")
    void needsCompiledClasses() {
        assertThatThrownBy(() -> CallAnalyzer.analyze(request, dir.resolve("p/target/classes")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(
                        "target/classes: does not exist, so there are no compiled classes to analyze; compile first:"
                                + " mvn compile switchboard:analyze");
    }

    @Test
    @DisplayName("a class file that cannot be read fails naming the file, its version and what to do")
    void unreadableClassFile() throws Exception {
        Path classes = dir.resolve("unreadable/classes");
        Files.createDirectories(classes.resolve("com/acme"));
        // The magic number and version 99, which no JDK writes yet, then nothing.
        Files.write(
                classes.resolve("com/acme/Future.class"),
                new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 99});

        assertThatThrownBy(() -> CallAnalyzer.analyze(request, classes))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("com/acme/Future.class: this class file cannot be read (class file major"
                        + " version 99, or damaged; switchboard reads up to 72, Java 28)")
                .hasMessageContaining("compile it with --release 28 or lower, or rebuild it (mvn clean compile)");
    }
}

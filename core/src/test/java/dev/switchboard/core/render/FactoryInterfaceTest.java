package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.migrate.FactoryInterface;
import dev.switchboard.core.testing.Javac;
import dev.switchboard.core.testing.ProtoProject;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <factoryInterface>}: the generated factory implements the team's interface, and switches between both. */
class FactoryInterfaceTest {
    static final String CLIENTS = """
            package com.acme;

            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.*;

            /** The hand-written factory's interface. */
            public interface Clients extends AutoCloseable {
                S3Client storage();

                DynamoDbClient dynamoDb();

                default String describe() {
                    return "clients";
                }

                static Clients none() {
                    return null;
                }
            }
            """;

    static final String LEGACY = """
            package com.acme;

            import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
            import software.amazon.awssdk.regions.Region;
            import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
            import software.amazon.awssdk.services.s3.S3Client;

            public final class LegacyClients implements Clients {
                final S3Client s3 = S3Client.builder()
                        .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
                final DynamoDbClient dynamo = DynamoDbClient.builder()
                        .region(Region.US_EAST_1).credentialsProvider(AnonymousCredentialsProvider.create()).build();
                public S3Client storage() { return s3; }
                public DynamoDbClient dynamoDb() { return dynamo; }
                public void close() { s3.close(); dynamo.close(); }
            }
            """;

    /** Says which factory each method of the switching class served: {@code legacy} or {@code generated}. */
    static final String PROBE = """
            package com.acme;

            import com.acme.switchboard.*;
            import java.util.function.Supplier;
            import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
            import software.amazon.awssdk.regions.Region;

            public final class Probe implements Supplier<String> {
                public static final Runnable[] BETWEEN = new Runnable[1];

                public String get() {
                    LegacyClients legacy = new LegacyClients();
                    try (ServiceClients generated = ServiceClients.builder()
                                    .region(Region.US_EAST_1).credentials(AnonymousCredentialsProvider.create()).build();
                            DynamicServiceClients dynamic = DynamicServiceClients.builder()
                                    .region(Region.US_EAST_1).credentials(AnonymousCredentialsProvider.create()).build()) {
                        Clients fixed = generated.migrating(legacy);
                        Clients live = dynamic.migrating(legacy);
                        String first = which(fixed.storage(), legacy.s3, generated.s3()) + ","
                                + which(fixed.dynamoDb(), legacy.dynamo, generated.dynamoDb()) + " "
                                + which(live.storage(), legacy.s3, dynamic.client("s3")) + ","
                                + which(live.dynamoDb(), legacy.dynamo, dynamic.client("dynamodb"));
                        BETWEEN[0].run();
                        return first + " then " + which(fixed.storage(), legacy.s3, generated.s3()) + ","
                                + which(fixed.dynamoDb(), legacy.dynamo, generated.dynamoDb()) + " "
                                + which(live.storage(), legacy.s3, dynamic.client("s3")) + ","
                                + which(live.dynamoDb(), legacy.dynamo, dynamic.client("dynamodb"))
                                + " " + generated.storage().equals(generated.s3());
                    } finally {
                        legacy.close();
                    }
                }

                private static String which(Object got, Object legacy, Object generated) {
                    return got == legacy ? "legacy" : got == generated ? "generated" : "neither";
                }
            }
            """;

    @TempDir
    Path dir;

    @AfterEach
    void clearProperties() {
        System.clearProperty("switchboard.factory");
        System.clearProperty("switchboard.factory.s3");
        System.clearProperty("switchboard.factory.dynamodb");
    }

    private ProtoProject project() {
        return new ProtoProject(dir.resolve("p"))
                .file("src/main/java/com/acme/Clients.java", CLIENTS)
                .withAws()
                .select("s3,dynamodb");
    }

    private GenerateRequest request(ProtoProject project, FactoryInterface factoryInterface) {
        return new GenerateRequest(
                project.request(),
                "com.acme.switchboard",
                "ServiceClients",
                dir.resolve("out/sources"),
                dir.resolve("out/resources"),
                null,
                List.of(),
                true,
                factoryInterface);
    }

    private GenerateRequest fromSources(ProtoProject project) {
        return GenerateRequest.builder(project.request())
                .packageName("com.acme.switchboard")
                .sourceDirectory(dir.resolve("out/sources"))
                .resourceDirectory(dir.resolve("out/resources"))
                .factoryInterface("com.acme.Clients")
                .build();
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
    @DisplayName("the factory implements the interface from src/main/java, delegating where the names differ")
    void implementsTheInterfaceFromSources() throws Exception {
        new SourceGenerator().generate(fromSources(project()));

        Map<String, String> sources = read(dir.resolve("out/sources"));
        String factory = sources.get("com/acme/switchboard/ServiceClients.java");
        assertThat(factory)
                .contains("public final class ServiceClients implements AutoCloseable, com.acme.Clients {")
                .contains("    @Override\n    public S3Client storage() {\n        return s3();\n    }")
                .contains("public MigratingServiceClients migrating(com.acme.Clients legacy)")
                .doesNotContain("public DynamoDbClient dynamoDb() {\n        return dynamoDb();")
                .doesNotContain("describe()", "none()");
        assertThat(sources.get("com/acme/switchboard/MigratingServiceClients.java"))
                .contains("public final class MigratingServiceClients implements com.acme.Clients {")
                .contains("return (choice.generated(\"s3\") ? generated : legacy).storage();")
                .contains("public void close() throws java.lang.Exception {");
        sources.put("com/acme/Clients.java", CLIENTS);
        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();
    }

    @Test
    @DisplayName("an interface's own close() keeps the exceptions it declares, and a nested interface is found"
            + " in its outer type's file")
    void closeWithItsExceptionsAndNestedInterface() throws Exception {
        String outer = """
                package com.acme;

                import java.io.IOException;
                import software.amazon.awssdk.services.s3.S3Client;

                public final class Outer {
                    public interface Clients extends java.io.Closeable {
                        S3Client s3();

                        @Override
                        void close() throws IOException;
                    }
                }
                """;
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .file("src/main/java/com/acme/Outer.java", outer)
                .withAws()
                .select("s3");

        new SourceGenerator()
                .generate(GenerateRequest.builder(project.request())
                        .packageName("com.acme.switchboard")
                        .sourceDirectory(dir.resolve("out/sources"))
                        .resourceDirectory(dir.resolve("out/resources"))
                        .factoryInterface("com.acme.Outer.Clients")
                        .build());

        Map<String, String> sources = read(dir.resolve("out/sources"));
        assertThat(sources.get("com/acme/switchboard/MigratingServiceClients.java"))
                .contains("public void close() throws java.io.IOException {");
        sources.put("com/acme/Outer.java", outer);
        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();
    }

    @Test
    @DisplayName("an interface that also returns an async client switches in the factory only, since the dynamic"
            + " wrapper serves synchronous clients")
    void asyncMethodsSwitchInTheFactoryOnly() throws Exception {
        String clients = """
                package com.acme;

                import software.amazon.awssdk.services.s3.S3AsyncClient;
                import software.amazon.awssdk.services.s3.S3Client;

                public interface Clients {
                    S3Client s3();

                    S3AsyncClient storageAsync();
                }
                """;
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .file("src/main/java/com/acme/Clients.java", clients)
                .withAws()
                .select("s3");

        new SourceGenerator().generate(fromSources(project));

        Map<String, String> sources = read(dir.resolve("out/sources"));
        assertThat(sources.get("com/acme/switchboard/ServiceClients.java"))
                .contains("public S3AsyncClient storageAsync() {\n        return s3Async();\n    }")
                .contains("public MigratingServiceClients migrating(com.acme.Clients legacy)");
        assertThat(sources.get("com/acme/switchboard/DynamicServiceClients.java"))
                .doesNotContain("migrating");
        sources.put("com/acme/Clients.java", clients);
        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();
    }

    @Test
    @DisplayName("the interface can come from the class files of a dependency's jar")
    void readsTheInterfaceFromAJar() throws Exception {
        assertThat(Javac.compile(dir.resolve("lib"), Map.of("com/acme/Clients.java", CLIENTS)))
                .isEmpty();
        Path jar = dir.resolve("legacy-clients.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("com/acme/Clients.class"));
            out.write(Files.readAllBytes(dir.resolve("lib/classes/com/acme/Clients.class")));
        }
        ProtoProject project = new ProtoProject(dir.resolve("p")).withAws().select("s3,dynamodb");

        new SourceGenerator()
                .generate(request(project, new FactoryInterface("com.acme.Clients", List.of(), List.of(jar))));

        assertThat(Files.readString(dir.resolve("out/sources/com/acme/switchboard/ServiceClients.java")))
                .contains("implements AutoCloseable, com.acme.Clients {", "public S3Client storage() {");
    }

    @Test
    @DisplayName("the switch sends every method to the legacy factory by default, to the generated one per"
            + " service or whole, and the dynamic wrapper's switch follows a property changed while it runs")
    void switchesWholeAndPerService() throws Exception {
        new SourceGenerator().generate(fromSources(project()));
        Map<String, String> sources = read(dir.resolve("out/sources"));
        sources.put("com/acme/Clients.java", CLIENTS);
        sources.put("com/acme/LegacyClients.java", LEGACY);
        sources.put("com/acme/Probe.java", PROBE);
        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();

        assertThat(probe(() -> System.setProperty("switchboard.factory.s3", "generated")))
                .isEqualTo("legacy,legacy legacy,legacy then legacy,legacy generated,legacy true");
        System.setProperty("switchboard.factory", "generated");
        assertThat(probe(() -> System.setProperty("switchboard.factory.dynamodb", "legacy")))
                .isEqualTo("generated,generated generated,generated then generated,generated generated,legacy true");
    }

    @SuppressWarnings("unchecked")
    private String probe(Runnable between) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {
                    dir.resolve("javac/classes").toUri().toURL(),
                    dir.resolve("out/resources").toUri().toURL()
                },
                getClass().getClassLoader())) {
            Class<?> probe = loader.loadClass("com.acme.Probe");
            ((Runnable[]) probe.getField("BETWEEN").get(null))[0] = between;
            return ((Supplier<String>) probe.getConstructor().newInstance()).get();
        }
    }
}

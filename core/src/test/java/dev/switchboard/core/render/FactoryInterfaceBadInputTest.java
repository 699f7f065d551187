package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.migrate.FactoryInterface;
import dev.switchboard.core.testing.Javac;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad {@code <factoryInterface>} inputs: each fails at its place ({@code file:line:col} of the method, or the
 * parameter) naming the method and what to add, and leaves every output of the earlier good run byte-identical.
 */
class FactoryInterfaceBadInputTest {
    private static final String FILE = "src/main/java/com/acme/Clients.java";

    @TempDir
    Path dir;

    /** An interface of the team's whose one abstract method is {@code method}. */
    private static String withMethod(String imports, String method) {
        return "package com.acme;\n\n" + imports + "\npublic interface Clients {\n    S3Client s3();\n\n    " + method
                + "\n}\n";
    }

    private static final String S3 = "import software.amazon.awssdk.services.s3.S3Client;\n";

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(
                        "a misspelt interface name",
                        "com.acme.Clents",
                        withMethod(S3, ""),
                        "<factoryInterface>: \"com.acme.Clents\" is in neither the project's sources"
                                + " (src/main/java) nor its dependencies (nearest: com.acme.Clients); give the fully"
                                + " qualified name of the interface, or add the dependency that holds it"),
                bad(
                        "a name that is no Java type name",
                        "com.acme.",
                        withMethod(S3, ""),
                        "<factoryInterface>: \"com.acme.\" is not a Java type name; give the fully qualified name"),
                bad(
                        "a class instead of an interface",
                        "com.acme.Clients",
                        "package com.acme;\n\npublic abstract class Clients {\n}\n",
                        FILE + ":3:23: com.acme.Clients is a class, not an interface; name the interface the"
                                + " hand-written factory implements in <factoryInterface>"),
                bad(
                        "an interface that does not parse",
                        "com.acme.Clients",
                        "package com.acme;\n\npublic interface Clients {\n    S3Client s3(\n}\n",
                        FILE + ":4:",
                        "does not parse",
                        "fix the Java syntax; the interface is read before the project compiles"),
                bad(
                        "a method returning the client of a service the build does not select",
                        "com.acme.Clients",
                        withMethod(
                                S3 + "import software.amazon.awssdk.services.sqs.SqsClient;\n", "SqsClient queues();"),
                        FILE + ":9:15: queues() returns SqsClient, the client of sqs, which this build does not"
                                + " select; add sqs to the selection (<services>, <groups> or the profile), or remove"
                                + " the method"),
                bad(
                        "a method returning an AWS client whose SDK module is not a dependency",
                        "com.acme.Clients",
                        withMethod(
                                S3 + "import software.amazon.awssdk.services.kinesis.KinesisClient;\n",
                                "KinesisClient streams();"),
                        FILE + ":9:19: streams() returns KinesisClient, an AWS SDK client whose module is not a"
                                + " dependency of the project; add the dependency software.amazon.awssdk:kinesis"),
                bad(
                        "a method returning no client at all",
                        "com.acme.Clients",
                        withMethod(S3, "String region();"),
                        FILE + ":8:12: region() returns String, which is not the client of any service switchboard"
                                + " knows; give it a body (a default method) or remove it; the selected services'"
                                + " clients are DynamoDbClient (dynamodb), S3Client (s3)"),
                bad(
                        "a method with parameters",
                        "com.acme.Clients",
                        withMethod(
                                S3 + "import software.amazon.awssdk.services.dynamodb.DynamoDbClient;\n",
                                "DynamoDbClient table(String name);"),
                        FILE + ":9:20: table() takes 1 parameter(s); the generated factory's dynamoDb() that"
                                + " returns the dynamodb client takes none; remove the parameters"),
                bad(
                        "a method named like the accessor of another service",
                        "com.acme.Clients",
                        withMethod(
                                S3 + "import software.amazon.awssdk.services.s3.S3AsyncClient;\n",
                                "S3AsyncClient dynamoDb();"),
                        FILE + ":9:19: dynamoDb() returns S3AsyncClient (s3), but the generated factory's"
                                + " dynamoDb() returns the dynamodb client; rename the method to s3Async()"),
                bad(
                        "a method named like one of the factory's own methods",
                        "com.acme.Clients",
                        withMethod(
                                S3 + "import software.amazon.awssdk.services.dynamodb.DynamoDbClient;\n",
                                "DynamoDbClient services();"),
                        FILE + ":9:20: services() returns DynamoDbClient (dynamodb), but the generated factory's"
                                + " services() is one of its own methods; rename the method to dynamoDb()"),
                bad(
                        "a method of an interface read from a dependency's class file",
                        "com.acme.Clients",
                        null,
                        "legacy-clients.jar!/com/acme/Clients.class: region() returns String, which is not the"
                                + " client of any service switchboard knows"),
                bad(
                        "an interface whose class file a newer Java wrote",
                        "com.acme.Clients",
                        TOO_NEW,
                        "legacy-clients.jar!/com/acme/Clients.class: this class file cannot be read (class file"
                                + " major version 99, or damaged; switchboard reads up to 72, Java 28); compile it"
                                + " with --release 28 or lower, or rebuild it (mvn clean compile)"));
    }

    /** Instead of a source: the interface's class file in a jar, its class file version made 99. */
    private static final String TOO_NEW = "class file version 99";

    private static Arguments bad(String what, String name, String source, String... expected) {
        return Arguments.of(what, name, source, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName(
            "a bad factory interface fails at its place with the fix, and every earlier output stays byte-identical")
    void failsPlacedAndKeepsOutputs(String what, String name, String source, List<String> expected) throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p")).withAws().select("s3,dynamodb");
        project.file(FILE, withMethod(S3, ""));
        new SourceGenerator().generate(request(project, "com.acme.Clients", List.of()));
        Path[] outputs = {dir.resolve("p/target/switchboard"), dir.resolve("out")};
        OutputSnapshot before = OutputSnapshot.of(outputs);

        List<Path> classpath = List.of();
        if (source == null || source.equals(TOO_NEW)) {
            Files.delete(dir.resolve("p").resolve(FILE));
            assertThat(Javac.compile(
                            dir.resolve("lib"), Map.of("com/acme/Clients.java", withMethod(S3, "String region();"))))
                    .isEmpty();
            Path jar = dir.resolve("legacy-clients.jar");
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
                out.putNextEntry(new JarEntry("com/acme/Clients.class"));
                byte[] bytes = Files.readAllBytes(dir.resolve("lib/classes/com/acme/Clients.class"));
                if (source != null) {
                    bytes[6] = 0;
                    bytes[7] = 99;
                }
                out.write(bytes);
            }
            classpath = List.of(jar);
        } else {
            project.file(FILE, source);
        }
        List<Path> dependencies = classpath;
        Throwable failure = catchThrowable(() -> new SourceGenerator().generate(request(project, name, dependencies)));

        assertThat(failure).isInstanceOf(InputException.class);
        assertThat(failure.getMessage()).contains(expected).doesNotContain("Exception", "\tat ");
        before.assertUnchanged(outputs);
        assertThat(before.size()).isGreaterThan(4);
    }

    private GenerateRequest request(ProtoProject project, String name, List<Path> classpath) {
        return new GenerateRequest(
                project.request(),
                "com.acme.switchboard",
                "ServiceClients",
                dir.resolve("out/sources"),
                dir.resolve("out/resources"),
                null,
                List.of(),
                true,
                new FactoryInterface(name, List.of(dir.resolve("p/src/main/java")), classpath));
    }
}

package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad inputs of {@code generate}: each fails with its place ({@code file:line:col} or the XML
 * parameter), what is wrong and the fix, and leaves every output of the earlier good run byte-identical.
 */
class GenerateBadInputTest {
    private static final String OVERRIDES = "src/main/switchboard/overrides.yaml";

    @TempDir
    Path dir;

    /** The project every case starts from: one gRPC service, one REST-only service, one generator. */
    private final class Fixture {
        final ProtoProject project = new ProtoProject(dir)
                .proto("user.proto", ProtoProject.USER_PROTO)
                .proto("billing.proto", SourceGeneratorTest.BILLING_PROTO)
                .overrides(OVERRIDES, SourceGeneratorTest.README_OVERRIDES)
                .file("gen/inventory.ftl", "<#list services as s>${s.name} </#list>\n");
        String packageName = "com.acme.switchboard";
        String className = "ServiceClients";
        Path sourceDirectory = dir.resolve("target/generated-sources/switchboard");
        Path templateDirectory;
        final List<GenerateRequest.Generator> generators =
                new ArrayList<>(List.of(generator("gen/inventory.ftl", "docs/inventory.txt")));

        GenerateRequest.Generator generator(String template, String output) {
            return new GenerateRequest.Generator(dir.resolve(template), output);
        }

        Path path(String relative) {
            return dir.resolve(relative);
        }

        Fixture file(String path, String text) {
            project.file(path, text);
            return this;
        }

        GenerateRequest request() {
            return new GenerateRequest(
                    project.request(),
                    packageName,
                    className,
                    sourceDirectory,
                    dir.resolve("target/generated-resources/switchboard"),
                    templateDirectory,
                    generators,
                    true,
                    null);
        }
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad(
                        "a package part that starts with a digit",
                        f -> {
                            f.packageName = "com.1bad";
                            return f;
                        },
                        "<packageName>: \"com.1bad\" is not a Java package name: \"1bad\" starts with a digit;"
                                + " use Java identifiers joined by dots, such as com.acme.clients"),
                bad(
                        "a package that is a keyword",
                        f -> {
                            f.packageName = "class";
                            return f;
                        },
                        "<packageName>: \"class\" is not a Java package name: \"class\" is a Java keyword;"),
                bad(
                        "a package that ends with a dot",
                        f -> {
                            f.packageName = "com.acme.";
                            return f;
                        },
                        "<packageName>: \"com.acme.\" is not a Java package name: it has an empty part between dots;"),
                bad(
                        "a class name with a dash",
                        f -> {
                            f.className = "Acme-Clients";
                            return f;
                        },
                        "<className>: \"Acme-Clients\" is not a Java class name: it holds '-'; use letters, digits"
                                + " and '_', starting with an upper-case letter"),
                bad(
                        "a template directory that does not exist",
                        f -> {
                            f.templateDirectory = f.path("src/main/switchboard/templats");
                            return f;
                        },
                        "<templateDirectory>: src/main/switchboard/templats does not exist; point it at the directory"),
                bad(
                        "an overlay template with a FreeMarker syntax error",
                        f -> {
                            f.templateDirectory = f.path("templates");
                            return f.file(
                                    "templates/ServiceNames.java.ftl",
                                    "package ${packageName};\n<#list services as s>\n");
                        },
                        "templates/ServiceNames.java.ftl:2:22: FreeMarker syntax error: Unexpected end of file"
                                + " reached. You have an unclosed #list.",
                        "; correct the template's syntax at that place"),
                bad(
                        "an overlay template that prints a value the model lacks",
                        f -> {
                            f.templateDirectory = f.path("templates");
                            return f.file("templates/ServiceNames.java.ftl", "package ${packageName};\n${servics}\n");
                        },
                        "templates/ServiceNames.java.ftl:2:3: servics is undefined or null; use a value of the"
                                + " template model (nearest: services"),
                bad(
                        "an overlay template that prints a list as text",
                        f -> {
                            f.templateDirectory = f.path("templates");
                            return f.file("templates/ServiceNames.java.ftl", "package ${packageName};\n${services}\n");
                        },
                        "templates/ServiceNames.java.ftl:2:3: For \"${...}\" content: Expected a string or something"
                                + " automatically convertible to string (number, date or boolean), or \"template"
                                + " output\" , but this has evaluated to a sequence; list it with <#list …> or join"
                                + " it with ?join(\", \")"),
                bad(
                        "a generator template with a FreeMarker syntax error",
                        f -> f.file("gen/inventory.ftl", "line one\n${services?size\n"),
                        "gen/inventory.ftl:2:",
                        "FreeMarker syntax error",
                        "; correct the template's syntax at that place"),
                bad(
                        "a generator template that does not exist",
                        f -> {
                            f.generators.set(0, f.generator("gen/inventry.ftl", "docs/inventory.txt"));
                            return f;
                        },
                        "<generators>: <generator> #1 (template gen/inventry.ftl) <template> gen/inventry.ftl does"
                                + " not exist (nearest: inventory.ftl); point <template> at a FreeMarker template file"),
                bad(
                        "two generators writing the same file",
                        f -> {
                            f.generators.add(f.generator("gen/inventory.ftl", "docs/./inventory.txt"));
                            return f;
                        },
                        "<generators>: <generator> #2 (template gen/inventory.ftl) <output> \"docs/./inventory.txt\""
                                + " is also written by <generator> #1 (template gen/inventory.ftl); give each"
                                + " <generator> its own <output>"),
                bad(
                        "a generator per service whose output one service shares with another generator",
                        f -> {
                            f.generators.add(f.generator("gen/inventory.ftl", "docs/{service}.txt"));
                            f.generators.add(f.generator("gen/inventory.ftl", "docs/user.txt"));
                            return f;
                        },
                        "<generator> #3 (template gen/inventory.ftl) <output> \"docs/user.txt\" is also written by"
                                + " <generator> #2"),
                bad(
                        "a generator writing the bundled names class",
                        f -> {
                            f.generators.add(
                                    f.generator("gen/inventory.ftl", "com/acme/switchboard/ServiceNames.java"));
                            return f;
                        },
                        "<generators>: <generator> #2 (template gen/inventory.ftl) <output>"
                                + " \"com/acme/switchboard/ServiceNames.java\" is also written by the names class"
                                + " switchboard generates; choose another <output>; to change a file switchboard"
                                + " generates, put a template of the same name in <templateDirectory>"),
                bad(
                        "a generator writing a bundled provider",
                        f -> {
                            f.generators.add(f.generator(
                                    "gen/inventory.ftl", "com/acme/switchboard/provider/UserProvider.java"));
                            return f;
                        },
                        "is also written by the provider switchboard generates for user; choose another <output>"),
                bad(
                        "a generator output that is a directory",
                        f -> {
                            f.generators.add(f.generator("gen/inventory.ftl", "docs"));
                            return f;
                        },
                        "<generators>: <generator> #2 (template gen/inventory.ftl) <output> \"docs\" is a directory;"
                                + " name a file in it, such as docs/Inventory.java"),
                bad(
                        "a generator output that leaves the output directory",
                        f -> {
                            f.generators.set(0, f.generator("gen/inventory.ftl", "../inventory.txt"));
                            return f;
                        },
                        "<generators>: <generator> #1 (template gen/inventory.ftl) <output> \"../inventory.txt\" leaves"
                                + " the output directory target/generated-sources/switchboard; use a path relative to"
                                + " it, without \"..\""),
                bad(
                        "a generator without an output",
                        f -> {
                            f.generators.set(0, f.generator("gen/inventory.ftl", " "));
                            return f;
                        },
                        "<generators>: <generator> #1 (template gen/inventory.ftl) has no <output>; give the file to"
                                + " write, relative to <outputDirectory>"),
                bad(
                        "an output directory that is a file",
                        f -> {
                            f.sourceDirectory = f.path("pom.xml");
                            return f.file("pom.xml", "<project/>\n");
                        },
                        "<outputDirectory>: pom.xml is a file, where the generated files go; point <outputDirectory>"
                                + " at a directory, or delete the file"),
                bad(
                        "an endpoint verb that HTTP does not have",
                        f -> f.file(OVERRIDES, SourceGeneratorTest.README_OVERRIDES.replace("verb: GET", "verb: FOO")),
                        OVERRIDES + ":13:10: \"FOO\" is not an HTTP verb",
                        "use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS"),
                bad(
                        "gRPC services selected with no grpc-java on the classpath",
                        f -> {
                            // A compile classpath without grpc-java: with none at all, nothing is known to check.
                            f.project.withoutGrpcJava().withGoogleCommonProtos();
                            return f;
                        },
                        "pom.xml <dependencies>: the selection holds 2 gRPC service(s) (billing, user), but grpc-java is not on the"
                                + " compile classpath, so their generated stubs and accessors cannot compile; add"
                                + " grpc-java",
                        "<artifactId>grpc-stub</artifactId>",
                        "io.github.ascopes:protobuf-maven-plugin",
                        "or, to generate without gRPC accessors, set <grpc>false</grpc>"),
                bad(
                        "an endpoint without a path",
                        f -> f.file(
                                OVERRIDES,
                                SourceGeneratorTest.README_OVERRIDES.replace("path: \"/v1/customers/{id}\", ", "")),
                        OVERRIDES + ":13:9: `services.legacy-crm.endpoints[0]` has no `path`"));
    }

    private static Arguments bad(String what, UnaryOperator<Fixture> breakIt, String... expected) {
        return Arguments.of(what, breakIt, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    @DisplayName("a bad generate input fails at its place with the fix, and every earlier output stays byte-identical")
    void failsPlacedAndKeepsOutputs(String what, UnaryOperator<Fixture> breakIt, List<String> expected)
            throws Exception {
        Fixture good = new Fixture();
        new SourceGenerator().generate(good.request());
        Path[] outputs = {
            dir.resolve("target/switchboard"),
            dir.resolve("target/generated-sources/switchboard"),
            dir.resolve("target/generated-resources/switchboard")
        };
        OutputSnapshot before = OutputSnapshot.of(outputs);

        Throwable failure = catchThrowable(() ->
                new SourceGenerator().generate(breakIt.apply(new Fixture()).request()));

        assertThat(failure).isInstanceOfAny(InputException.class, RenderException.class);
        assertThat(failure.getMessage()).contains(expected).doesNotContain("Exception", "\tat ");
        before.assertUnchanged(outputs);
        assertThat(before.size()).isGreaterThan(8);
        assertThat(dir.resolve("target/generated-sources/inventory.txt")).doesNotExist();
    }
}

package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad command lines and bad input: each exits 2, prints nothing on stdout, says on stderr where the
 * problem is ({@code file:line:col} or the option), what is wrong and the fix, and leaves every output of
 * the earlier good run byte-identical.
 */
class BadInputIT {
    @TempDir
    static Path project;

    private static String classpath;
    private static Map<String, String> good;

    /**
     * One bad input.
     *
     * @param name what the case is, for the report
     * @param files files written into the project for this case alone (path → text)
     * @param args the command line
     * @param expected fragments stderr must hold: the place, what is wrong, the fix
     */
    record Case(String name, Map<String, String> files, List<String> args, List<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case of(String name, List<String> args, String... expected) {
        return new Case(name, Map.of(), args, List.of(expected));
    }

    static Stream<Case> cases() {
        return Stream.of(
                of(
                        "missing base directory",
                        List.of("services", "--base", "no/such/dir"),
                        "--base: ",
                        "no/such/dir does not exist or is not a directory",
                        "; give the project directory"),
                of(
                        "missing proto path",
                        List.of("registry", "--proto-path", "api"),
                        "--proto-path: ",
                        "/api does not exist or is not a directory",
                        "; give the directory that holds the .proto files"),
                new Case(
                        "broken proto",
                        Map.of("src/main/proto/acme/broken/v1/broken.proto", """
                                syntax = "proto3";
                                package acme.broken.v1;
                                service BrokenService {
                                  rpc Get(GetRequest) returns GetResponse;
                                }
                                """),
                        List.of("registry"),
                        List.of("src/main/proto/acme/broken/v1/broken.proto:4:", "; fix the syntax at that place")),
                new Case(
                        "overrides file with an unknown field",
                        Map.of("src/main/switchboard/overrides.yaml", """
                                services:
                                  user:
                                    grup: identity
                                """),
                        List.of("services"),
                        List.of(
                                "src/main/switchboard/overrides.yaml:3:5: unknown field \"grup\" in `services.user`",
                                "(nearest: group)",
                                "use one of: capabilities, dependencies")),
                of(
                        "unknown format",
                        List.of("services", "--format", "xml"),
                        "--format: \"xml\" is not a format of this command; use one of [table, json, yaml]"),
                of(
                        "format of another command",
                        List.of("graph", "--format", "table"),
                        "--format: \"table\" is not a format of this command; use one of [json, yaml, dot, mermaid]"),
                of(
                        "unknown service, nearest names",
                        List.of("inspect", "--service", "usr"),
                        "--service: \"usr\" is not in the registry (nearest: user); use one of the names"
                                + " `switchboard services` lists"),
                of(
                        "inspect without a service",
                        List.of("inspect"),
                        "--service: no service named; name one with --service NAME"),
                of(
                        "unknown selected service",
                        List.of("registry", "--services", "biling"),
                        "--services: \"biling\" is neither a discovered nor a catalogued service (nearest: billing",
                        "; correct the name"),
                of(
                        "unknown option, suggestion",
                        List.of("services", "--formt", "json"),
                        "--formt: is not an option of `switchboard services` (nearest: --format); run"
                                + " `switchboard services --help`"),
                of(
                        "unknown command, suggestion",
                        List.of("servces"),
                        "servces: is not a command of `switchboard` (nearest: services",
                        "; run `switchboard --help` for what it takes"),
                of(
                        "option value of the wrong type",
                        List.of("health", "--interval", "soon"),
                        "--interval: \"soon\" is not a whole number (digits only); run `switchboard health --help`"
                                + " for what it takes"),
                of(
                        "missing overrides file",
                        List.of("services", "--overrides", "missing.yaml"),
                        "--overrides: ",
                        "missing.yaml does not exist or is not a file; correct the path or leave the option out"),
                of(
                        "gRPC services without grpc-java on the classpath",
                        List.of("generate", "--classpath", Sample.protoClasspath()),
                        "--classpath: the selection holds 4 gRPC service(s) (billing, notification, order, user), but grpc-java is"
                                + " not on the compile classpath",
                        "add grpc-java (versions from io.grpc:grpc-bom)",
                        "or, to generate without gRPC accessors, add --no-grpc"),
                of(
                        "missing classpath entry",
                        List.of("services", "--classpath", "lib/missing.jar"),
                        "--classpath: lib/missing.jar does not exist; give existing jars and class directories"),
                of(
                        "compare against a missing file",
                        List.of("compare", "--against", "old-registry.json"),
                        "--against: \"old-registry.json\" is neither a file nor groupId:artifactId:version; give an"
                                + " existing registry file or jar"),
                of(
                        "compare against an artifact not in the local repository",
                        List.of("compare", "--against", "com.acme:orders:9.9.9", "--local-repository", "empty-repo"),
                        "--against: com.acme:orders:9.9.9 is not in the local repository",
                        "fetch it with `mvn dependency:get -Dartifact=com.acme:orders:9.9.9`"),
                of(
                        "compare with nothing to compare",
                        List.of("compare"),
                        "--against: nothing to compare with; give --against FILE|groupId:artifactId:version, or"
                                + " --service A --compare-to B"),
                new Case(
                        "damaged registry file",
                        Map.of("damaged.json", "{\"schemaVersion\": 1, \"services\": [}"),
                        List.of("services", "--registry", "damaged.json"),
                        List.of("--registry: ", "damaged.json:1:", "not valid JSON", "; correct the syntax there")),
                of(
                        "endpoint that is not a URL",
                        List.of("health", "--endpoint", "billing=ftp://127.0.0.1:21"),
                        "--endpoint billing: \"ftp://127.0.0.1:21\" is not an endpoint URL; write http://host:port"),
                of(
                        "endpoint of an unknown service",
                        List.of("health", "--endpoint", "biling=http://127.0.0.1:1"),
                        "--endpoint biling: \"biling\" is not a service of the registry (nearest: billing); use a"
                                + " name `switchboard services` lists"),
                of(
                        "option without its value",
                        List.of("services", "--format"),
                        "--format: needs a value, FORMAT; run `switchboard services --help` for what it takes"),
                of(
                        "environment without an endpoints file",
                        List.of("health", "--env", "prod"),
                        "--env: environment \"prod\" has no endpoints file"
                                + " src/main/switchboard/endpoints-prod.properties; create it"),
                of(
                        "monitor interval under a second",
                        List.of("health", "--monitor", "--interval", "0", "--endpoint", "billing=http://127.0.0.1:1"),
                        "--interval: interval 0 is not a number of seconds; use 1 or more"),
                of(
                        "a number option given a unit",
                        List.of("health", "--connect-timeout", "5s", "--endpoint", "billing=http://127.0.0.1:1"),
                        "--connect-timeout: \"5s\" is not a whole number (digits only); run `switchboard health"
                                + " --help` for what it takes"),
                of(
                        "a NAME=VALUE option without '='",
                        List.of("health", "--endpoint", "billing"),
                        "--endpoint: \"billing\" is not NAME=URL; write it as NAME=URL, with '='"),
                of(
                        "class name that is not one",
                        List.of("generate", "--class-name", "clients"),
                        "--class-name: \"clients\" is not a Java class name; use letters, digits and '_'"),
                of(
                        "rollback without a previous registry",
                        List.of("rollback"),
                        "target/switchboard/registry.previous.json: does not exist, so there is nothing to roll"
                                + " back to; the previous registry is kept each time a build changes the registry"));
    }

    @BeforeAll
    static void goodRun() throws IOException {
        Sample.quickstart(project);
        Files.createDirectories(project.resolve("empty-repo"));
        classpath = Sample.classpath();
        Cli.Result generate = Cli.run(project, "generate", "--classpath", classpath);
        assertThat(generate.exit()).as(generate.toString()).isZero();
        good = Sample.snapshot(project.resolve("target"));
        assertThat(good).containsKey("switchboard/registry.json");
    }

    @AfterEach
    void removeCaseFiles() throws IOException {
        for (String path : List.of(
                "src/main/proto/acme/broken/v1/broken.proto", "src/main/switchboard/overrides.yaml", "damaged.json")) {
            Files.deleteIfExists(project.resolve(path));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("bad input exits 2 with a placed message and a fix, prints no data, and changes no output")
    void badInput(Case c) {
        c.files().forEach((path, text) -> Sample.write(project, path, text));
        List<String> args = new ArrayList<>(c.args());
        if (!args.contains("--classpath")) {
            args.add("--classpath");
            args.add(classpath);
        }

        Cli.Result result = Cli.run(project, args.toArray(String[]::new));

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(result.exit()).as(result.toString()).isEqualTo(2);
        soft.assertThat(result.stdout()).as("stdout").isEmpty();
        for (String fragment : c.expected()) {
            soft.assertThat(result.stderr()).as("stderr").contains(fragment);
        }
        soft.assertThat(result.stderr())
                .as("no Java class or exception names, no stack trace")
                .doesNotContain("Exception", "\tat ", "java.", "dev.switchboard.");
        soft.assertThat(Sample.snapshot(project.resolve("target")))
                .as("outputs of the earlier good run")
                .isEqualTo(good);
        soft.assertAll();
    }
}

package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.registry.BadDataFileCase.Step;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OverridesBadInputTest {
    static final String BILLING_PROTO = """
            syntax = "proto3";
            package acme.billing.v1;
            option java_package = "com.acme.billing.v1";
            option java_multiple_files = true;
            service BillingService {
              rpc GetInvoice(GetInvoiceRequest) returns (Invoice);
            }
            message GetInvoiceRequest { string id = 1; }
            message Invoice { string id = 1; }
            """;

    private static final String FILE = "src/main/switchboard/overrides.yaml";
    private static final String JSON = "src/main/switchboard/overrides.json";

    @TempDir
    Path dir;

    /** user and billing, built once with a good overrides file, so target/switchboard holds a registry. */
    private ProtoProject builtProject() throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .proto("acme/user/v1/user.proto", ProtoProject.USER_PROTO)
                .proto("acme/billing/v1/billing.proto", BILLING_PROTO)
                .overrides(FILE, "services:\n  user:\n    group: identity\n");
        new RegistryBuilder().build(project.request());
        return project;
    }

    private static BadDataFileCase yaml(String name, String text, String place, String what, String fix) {
        return file(name, FILE, text, FILE + ":" + place + ": ", what, fix);
    }

    private static BadDataFileCase json(String name, String text, String place, String what, String fix) {
        return file(name, JSON, text, JSON + ":" + place + ": ", what, fix);
    }

    private static BadDataFileCase file(String name, String path, String text, String place, String what, String fix) {
        return new BadDataFileCase(name, p -> p.overrides(path, text), BadDataFileCase.BUILD, place, what, fix);
    }

    private static BadDataFileCase bytes(String name, byte[] bytes, String place, String what, String fix) {
        Step breakIt = p -> {
            p.overrides(FILE, "");
            Files.write(p.base().resolve(FILE), bytes);
        };
        return new BadDataFileCase(name, breakIt, BadDataFileCase.BUILD, FILE + ":" + place + ": ", what, fix);
    }

    static Stream<BadDataFileCase> cases() {
        return Stream.of(
                yaml(
                        "a service given twice in YAML",
                        "services:\n  user:\n    group: identity\n  user:\n    owner: team-id\n",
                        "4:3",
                        "`services.user` is given twice; the first is at line 2",
                        "keep one of them"),
                json(
                        "a field given twice in JSON",
                        "{\"services\": {\"user\": {\"group\": \"a\",\n  \"group\": \"b\"}}}",
                        "2:3",
                        "`services.user.group` is given twice; the first is at line 1",
                        "keep one of them"),
                file(
                        "an overrides file with a .txt extension",
                        "src/main/switchboard/overrides.txt",
                        "services: {}\n",
                        "src/main/switchboard/overrides.txt: ",
                        "Overrides files end in .yaml, .yml or .json",
                        "rename it to overrides.yaml (or .json), and <overridesFile> with it"),
                yaml(
                        "a dependency on an unknown service",
                        "services:\n  user:\n    dependencies: [biling]\n",
                        "3:20",
                        "dependency \"biling\" is not in the registry (nearest: billing)",
                        "correct the name, or declare the service in this file with `kind: http`"),
                yaml(
                        "a service that depends on itself",
                        "services:\n  user:\n    dependencies:\n      - billing\n      - user\n",
                        "5:9",
                        "service \"user\" depends on itself",
                        "remove this dependency"),
                yaml(
                        "text where a list belongs",
                        "services:\n  user:\n    capabilities: audit\n",
                        "3:5",
                        "`services.user.capabilities` is the text \"audit\", but must be a list",
                        "write it like `capabilities: [audit]`"),
                yaml(
                        "a list where a map belongs",
                        "services:\n  user:\n    tags: [accounts]\n",
                        "3:5",
                        "`services.user.tags` is a list, but must be a map",
                        "write it like `tags: {team: accounts}`"),
                json(
                        "a list where a map belongs, with the example in JSON",
                        "{\"services\": {\"user\": {\"tags\": [\"accounts\"]}}}",
                        "1:24",
                        "`services.user.tags` is a list, but must be a map",
                        "write it like `\"tags\": {\"team\":\"accounts\"}`"),
                yaml(
                        "a number where a map belongs",
                        "services:\n  user:\n    health: 8080\n",
                        "3:5",
                        "`services.user.health` is the number 8080, but must be a map",
                        "write it like `health: {http: /health/user}`"),
                yaml(
                        "an unknown kind",
                        "services:\n  legacy-crm:\n    kind: rest\n",
                        "3:5",
                        "kind \"rest\" is not a kind of service (known: aws, grpc, http)",
                        "use `kind: http` to declare a REST-only service"),
                yaml(
                        "a rate limit given as text",
                        "services:\n  user:\n    rateLimit: fast\n",
                        "3:5",
                        "`services.user.rateLimit` is the text \"fast\", but must be a map",
                        "write it like `rateLimit: {requestsPerSecond: 5, burst: 10}`"),
                yaml(
                        "a negative rate",
                        "services:\n  user:\n    rateLimit: {requestsPerSecond: -1, burst: 2}\n",
                        "3:17",
                        "`services.user.rateLimit.requestsPerSecond` is -1, but must be a number above 0",
                        "write it like `rateLimit: {requestsPerSecond: 5, burst: 10}`"),
                yaml(
                        "a fractional burst",
                        "services:\n  user:\n    rateLimit:\n      requestsPerSecond: 5\n      burst: 2.5\n",
                        "5:7",
                        "`services.user.rateLimit.burst` is the number 2.5, but must be a whole number",
                        "write it like `burst: 10`"),
                yaml(
                        "a misspelt field",
                        "services:\n  user:\n    grup: identity\n",
                        "3:5",
                        "unknown field \"grup\" in `services.user` (nearest: group)",
                        "use one of: capabilities, dependencies, description"),
                yaml(
                        "an empty list entry",
                        "services:\n  user:\n    capabilities: [audit, ~]\n",
                        "3:27",
                        "`services.user.capabilities[1]` is empty",
                        "write it like `audit`, or remove it"),
                yaml(
                        "a service with nothing under it",
                        "services:\n  user:\n  billing:\n    owner: team-money\n",
                        "2:3",
                        "`services.user` is empty, but must be a map",
                        "write it like `user: {group: identity, owner: team-accounts}`"),
                yaml(
                        "a misspelt top-level key",
                        "service:\n  user: {group: identity}\n",
                        "1:1",
                        "unknown field \"service\" at the top (nearest: services)",
                        "use one of: services"),
                yaml(
                        "a list where a tag's text belongs",
                        "services:\n  user:\n    tags: {team: [accounts, billing]}\n",
                        "3:12",
                        "`services.user.tags.team` is a list, but must be text",
                        "write it like `team: accounts`"),
                yaml(
                        "a wrong value under a name with dots",
                        "services:\n  \"legacy.crm\":\n    kind: http\n    endpoints: /v1/customers\n",
                        "4:5",
                        "`services.\"legacy.crm\".endpoints` is the text \"/v1/customers\", but must be a list",
                        "write it like `endpoints: [{verb: GET, path: \"/v1/customers/{id}\", method: GetCustomer}]`"),
                yaml(
                        "an HTTP service's endpoint with an unknown verb",
                        "services:\n  legacy-crm:\n    kind: http\n    endpoints:\n"
                                + "      - {verb: FETCH, path: /v1/customers, method: ListCustomers}\n",
                        "5:10",
                        "\"FETCH\" is not an HTTP verb (nearest: PATCH)",
                        "use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS"),
                yaml(
                        "an endpoint without a method",
                        "services:\n  legacy-crm:\n    kind: http\n    endpoints:\n      - {verb: GET, path: /v1/customers}\n",
                        "5:9",
                        "`services.legacy-crm.endpoints[0]` has no `method`",
                        "write it like `{verb: GET, path: \"/v1/customers/{id}\", method: GetCustomer}`"),
                yaml(
                        "a group name with capitals",
                        "services:\n  user:\n    owner: team-id\n    group: Identity\n",
                        "4:5",
                        "group \"Identity\" of service \"user\" is not a valid group name",
                        "use lower-case letters, digits and '-'"),
                yaml(
                        "a tab in the indentation",
                        "services:\n  user:\n\tgroup: identity\n",
                        "3:1",
                        "a tab character; YAML indents with spaces only",
                        "replace the tab with spaces"),
                yaml(
                        "an unterminated quote",
                        "services:\n  user:\n    owner: \"team-id\n    group: identity\n",
                        "3:12",
                        "the quoted value that starts here is never closed",
                        "add the closing quote on the same line"),
                yaml(
                        "an unclosed flow list",
                        "services:\n  user:\n    capabilities: [audit, export\n",
                        "3:19",
                        "the `[` list that starts here is not closed",
                        "separate the entries with `,` and end the list with `]`"),
                yaml(
                        "a line indented out of step",
                        "services:\n  user:\n    group: identity\n   owner: team-id\n",
                        "4:4",
                        "this line is indented differently from the lines before it at the same level",
                        "indent the keys of one map"),
                yaml(
                        "a colon inside an unquoted value",
                        "services:\n  user:\n    description: note: the old one\n",
                        "3:22",
                        "a `: ` inside a value that is not quoted",
                        "put the value in quotes"),
                yaml(
                        "a top-level list instead of a map",
                        "- user\n- billing\n",
                        "1:1",
                        "the overrides file is a list, but must be a map",
                        "write it like `services: {user: {group: identity}}`"),
                yaml(
                        "a second document",
                        "services:\n  user: {group: identity}\n---\nservices: {}\n",
                        "4:1",
                        "a second document starts here; the overrides file holds one document",
                        "merge it into the first, or remove it"),
                json(
                        "a trailing comma in JSON",
                        "{\"services\": {\"user\": {\"group\": \"identity\",}}}",
                        "1:44",
                        "a `,` before `}` has no entry after it",
                        "remove the last `,`"),
                json(
                        "a bare word in JSON",
                        "{\"services\": {\"user\": {\"group\": identity}}}",
                        "1:33",
                        "this is not a JSON value",
                        "put text in double quotes"),
                json(
                        "an unclosed brace in JSON",
                        "{\"services\": {\"user\": {\"group\": \"identity\"}}\n",
                        "1:1",
                        "the `{` that starts here is never closed",
                        "add the closing `}`"),
                bytes(
                        "a binary file",
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13},
                        "3:1",
                        "holds a NUL byte, so it is binary data or text that is not UTF-8",
                        "name the overrides file with <overridesFile>, saved as UTF-8 text"),
                bytes(
                        "text that is not UTF-8",
                        "services:\n  user:\n    owner: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1),
                        "3:15",
                        "byte 0xE9 is not UTF-8 text",
                        "save the file as UTF-8"),
                new BadDataFileCase(
                        "a directory where the file belongs",
                        p -> {
                            p.overrides(FILE, "");
                            Files.delete(p.base().resolve(FILE));
                            Files.createDirectories(p.base().resolve(FILE));
                        },
                        BadDataFileCase.BUILD,
                        FILE + ": ",
                        "is a directory, not a file",
                        "name the overrides file itself, a .yaml, .yml or .json file, with <overridesFile>"),
                new BadDataFileCase(
                        "a configured file that does not exist",
                        p -> {
                            p.overrides("src/main/switchboard/gone.yaml", "");
                            Files.delete(p.base().resolve("src/main/switchboard/gone.yaml"));
                        },
                        BadDataFileCase.BUILD,
                        "<overridesFile>: ",
                        "src/main/switchboard/gone.yaml does not exist",
                        "correct the path, or remove <overridesFile>"),
                new BadDataFileCase(
                        "overrides.yaml and overrides.json both present",
                        p -> p.file(JSON, "{\"services\": {}}"),
                        p -> Overrides.conventional(p.base()),
                        "src/main/switchboard: ",
                        "overrides.yaml and overrides.json are both there, and only one overrides file is read",
                        "keep one of them, or name the one to read with <overridesFile>"),
                new BadDataFileCase(
                        "only an overrides file with another extension",
                        p -> {
                            Files.delete(p.base().resolve(FILE));
                            p.file("src/main/switchboard/overrides.txt", "services: {}\n");
                        },
                        p -> Overrides.conventional(p.base()),
                        "src/main/switchboard/overrides.txt: ",
                        "is not read: overrides files end in .yaml, .yml or .json",
                        "rename it to overrides.yaml (or .json)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a bad overrides file fails with one placed message and a fix, and leaves the registry as it was")
    void badOverrides(BadDataFileCase row) throws Exception {
        row.assertOn(builtProject());
    }

    @Test
    @DisplayName("an empty overrides file changes nothing and says so in a warning naming the file")
    void emptyFileWarns() throws Exception {
        ProtoProject project = builtProject().overrides(FILE, "# nothing yet\n");

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.written()).isTrue();
        assertThat(outcome.registry().services()).extracting(s -> s.group()).doesNotContain("identity");
        assertThat(outcome.notes())
                .containsExactly(
                        FILE + ": the overrides file is empty, so it changes nothing; fill it in, or delete it");
    }

    @Test
    @DisplayName("problems in the rules and the overrides file are reported together")
    void bothFilesTogether() throws Exception {
        ProtoProject project = builtProject()
                .rules("src/main/switchboard/rules.yaml", "capabilities: {name: x}\n")
                .overrides(FILE, "services:\n  user:\n    tags: [a]\n");

        assertThat(catchThrowableOfType(() -> new RegistryBuilder().build(project.request()), InputException.class)
                        .problems())
                .extracting(Object::toString)
                .hasSize(2)
                .anySatisfy(p -> assertThat(p).startsWith("src/main/switchboard/rules.yaml:1:1: `capabilities`"))
                .anySatisfy(p -> assertThat(p).startsWith(FILE + ":3:5: `services.user.tags`"));
    }

    @Test
    @DisplayName("the conventional file is the one of overrides.yaml, .yml and .json that exists, or none")
    void conventionalFile() throws Exception {
        ProtoProject project = new ProtoProject(dir);
        assertThat(Overrides.conventional(dir)).isNull();

        project.file("src/main/switchboard/overrides.yml", "services: {}\n");

        assertThat(Overrides.conventional(dir)).isEqualTo(dir.resolve("src/main/switchboard/overrides.yml"));
    }
}

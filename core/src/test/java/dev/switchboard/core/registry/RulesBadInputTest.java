package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.ProtoProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RulesBadInputTest {
    private static final String FILE = "src/main/switchboard/rules.yaml";
    private static final String JSON = "src/main/switchboard/rules.json";

    @TempDir
    Path dir;

    /** user and billing, built once with a good rules file, so target/switchboard holds a registry. */
    private ProtoProject builtProject() throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .proto("acme/user/v1/user.proto", ProtoProject.USER_PROTO)
                .proto("acme/billing/v1/billing.proto", OverridesBadInputTest.BILLING_PROTO)
                .rules(FILE, "capabilities:\n  - name: export\n    prefixes: [export]\n");
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
        return new BadDataFileCase(name, p -> p.rules(path, text), BadDataFileCase.BUILD, place, what, fix);
    }

    static Stream<BadDataFileCase> cases() {
        return Stream.of(
                yaml(
                        "a rule without a name",
                        "capabilities:\n  - name: export\n    prefixes: [export]\n  - prefixes: [dump]\n",
                        "4:5",
                        "this capability rule has no `name`",
                        "give it one: write it like `name: export`"),
                yaml(
                        "a rule that requires an unknown capability",
                        "capabilities:\n  - name: owned\n    requires: [creat, read]\n",
                        "3:16",
                        "no rule or service gives the capability \"creat\" (nearest: create, read)",
                        "correct the name, or add a rule named \"creat\""),
                yaml(
                        "a declared dependency on an unknown service",
                        "dependencies:\n  - {service: user, dependsOn: biling}\n",
                        "2:21",
                        "service \"biling\" is not in the registry (nearest: billing)",
                        "correct the name"),
                yaml(
                        "a declared dependency of an unknown service",
                        "dependencies:\n  - service: usr\n    dependsOn: billing\n",
                        "2:5",
                        "service \"usr\" is not in the registry (nearest: user)",
                        "correct the name"),
                yaml(
                        "a declared dependency without dependsOn",
                        "dependencies:\n  - service: user\n",
                        "2:5",
                        "this declared dependency has no `dependsOn`",
                        "write it like `{service: order, dependsOn: billing}`"),
                yaml(
                        "a prefix written as a glob",
                        "capabilities:\n  - name: export\n    prefixes: [export, \"dump*\"]\n",
                        "3:24",
                        "prefix \"dump*\" is not a word",
                        "write `dump`"),
                yaml(
                        "a prefix written as a regular expression",
                        "capabilities:\n  - name: export\n    prefixes:\n      - ^export.*\n",
                        "4:9",
                        "prefix \"^export.*\" is not a word",
                        "write `export`"),
                yaml(
                        "an ignored package written as a pattern",
                        "ignoredTypePackages: [acme.common, google.protobuf.*]\n",
                        "1:36",
                        "\"google.protobuf.*\" is not a proto package name",
                        "write `google.protobuf`"),
                yaml(
                        "a number for a yes or no",
                        "capabilities:\n  - name: export\n    streaming: 1\n",
                        "3:5",
                        "`capabilities[0].streaming` is the number 1, but must be true or false",
                        "write it like `streaming: true`"),
                yaml(
                        "text where a list belongs",
                        "capabilities:\n  - name: export\n    prefixes: export\n",
                        "3:5",
                        "`capabilities[0].prefixes` is the text \"export\", but must be a list",
                        "write it like `prefixes: [export, dump]`"),
                yaml(
                        "a map where the list of rules belongs",
                        "capabilities: {name: export, prefixes: [export]}\n",
                        "1:1",
                        "`capabilities` is a map, but must be a list",
                        "write it like `capabilities: [{name: export, prefixes: [export]}]`"),
                yaml(
                        "two rules of one name",
                        "capabilities:\n  - name: export\n    prefixes: [export]\n  - name: export\n    prefixes: [dump]\n",
                        "4:5",
                        "capability rule \"export\" is given twice; the first is at line 2",
                        "keep one rule of that name, with the prefixes of both"),
                yaml(
                        "a key given twice in one rule",
                        "capabilities:\n  - name: export\n    prefixes: [export]\n    prefixes: [dump]\n",
                        "4:5",
                        "`capabilities[0].prefixes` is given twice; the first is at line 3",
                        "keep one of them"),
                yaml(
                        "a rule that matches nothing",
                        "capabilities:\n  - name: export\n    prefixes: [export]\n  - name: nothing\n    streaming: false\n",
                        "4:5",
                        "capability rule \"nothing\" matches nothing",
                        "give it `prefixes`, `requires` or `streaming: true`"),
                yaml(
                        "a misspelt field",
                        "capabilities:\n  - name: export\n    prefix: [export]\n",
                        "3:5",
                        "unknown field \"prefix\" in `capabilities[0]` (nearest: prefixes)",
                        "use one of: name, prefixes, requires, streaming"),
                yaml(
                        "a scalar instead of a map",
                        "hello\n",
                        "1:1",
                        "the rules file is the text \"hello\", but must be a map",
                        "write it like `capabilities: [{name: export, prefixes: [export]}]`"),
                yaml(
                        "an unclosed flow map",
                        "capabilities:\n  - {name: export, prefixes: [export]\n",
                        "2:5",
                        "the `{` map that starts here is not closed",
                        "separate the entries with `,` and end the map with `}`"),
                json(
                        "an unterminated string in JSON",
                        "{\"capabilities\": [{\"name\": \"export}]}\n",
                        "1:38",
                        "a quoted value is not closed on its line",
                        "add the closing `\"`"),
                json(
                        "a comment in JSON",
                        "{\n  // ours\n  \"capabilities\": []\n}\n",
                        "2:3",
                        "JSON has no comments",
                        "remove the comment, or write the file as YAML"),
                json(
                        "single quotes in JSON",
                        "{'capabilities': []}\n",
                        "1:2",
                        "a single quote; JSON quotes keys and text with double quotes",
                        "write \"text\" instead of 'text'"),
                json(
                        "a missing comma in JSON",
                        "{\"capabilities\": [{\"name\": \"export\" \"prefixes\": [\"export\"]}]}\n",
                        "1:37",
                        "a `,` is missing before this entry",
                        "put `,` between the entries"),
                file(
                        "a rules file with a .properties extension",
                        "src/main/switchboard/rules.properties",
                        "capabilities: []\n",
                        "src/main/switchboard/rules.properties: ",
                        "Rules files end in .yaml, .yml or .json",
                        "rename it to rules.yaml (or .json), and <rulesFile> with it"),
                new BadDataFileCase(
                        "a configured rules file that does not exist",
                        p -> {
                            p.rules("src/main/switchboard/gone.yaml", "");
                            Files.delete(p.base().resolve("src/main/switchboard/gone.yaml"));
                        },
                        BadDataFileCase.BUILD,
                        "<rulesFile>: ",
                        "src/main/switchboard/gone.yaml does not exist",
                        "correct the path, or remove <rulesFile>"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("a bad rules file fails with one placed message and a fix, and leaves the registry as it was")
    void badRules(BadDataFileCase row) throws Exception {
        row.assertOn(builtProject());
    }

    @Test
    @DisplayName("an empty rules file leaves the default rules in force and says so in a warning naming the file")
    void emptyFileWarns() throws Exception {
        ProtoProject project = builtProject().rules(FILE, "");

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.registry().services())
                .filteredOn(s -> s.name().equals("user"))
                .flatExtracting(s -> s.capabilities())
                .extracting(c -> c.name())
                .contains("read");
        assertThat(outcome.notes())
                .containsExactly(
                        FILE + ": the rules file is empty, so the default rules apply alone; fill it in, or delete it");
    }

    @Test
    @DisplayName("a rule may require a capability that only a service's proto declares")
    void requiresDeclaredCapability() throws Exception {
        ProtoProject project = builtProject()
                .proto("acme/ledger/v1/ledger.proto", """
                        syntax = "proto3";
                        package acme.ledger.v1;
                        import "switchboard/options.proto";
                        service LedgerService {
                          option (switchboard.capability) = "audit";
                          rpc GetEntry(GetEntryRequest) returns (Entry);
                        }
                        message GetEntryRequest { string id = 1; }
                        message Entry { string id = 1; }
                        """)
                .rules(FILE, "capabilities:\n  - name: audited-read\n    requires: [audit, read]\n");

        RegistryOutcome outcome = new RegistryBuilder().build(project.request());

        assertThat(outcome.registry().services())
                .filteredOn(s -> s.name().equals("ledger"))
                .flatExtracting(s -> s.capabilities())
                .extracting(c -> c.name())
                .contains("audited-read");
    }
}

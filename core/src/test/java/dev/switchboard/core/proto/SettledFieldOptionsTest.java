package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.ProtoMember;
import com.squareup.wire.schema.SchemaLoader;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettledFieldOptionsTest {
    private static final String EXT = """
            syntax = "proto3";
            package acme.ext;
            import "google/protobuf/descriptor.proto";
            enum Level { LEVEL_UNSPECIFIED = 0; HIGH = 1; }
            message Ref { string type = 1; }
            extend google.protobuf.FieldOptions {
              int32 tag = 50001;
              repeated Level levels = 50002;
              Ref ref = 50003;
              Level level = 50004;
            }
            """;
    private static final String IMPORT = "import \"acme/ext/ext.proto\";\n";

    @TempDir
    Path dir;

    private static String file(String imports, String options) {
        return "syntax = \"proto3\";\npackage acme.a;\n" + imports + "message A {\n  string x = 1 " + options
                + ";\n}\n";
    }

    private static ProtoFileElement parse(String path, String text) {
        return ProtoParser.Companion.parse(Location.get("src/main/proto", path), text);
    }

    /** What is left of each field's options, "field: name=value, …", the fields of nested messages too. */
    private static Map<String, String> optionsLeft(ProtoFileElement file) {
        Map<String, String> left = new LinkedHashMap<>();
        addOptions(file.getTypes(), left);
        return left;
    }

    private static void addOptions(List<TypeElement> types, Map<String, String> left) {
        for (TypeElement type : types) {
            if (type instanceof MessageElement m) {
                List<FieldElement> fields = new ArrayList<>(m.getFields());
                m.getOneOfs().forEach(o -> fields.addAll(o.getFields()));
                for (FieldElement f : fields) {
                    left.put(
                            f.getName(),
                            String.join(
                                    ", ",
                                    f.getOptions().stream()
                                            .map(OptionElement::toSchema)
                                            .toList()));
                }
                addOptions(m.getNestedTypes(), left);
            }
        }
    }

    private static SchemaLoader wire() {
        SchemaLoader wire = new SchemaLoader(okio.FileSystem.SYSTEM);
        wire.initRoots(List.of(), List.of());
        return wire;
    }

    @Test
    @DisplayName("enum options that Wire accepts as they stand are taken out before the link; every other option stays")
    void takesOutOnlyWhatWireAccepts() {
        ProtoFileElement ext = parse("acme/ext/ext.proto", EXT);
        ProtoFileElement a = parse("a.proto", """
                syntax = "proto3";
                package acme.a;
                import "acme/ext/ext.proto";
                message A {
                  string all = 1 [(acme.ext.levels) = HIGH, (acme.ext.tag) = 3, (acme.ext.levels) = LEVEL_UNSPECIFIED,
                      deprecated = true];
                  string once = 2 [(acme.ext.level) = HIGH];
                  string twice = 3 [(acme.ext.level) = HIGH, (acme.ext.level) = HIGH];
                  string unknown_constant = 4 [(acme.ext.levels) = LOW];
                  string number = 5 [(acme.ext.levels) = 1];
                  string quoted = 6 [(acme.ext.levels) = "HIGH"];
                  string relative = 7 [(ext.levels) = HIGH];
                  string message_valued = 8 [(acme.ext.ref) = { type: "t" }];
                  oneof choice { string in_oneof = 9 [(acme.ext.level) = HIGH]; }
                  message Inner { string nested = 1 [(acme.ext.levels) = HIGH]; }
                }
                """);
        ProtoFileElement b = parse("b.proto", file("", "[(acme.ext.levels) = HIGH]"));

        List<ProtoFileElement> stripped = SettledFieldOptions.strip(List.of(ext, a, b), wire());

        assertThat(stripped.get(0)).isSameAs(ext);
        assertThat(optionsLeft(stripped.get(1)))
                .containsExactly(
                        Map.entry("all", "(acme.ext.tag) = 3, deprecated = true"),
                        Map.entry("once", ""),
                        Map.entry("twice", "(acme.ext.level) = HIGH, (acme.ext.level) = HIGH"),
                        Map.entry("unknown_constant", "(acme.ext.levels) = LOW"),
                        Map.entry("number", "(acme.ext.levels) = 1"),
                        Map.entry("quoted", "(acme.ext.levels) = \"HIGH\""),
                        Map.entry("relative", "(ext.levels) = HIGH"),
                        Map.entry("message_valued", "(acme.ext.ref) = {\n  type: \"t\"\n}"),
                        Map.entry("in_oneof", ""),
                        Map.entry("nested", ""));
        // b.proto does not import the extension's file: Wire says so, so its option stays.
        assertThat(stripped.get(2)).isSameAs(b);
    }

    @Test
    @DisplayName("nothing is taken out when another extension's name is the start of the option's, when the"
            + " extension's type may name two enums, or when an import cannot be loaded")
    void leavesEverythingWhenUnsure() {
        ProtoFileElement ext = parse("acme/ext/ext.proto", EXT);
        ProtoFileElement prefix = parse("p.proto", """
                syntax = "proto3";
                package acme;
                import "google/protobuf/descriptor.proto";
                extend google.protobuf.FieldOptions { int32 ext = 50010; }
                """);
        ProtoFileElement a = parse("a.proto", file(IMPORT + "import \"p.proto\";\n", "[(acme.ext.levels) = HIGH]"));
        assertThat(SettledFieldOptions.strip(List.of(ext, prefix, a), wire()).get(2))
                .isSameAs(a);

        // Two enums the extension's type may name (acme.ext.Level and acme.Level): which one Wire takes is its
        // business, so the option is left to it.
        ProtoFileElement shadow = parse("s.proto", "syntax = \"proto3\";\npackage acme;\nenum Level { HIGH = 0; }\n");
        ProtoFileElement b = parse("b.proto", file(IMPORT, "[(acme.ext.levels) = HIGH]"));
        assertThat(SettledFieldOptions.strip(List.of(ext, shadow, b), wire()).get(2))
                .isSameAs(b);
        assertThat(SettledFieldOptions.strip(List.of(ext, b), wire()).get(1)).isNotSameAs(b);

        ProtoFileElement missing =
                parse("m.proto", file(IMPORT + "import \"nowhere.proto\";\n", "[(acme.ext.levels) = HIGH]"));
        List<ProtoFileElement> sources = List.of(ext, missing);
        assertThat(SettledFieldOptions.strip(sources, wire())).isSameAs(sources);
    }

    @Test
    @DisplayName("the linker is handed the files without their settled options and links the others as before")
    void linkedWithoutSettledOptions() throws Exception {
        ProtoProject project = new ProtoProject(dir)
                .proto("acme/ext/ext.proto", EXT)
                .proto("a.proto", file(IMPORT, "[(acme.ext.levels) = HIGH, (acme.ext.tag) = 3]"));
        ProtoLoader loader = new ProtoLoader(project.inputs());
        List<Problem> problems = new ArrayList<>();
        List<ProtoSource> sources = loader.sources(problems, problems);

        LoadedProtos loaded = loader.link(sources, loader.check(sources, null, null));

        MessageType a = (MessageType) loaded.schema().getType("acme.a.A");
        assertThat(a.field("x").getOptions().getMap().keySet())
                .extracting(ProtoMember::toString)
                .containsExactly("google.protobuf.FieldOptions#acme.ext.tag");
    }

    static Stream<Arguments> badOptions() {
        String privately = "syntax = \"proto3\";\nimport \"acme/ext/ext.proto\";\n";
        return Stream.of(
                Arguments.of(
                        "not imported",
                        file("", "[(acme.ext.levels) = HIGH]"),
                        null,
                        "a.proto needs to import acme/ext/ext.proto"),
                Arguments.of(
                        "imported through a file that imports it privately",
                        file("import \"pub.proto\";\n", "[(acme.ext.levels) = HIGH]"),
                        privately,
                        "a.proto needs to import acme/ext/ext.proto"),
                Arguments.of(
                        "imported weakly",
                        file("import weak \"acme/ext/ext.proto\";\n", "[(acme.ext.levels) = HIGH]"),
                        null,
                        "a.proto needs to import acme/ext/ext.proto"),
                Arguments.of(
                        "a single option set twice",
                        file(IMPORT, "[(acme.ext.level) = HIGH, (acme.ext.level) = HIGH]"),
                        null,
                        "conflicting options: HIGH, HIGH"),
                Arguments.of(
                        "a constant the enum lacks",
                        file(IMPORT, "[(acme.ext.levels) = LOW]"),
                        null,
                        "invalid option value \"LOW\" for acme.ext.Level"),
                Arguments.of(
                        "a number for an enum",
                        file(IMPORT, "[(acme.ext.levels) = 1]"),
                        null,
                        "invalid option value \"1\" for acme.ext.Level"),
                Arguments.of(
                        "an unknown extension",
                        file(IMPORT, "[(acme.nope) = HIGH]"),
                        null,
                        "unable to resolve option acme.nope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOptions")
    @DisplayName("a field option Wire refuses is still reported")
    void badOptionsAreStillReported(String name, String a, String pub, String expected) {
        ProtoProject project =
                new ProtoProject(dir).proto("acme/ext/ext.proto", EXT).proto("a.proto", a);
        if (pub != null) {
            project.proto("pub.proto", pub);
        }
        ProtoServiceReader reader = new ProtoServiceReader(project.inputs());
        List<Problem> problems = new ArrayList<>();
        List<ProtoSource> sources = reader.sources(problems, problems);

        assertThatThrownBy(() -> reader.read(sources, Set.of()))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .extracting(Problem::toString)
                                .anySatisfy(p -> assertThat(p).contains(expected)));
    }
}

package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.StageTimer;
import dev.switchboard.core.testing.DebugLines;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkGroupsTest {
    private static final Set<String> IGNORED = Set.of("google.protobuf", "google.api", "switchboard");
    private static final int FILES = LinkGroups.MIN_FILES + 40;

    @TempDir
    Path dir;

    @Test
    @DisplayName("fewer files than the threshold make one group; more are cut into runs in path order of about"
            + " equal size, each file in exactly one")
    void splitsIntoRunsOfEqualSize() {
        List<String> few = IntStream.range(0, LinkGroups.MIN_FILES - 1)
                .mapToObj(i -> "f" + i + ".proto")
                .toList();
        assertThat(LinkGroups.split(few, Map.of(), 4)).hasSize(1);

        Map<String, Long> texts = new HashMap<>();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String file = String.format("p%03d.proto", i);
            many.add(file);
            // The first hundred files are ten times the size of the others.
            texts.put(file, i < 100 ? 999L : 99L);
        }
        List<String> shuffled = new ArrayList<>(many);
        Collections.reverse(shuffled);
        List<List<String>> groups = LinkGroups.split(shuffled, texts, 2);
        assertThat(groups).hasSize(2);
        assertThat(groups.stream().flatMap(List::stream).toList()).isEqualTo(many);
        // 100 large files weigh as much as 1,000 small ones: the cut falls near file 65.
        assertThat(groups.get(0)).hasSizeBetween(60, 70);
        assertThat(LinkGroups.split(many, texts, 1)).hasSize(1);
    }

    @Test
    @DisplayName("services linked in groups side by side come out exactly as from one link: names, HTTP rules"
            + " bound to fields of imported messages, comments, and dependencies across groups")
    void groupsGiveTheSameServices() throws Exception {
        ProtoProject project = tree(new ProtoProject(dir));
        List<String> stages = new ArrayList<>();
        ProtoServices grouped = read(project, 2, stages);
        ProtoServices single = read(project, 1, new ArrayList<>());

        assertThat(stages).anyMatch(s -> s.contains("in 2 groups side by side"));
        assertThat(grouped.services()).hasSize(FILES).isEqualTo(single.services());
        assertThat(grouped.notes()).isEqualTo(single.notes());
        assertThat(grouped.places()).isEqualTo(single.places());
        // The last service, in the second group, uses a message of the first file: a dependency across groups.
        assertThat(grouped.services().get(FILES - 1).dependencies())
                .anyMatch(d -> d.service().equals("svc000"));
    }

    @Test
    @DisplayName("a file that does not link is reported as one link reports it, each problem once, though the"
            + " groups overlap")
    void brokenFilesReportedAsByOneLink() throws Exception {
        ProtoProject project =
                tree(new ProtoProject(dir)).proto("pkg/p005/broken.proto", """
                        syntax = "proto3";
                        package pkg.p005;
                        message Broken { NoSuchType field = 1; }
                        """).proto("zzz/late.proto", """
                        syntax = "proto3";
                        package zzz;
                        message Late { AlsoMissing field = 1; }
                        """);
        List<Problem> grouped = catchThrowableOfType(InputException.class, () -> read(project, 2, new ArrayList<>()))
                .problems();
        List<Problem> single = catchThrowableOfType(InputException.class, () -> read(project, 1, new ArrayList<>()))
                .problems();
        assertThat(grouped).hasSize(2).isEqualTo(single);
        assertThat(grouped.get(0).toString()).contains("broken.proto:3:", "NoSuchType");
    }

    /**
     * {@link #FILES} packages, each with a service whose request holds a message of the first file and one of
     * the file before it, and an HTTP rule bound to a field of that imported message.
     */
    private static ProtoProject tree(ProtoProject project) {
        project.withGoogleCommonProtos();
        for (int i = 0; i < FILES; i++) {
            String pkg = String.format("pkg.p%03d", i);
            StringBuilder text = new StringBuilder("syntax = \"proto3\";\npackage " + pkg + ";\n")
                    .append("import \"google/api/annotations.proto\";\n");
            String first = "pkg.p000.Item";
            String previous = i == 0 ? first : String.format("pkg.p%03d.Item", i - 1);
            if (i > 0) {
                text.append("import \"pkg/p000/svc.proto\";\n");
                text.append(String.format("import \"pkg/p%03d/svc.proto\";%n", i - 1));
            }
            text.append("message Item { string id = 1; }\n")
                    .append("message Request { ")
                    .append(i == 0 ? "Item item = 1;" : previous + " item = 1; " + first + " origin = 2;")
                    .append(" }\n")
                    .append(String.format("// Service number %d.%n", i))
                    .append(String.format("service Svc%03d {%n", i))
                    .append("  rpc Get(Request) returns (Item) {\n")
                    .append("    option (google.api.http) = { get: \"/v1/items/{item.id}\" };\n")
                    .append("  }\n}\n");
            project.proto(String.format("pkg/p%03d/svc.proto", i), text.toString());
        }
        return project;
    }

    private static ProtoServices read(ProtoProject project, int threads, List<String> stages) throws InputException {
        ProtoServiceReader reader = new ProtoServiceReader(project.inputs(), threads);
        List<Problem> problems = new ArrayList<>();
        List<ProtoSource> sources = reader.sources(problems, problems);
        assertThat(problems).isEmpty();
        DebugLines recording = new DebugLines();
        StageTimer timer = new StageTimer(recording, "registry");
        ProtoServices services = reader.map(reader.check(sources, null, null, timer), IGNORED, timer);
        stages.addAll(recording.lines());
        return services;
    }
}

package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.diag.Problem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SourceChecksTest {
    @Test
    @DisplayName("every import cycle is reported once, at its first file, however many files import into it or"
            + " lead out of it")
    void importCyclesAmongChainsAndTrees() {
        Map<String, List<String>> imports = new LinkedHashMap<>();
        imports.put("top.proto", List.of("a.proto", "leaf.proto", "google/api/http.proto"));
        imports.put("a.proto", List.of("b.proto"));
        imports.put("b.proto", List.of("leaf.proto", "a.proto"));
        imports.put("c.proto", List.of("c.proto", "leaf.proto"));
        imports.put("d.proto", List.of("e.proto"));
        imports.put("e.proto", List.of("f.proto"));
        imports.put("f.proto", List.of("leaf.proto", "d.proto"));
        imports.put("g.proto", List.of("d.proto", "h.proto"));
        imports.put("h.proto", List.of("i.proto"));
        imports.put("i.proto", List.of("leaf.proto"));
        imports.put("leaf.proto", List.of());
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> shown = new LinkedHashMap<>();
        imports.forEach((file, imported) -> {
            StringBuilder text = new StringBuilder("syntax = \"proto3\";\n");
            imported.forEach(i -> text.append("import \"").append(i).append("\";\n"));
            texts.put(file, text.toString());
            shown.put(file, "src/main/proto/" + file);
        });
        Set<String> inCycle = new HashSet<>();

        List<Problem> problems = SourceChecks.importCycles(imports, texts, shown, inCycle);

        assertThat(problems)
                .extracting(Problem::toString)
                .containsExactly(
                        "src/main/proto/a.proto:2:1: imports form a cycle: a.proto → b.proto → a.proto, which protoc"
                                + " rejects; move what the files need from each other into a new file that they"
                                + " both import, and remove one import of the cycle",
                        "src/main/proto/c.proto:2:1: the file imports itself; remove the import",
                        "src/main/proto/d.proto:2:1: imports form a cycle: d.proto → e.proto → f.proto → d.proto,"
                                + " which protoc rejects; move what the files need from each other into a new"
                                + " file that they both import, and remove one import of the cycle");
        assertThat(inCycle).containsExactlyInAnyOrder("a.proto", "b.proto", "c.proto", "d.proto", "e.proto", "f.proto");
    }
}

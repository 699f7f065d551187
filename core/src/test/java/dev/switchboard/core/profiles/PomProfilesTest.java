package dev.switchboard.core.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PomProfilesTest {
    private static final String POM = """
            <?xml version="1.0" encoding="UTF-8"?>
            <project>
                <modelVersion>4.0.0</modelVersion>
                <!-- keep   this -->

                <groupId>com.acme</groupId>
                <artifactId>app</artifactId>
                <version>1</version>
                <dependencies>
                    <dependency><groupId>x</groupId><artifactId>y</artifactId><version>1</version></dependency>
                </dependencies>
            </project>
            """;

    @TempDir
    Path dir;

    private ProfilesWriter.Outcome run(Path pom, boolean check, Map<String, List<String>> groups) throws Exception {
        List<ServiceEntry> registry = List.of(
                ServiceEntry.builder("user", ServiceKind.GRPC).group("identity").build());
        return new ProfilesWriter().run(new ProfilesWriter.Request(pom, groups, registry, null, check));
    }

    private Path pom(String text) throws Exception {
        Path pom = dir.resolve("pom.xml");
        Files.writeString(pom, text);
        return pom;
    }

    @Test
    @DisplayName("profiles go into a new <profiles> at the pom's own indentation; everything else stays byte for byte")
    void writesIntoNewProfilesSection() throws Exception {
        Path pom = pom(POM);

        ProfilesWriter.Outcome outcome = run(pom, false, Map.of());
        String after = Files.readString(pom);

        assertThat(outcome.written()).isTrue();
        assertThat(outcome.blockState()).isEqualTo("missing");
        assertThat(outcome.bomAdded()).isTrue();
        assertThat(after)
                .contains("    <profiles>\n        <!-- switchboard:profiles:begin")
                .contains("        <profile>\n            <id>compute</id>")
                .contains("<switchboard.group.compute>true</switchboard.group.compute>")
                .contains("<artifactId>ec2</artifactId>")
                .contains("<id>identity</id>")
                .contains("                <artifactId>bom</artifactId>\n                <version>"
                        + AwsCatalogue.bundled().sdkVersion());
        String withoutAdded = after.replaceAll("(?s)    <dependencyManagement>.*?</dependencyManagement>\n", "")
                .replaceAll("(?s)    <profiles>.*?</profiles>\n", "");
        assertThat(withoutAdded).isEqualTo(POM);
    }

    @Test
    @DisplayName("a second run changes nothing, and the check passes")
    void isIdempotent() throws Exception {
        Path pom = pom(POM);
        run(pom, false, Map.of());
        byte[] once = Files.readAllBytes(pom);

        ProfilesWriter.Outcome again = run(pom, false, Map.of());
        ProfilesWriter.Outcome check = run(pom, true, Map.of());

        assertThat(again.written()).isFalse();
        assertThat(Files.readAllBytes(pom)).isEqualTo(once);
        assertThat(check.checkFailure()).isNull();
    }

    @Test
    @DisplayName(
            "changing <groups> makes the block stale: the check fails with the command that fixes it, writing nothing")
    void checkFailsWhenStale() throws Exception {
        Path pom = pom(POM);
        run(pom, false, Map.of());
        byte[] before = Files.readAllBytes(pom);

        ProfilesWriter.Outcome check = run(pom, true, Map.of("payments", List.of("sqs")));

        assertThat(check.blockState()).isEqualTo("stale");
        assertThat(check.checkFailure()).contains("stale").endsWith("run `mvn switchboard:profiles` to write them");
        assertThat(Files.readAllBytes(pom)).isEqualTo(before);
    }

    @Test
    @DisplayName("an existing block is replaced between the markers only; CRLF line ends are kept")
    void replacesBetweenMarkersKeepingLineEnds() throws Exception {
        Path pom = pom(POM.replace(
                        "</project>",
                        "    <profiles>\n        <profile><id>mine</id></profile>\n"
                                + "        <!-- switchboard:profiles:begin old -->\n        junk\n        <!-- switchboard:profiles:end -->\n"
                                + "    </profiles>\n</project>")
                .replace("\n", "\r\n"));

        run(pom, false, Map.of());
        String after = Files.readString(pom);

        assertThat(after).contains("<profile><id>mine</id></profile>\r\n        <!-- switchboard:profiles:begin:");
        assertThat(after).doesNotContain("junk").doesNotContain("begin old");
        assertThat(after.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    @DisplayName("duplicated or unbalanced markers and malformed XML are errors that leave the pom untouched")
    void refusesBadPoms() throws Exception {
        String twice = POM.replace(
                "</project>",
                "<profiles>\n<!-- switchboard:profiles:begin -->\n"
                        + "<!-- switchboard:profiles:begin -->\n<!-- switchboard:profiles:end -->\n</profiles>\n</project>");
        String unbalanced =
                POM.replace("</project>", "<profiles>\n<!-- switchboard:profiles:end -->\n</profiles>\n</project>");
        String malformed = POM.replace("</dependencies>", "</dependency>");
        for (String text : List.of(twice, unbalanced, malformed)) {
            Path pom = pom(text);
            assertThatThrownBy(() -> run(pom, false, Map.of())).isInstanceOf(InputException.class);
            assertThat(Files.readString(pom)).isEqualTo(text);
        }
        Path pom = pom(malformed);
        assertThatThrownBy(() -> run(pom, false, Map.of()))
                .hasMessageContaining("pom.xml:11:")
                .hasMessageContaining("not well-formed XML");
    }

    @Test
    @DisplayName("`all` lists every catalogued module and `minimal` the core ones; <groups> moves a module's profile")
    void allAndMinimal() {
        AwsCatalogue catalogue = AwsCatalogue.bundled();
        ProfilesModel model = ProfilesModel.of(catalogue, Map.of("payments", List.of("sqs")), List.of());
        Map<String, ProfilesModel.Profile> byId = new java.util.HashMap<>();
        model.profiles().forEach(p -> byId.put(p.id(), p));
        TreeSet<String> every = new TreeSet<>();
        catalogue.modules().forEach(m -> every.add(m.artifactId()));

        assertThat(byId.get("all").artifactIds()).containsExactlyElementsOf(every);
        assertThat(byId.get("minimal").artifactIds())
                .contains("sts", "iam", "kms")
                .doesNotContain("s3", "ec2");
        assertThat(byId.get("payments").artifactIds()).containsExactly("sqs");
        assertThat(byId.get("messaging").artifactIds()).doesNotContain("sqs").contains("sns");
        assertThat(model.profiles()).extracting(ProfilesModel.Profile::id).endsWith("all", "minimal");
    }
}

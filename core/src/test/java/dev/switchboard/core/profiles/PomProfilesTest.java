package dev.switchboard.core.profiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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
        return new ProfilesWriter().run(new ProfilesWriter.Request(pom, groups, registry, null, check, null));
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

    /** The fixture with {@code inner} inside a new {@code <profiles>} (which opens on line 12). */
    private static String withProfiles(String inner) {
        return POM.replace("</project>", "    <profiles>\n" + inner + "    </profiles>\n</project>");
    }

    private static final String BEGIN = "        <!-- switchboard:profiles:begin -->\n";
    private static final String END = "        <!-- switchboard:profiles:end -->\n";

    /**
     * A bad pom as a user would hit it.
     *
     * @param name what is wrong, for the test's name
     * @param bytes the pom
     * @param place where the message must point ({@code pom.xml:line:col:})
     * @param fragments what it must say: what is wrong and the fix
     */
    record BadPom(String name, byte[] bytes, String place, List<String> fragments) {
        BadPom(String name, String text, String place, String... fragments) {
            this(name, text.getBytes(StandardCharsets.UTF_8), place, List.of(fragments));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<BadPom> badPoms() {
        byte[] latin1 = POM.replace("keep   this", "caf\u00e9").getBytes(StandardCharsets.ISO_8859_1);
        return Stream.of(
                new BadPom(
                        "an end tag that does not match",
                        POM.replace("</dependencies>", "</dependency>"),
                        "pom.xml:11:",
                        "not well-formed XML: The element type \"dependencies\" must be terminated",
                        "correct the XML there"),
                new BadPom("an empty file", "", "pom.xml:1:1: the file is empty", "restore the pom's content"),
                new BadPom(
                        "a second element after </project>",
                        POM + "<project/>\n",
                        "pom.xml:13:2: there is more after the root element's end tag",
                        "keep one <project> element"),
                new BadPom(
                        "an unescaped ampersand",
                        POM.replace("<version>1</version>", "<version>R&D</version>"),
                        "pom.xml:8:17: an & that does not start &amp;",
                        "write a literal & as &amp;"),
                new BadPom(
                        "a DOCTYPE",
                        POM.replace("<project>", "<!DOCTYPE project>\n<project>"),
                        "pom.xml:2:",
                        "a <!DOCTYPE> declaration",
                        "remove the <!DOCTYPE …> line"),
                new BadPom(
                        "a root other than <project>",
                        "<?xml version=\"1.0\"?>\n<settings>\n  <localRepository/>\n</settings>\n",
                        "pom.xml:2:1: the root element is <settings>, so this is not a Maven pom",
                        "run the goal in a project whose pom.xml holds a <project>"),
                new BadPom(
                        "the end marker before the begin marker",
                        withProfiles(END + BEGIN),
                        "pom.xml:13:9: the end marker comes before the begin marker (line 14)",
                        "swap the two markers, or delete both"),
                new BadPom(
                        "a begin marker alone",
                        withProfiles(BEGIN),
                        "pom.xml:13:9: the begin marker has no end marker after it",
                        "put <!-- switchboard:profiles:end --> after the last generated profile"),
                new BadPom(
                        "an end marker alone",
                        withProfiles("        <profile><id>mine</id></profile>\n" + END),
                        "pom.xml:14:9: the end marker has no begin marker before it",
                        "put <!-- switchboard:profiles:begin --> before the first generated profile"),
                new BadPom(
                        "two generated blocks",
                        withProfiles(BEGIN + END + BEGIN + END),
                        "pom.xml:15:9: a second block of switchboard profiles starts here (the first starts on line 13)",
                        "keep one block: delete the other, its markers and the profiles between them"),
                new BadPom(
                        "markers inside <build>",
                        POM.replace("</project>", "    <build>\n" + BEGIN + END + "    </build>\n</project>"),
                        "pom.xml:13:9: the begin marker is inside <project><build>, where Maven does not read profiles",
                        "move both markers and the profiles between them into <profiles> of <project>"),
                new BadPom(
                        "a profile of the user's own with a group's id",
                        withProfiles("        <profile>\n            <id>storage</id>\n        </profile>\n"),
                        "pom.xml:14:13: your profile \"storage\" has the id of a profile switchboard writes",
                        "Maven refuses a pom with two profiles of one id",
                        "rename or remove your profile"),
                new BadPom(
                        "generated profiles whose markers were deleted",
                        withProfiles("        <profile>\n            <id>storage</id>\n            <properties>\n"
                                + "                <switchboard.group.storage>true</switchboard.group.storage>\n"
                                + "            </properties>\n        </profile>\n"
                                + "        <profile>\n            <id>minimal</id>\n            <properties>\n"
                                + "                <switchboard.group.core>true</switchboard.group.core>\n"
                                + "            </properties>\n        </profile>\n"),
                        "pom.xml:14:13: 2 profiles (\"storage\", \"minimal\") look like ones `mvn switchboard:profiles`"
                                + " wrote, but the markers around them are gone",
                        "put back <!-- switchboard:profiles:begin --> on the line before them and"
                                + " <!-- switchboard:profiles:end --> on the line after them, or delete them"),
                new BadPom(
                        "a byte that is not UTF-8, with no encoding declared",
                        new String(latin1, StandardCharsets.ISO_8859_1)
                                .replace(" encoding=\"UTF-8\"", "")
                                .getBytes(StandardCharsets.ISO_8859_1),
                        "pom.xml:4:13: the byte 0xE9 here is not UTF-8 text",
                        List.of("save the file as UTF-8, or declare the encoding it is in")),
                new BadPom(
                        "an encoding no one knows",
                        POM.replace("UTF-8", "klingon"),
                        "pom.xml:1:31: the XML declaration names the encoding \"klingon\", which is not a known encoding",
                        "name the file's real encoding there"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPoms")
    @DisplayName(
            "a pom the profiles cannot go into is refused at its place with the fix, writing or checking, and stays byte for byte")
    void refusesBadPoms(BadPom bad) throws Exception {
        Path pom = dir.resolve("pom.xml");
        Files.write(pom, bad.bytes());
        OutputSnapshot before = OutputSnapshot.of(dir);

        for (boolean check : List.of(false, true)) {
            assertThatThrownBy(() -> run(pom, check, Map.of()))
                    .isInstanceOf(InputException.class)
                    .satisfies(e -> assertThat(((InputException) e).problems())
                            .allSatisfy(p ->
                                    assertThat(p.line()).as("line of %s", p).isPositive())
                            .allSatisfy(
                                    p -> assertThat(p.fix()).as("fix of %s", p).isNotBlank()))
                    .hasMessageContaining(bad.place())
                    .hasMessageContaining("the pom was left untouched")
                    .hasMessageNotContaining("Exception")
                    .satisfies(e -> assertThat(e.getMessage()).contains(bad.fragments()));
            before.assertUnchanged(dir);
        }
    }

    @Test
    @DisplayName("deleting the markers but keeping the generated profiles is refused, not written twice")
    void refusesGeneratedProfilesWithoutMarkers() throws Exception {
        Path pom = pom(POM);
        run(pom, false, Map.of());
        String unmarked = Files.readString(pom).replaceAll("(?m)^.*switchboard:profiles:(begin|end).*\n", "");
        Files.writeString(pom, unmarked);
        OutputSnapshot before = OutputSnapshot.of(dir);

        assertThatThrownBy(() -> run(pom, false, Map.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("pom.xml:" + lineOf(unmarked, "<id>") + ":13: ")
                .hasMessageContaining(
                        "look like ones `mvn switchboard:profiles` wrote, but the markers around them" + " are gone")
                .hasMessageContaining("put back <!-- switchboard:profiles:begin -->");
        before.assertUnchanged(dir);
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle))
                        .chars()
                        .filter(c -> c == '\n')
                        .count()
                + 1;
    }

    @Test
    @DisplayName("a pom.xml that is a symbolic link is written where it points, and stays a link")
    void writesThroughSymbolicLink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("shared")).resolve("pom.xml");
        Files.writeString(real, POM);
        Path project = Files.createDirectories(dir.resolve("project"));
        Path link = Files.createSymbolicLink(project.resolve("pom.xml"), Path.of("../shared/pom.xml"));

        ProfilesWriter.Outcome outcome = run(link, false, Map.of());

        assertThat(outcome.written()).isTrue();
        assertThat(Files.isSymbolicLink(link)).as("pom.xml is still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../shared/pom.xml"));
        assertThat(Files.readString(real)).contains("<!-- switchboard:profiles:begin");
        try (Stream<Path> files = Files.list(project)) {
            assertThat(files).containsExactly(link);
        }
        try (Stream<Path> files = Files.list(real.getParent())) {
            assertThat(files).as("no temporary file left beside the target").containsExactly(real);
        }
        assertThat(run(link, true, Map.of()).checkFailure()).isNull();
    }

    @Test
    @DisplayName("a pom with a UTF-8 byte-order mark is edited and keeps the mark")
    void keepsByteOrderMark() throws Exception {
        Path pom = dir.resolve("pom.xml");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        Files.write(pom, concat(bom, POM.getBytes(StandardCharsets.UTF_8)));

        ProfilesWriter.Outcome outcome = run(pom, false, Map.of());
        byte[] after = Files.readAllBytes(pom);

        assertThat(outcome.written()).isTrue();
        assertThat(Arrays.copyOf(after, 3)).isEqualTo(bom);
        assertThat(new String(after, 3, after.length - 3, StandardCharsets.UTF_8))
                .startsWith("<?xml")
                .doesNotContain("\uFEFF")
                .contains("<!-- switchboard:profiles:begin");
        assertThat(run(pom, false, Map.of()).written()).isFalse();
        assertThat(run(pom, true, Map.of()).checkFailure()).isNull();
    }

    @Test
    @DisplayName("a pom in the encoding its XML declaration names is written back in that encoding")
    void keepsDeclaredEncoding() throws Exception {
        String latin = POM.replace("UTF-8", "ISO-8859-1").replace("keep   this", "caf\u00e9");
        Path pom = dir.resolve("pom.xml");
        Files.write(pom, latin.getBytes(StandardCharsets.ISO_8859_1));

        run(pom, false, Map.of());
        byte[] after = Files.readAllBytes(pom);

        assertThat(new String(after, StandardCharsets.ISO_8859_1))
                .contains("<!-- caf\u00e9 -->")
                .contains("<!-- switchboard:profiles:begin");
        assertThat(run(pom, true, Map.of()).checkFailure()).isNull();
    }

    @Test
    @DisplayName("a read-only pom is refused naming the file, and checking it still works")
    void refusesReadOnlyPom() throws Exception {
        Path pom = pom(POM);
        Files.setPosixFilePermissions(pom, PosixFilePermissions.fromString("r--r--r--"));
        OutputSnapshot before = OutputSnapshot.of(dir);

        assertThatThrownBy(() -> run(pom, false, Map.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("pom.xml: is read-only, so the profiles cannot be written")
                .hasMessageContaining("make it writable, or only check with -Dswitchboard.profiles.check=true");
        before.assertUnchanged(dir);
        assertThat(run(pom, true, Map.of()).checkFailure()).contains("missing");
    }

    @Test
    @DisplayName("markers that share a line with <profiles> keep the tags around them, and a rerun changes nothing")
    void markersSharingALine() throws Exception {
        Path pom = pom(POM.replace(
                "</project>",
                "    <profiles><profile><id>mine</id></profile><!-- switchboard:profiles:begin -->"
                        + "<!-- switchboard:profiles:end --></profiles>\n</project>"));

        run(pom, false, Map.of());
        String once = Files.readString(pom);

        assertThat(once)
                .contains("    <profiles><profile><id>mine</id></profile>\n        <!-- switchboard:profiles:begin");
        assertThat(once).containsOnlyOnce("<profiles>").containsOnlyOnce("</profiles>");
        assertThat(run(pom, false, Map.of()).written()).isFalse();
        assertThat(Files.readString(pom)).isEqualTo(once);
    }

    @Test
    @DisplayName(
            "a replacement template that renders broken XML fails naming the template, and the pom stays as it was")
    void refusesTemplateThatBreaksThePom() throws Exception {
        Path pom = pom(POM);
        Path templates = Files.createDirectories(dir.resolve("templates"));
        Files.writeString(templates.resolve(ProfilesWriter.TEMPLATE), "${base}<profile><id>x</id>\n");
        OutputSnapshot before = OutputSnapshot.of(dir);

        assertThatThrownBy(() -> new ProfilesWriter()
                        .run(new ProfilesWriter.Request(pom, Map.of(), List.of(), templates, false, null)))
                .isInstanceOf(RenderException.class)
                .hasMessageContaining("profiles.xml.ftl renders profiles that would break pom.xml")
                .hasMessageContaining("fix the template");
        before.assertUnchanged(dir);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
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

    @Test
    @DisplayName(
            "by default every group and `minimal` are written but not `all`; the outcome counts profiles and lines")
    void defaultLeavesOutAll() throws Exception {
        Path pom = pom(POM);

        ProfilesWriter.Outcome outcome = run(pom, false, Map.of());

        assertThat(outcome.profiles())
                .contains("storage", "compute", "identity", "minimal")
                .doesNotContain("all");
        String text = Files.readString(pom);
        String block = text.substring(
                text.lastIndexOf('\n', text.indexOf("switchboard:profiles:begin")) + 1,
                text.indexOf('\n', text.indexOf("switchboard:profiles:end")) + 1);
        assertThat(outcome.lines()).isEqualTo((int) block.lines().count()).isGreaterThan(100);
    }

    @Test
    @DisplayName("<profileGroups> writes only the profiles named, `all` among them when named")
    void onlyTheGroupsAskedFor() throws Exception {
        Path pom = pom(POM);
        List<ServiceEntry> registry = List.of();

        ProfilesWriter.Outcome outcome = new ProfilesWriter()
                .run(new ProfilesWriter.Request(
                        pom, Map.of(), registry, null, false, List.of("database", "storage", "all")));

        assertThat(outcome.profiles()).containsExactly("storage", "database", "all");
        assertThat(PomProfiles.profileIds(Files.readString(pom))).containsExactly("storage", "database", "all");
        assertThat(new ProfilesWriter().isStale(new ProfilesWriter.Request(pom, Map.of(), registry, null, true, null)))
                .as("a goal that does not see <profileGroups> compares the profiles the block holds")
                .isFalse();
    }

    @Test
    @DisplayName("a <profileGroups> name that is no group is an error with the nearest names; the pom is untouched")
    void unknownProfileGroup() throws Exception {
        Path pom = pom(POM);

        assertThatThrownBy(() -> new ProfilesWriter()
                        .run(new ProfilesWriter.Request(pom, Map.of(), List.of(), null, false, List.of("stroage"))))
                .isInstanceOfSatisfying(
                        InputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith("<profileGroups>: \"stroage\" is not a group (nearest: storage")
                                .endsWith(
                                        "; name groups of the catalogue, of <groups> or of your proto services, or all or"
                                                + " minimal"));
        assertThat(Files.readString(pom)).isEqualTo(POM);
    }
}

package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.testing.OutputSnapshot;
import dev.switchboard.core.testing.ProtoProject;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of a bad-input table for the rules and overrides files: what breaks the project, and the
 * message it must give: the place ({@code file:line:col: } or the XML parameter), what is wrong, the fix.
 *
 * @param name what the row shows, for the test's display name
 * @param breakIt writes the bad input into a project whose registry was built once already
 * @param run the step that must fail; a registry build unless the row says otherwise
 */
record BadDataFileCase(String name, Step breakIt, Step run, String place, String what, String fix) {

    /** Words of Jackson's and Java's that must never reach the user. */
    private static final List<String> FOREIGN = List.of(
            "java.",
            "com.fasterxml",
            "Jackson",
            "Cannot deserialize",
            "Cannot construct",
            "Cannot coerce",
            "was expecting",
            "while scanning",
            "while parsing",
            "Unrecognized token",
            "No content to map",
            "Exception",
            "START_ARRAY",
            "dev.switchboard");

    /** Something done to a project, or the step that should fail. */
    interface Step {
        void on(ProtoProject project) throws Exception;
    }

    static final Step BUILD = project -> new RegistryBuilder().build(project.request());

    @Override
    public String toString() {
        return name;
    }

    /**
     * Runs the row against a project that has built its registry once: the step fails with exactly one
     * problem naming what is wrong, at the expected place and with the fix, in the user's words; the
     * registry directory keeps every byte.
     */
    void assertOn(ProtoProject project) throws Exception {
        Path outputs = project.base().resolve("target/switchboard");
        OutputSnapshot before = OutputSnapshot.of(outputs);
        assertThat(before.size()).as("outputs of the earlier good run").isPositive();
        breakIt.on(project);

        InputException e = catchThrowableOfType(() -> run.on(project), InputException.class);

        assertThat(e).as("the failure of: " + name).isNotNull();
        List<String> matching = e.problems().stream()
                .map(Problem::toString)
                .filter(p -> p.contains(what))
                .toList();
        assertThat(matching)
                .as("problems saying: " + what + ", among: " + e.problems())
                .hasSize(1);
        assertThat(matching.get(0)).startsWith(place + what).contains("; " + fix);
        assertThat(occurrences(e.getMessage(), what))
                .as("times the message says it")
                .isEqualTo(1);
        FOREIGN.forEach(word -> assertThat(e.getMessage()).doesNotContain(word));
        OutputSnapshot.of(outputs).assertUnchangedSince(before);
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

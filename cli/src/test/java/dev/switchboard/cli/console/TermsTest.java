package dev.switchboard.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.diag.Problem;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TermsTest {
    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(
                        Problem.in("switchboard.format", "\"xml\" is not a format of this goal", "use one of [json]"),
                        "--format: \"xml\" is not a format of this command; use one of [json]"),
                Arguments.of(
                        Problem.in("<endpoints><billing>", "\"x\" is not an endpoint URL", "write http://host:port"),
                        "--endpoint billing: \"x\" is not an endpoint URL; write http://host:port"),
                Arguments.of(
                        Problem.in("<groups><payments>", "\"sqs\" is not a service", "correct the name"),
                        "--group payments: \"sqs\" is not a service; correct the name"),
                Arguments.of(
                        Problem.in(
                                "switchboard.service",
                                "\"usr\" is not in the registry",
                                "use one of the names `mvn switchboard:services` lists"),
                        "--service: \"usr\" is not in the registry; use one of the names `switchboard services` lists"),
                Arguments.of(
                        Problem.in(
                                "<protoSourceRoots>",
                                "no .proto files found in src/main/proto",
                                "add protos there, point <protoSourceRoots> at them, or set <failOnMissingSources>false"),
                        "--proto-path: no .proto files found in src/main/proto; add protos there, point --proto-path"
                                + " at them, or leave out --fail-on-missing-sources"),
                Arguments.of(
                        Problem.at("src/main/proto/a.proto", 3, 7, "unexpected label", "fix the syntax"),
                        "src/main/proto/a.proto:3:7: unexpected label; fix the syntax"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("problems")
    @DisplayName("a problem names the option, not the plugin parameter, and the command, not the goal")
    void translates(Problem problem, String expected) {
        assertThat(Terms.of(problem).toString()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    @DisplayName("messages name the command line's switches")
    void texts(String text, String expected) {
        assertThat(Terms.text(text)).isEqualTo(expected);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of(
                        "switchboard.group.payments=true selects no service",
                        "--select-group payments selects no service"),
                Arguments.of(
                        "the group profiles are stale; run `mvn switchboard:profiles` to update them",
                        "the group profiles are stale; run `switchboard profiles` to update them"),
                Arguments.of(
                        "check with -Dswitchboard.profiles.check=true; the pom was left untouched",
                        "check with --check; the pom was left untouched"));
    }
}

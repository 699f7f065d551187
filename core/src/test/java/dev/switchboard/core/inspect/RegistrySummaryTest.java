package dev.switchboard.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistrySummaryTest {
    @Test
    @DisplayName("the registry summary aligns one line per service with its kind, group, methods and dependencies")
    void rendersSummary() {
        Registry registry = Registry.of(
                "f",
                List.of(
                        ServiceEntry.builder("notification", ServiceKind.GRPC)
                                .group("messaging")
                                .addDependency(new Dependency("user", "type:a.User"))
                                .build(),
                        ServiceEntry.builder("s3", ServiceKind.AWS).build()));

        assertThat(RegistrySummary.lines(registry))
                .containsExactly(
                        "notification  grpc  messaging    0 methods  -> user",
                        "s3            aws   -            0 methods");
    }

    private static final Registry LARGE = Registry.of(
            "f",
            IntStream.rangeClosed(1, 60)
                    .mapToObj(i -> ServiceEntry.builder("svc-%02d".formatted(i), ServiceKind.GRPC)
                            .build())
                    .toList());

    @Test
    @DisplayName("a large registry's table stops after 50 rows with a line saying how many more and how to see them")
    void capsLargeTables() {
        assertThat(RegistrySummary.lines(LARGE, RegistrySummary.Length.CAPPED))
                .hasSize(51)
                .startsWith("svc-01  grpc  -    0 methods")
                .contains("svc-50  grpc  -    0 methods")
                .doesNotContain("svc-51  grpc  -    0 methods")
                .endsWith("… and 10 more (set switchboard.summary=full to list all)");
    }

    @Test
    @DisplayName("summary=full lists every service and false none")
    void fullAndNone() {
        assertThat(RegistrySummary.lines(LARGE, RegistrySummary.Length.FULL))
                .hasSize(60)
                .endsWith("svc-60  grpc  -    0 methods");
        assertThat(RegistrySummary.lines(LARGE, RegistrySummary.Length.NONE)).isEmpty();
    }

    @Test
    @DisplayName("the summary setting takes true, full and false, in any case, and nothing else")
    void parsesSetting() {
        assertThat(RegistrySummary.Length.of("true")).contains(RegistrySummary.Length.CAPPED);
        assertThat(RegistrySummary.Length.of("FULL")).contains(RegistrySummary.Length.FULL);
        assertThat(RegistrySummary.Length.of("false")).contains(RegistrySummary.Length.NONE);
        assertThat(RegistrySummary.Length.of("all")).isEqualTo(Optional.empty());
    }
}

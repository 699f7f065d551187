package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.render.TemplateRenderer;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegistrySummaryTest {
    private static final Registry LARGE = Registry.of(
            "f",
            IntStream.rangeClosed(1, 60)
                    .mapToObj(i -> ServiceEntry.builder("svc-%02d".formatted(i), ServiceKind.GRPC)
                            .build())
                    .toList());

    @Test
    @DisplayName("a large registry's table stops after 50 rows with a line saying how many more and how to see them")
    void capsLargeTables() throws Exception {
        assertThat(RegistrySummary.lines(LARGE, new TemplateRenderer(), RegistrySummary.Length.CAPPED))
                .hasSize(51)
                .startsWith("svc-01  grpc  -    0 methods")
                .contains("svc-50  grpc  -    0 methods")
                .doesNotContain("svc-51  grpc  -    0 methods")
                .endsWith("… and 10 more (set switchboard.summary=full to list all)");
    }

    @Test
    @DisplayName("summary=full lists every service and false none")
    void fullAndNone() throws Exception {
        assertThat(RegistrySummary.lines(LARGE, new TemplateRenderer(), RegistrySummary.Length.FULL))
                .hasSize(60)
                .endsWith("svc-60  grpc  -    0 methods");
        assertThat(RegistrySummary.lines(LARGE, new TemplateRenderer(), RegistrySummary.Length.NONE))
                .isEmpty();
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

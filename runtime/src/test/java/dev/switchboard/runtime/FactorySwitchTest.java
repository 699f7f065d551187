package dev.switchboard.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FactorySwitchTest {
    private final Map<String, String> properties = new HashMap<>();
    private final Map<String, String> environment = new HashMap<>();

    @Test
    @DisplayName("with nothing set every service stays on the legacy factory")
    void legacyByDefault() {
        assertThat(FactorySwitch.live(properties::get, environment::get).factory("s3"))
                .isEqualTo(FactorySwitch.Factory.LEGACY);
    }

    @Test
    @DisplayName("a service's own setting wins over the whole switch, and a system property over the environment")
    void serviceWinsOverWholeAndPropertyOverEnvironment() {
        environment.put("SWITCHBOARD_FACTORY", "generated");
        environment.put("SWITCHBOARD_FACTORY_USER_PROFILE", "legacy");
        properties.put("switchboard.factory.s3", "Generated");
        FactorySwitch choice = FactorySwitch.live(properties::get, environment::get);

        assertThat(choice.factory("user-profile")).isEqualTo(FactorySwitch.Factory.LEGACY);
        assertThat(choice.generated("dynamodb")).isTrue();
        environment.put("SWITCHBOARD_FACTORY_S3", "legacy");
        assertThat(choice.generated("s3")).isTrue();
    }

    @Test
    @DisplayName("a fixed switch keeps what it read; a live one follows a change")
    void fixedKeepsLiveFollows() {
        FactorySwitch fixed = FactorySwitch.fixed(List.of("s3"), properties::get, environment::get);
        FactorySwitch live = FactorySwitch.live(properties::get, environment::get);
        properties.put("switchboard.factory", "generated");

        assertThat(fixed.generated("s3")).isFalse();
        assertThat(live.generated("s3")).isTrue();
    }

    @Test
    @DisplayName("a value that is neither legacy nor generated is refused, naming the setting and the values")
    void refusesUnknownValues() {
        environment.put("SWITCHBOARD_FACTORY_S3", "new");

        assertThatThrownBy(() -> FactorySwitch.fixed(List.of("s3"), properties::get, environment::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SWITCHBOARD_FACTORY_S3=\"new\" is not a factory; set it to legacy or generated");
    }
}

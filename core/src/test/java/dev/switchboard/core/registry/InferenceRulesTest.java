package dev.switchboard.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InferenceRulesTest {

    private static InferenceRules mapped(byte[] json) throws IOException {
        return RegistryCodec.mapper(RegistryFormat.JSON).readValue(json, InferenceRules.class);
    }

    @Test
    @DisplayName("the shipped rules read by the streaming parser are what the object mapper reads from them")
    void defaultsAsMapped() throws IOException {
        byte[] json;
        try (InputStream in = InferenceRules.class.getResourceAsStream(InferenceRules.DEFAULTS)) {
            json = in.readAllBytes();
        }

        InferenceRules defaults = InferenceRules.defaults();

        assertThat(defaults).isEqualTo(mapped(json));
        assertThat(defaults.capabilities())
                .extracting(InferenceRules.CapabilityRule::name)
                .contains("create", "stream", "crud");
        assertThat(defaults.ignoredTypePackages()).contains("google.protobuf");
    }

    @Test
    @DisplayName("every field of the rules' JSON form is read by the streaming parser as the mapper reads it")
    void everyField() throws IOException {
        byte[] json = """
                {
                  "capabilities": [
                    {"name": "export", "prefixes": ["export", "dump"], "streaming": true, "requires": []},
                    {"requires": ["create", "read"], "name": "both"},
                    {"name": "tail", "streaming": false, "prefixes": []}
                  ],
                  "ignoredTypePackages": ["acme.common", "google.type"],
                  "dependencies": [{"service": "orders", "dependsOn": "billing"}, {"dependsOn": "a", "service": "b"}]
                }
                """.getBytes(StandardCharsets.UTF_8);

        InferenceRules streamed = InferenceRules.readStreaming(new ByteArrayInputStream(json));

        assertThat(streamed).isEqualTo(mapped(json));
        assertThat(streamed.dependencies()).hasSize(2);
        assertThat(streamed.capabilities().get(0).streaming()).isTrue();
        assertThat(streamed.capabilities().get(1).requires()).containsExactly("create", "read");
    }
}

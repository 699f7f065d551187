package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Stdout of {@code --format json}: exactly one JSON document, nothing before or after it. */
final class Json {
    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    static JsonNode single(String stdout) {
        try {
            JsonNode document = MAPPER.readTree(stdout);
            assertThat(document).as("one JSON document on stdout:\n%s", stdout).isNotNull();
            return document;
        } catch (JsonProcessingException e) {
            throw new AssertionError(
                    "stdout is not exactly one JSON document (" + e.getOriginalMessage() + "):\n" + stdout, e);
        }
    }
}

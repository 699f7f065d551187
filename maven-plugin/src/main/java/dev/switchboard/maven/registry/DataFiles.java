package dev.switchboard.maven.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.switchboard.maven.diag.Problem;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reading the user's YAML and JSON files (rules, overrides) strictly, with placed errors. */
final class DataFiles {
    private DataFiles() {}

    /** A mapper for the file's format that rejects unknown fields, so typos are reported, not ignored. */
    static ObjectMapper strictMapper(Path file) {
        return RegistryCodec.mapper(RegistryFormat.of(file)).copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The problem a Jackson error describes, at its line and column. */
    static Problem problem(String where, JsonProcessingException e, String fix) {
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage();
        if (e instanceof UnrecognizedPropertyException unknown) {
            message = "unknown field \"" + unknown.getPropertyName() + "\"; known fields: "
                    + unknown.getKnownPropertyIds().stream()
                            .map(String::valueOf)
                            .sorted()
                            .collect(Collectors.joining(", "));
        } else {
            message = message.replaceAll("\\s*\\(for Object starting at[^)]*\\)", "")
                    .replaceAll("dev\\.switchboard\\.[\\w.$]+", "this entry")
                    .lines()
                    .findFirst()
                    .orElse(message);
        }
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        return Problem.at(where, line, column, message, fix);
    }
}

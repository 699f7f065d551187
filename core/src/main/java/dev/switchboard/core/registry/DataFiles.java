package dev.switchboard.core.registry;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reading the user's YAML and JSON files (rules, overrides) strictly, with placed errors. */
final class DataFiles {
    private DataFiles() {}

    /** A mapper for the file's format that rejects unknown fields, so typos are reported, not ignored. */
    static ObjectMapper strictMapper(Path file) {
        return RegistryCodec.mapper(RegistryFormat.of(file))
                .copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The problem a Jackson error describes, at its line and column. */
    static Problem problem(Path file, String where, JsonProcessingException e, String fix) {
        JsonLocation location = e.getLocation();
        String message = e.getOriginalMessage();
        int line = location == null ? 0 : Math.max(0, location.getLineNr());
        int column = location == null ? 0 : Math.max(0, location.getColumnNr());
        if (e instanceof UnrecognizedPropertyException unknown) {
            // Records are bound after their whole object is read, so Jackson reports the end of the
            // object; point at the misspelt key itself.
            int[] key = keyBefore(file, unknown.getPropertyName(), line);
            if (key != null) {
                line = key[0];
                column = key[1];
            }
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
        return Problem.at(where, line, column, message, fix);
    }

    /** The last line at or before {@code line} where {@code key} stands as a key, and its column. */
    private static int[] keyBefore(Path file, String key, int line) {
        try {
            List<String> lines = Files.readAllLines(file);
            Pattern asKey = Pattern.compile("(\"" + Pattern.quote(key) + "\"|\\b" + Pattern.quote(key) + ")\\s*:");
            for (int i = Math.min(line <= 0 ? lines.size() : line, lines.size()) - 1; i >= 0; i--) {
                Matcher m = asKey.matcher(lines.get(i));
                if (m.find()) {
                    return new int[] {i + 1, m.start() + 1};
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only the position is lost; the message still names the field.
        }
        return null;
    }
}

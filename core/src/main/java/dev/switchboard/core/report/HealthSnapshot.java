package dev.switchboard.core.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.health.HealthStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The last health report, as {@code mvn switchboard:health -Dswitchboard.format=json
 * -Dswitchboard.output=FILE} writes it (YAML too): per service its status, latency, what was checked and
 * the error.
 *
 * @param results one per checked service, in file order
 * @param skipped the services the report did not check for lack of an endpoint
 */
public record HealthSnapshot(List<Result> results, List<String> skipped) {

    /** The command that writes a health report this class reads, for the fixes in messages. */
    static final String WRITE_ONE = "write one with `mvn switchboard:health -Dswitchboard.format=json"
            + " -Dswitchboard.output=target/health.json`";

    /**
     * One service's result.
     *
     * @param latencyMs the check's duration in milliseconds, -1 when the report does not say
     * @param checked what was checked (a URL), or ""
     * @param error what went wrong, or ""
     */
    public record Result(String service, HealthStatus status, long latencyMs, String checked, String error) {}

    public HealthSnapshot {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
    }

    /**
     * Reads a health report, collecting every problem before it throws.
     *
     * @param shown the file as the user named it, for messages
     */
    public static HealthSnapshot read(Path file, String shown) throws InputException, IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        Reader reader = new Reader(shown);
        if (!yaml && !startsWithObject(bytes)) {
            throw new InputException(Problem.at(
                    shown,
                    1,
                    1,
                    "is not a JSON health report (the health goal writes a table unless it is asked for JSON)",
                    WRITE_ONE));
        }
        JsonFactory factory = yaml ? new YAMLFactory() : new JsonFactory();
        try (JsonParser parser = factory.createParser(bytes)) {
            reader.document(parser);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String what = e.getOriginalMessage() == null
                    ? ""
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            // What the reader found wrong so far may only be the syntax error seen from the side.
            reader.problems.clear();
            reader.problems.add(Problem.at(
                    shown,
                    at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr(),
                    "is not valid " + (yaml ? "YAML" : "JSON") + ": " + what,
                    "fix the file or " + WRITE_ONE));
        }
        if (!reader.problems.isEmpty()) {
            throw new InputException(
                    reader.problems.size() + " problem(s) in the health report " + shown, reader.problems);
        }
        return new HealthSnapshot(reader.results, reader.skipped);
    }

    private static boolean startsWithObject(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
                return b == '{';
            }
        }
        return false;
    }

    /** A streaming read, so every problem has its line and column. */
    private static final class Reader {
        private final String shown;
        private final List<Problem> problems = new ArrayList<>();
        private final List<Result> results = new ArrayList<>();
        private final List<String> skipped = new ArrayList<>();

        Reader(String shown) {
            this.shown = shown;
        }

        void document(JsonParser p) throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                problem(p, "holds no health report object", WRITE_ONE);
                return;
            }
            boolean sawResults = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("results")) {
                    sawResults = true;
                    results(p);
                } else if (field.equals("skipped")) {
                    skipped(p);
                } else {
                    p.skipChildren();
                }
            }
            if (!sawResults) {
                problems.add(Problem.at(shown, 1, 1, "has no \"results\" list", WRITE_ONE));
            }
        }

        private void results(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                problem(p, "\"results\" is not a list", "make it a list of results, or " + WRITE_ONE);
                p.skipChildren();
                return;
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String path = "results[" + index++ + "]";
                if (p.currentToken() != JsonToken.START_OBJECT) {
                    problem(p, path + " is not an object", "give each result a \"service\" and a \"status\"");
                    p.skipChildren();
                    continue;
                }
                result(p, path);
            }
        }

        private void result(JsonParser p, String path) throws IOException {
            JsonLocation start = p.currentTokenLocation();
            String service = null;
            boolean sawService = false;
            HealthStatus status = null;
            boolean sawStatus = false;
            long latency = -1;
            String checked = "";
            String error = "";
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "service" -> {
                        sawService = true;
                        service = text(p, path + ".service");
                    }
                    case "status" -> {
                        sawStatus = true;
                        status = status(p, path);
                    }
                    case "latencyMs" -> latency = value.isNumeric() ? p.getLongValue() : -1;
                    case "checked" ->
                        checked = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : "";
                    case "error" -> error = value.isScalarValue() && value != JsonToken.VALUE_NULL ? p.getText() : "";
                    default -> p.skipChildren();
                }
            }
            if (!sawService) {
                problems.add(Problem.at(
                        shown,
                        start.getLineNr(),
                        start.getColumnNr(),
                        path + " has no \"service\"",
                        "name the registry service it is about"));
            }
            if (!sawStatus) {
                problems.add(Problem.at(
                        shown, start.getLineNr(), start.getColumnNr(), path + " has no \"status\"", statusFix()));
            }
            if (service != null && status != null) {
                results.add(new Result(service, status, latency, checked, error));
            }
        }

        private HealthStatus status(JsonParser p, String path) throws IOException {
            String text = text(p, path + ".status");
            if (text == null) {
                return null;
            }
            String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
            for (HealthStatus s : HealthStatus.values()) {
                if (s.name().equals(key)) {
                    return s;
                }
            }
            List<String> known = Arrays.stream(HealthStatus.values())
                    .map(s -> s.name().toLowerCase(Locale.ROOT))
                    .toList();
            problem(
                    p,
                    path + ".status \"" + text + "\" is not a health status",
                    statusFix() + " (" + Suggestions.describe(text.toLowerCase(Locale.ROOT), known) + ")");
            return null;
        }

        private static String statusFix() {
            return "use one of "
                    + String.join(
                            ", ",
                            Arrays.stream(HealthStatus.values())
                                    .map(s -> s.name().toLowerCase(Locale.ROOT))
                                    .toList());
        }

        private void skipped(JsonParser p) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                problem(p, "\"skipped\" is not a list", "make it a list of service names, or leave it out");
                p.skipChildren();
                return;
            }
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String name = text(p, "skipped[" + index++ + "]");
                if (name != null) {
                    skipped.add(name);
                }
            }
        }

        /** A string value, or null after a problem saying it is not one. */
        private String text(JsonParser p, String path) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            problem(p, path + " is not a string", "write it as a name in quotes");
            p.skipChildren();
            return null;
        }

        private void problem(JsonParser p, String what, String fix) {
            JsonLocation at = p.currentTokenLocation();
            problems.add(Problem.at(shown, at.getLineNr(), at.getColumnNr(), what, fix));
        }
    }
}

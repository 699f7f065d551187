package dev.switchboard.core.proto;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.Options;
import com.squareup.wire.schema.ProtoMember;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Rpc;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.Type;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.registry.HttpRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code google.api.http} rules of an rpc, each checked: the path against the template grammar (see
 * {@link HttpTemplate}), its variables, {@code body} and {@code response_body} against the fields of the
 * request and response messages. A problem is placed at the string it is about, in the rpc's text.
 */
final class HttpRules {
    private static final List<String> VERBS = List.of("get", "put", "post", "delete", "patch");
    private static final String OPTION = "option (google.api.http)";

    private final Schema schema;
    private final String shown;
    private final String text;

    /**
     * @param shown the file's path as the user reads it
     * @param text the file's text, in which problems are placed; may be null
     */
    HttpRules(Schema schema, String shown, String text) {
        this.schema = schema;
        this.shown = shown;
        this.text = text;
    }

    /**
     * The rules of {@code rpc}, the option's own and then each of its {@code additional_bindings}.
     *
     * @param end where the rpc's text ends at the latest (the next rpc's location), or null for the file's
     *     end; strings are looked for between the rpc's start and there
     */
    List<HttpRule> read(Rpc rpc, Location end, List<Problem> problems) {
        Object value = rpc.getOptions().get(ProtoMember.get(Options.METHOD_OPTIONS, "google.api.http"));
        List<HttpRule> rules = new ArrayList<>();
        if (value instanceof Map<?, ?> rule) {
            add(rule, rpc, new Region(rpc.getLocation(), end), rules, problems);
        }
        return rules;
    }

    private void add(Map<?, ?> rule, Rpc rpc, Region region, List<HttpRule> out, List<Problem> problems) {
        String verb = null;
        String path = null;
        String body = "";
        String responseBody = "";
        List<Map<?, ?>> additional = new ArrayList<>();
        for (Map.Entry<?, ?> field : rule.entrySet()) {
            String key = memberName(field.getKey());
            Object v = field.getValue();
            if (VERBS.contains(key)) {
                verb = key.toUpperCase(Locale.ROOT);
                path = String.valueOf(v);
            } else if (key.equals("custom") && v instanceof Map<?, ?> custom) {
                for (Map.Entry<?, ?> c : custom.entrySet()) {
                    if (memberName(c.getKey()).equals("kind")) {
                        verb = String.valueOf(c.getValue());
                    } else if (memberName(c.getKey()).equals("path")) {
                        path = String.valueOf(c.getValue());
                    }
                }
            } else if (key.equals("body")) {
                body = String.valueOf(v);
            } else if (key.equals("response_body")) {
                responseBody = String.valueOf(v);
            } else if (key.equals("additional_bindings")) {
                if (v instanceof List<?> list) {
                    list.stream().filter(Map.class::isInstance).forEach(m -> additional.add((Map<?, ?>) m));
                } else if (v instanceof Map<?, ?> single) {
                    additional.add(single);
                }
            }
        }
        if (verb == null || path == null) {
            int[] at = place(region, OPTION, 0);
            problems.add(Problem.at(
                    shown,
                    at[0],
                    at[1],
                    "rpc " + rpc.getName() + ": a google.api.http rule has no path",
                    "give it one of get, put, post, delete, patch or custom, as in get: \"/v1/things/{id}\""));
        } else if (check(rpc, region, path, body, responseBody, problems)) {
            out.add(new HttpRule(verb, path, body));
        }
        additional.forEach(a -> add(a, rpc, region, out, problems));
    }

    /** Whether the rule is sound; each problem found is added. */
    private boolean check(
            Rpc rpc, Region region, String path, String body, String responseBody, List<Problem> problems) {
        int before = problems.size();
        HttpTemplate template = HttpTemplate.parse(path);
        if (template.error() != null) {
            HttpTemplate.Error error = template.error();
            int[] at = place(region, "\"" + path + "\"", 1 + error.index());
            problems.add(Problem.at(
                    shown,
                    at[0],
                    at[1],
                    "http path \"" + path + "\" of rpc " + rpc.getName() + ": " + error.what(),
                    error.fix()));
        }
        MessageType request = message(rpc.getRequestType());
        for (String variable : template.variables()) {
            Unbound unbound = unbound(request, variable);
            if (unbound != null) {
                int[] at = place(region, "\"" + path + "\"", 1 + path.indexOf("{" + variable) + 1);
                problems.add(Problem.at(
                        shown,
                        at[0],
                        at[1],
                        "http path \"" + path + "\" of rpc " + rpc.getName() + ": {" + variable + "} " + unbound.what(),
                        "bind a single field of " + rpc.getRequestType()
                                + (unbound.missing() == null ? "" : nearest(unbound.in(), unbound.missing()))));
            }
        }
        checkBody(rpc, region, "body", body, request, problems);
        checkBody(rpc, region, "response_body", responseBody, message(rpc.getResponseType()), problems);
        return problems.size() == before;
    }

    /** {@code body} is "*" or a field of the request; {@code response_body} a field of the response. */
    private void checkBody(
            Rpc rpc, Region region, String key, String value, MessageType message, List<Problem> problems) {
        if (value.isEmpty() || (key.equals("body") && value.equals("*")) || message == null) {
            return;
        }
        if (message.field(value) == null) {
            int[] at = place(region, "\"" + value + "\"", 0);
            problems.add(Problem.at(
                    shown,
                    at[0],
                    at[1],
                    "http " + key + " \"" + value + "\" of rpc " + rpc.getName() + " names no field of "
                            + message.getType(),
                    (key.equals("body") ? "use \"*\" for the whole request or " : "use ")
                            + "the name of one of its fields" + nearest(message, value)));
        }
    }

    /**
     * Why a variable's field path does not bind a single field.
     *
     * @param what what is wrong
     * @param in the message that lacks a field, for suggestions; null when a field exists but does not fit
     * @param missing the name that message lacks, or null
     */
    private record Unbound(String what, MessageType in, String missing) {}

    /** Why {@code path} (such as {@code parent.id}) does not name a single field of {@code message}, or null. */
    private Unbound unbound(MessageType message, String path) {
        MessageType in = message;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length; i++) {
            if (in == null) {
                return new Unbound("goes into " + names[i - 1] + ", which is not a message", null, null);
            }
            Field field = in.field(names[i]);
            if (field == null) {
                return new Unbound(
                        "names no field of " + in.getType() + (names.length > 1 ? " (at \"" + names[i] + "\")" : ""),
                        in,
                        names[i]);
            }
            if (field.isRepeated() || field.getType().isMap()) {
                return new Unbound(
                        "names a " + (field.getType().isMap() ? "map" : "repeated")
                                + " field, but a path variable binds one value",
                        null,
                        null);
            }
            in = field.getType().isScalar() ? null : message(field.getType());
        }
        return null;
    }

    private static String nearest(MessageType message, String name) {
        if (message == null) {
            return "";
        }
        List<String> near = Suggestions.nearest(
                name,
                message.getFieldsAndOneOfFields().stream().map(Field::getName).toList());
        return near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")";
    }

    private MessageType message(ProtoType type) {
        Type resolved = type == null ? null : schema.getType(type);
        return resolved instanceof MessageType m ? m : null;
    }

    /** An rpc's start, and where its text ends at the latest (null: at the file's end). */
    private record Region(Location start, Location end) {}

    /**
     * Line and column of character {@code index} of the first {@code needle} in the region; the region's
     * start when it is not found (a string written in pieces, say). Only a problem needs a place, so the
     * text is searched only then.
     */
    private int[] place(Region region, String needle, int index) {
        int start = offset(region.start());
        int end = region.end() == null ? Integer.MAX_VALUE : offset(region.end());
        int found = text == null ? -1 : text.indexOf(needle, start);
        return lineAndColumn(found >= 0 && found < end ? found + index : start);
    }

    private int offset(Location location) {
        if (text == null) {
            return 0;
        }
        int offset = 0;
        for (int line = 1; line < location.getLine() && offset >= 0; line++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return text.length();
            }
        }
        return Math.min(text.length(), offset + Math.max(0, location.getColumn() - 1));
    }

    private int[] lineAndColumn(int offset) {
        if (text == null) {
            return new int[] {0, 0};
        }
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new int[] {line, offset - lineStart + 1};
    }

    private static String memberName(Object key) {
        String s = String.valueOf(key);
        return s.substring(s.indexOf('#') + 1);
    }
}

package dev.switchboard.core.proto;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code google.api.http} path template checked against the grammar that {@code google/api/http.proto}
 * gives:
 *
 * <pre>
 * Template = "/" Segments [ Verb ] ;
 * Segments = Segment { "/" Segment } ;
 * Segment  = "*" | "**" | LITERAL | Variable ;
 * Variable = "{" FieldPath [ "=" Segments ] "}" ;
 * FieldPath = IDENT { "." IDENT } ;
 * Verb     = ":" LITERAL ;
 * </pre>
 *
 * <p>plus variables not nested and at most one {@code **}. http.proto asks for {@code **} to be the last
 * segment, but Google's own published APIs put it before a last variable (Firestore's parent paths end
 * in {@code **} followed by a {@code {collection_id}} segment) and their gateways route those, so only a
 * second {@code **}, which no router can split, is refused. A
 * LITERAL is made of the characters a URL path segment may hold (RFC 3986 {@code pchar} but {@code :}).
 *
 * @param variables the field paths of the template's variables, in order (those before the error when
 *     there is one)
 * @param error the first thing wrong with the template, or null
 */
record HttpTemplate(List<String> variables, Error error) {

    /** What is wrong with a template: the index of the character at fault, what, and the fix. */
    record Error(int index, String what, String fix) {}

    /** Thrown inside the parser only, to stop at the first error. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Error error;

        Failure(Error error) {
            super(error.what(), null, false, false);
            this.error = error;
        }
    }

    /** The template's variables and the first thing wrong with it. */
    static HttpTemplate parse(String template) {
        Parser parser = new Parser(template);
        try {
            parser.template();
            return new HttpTemplate(List.copyOf(parser.variables), null);
        } catch (Failure f) {
            return new HttpTemplate(List.copyOf(parser.variables), f.error);
        }
    }

    private static final class Parser {
        private final String t;
        private final List<String> variables = new ArrayList<>();
        private int i;
        private int firstDoubleStar = -1;
        private int variableStart = -1;

        Parser(String template) {
            this.t = template;
        }

        void template() {
            if (t.isEmpty()) {
                fail(0, "the path is empty", "give a path that starts with '/', such as \"/v1/things/{id}\"");
            }
            if (t.charAt(0) != '/') {
                fail(0, "the path does not start with '/'", "write \"/" + t + "\"");
            }
            if (t.equals("/")) {
                // The grammar wants a segment, but the transcoders that serve these rules (grpc-httpjson-
                // transcoding's http_template.cc) accept the root path alone.
                return;
            }
            i = 1;
            segments();
            if (i < t.length() && t.charAt(i) == ':') {
                int colon = i++;
                if (literal() == 0) {
                    fail(colon, "the verb after ':' is empty", "name the verb, as in \":cancel\", or drop the ':'");
                }
                if (i < t.length()) {
                    fail(
                            i,
                            "the verb (after ':') must end the path",
                            "move the verb to the end, or write a ':' that belongs to a segment as %3A");
                }
            }
            if (i < t.length()) {
                fail(i, unexpected(), "remove it");
            }
        }

        /** Segments up to the end, a verb, or the '}' of the variable they are in. */
        private void segments() {
            while (true) {
                segment();
                if (i < t.length() && t.charAt(i) == '/') {
                    i++;
                } else {
                    return;
                }
            }
        }

        private void segment() {
            int start = i;
            if (i < t.length() && t.charAt(i) == '}' && variableStart < 0) {
                fail(i, unexpected(), fixFor('}'));
            }
            if (i == t.length() || t.charAt(i) == '/' || t.charAt(i) == ':' || t.charAt(i) == '}') {
                fail(
                        i == t.length() ? i - 1 : i,
                        "empty segment (\"//\", or a '/' with nothing after it)",
                        "remove the extra '/'");
            }
            char c = t.charAt(i);
            if (c == '{') {
                variable();
            } else if (c == '*') {
                i++;
                if (i < t.length() && t.charAt(i) == '*') {
                    i++;
                    if (firstDoubleStar >= 0) {
                        fail(
                                start,
                                "a path may hold one '**' (the first is at character " + (firstDoubleStar + 1)
                                        + "), since two cannot be told apart",
                                "use '*' to match one segment");
                    }
                    firstDoubleStar = start;
                }
                if (i < t.length() && "/:}".indexOf(t.charAt(i)) < 0) {
                    fail(
                            start,
                            "a wildcard must be a whole segment (\"*\" or \"**\")",
                            "put the '*' in a segment of its own, or bind it with a variable such as {name=*}");
                }
            } else if (literal() == 0 || (i < t.length() && "/:}".indexOf(t.charAt(i)) < 0)) {
                fail(i, unexpected(), fixFor(t.charAt(i)));
            }
        }

        private void variable() {
            int open = i++;
            if (variableStart >= 0) {
                fail(
                        open,
                        "a variable inside a variable",
                        "variables cannot nest; bind the outer one to segments such as {name=projects/*}");
            }
            variableStart = open;
            int pathStart = i;
            if (i < t.length() && t.charAt(i) == '}') {
                fail(open, "empty variable {}", "name a field of the request message, as in {id}");
            }
            ident();
            while (i < t.length() && t.charAt(i) == '.') {
                i++;
                ident();
            }
            String path = t.substring(pathStart, i);
            if (variables.contains(path)) {
                fail(open, "field " + path + " is bound twice", "bind each field once");
            }
            variables.add(path);
            if (i < t.length() && t.charAt(i) == '=') {
                int equals = i++;
                if (i == t.length() || t.charAt(i) == '}') {
                    fail(
                            equals,
                            "variable " + path + " has '=' but no segments after it",
                            "write {" + path + "=*} for one segment, {" + path + "=**} for the rest, or drop the '='");
                }
                segments();
            }
            if (i == t.length()) {
                fail(open, "'{' has no closing '}'", "close the variable, as in {" + path + "}");
            }
            if (t.charAt(i) != '}') {
                fail(i, unexpected(), "close the variable with '}' after the field name or its segments");
            }
            i++;
            variableStart = -1;
        }

        private void ident() {
            int start = i;
            if (i < t.length() && isIdentStart(t.charAt(i))) {
                i++;
                while (i < t.length() && (isIdentStart(t.charAt(i)) || isDigit(t.charAt(i)))) {
                    i++;
                }
            }
            if (i == start) {
                fail(
                        i,
                        i == t.length() ? "'{' has no closing '}'" : unexpected() + " where a field name belongs",
                        "a variable names a field of the request, as in {id} or {parent.id}");
            }
        }

        /** Reads a LITERAL; its length. */
        private int literal() {
            int start = i;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (c == '%') {
                    if (i + 2 >= t.length() || !isHex(t.charAt(i + 1)) || !isHex(t.charAt(i + 2))) {
                        fail(i, "'%' must start an escape of two hex digits, such as %20", "write '%' itself as %25");
                    }
                    i += 3;
                } else if (isIdentStart(c) || isDigit(c) || "-.~!$&'()+,;=@".indexOf(c) >= 0) {
                    i++;
                } else {
                    break;
                }
            }
            return i - start;
        }

        private String unexpected() {
            if (i >= t.length()) {
                return "the path ends too early";
            }
            char c = t.charAt(i);
            return c == '}' ? "'}' without a matching '{'" : "character '" + c + "' is not allowed here";
        }

        private static String fixFor(char c) {
            if (c == '?' || c == '#') {
                return "leave the query out: request fields not bound in the path become query parameters";
            }
            if (c == '}') {
                return "remove it, or open the variable with '{'";
            }
            if (c == '{') {
                return "a variable is a whole segment; put it after a '/'";
            }
            if (c == '*') {
                return "put the '*' in a segment of its own, or bind it with a variable such as {name=*}";
            }
            return "percent-encode it (a space is %20) or remove it";
        }

        private static boolean isIdentStart(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_';
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isHex(char c) {
            return Character.digit(c, 16) >= 0;
        }

        private void fail(int index, String what, String fix) {
            throw new Failure(new Error(index, what, fix));
        }
    }
}

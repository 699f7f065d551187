package dev.switchboard.core.proto;

import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.switchboard.core.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What protoc accepts and Wire does not, put in the terms Wire reads, for the registry's sake. Wire
 * (7.1.2, and 7.2.1, the newest release) stops at the first line of an editions file and refuses proto2
 * groups when linking; the registry needs only the services, rpcs, messages and fields, with their names,
 * numbers and options, and those mean the same in either form.
 *
 * <ol>
 *   <li>{@link #view}: an editions file's text is rewritten in place, so that every line and column stays
 *       where it was and Wire's errors point into the user's file: the {@code edition} statement becomes
 *       {@code syntax="proto3";} (proto3 is the syntax whose fields, like editions', need no label), and
 *       what only editions have is blanked out: {@code features} options (Wire's descriptor.proto has
 *       no {@code FeatureSet}, and no feature changes a name or number), the imports of the {@code
 *       *_features.proto} files, reserved names written as identifiers, and edition 2024's {@code
 *       export} and {@code local}; {@code import option} becomes a plain import.
 *   <li>{@link #element}: each group becomes what protoc makes of it, a nested message of the group's
 *       name and a field of that type named in lower case, with the group's number and place.
 *   <li>{@link #file}: an editions file is linked by proto2's rules, which allow what editions allow and
 *       proto3 does not (default values, extensions of any message, closed enums that do not start at
 *       zero, proto2 enums as field types), while its types stay proto3, so proto3 files may use its
 *       enums as protoc lets them.
 * </ol>
 */
final class WireDialect {
    /** The editions this protoc knows (protoc 33 accepts these two and no other). */
    static final Set<String> EDITIONS = Set.of("2023", "2024");

    private static final String SYNTAX = "syntax=\"proto3\";";
    private static final Pattern FEATURES_FILE = Pattern.compile("google/protobuf/\\w+_features\\.proto");

    private WireDialect() {}

    /**
     * A file's text as Wire reads it.
     *
     * @param text the text Wire parses; lines and columns are the user's, but for an {@code
     *     edition="2023";} written with no spaces and followed by more on its line, which move one column
     * @param edition the file's edition, or null for a proto2 or proto3 file
     */
    record View(String text, String edition) {
        boolean editions() {
            return edition != null;
        }
    }

    /**
     * The text of a file as Wire reads it; an edition protoc does not know is added to {@code problems}
     * and the file read as the newest edition.
     */
    static View view(String text, String shown, List<Problem> problems) {
        // Most files are proto2 or proto3: their first four tokens tell, with no need to lex the rest.
        List<Token> head = Lexer.tokens(text, 4);
        if (head.size() < 4
                || !head.get(0).is("edition")
                || !head.get(1).is("=")
                || head.get(2).kind != Kind.STRING
                || !head.get(3).is(";")) {
            return new View(text, null);
        }
        List<Token> tokens = Lexer.tokens(text, Integer.MAX_VALUE);
        Token value = tokens.get(2);
        String edition = value.text.substring(1, value.text.length() - 1);
        if (!EDITIONS.contains(edition)) {
            int[] place = place(text, value.start);
            problems.add(Problem.at(
                    shown,
                    place[0],
                    place[1],
                    "edition \"" + edition + "\" is not an edition protoc knows",
                    "use edition = \"2024\"; or edition = \"2023\";"));
        }
        StringBuilder out = new StringBuilder(text);
        for (int i = 4; i < tokens.size(); i++) {
            i = rewrite(tokens, i, out);
        }
        return new View(syntaxLine(out, tokens.get(0).start, tokens.get(3).end), edition);
    }

    /** The {@code edition} statement made {@code syntax="proto3";}, padded or, when too short, longer. */
    private static String syntaxLine(StringBuilder out, int start, int end) {
        int room = end;
        while (room < out.length() && room - start < SYNTAX.length() && isBlank(out.charAt(room))) {
            room++;
        }
        String replacement = SYNTAX + " ".repeat(Math.max(0, room - start - SYNTAX.length()));
        out.replace(start, room, replacement);
        return out.toString();
    }

    /** Rewrites what starts at token {@code i}; returns the index of the last token it consumed. */
    private static int rewrite(List<Token> tokens, int i, StringBuilder out) {
        Token t = tokens.get(i);
        boolean statementStart = startsStatement(tokens, i);
        if (statementStart
                && t.is("option")
                && i + 1 < tokens.size()
                && tokens.get(i + 1).is("features")) {
            int end = statementEnd(tokens, i);
            blank(out, t.start, tokens.get(end).end);
            return end;
        }
        if (statementStart && t.is("reserved") && i + 1 < tokens.size() && tokens.get(i + 1).kind == Kind.IDENT) {
            int end = statementEnd(tokens, i);
            blank(out, t.start, tokens.get(end).end);
            return end;
        }
        if (statementStart
                && (t.is("export") || t.is("local"))
                && i + 1 < tokens.size()
                && (tokens.get(i + 1).is("message") || tokens.get(i + 1).is("enum"))) {
            blank(out, t.start, t.end);
            return i;
        }
        if (statementStart && t.is("import")) {
            return importStatement(tokens, i, out);
        }
        if (t.is("[") && i >= 2 && tokens.get(i - 1).kind == Kind.NUMBER) {
            return optionList(tokens, i, out);
        }
        return i;
    }

    /** An import of a {@code *_features.proto} file goes; {@code import option} becomes a plain import. */
    private static int importStatement(List<Token> tokens, int i, StringBuilder out) {
        int end = statementEnd(tokens, i);
        Token path = null;
        Token modifier = null;
        for (int j = i + 1; j < end; j++) {
            Token t = tokens.get(j);
            if (t.kind == Kind.STRING) {
                path = t;
            } else if (t.is("option")) {
                modifier = t;
            }
        }
        if (path != null
                && FEATURES_FILE
                        .matcher(path.text.substring(1, path.text.length() - 1))
                        .matches()) {
            blank(out, tokens.get(i).start, tokens.get(end).end);
        } else if (modifier != null) {
            blank(out, modifier.start, modifier.end);
        }
        return end;
    }

    /**
     * A field's or enum value's {@code [ … ]}: the {@code features} entries go with one comma each; a list
     * of nothing but features goes whole.
     */
    private static int optionList(List<Token> tokens, int open, StringBuilder out) {
        int close = matching(tokens, open);
        List<int[]> entries = new ArrayList<>();
        int start = open + 1;
        int depth = 0;
        for (int j = open + 1; j < close; j++) {
            Token t = tokens.get(j);
            depth += depthChange(t);
            if (depth == 0 && t.is(",")) {
                entries.add(new int[] {start, j - 1});
                start = j + 1;
            }
        }
        entries.add(new int[] {start, close - 1});
        List<Boolean> features = entries.stream()
                .map(e -> e[0] + 1 <= e[1]
                        && tokens.get(e[0]).is("features")
                        && tokens.get(e[0] + 1).is("."))
                .toList();
        if (!features.contains(false)) {
            blank(out, tokens.get(open).start, tokens.get(close).end);
            return close;
        }
        int kept = features.indexOf(false);
        for (int e = 0; e < entries.size(); e++) {
            if (!features.get(e)) {
                continue;
            }
            int[] entry = entries.get(e);
            // Before the first kept entry an entry takes its following comma, after it its preceding one.
            int from = e < kept ? tokens.get(entry[0]).start : tokens.get(entry[0] - 1).start;
            int to = e < kept ? tokens.get(entry[1] + 1).end : tokens.get(entry[1]).end;
            blank(out, from, to);
        }
        return close;
    }

    private static boolean startsStatement(List<Token> tokens, int i) {
        if (i == 0) {
            return true;
        }
        Token before = tokens.get(i - 1);
        return before.is(";") || before.is("{") || before.is("}");
    }

    /** The index of the {@code ;} that ends the statement starting at {@code i}, aggregates skipped. */
    private static int statementEnd(List<Token> tokens, int i) {
        int depth = 0;
        for (int j = i; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            depth += depthChange(t);
            if (depth <= 0 && t.is(";")) {
                return j;
            }
        }
        return tokens.size() - 1;
    }

    private static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int j = open; j < tokens.size(); j++) {
            depth += depthChange(tokens.get(j));
            if (depth == 0) {
                return j;
            }
        }
        return tokens.size() - 1;
    }

    private static int depthChange(Token t) {
        if (t.kind != Kind.PUNCT) {
            return 0;
        }
        return switch (t.text) {
            case "{", "[", "(" -> 1;
            case "}", "]", ")" -> -1;
            default -> 0;
        };
    }

    /** Spaces in place of everything but line ends, so no line or column moves. */
    private static void blank(StringBuilder out, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = out.charAt(k);
            if (c != '\n' && c != '\r') {
                out.setCharAt(k, ' ');
            }
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The 1-based line and column of a character offset. */
    private static int[] place(String text, int offset) {
        int line = 1;
        int column = 1;
        for (int k = 0; k < offset; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

    /** The file with every group made a nested message and a field, as protoc makes them. */
    static ProtoFileElement element(ProtoFileElement file) {
        if (!hasGroups(file.getTypes())) {
            return file;
        }
        return ProtoElements.withTypes(file, withoutGroups(file.getTypes()));
    }

    /**
     * The linked form of a file that Wire read as {@link #element} gave it; an editions file is linked by
     * proto2's rules with its types kept proto3.
     */
    static ProtoFile file(ProtoFileElement element, boolean editions) {
        ProtoFile file = ProtoFile.Companion.get(element(element));
        if (!editions) {
            return file;
        }
        return file.copy(
                file.getLocation(),
                file.getImports(),
                file.getPublicImports(),
                file.getWeakImports(),
                file.getPackageName(),
                file.getTypes(),
                file.getServices(),
                file.getExtendList(),
                file.getOptions(),
                Syntax.PROTO_2);
    }

    private static boolean hasGroups(List<TypeElement> types) {
        for (TypeElement type : types) {
            if (type instanceof MessageElement message
                    && (!message.getGroups().isEmpty()
                            || message.getOneOfs().stream()
                                    .anyMatch(o -> !o.getGroups().isEmpty()))) {
                return true;
            }
            if (hasGroups(type.getNestedTypes())) {
                return true;
            }
        }
        return false;
    }

    private static List<TypeElement> withoutGroups(List<TypeElement> types) {
        List<TypeElement> out = new ArrayList<>();
        for (TypeElement type : types) {
            out.add(type instanceof MessageElement message ? withoutGroups(message) : type);
        }
        return out;
    }

    private static MessageElement withoutGroups(MessageElement message) {
        List<TypeElement> nested = new ArrayList<>(withoutGroups(message.getNestedTypes()));
        List<FieldElement> fields = new ArrayList<>(message.getFields());
        for (GroupElement group : message.getGroups()) {
            fields.add(field(group, group.getLabel()));
            nested.add(message(group));
        }
        List<OneOfElement> oneOfs = new ArrayList<>();
        for (OneOfElement oneOf : message.getOneOfs()) {
            List<FieldElement> oneOfFields = new ArrayList<>(oneOf.getFields());
            for (GroupElement group : oneOf.getGroups()) {
                oneOfFields.add(field(group, null));
                nested.add(message(group));
            }
            oneOfs.add(ProtoElements.withFields(oneOf, oneOfFields, List.of()));
        }
        return ProtoElements.withMembers(message, nested, fields, oneOfs, List.of());
    }

    /** protoc names a group's field after the group in lower case ({@code Result} → {@code result}). */
    private static FieldElement field(GroupElement group, Field.Label label) {
        return new FieldElement(
                group.getLocation(),
                label,
                group.getName(),
                group.getName().toLowerCase(Locale.ROOT),
                null,
                null,
                group.getTag(),
                group.getDocumentation(),
                List.of());
    }

    private static MessageElement message(GroupElement group) {
        Location at = group.getLocation();
        return new MessageElement(
                at,
                group.getName(),
                group.getDocumentation(),
                List.of(),
                List.of(),
                List.of(),
                group.getFields(),
                List.of(),
                List.of(),
                List.of(),
                List.of());
    }

    private enum Kind {
        IDENT,
        NUMBER,
        STRING,
        PUNCT
    }

    /** One token of proto text, by its character offsets. */
    private record Token(Kind kind, int start, int end, String text) {
        boolean is(String s) {
            return text.equals(s) && kind != Kind.STRING;
        }
    }

    /** Proto's tokens, comments and white space left out; enough to find statements and lists. */
    private static final class Lexer {
        private Lexer() {}

        /** The first {@code limit} tokens of {@code text}, or all of them when it has fewer. */
        static List<Token> tokens(String text, int limit) {
            List<Token> tokens = new ArrayList<>();
            int n = text.length();
            int k = 0;
            while (k < n && tokens.size() < limit) {
                char c = text.charAt(k);
                if (Character.isWhitespace(c) || c == '\uFEFF') {
                    k++;
                } else if (c == '/' && k + 1 < n && text.charAt(k + 1) == '/') {
                    while (k < n && text.charAt(k) != '\n') {
                        k++;
                    }
                } else if (c == '/' && k + 1 < n && text.charAt(k + 1) == '*') {
                    int close = text.indexOf("*/", k + 2);
                    k = close < 0 ? n : close + 2;
                } else if (c == '"' || c == '\'') {
                    int start = k++;
                    while (k < n && text.charAt(k) != c && text.charAt(k) != '\n') {
                        k += text.charAt(k) == '\\' ? 2 : 1;
                    }
                    k = Math.min(n, k + 1);
                    tokens.add(new Token(Kind.STRING, start, k, text.substring(start, k)));
                } else if (Character.isLetter(c) || c == '_') {
                    int start = k;
                    while (k < n && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '_')) {
                        k++;
                    }
                    tokens.add(new Token(Kind.IDENT, start, k, text.substring(start, k)));
                } else if (Character.isDigit(c)) {
                    int start = k;
                    while (k < n && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '.')) {
                        k++;
                    }
                    tokens.add(new Token(Kind.NUMBER, start, k, text.substring(start, k)));
                } else {
                    tokens.add(new Token(Kind.PUNCT, k, k + 1, String.valueOf(c)));
                    k++;
                }
            }
            return tokens;
        }
    }
}

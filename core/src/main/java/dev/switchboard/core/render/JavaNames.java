package dev.switchboard.core.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Java identifiers from registry names, safe from keywords and odd characters. */
final class JavaNames {
    static final Set<String> KEYWORDS = Set.of(
            "abstract",
            "assert",
            "boolean",
            "break",
            "byte",
            "case",
            "catch",
            "char",
            "class",
            "const",
            "continue",
            "default",
            "do",
            "double",
            "else",
            "enum",
            "extends",
            "final",
            "finally",
            "float",
            "for",
            "goto",
            "if",
            "implements",
            "import",
            "instanceof",
            "int",
            "interface",
            "long",
            "native",
            "new",
            "package",
            "private",
            "protected",
            "public",
            "return",
            "short",
            "static",
            "strictfp",
            "super",
            "switch",
            "synchronized",
            "this",
            "throw",
            "throws",
            "transient",
            "try",
            "void",
            "volatile",
            "while",
            "true",
            "false",
            "null",
            "var",
            "yield",
            "record",
            "sealed",
            "permits",
            "non-sealed",
            "_");

    private JavaNames() {}

    /** {@code dynamodb-streams} → {@code dynamodbStreams}; {@code class} → {@code class_}; {@code 3d} → {@code _3d}. */
    static String lowerCamel(String name) {
        String[] words = name.split("[^A-Za-z0-9]+");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            out.append(out.length() == 0 ? word.toLowerCase(Locale.ROOT) : capitalize(word.toLowerCase(Locale.ROOT)));
        }
        return identifier(out.length() == 0 ? "service" : out.toString());
    }

    /** {@code dynamodb-streams} → {@code DynamodbStreams}. */
    static String upperCamel(String name) {
        return capitalize(lowerCamel(name).replaceAll("_$", ""));
    }

    /** {@code dynamodb-streams} → {@code DYNAMODB_STREAMS}. */
    static String constant(String name) {
        String joined = Arrays.stream(name.split("[^A-Za-z0-9]+"))
                .filter(w -> !w.isEmpty())
                .map(w -> w.toUpperCase(Locale.ROOT))
                .collect(Collectors.joining("_"));
        return identifier(joined.isEmpty() ? "SERVICE" : joined);
    }

    /** A package name whose every segment is a valid identifier ({@code my-org.3d} → {@code my_org._3d}). */
    static String packageName(String name) {
        return Arrays.stream(name.split("\\."))
                .filter(s -> !s.isEmpty())
                .map(s -> identifier(s.replaceAll("[^A-Za-z0-9_]", "_").toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("."));
    }

    /**
     * What keeps {@code name} from being a Java identifier ({@code "starts with a digit"}), or null when
     * it is one.
     */
    static String notAnIdentifier(String name) {
        if (name.isEmpty()) {
            return "is empty";
        }
        if (KEYWORDS.contains(name)) {
            return "is a Java keyword";
        }
        if (!Character.isJavaIdentifierStart(name.codePointAt(0))) {
            return Character.isDigit(name.codePointAt(0))
                    ? "starts with a digit"
                    : "starts with '" + name.substring(0, name.offsetByCodePoints(0, 1)) + "'";
        }
        for (int i = 0; i < name.length(); i = name.offsetByCodePoints(i, 1)) {
            int c = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(c)) {
                return "holds '" + new String(Character.toChars(c)) + "'";
            }
        }
        return null;
    }

    private static String identifier(String s) {
        String id = Character.isJavaIdentifierStart(s.charAt(0)) ? s : "_" + s;
        return KEYWORDS.contains(id) ? id + "_" : id;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

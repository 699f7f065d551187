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
        return lowerCamel(name, false);
    }

    /** As {@link #lowerCamel(String)}; with {@code keepCase} the words keep the capitals they have. */
    private static String lowerCamel(String name, boolean keepCase) {
        String[] words = name.split("[^A-Za-z0-9]+");
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            String w = keepCase ? word : word.toLowerCase(Locale.ROOT);
            out.append(out.length() == 0 ? w : capitalize(w));
        }
        return identifier(out.length() == 0 ? "service" : out.toString());
    }

    /**
     * The lowerCamelCase name Java code gives a value of a class: {@code SecretsManagerClient} →
     * {@code secretsManager}, {@code DynamoDbStreamsClient} → {@code dynamoDbStreams}, {@code S3Client} →
     * {@code s3}; a leading run of capitals is lowered whole ({@code URLClient} → {@code url}).
     *
     * @param simpleName a class's simple name
     * @param suffix what to drop from its end when there is more before it ({@code Client})
     */
    static String lowerCamelFromClass(String simpleName, String suffix) {
        String base = simpleName.endsWith(suffix) && simpleName.length() > suffix.length()
                ? simpleName.substring(0, simpleName.length() - suffix.length())
                : simpleName;
        int upper = 0;
        while (upper < base.length() && Character.isUpperCase(base.charAt(upper))) {
            upper++;
        }
        // "URLConnection": the last capital of the run starts the next word, so it stays.
        int lower = upper > 1 && upper < base.length() && Character.isLowerCase(base.charAt(upper)) ? upper - 1 : upper;
        String camel = base.substring(0, lower).toLowerCase(Locale.ROOT) + base.substring(lower);
        return lowerCamel(camel.isEmpty() ? simpleName : camel, true);
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

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

package dev.switchboard.core.migrate;

import java.util.List;

/**
 * The team's factory interface as read: its methods, each with the types its return type may name.
 *
 * @param name the fully qualified name, nested types joined with dots
 * @param where the file it was read from, as the user sees it ({@code src/main/java/com/acme/Clients.java},
 *     {@code legacy-clients-1.0.jar!/com/acme/Clients.class})
 * @param methods its own methods and those of the interfaces it extends that could be found
 */
public record LegacyInterface(String name, String where, List<Method> methods) {
    public LegacyInterface {
        methods = List.copyOf(methods);
    }

    /**
     * What the generated code depends on: the name and each method's signature, not where they stand, so
     * that a comment or a blank line in the interface's file changes nothing.
     */
    public String signature() {
        StringBuilder out = new StringBuilder(name);
        for (Method m : methods) {
            out.append('\n')
                    .append(m.kind())
                    .append(' ')
                    .append(m.candidates())
                    .append(' ')
                    .append(m.name())
                    .append('/')
                    .append(m.parameters())
                    .append(" throws ")
                    .append(m.exceptions());
        }
        return out.toString();
    }

    /** What the generated factory must do about a method. */
    public enum Kind {
        /** Must be implemented. */
        ABSTRACT,
        /** Has a body; left alone. */
        DEFAULT,
        /** Belongs to the interface; left alone. */
        STATIC
    }

    /**
     * One method.
     *
     * @param name the method name
     * @param returnType the return type as written ({@code S3Client}, {@code void})
     * @param candidates the fully qualified names the return type may stand for, most likely first (nested
     *     types with dots); a source's wildcard imports give several
     * @param parameters how many parameters it takes
     * @param kind abstract, default or static
     * @param where the file that declares it, as the user sees it
     * @param line 1-based line; 0 when read from a class file
     * @param column 1-based column; 0 when read from a class file
     * @param exceptions the checked exceptions it declares, each by its most likely fully qualified name
     */
    public record Method(
            String name,
            String returnType,
            List<String> candidates,
            int parameters,
            Kind kind,
            String where,
            int line,
            int column,
            List<String> exceptions) {
        public Method {
            candidates = List.copyOf(candidates);
            exceptions = List.copyOf(exceptions);
        }
    }
}

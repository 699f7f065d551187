package dev.switchboard.runtime.registry;

/**
 * A registry file that cannot be used: malformed, of an unknown schema version, with a field of the
 * wrong type or missing, or not a file at all. The message is {@code source:line:column: path: what;
 * fix}, in the file's terms (the JSON path of the field, never a Java type), leaving out the parts that
 * are not known; the parts are also available one by one, for tools that report problems their own way.
 */
public final class RegistryFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String path;
    private final String problem;
    private final String fix;

    /**
     * A problem at a place in a registry.
     *
     * @param source how the registry is named to the user (a path or a resource name)
     * @param line 1-based line, 0 when unknown
     * @param column 1-based column, 0 when unknown
     * @param path the JSON path of the field ({@code services[3].kind}), empty for the whole file
     * @param problem what is wrong
     * @param fix what to do about it
     */
    public RegistryFormatException(String source, int line, int column, String path, String problem, String fix) {
        super(format(source, line, column, path, problem, fix));
        this.source = source;
        this.line = line;
        this.column = column;
        this.path = path == null ? "" : path;
        this.problem = problem;
        this.fix = fix;
    }

    public RegistryFormatException(String message, Throwable cause) {
        super(message, cause);
        this.source = "";
        this.line = 0;
        this.column = 0;
        this.path = "";
        this.problem = message;
        this.fix = "";
    }

    public RegistryFormatException(String message) {
        this(message, null);
    }

    private static String format(String source, int line, int column, String path, String problem, String fix) {
        StringBuilder out = new StringBuilder(source);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ");
        if (path != null && !path.isEmpty()) {
            out.append(path).append(": ");
        }
        out.append(problem);
        if (fix != null && !fix.isEmpty()) {
            out.append("; ").append(fix);
        }
        return out.toString();
    }

    /** How the registry is named: a path or a resource name; empty when only a message was given. */
    public String source() {
        return source;
    }

    /** The 1-based line of the problem, 0 when unknown. */
    public int line() {
        return line;
    }

    /** The 1-based column of the problem, 0 when unknown. */
    public int column() {
        return column;
    }

    /** The JSON path of the field ({@code services[3].kind}); empty for the file as a whole. */
    public String path() {
        return path;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }

    /** What to do about it; may be empty. */
    public String fix() {
        return fix;
    }
}

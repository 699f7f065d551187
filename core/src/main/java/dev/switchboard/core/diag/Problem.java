package dev.switchboard.core.diag;

import java.util.Comparator;

/**
 * One problem with the user's input.
 *
 * @param where the file (as the user wrote or sees it) or the XML parameter ({@code <overridesFile>})
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param message what is wrong
 * @param fix what to do about it; may be empty
 */
public record Problem(String where, int line, int column, String message, String fix) {

    /** Sorts problems by place, so reports are stable. */
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::where)
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::message);

    public static Problem at(String where, int line, int column, String message, String fix) {
        return new Problem(where, line, column, message, fix);
    }

    public static Problem in(String where, String message, String fix) {
        return new Problem(where, 0, 0, message, fix);
    }

    /** {@code file:line:col: message; fix} with the parts that are known. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(where);
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ").append(message);
        if (fix != null && !fix.isEmpty()) {
            out.append("; ").append(fix);
        }
        return out.toString();
    }
}

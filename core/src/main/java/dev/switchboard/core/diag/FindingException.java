package dev.switchboard.core.diag;

import java.util.List;

/**
 * The inputs were fine, but what was checked is not: unhealthy services, breaking changes, a
 * validation error. Front ends treat it as a negative result (the command line exits with 1, a goal
 * fails the build) rather than as bad input.
 */
public final class FindingException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<String> findings;
    private final String summary;

    /**
     * @param summary one line saying what was found, e.g. {@code 2 of 5 service(s) unhealthy}
     * @param findings one line per finding
     */
    public FindingException(String summary, List<String> findings) {
        super(findings.isEmpty() ? summary : summary + ":\n  " + String.join("\n  ", findings));
        this.summary = summary;
        this.findings = List.copyOf(findings);
    }

    public String summary() {
        return summary;
    }

    public List<String> findings() {
        return findings;
    }
}

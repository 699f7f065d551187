package dev.switchboard.core.diag;

import java.util.List;
import java.util.stream.Collectors;

/** Every problem found in the user's input, thrown once after all of them have been collected. */
public final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;
    private final String summary;

    public InputException(String summary, List<Problem> problems) {
        super(format(summary, problems));
        this.summary = summary;
        this.problems = problems.stream().sorted(Problem.ORDER).toList();
    }

    /** What the problems have in common, such as {@code 2 problems in the proto sources}. */
    public String summary() {
        return summary;
    }

    public InputException(Problem problem) {
        this("1 problem", List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String format(String summary, List<Problem> problems) {
        return summary + ":\n"
                + problems.stream().sorted(Problem.ORDER).map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}

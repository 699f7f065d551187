package dev.switchboard.core.proto;

import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Wire's parse and link errors in the user's terms: each placed at {@code file:line:col}, the place given
 * once, the jargon replaced, and the fix said.
 */
final class WireErrors {
    private static final Pattern LOCATION = Pattern.compile("\\(?([^\\s()]+\\.proto):(\\d+):(\\d+)\\)?");
    private static final Pattern LEADING_LOCATION = Pattern.compile("^[^\\s()]+\\.proto:\\d+:\\d+: ");
    private static final Pattern SYNTAX_ERROR = Pattern.compile("^Syntax error in [^\\s]+\\.proto:\\d+:\\d+: ");
    private static final Pattern REDEFINED = Pattern.compile("^(\\S+) \\([^)]*\\) is already defined at (\\S+)");
    private static final Pattern UNKNOWN_SYNTAX = Pattern.compile("unexpected syntax: (\\S+)");
    private static final Pattern MISSING_IMPORT = Pattern.compile("unable to find (\\S+)");
    private static final Pattern UNRESOLVED = Pattern.compile("unable to resolve (\\S+)");
    private static final Pattern FOR_FILE = Pattern.compile("for file (\\S+)");
    private static final Pattern SHARED = Pattern.compile("(?:mutable rpcs|multiple fields) share (name|tag) (\\S+):");
    private static final Pattern NUMBERED = Pattern.compile("^\\d+\\. \\S+ \\((\\S+)\\)$");
    private static final Pattern OWNER = Pattern.compile("^for (service|message) (\\S+)");
    /** Where a problem that names no file is reported: somewhere in the loaded protos. */
    private static final String PROTOS = "protos";

    private final UnaryOperator<String> display;
    private final UnaryOperator<String> relativeToRoot;
    private final Collection<String> knownTypes;

    /**
     * @param display a path as Wire prints it → as the user reads it
     * @param relativeToRoot a path as the user reads it → as imports name it
     * @param knownTypes the full names of the source files' types, for "nearest" suggestions
     */
    WireErrors(UnaryOperator<String> display, UnaryOperator<String> relativeToRoot, Collection<String> knownTypes) {
        this.display = display;
        this.relativeToRoot = relativeToRoot;
        this.knownTypes = knownTypes;
    }

    /** A parse error of the file {@code shown}. */
    Problem parseProblem(String message, String shown) {
        Matcher redefined = REDEFINED.matcher(message);
        if (redefined.find()) {
            Problem at = place(message, shown);
            return Problem.at(
                    at.where(),
                    at.line(),
                    at.column(),
                    redefined.group(1) + " is already defined at " + display.apply(redefined.group(2)),
                    "rename one of them, or delete one");
        }
        String text = SYNTAX_ERROR.matcher(message).replaceFirst("");
        Matcher syntax = UNKNOWN_SYNTAX.matcher(text);
        if (syntax.find()) {
            return located(
                    message,
                    shown,
                    "syntax = \"" + syntax.group(1) + "\" is not a proto syntax",
                    "use syntax = \"proto3\"; or syntax = \"proto2\";");
        }
        return located(message, shown, "syntax error: " + firstLine(text), "fix the syntax at that place");
    }

    /** A failure Wire throws while linking instead of collecting it, such as a syntax error in an imported file. */
    Problem linkFailure(String message) {
        String headline = LEADING_LOCATION.matcher(firstLine(message).trim()).replaceFirst("");
        return located(message, PROTOS, headline, "fix the definition at that place");
    }

    /** Wire joins its link errors with newlines; each starts unindented and its context lines are indented. */
    static List<String> splitErrors(String message) {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : message.split("\n")) {
            if (!line.startsWith(" ") || current == null) {
                if (current != null) {
                    blocks.add(current.toString());
                }
                current = new StringBuilder(line);
            } else {
                current.append('\n').append(line);
            }
        }
        if (current != null) {
            blocks.add(current.toString());
        }
        return blocks;
    }

    /**
     * One link error; {@code block} has paths relative to the project already.
     *
     * @param texts source texts by their path below the source root
     */
    Problem linkProblem(String block, Map<String, String> texts) {
        String headline = LEADING_LOCATION.matcher(firstLine(block).trim()).replaceFirst("");
        List<String> context = block.lines()
                .skip(1)
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        Matcher missing = MISSING_IMPORT.matcher(headline);
        if (missing.find()) {
            String imported = missing.group(1);
            Matcher forFile = FOR_FILE.matcher(block);
            String file = forFile.find() ? forFile.group(1) : PROTOS;
            int[] place = SourceChecks.importPlace(texts.get(relativeToRoot.apply(file)), imported);
            return Problem.at(
                    display.apply(file),
                    place[0],
                    place[1],
                    "import \"" + imported + "\" cannot be found",
                    "add the directory or jar that holds it to <protoImportPaths>, or add the Maven dependency"
                            + " that ships it (protos inside dependency jars are importable)");
        }
        if (headline.startsWith("imports form a cycle")) {
            return importCycle(context, texts);
        }
        Matcher shared = SHARED.matcher(headline);
        if (shared.find()) {
            return shared(block, shared.group(1), shared.group(2), context);
        }
        Problem at = place(block, PROTOS);
        String details = details(context, at);
        Matcher unresolved = UNRESOLVED.matcher(headline);
        if (unresolved.find()) {
            boolean option = headline.startsWith("unable to resolve option");
            String name = option ? headline.substring("unable to resolve option ".length()) : unresolved.group(1);
            List<String> near = option ? List.of() : nearestTypes(name);
            return Problem.at(
                    at.where(),
                    at.line(),
                    at.column(),
                    headline + details,
                    (option
                                    ? "check the option's name, and that the file declaring it is imported"
                                    : "check the type's name and package, and that the file defining it is imported")
                            + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")"));
        }
        String fix = headline.contains("needs to import")
                ? "add that import to the file"
                : headline.startsWith("expected a message")
                        ? "an rpc takes and returns messages; wrap the value in a message"
                        : "fix the definition at that place";
        return Problem.at(at.where(), at.line(), at.column(), headline + details, fix);
    }

    /**
     * The known types nearest to {@code name}; a name without a package is compared with the types' own
     * names, so {@code Usr} finds {@code acme.user.v1.User}.
     */
    private List<String> nearestTypes(String name) {
        if (name.contains(".")) {
            return Suggestions.nearest(name, knownTypes);
        }
        Map<String, List<String>> bySimpleName = new TreeMap<>();
        for (String type : knownTypes) {
            bySimpleName
                    .computeIfAbsent(type.substring(type.lastIndexOf('.') + 1), k -> new ArrayList<>())
                    .add(type);
        }
        return Suggestions.nearest(name, bySimpleName.keySet()).stream()
                .flatMap(simple -> bySimpleName.get(simple).stream())
                .limit(3)
                .toList();
    }

    /** "rpc Go is defined more than once in service x.S (also at …)" instead of "mutable rpcs share name". */
    private Problem shared(String block, String what, String value, List<String> context) {
        Problem at = place(block, PROTOS);
        List<String> places = new ArrayList<>();
        String owner = "";
        for (String line : context) {
            Matcher numbered = NUMBERED.matcher(line);
            Matcher ownerLine = OWNER.matcher(line);
            if (numbered.find()) {
                places.add(numbered.group(1));
            } else if (ownerLine.find()) {
                owner = " in " + ownerLine.group(1) + " " + ownerLine.group(2);
            }
        }
        String others = places.stream().skip(1).reduce((a, b) -> a + ", " + b).orElse("");
        boolean rpc = block.startsWith("mutable rpcs");
        String subject = rpc
                ? "rpc " + value + " is defined more than once"
                : what.equals("name")
                        ? "field name " + value + " is used more than once"
                        : "field number " + value + " is used more than once";
        String fix = rpc
                ? "rename or delete one of them"
                : what.equals("name") ? "rename one of the fields" : "give each field its own number";
        return Problem.at(
                at.where(),
                at.line(),
                at.column(),
                subject + owner + (others.isEmpty() ? "" : " (also at " + others + ")"),
                fix);
    }

    /**
     * Wire lists a cycle as "a.proto:" / "import "b.proto";" pairs; it is spelled out as a chain and
     * placed at the first file's import.
     */
    private Problem importCycle(List<String> context, Map<String, String> texts) {
        List<String> files = context.stream()
                .filter(l -> l.endsWith(":"))
                .map(l -> l.substring(0, l.length() - 1))
                .toList();
        if (files.isEmpty()) {
            return Problem.in(PROTOS, "imports form a cycle", "remove one import of the cycle");
        }
        String first = files.get(0);
        String next = files.size() > 1 ? files.get(1) : first;
        String relative = relativeToRoot.apply(first);
        int[] place = SourceChecks.importPlace(texts.get(relative), relativeToRoot.apply(next));
        return Problem.at(
                display.apply(first),
                place[0],
                place[1],
                "imports form a cycle: " + String.join(" → ", files) + " → " + first + ", which protoc rejects",
                "move what the files need from each other into a new file that they both import, and remove one"
                        + " import of the cycle");
    }

    /** The context lines joined, leaving out the place the problem is already given at. */
    private static String details(List<String> context, Problem at) {
        String own = " (" + at.where() + ":" + at.line() + ":" + at.column() + ")";
        String joined = context.stream()
                .map(line -> line.replace(own, ""))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
        return joined.isEmpty() ? "" : " (" + joined + ")";
    }

    /** A problem placed at the first {@code file:line:col} the message names, else in {@code fallback}. */
    private Problem located(String message, String fallback, String what, String fix) {
        Matcher m = LOCATION.matcher(message);
        if (m.find()) {
            return Problem.at(
                    display.apply(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), what, fix);
        }
        return Problem.in(fallback, what, fix);
    }

    /** Only the place of {@link #located}, for messages that are composed afterwards. */
    private Problem place(String message, String fallback) {
        return located(message, fallback, "", "");
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse(text);
    }
}

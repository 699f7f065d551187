package dev.switchboard.cli.console;

import dev.switchboard.core.diag.FindingException;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.render.RenderException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one mapping from a failure to what the user sees and the exit code: every command fails the same
 * way for the same cause. Bad command lines and bad input print {@code place: what; fix} lines and
 * exit {@value ExitCode#BAD_INPUT}; anything else is switchboard's own failure and exits {@value
 * ExitCode#INTERNAL}, with the stack trace only under {@code --verbose}.
 */
public final class Failures implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    private static final String PREFIX = "switchboard: ";

    private final Function<CommandLine, Console> consoles;

    /** @param consoles the console of the command a failure came from, at the level the user chose */
    public Failures(Function<CommandLine, Console> consoles) {
        this.consoles = consoles;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        Console out = consoles.apply(commandLine);
        Throwable cause = ex instanceof UncheckedIOException unchecked ? unchecked.getCause() : ex;
        if (cause instanceof InputException input) {
            input.problems().forEach(p -> out.error(Terms.of(p).toString()));
            out.error(PREFIX + summary(input) + "; earlier outputs were left as they were");
            return ExitCode.BAD_INPUT;
        }
        if (cause instanceof FindingException finding) {
            out.error(PREFIX + Terms.text(finding.summary()));
            finding.findings().forEach(line -> out.error("  " + line));
            return ExitCode.FINDING;
        }
        if (cause instanceof RenderException render) {
            out.error(PREFIX + "a template failed: " + Terms.text(render.getMessage())
                    + "; earlier outputs were left as they were");
            return ExitCode.BAD_INPUT;
        }
        if (cause instanceof IOException io) {
            out.error(io(io));
            return ExitCode.BAD_INPUT;
        }
        out.error(PREFIX + "unexpected failure (" + (cause.getMessage() == null ? "no detail" : cause.getMessage())
                + "); this is a bug in switchboard: run the command again with --verbose and report what it prints");
        if (out.level() == Console.Level.VERBOSE) {
            StringWriter trace = new StringWriter();
            cause.printStackTrace(new PrintWriter(trace));
            out.error(trace.toString().stripTrailing());
        }
        return ExitCode.INTERNAL;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        String name = command.getCommandSpec().qualifiedName();
        String help = "run `" + name + " --help` for what it takes";
        Problem problem;
        if (ex instanceof UnmatchedArgumentException unmatched
                && !unmatched.getUnmatched().isEmpty()) {
            String argument = unmatched.getUnmatched().get(0);
            List<String> near = unmatched.getSuggestions();
            String kind = argument.startsWith("-")
                    ? "is not an option of `" + name + "`"
                    : command.getSubcommands().isEmpty()
                            ? "is an argument `" + name + "` does not take"
                            : "is not a command of `" + name + "`";
            problem = Problem.in(
                    argument, kind + (near.isEmpty() ? "" : " (nearest: " + String.join(", ", near) + ")"), help);
        } else if (ex instanceof MissingParameterException missing
                && !missing.getMissing().isEmpty()) {
            ArgSpec spec = missing.getMissing().get(0);
            String where = spec instanceof OptionSpec option ? option.longestName() : spec.paramLabel();
            problem = Problem.in(where, "needs a value, " + spec.paramLabel(), help);
        } else {
            ArgSpec spec = ex.getArgSpec();
            String where = spec instanceof OptionSpec option ? option.longestName() : name;
            Matcher notPair = NOT_A_PAIR.matcher(ex.getMessage());
            problem = spec != null && notPair.matches()
                    ? Problem.in(
                            where,
                            "\"" + notPair.group(1) + "\" is not " + spec.paramLabel(),
                            "write it as " + spec.paramLabel() + ", with '='")
                    : Problem.in(where, detail(ex.getMessage()), help);
        }
        // The options were not parsed, so --quiet and --verbose are not known: errors print at any level.
        new Console(command.getOut(), command.getErr(), Console.Level.NORMAL, false).error(problem.toString());
        return ExitCode.BAD_INPUT;
    }

    /** The first line of the exception, without the problem list it repeats. */
    private static String summary(InputException e) {
        String first = e.getMessage().lines().findFirst().orElse("problems in the input");
        return first.endsWith(":") ? first.substring(0, first.length() - 1) : first;
    }

    /** picocli's words for a value of a map option without '=' (they name the map's Java types). */
    private static final Pattern NOT_A_PAIR =
            Pattern.compile("Value for .* should be in KEY=VALUE format but was (.*)", Pattern.DOTALL);

    /** picocli's message without the option it names, which the place already shows. */
    private static String detail(String message) {
        return message.replaceFirst("^Invalid value for option '[^']*': ", "");
    }

    private static String io(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": does not exist; check the path";
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied; check its permissions";
        }
        if (e instanceof FileSystemException fs && fs.getFile() != null) {
            return fs.getFile() + ": " + (fs.getReason() == null ? "cannot be read or written" : fs.getReason())
                    + "; check the path and its permissions";
        }
        return PREFIX + "cannot read or write a file (" + e.getMessage() + "); check the paths and their permissions";
    }
}

package dev.switchboard.cli.console;

/** What the process's exit status means; scripts and CI read these. */
public final class ExitCode {
    /** The command did its work and found nothing wrong. */
    public static final int OK = 0;

    /** The command ran and found something wrong: a breaking change, an unhealthy service, an error. */
    public static final int FINDING = 1;

    /** The command line or the input is wrong; the message says where and how to fix it. */
    public static final int BAD_INPUT = 2;

    /** switchboard itself failed; {@code --verbose} prints the details worth reporting. */
    public static final int INTERNAL = 3;

    private ExitCode() {}
}

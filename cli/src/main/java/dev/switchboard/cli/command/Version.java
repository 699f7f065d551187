package dev.switchboard.cli.command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine;

/** The command line's version, from the build; {@code switchboard --version} prints it. */
public final class Version implements CommandLine.IVersionProvider {
    /** The project version the jar was built as. */
    public static final String VERSION = read();

    @Override
    public String[] getVersion() {
        return new String[] {
            "switchboard " + VERSION,
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ") on "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }

    /** The jar the command line runs from; its stamp is part of the registry's fingerprint. */
    static Path archive() {
        try {
            return Path.of(Version.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the switchboard command line's own jar", e);
        }
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("/dev/switchboard/cli/version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.switchboard.zookeeper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * ZooKeeper digest credentials, {@code user:password}, read from a file or {@code
 * SWITCHBOARD_ZOOKEEPER_AUTH} so that they never appear on a command line. {@link #toString()} hides the
 * password.
 */
public final class ZooKeeperAuth {
    /** The variable the credentials are read from when no file is given. */
    public static final String VARIABLE = "SWITCHBOARD_ZOOKEEPER_AUTH";

    private final String user;
    private final String credentials;

    private ZooKeeperAuth(String user, String credentials) {
        this.user = user;
        this.credentials = credentials;
    }

    /**
     * Credentials from {@code user:password}.
     *
     * @param where how a message names the source (the file, or the variable)
     * @throws FleetException when the value is not {@code user:password}
     */
    public static ZooKeeperAuth of(String value, String where) {
        String trimmed = value.strip();
        if (trimmed.startsWith("digest:")) {
            trimmed = trimmed.substring("digest:".length());
        }
        int colon = trimmed.indexOf(':');
        if (colon < 1 || colon == trimmed.length() - 1 || trimmed.contains("\n")) {
            throw new FleetException(
                    FleetException.Reason.INVALID,
                    where + ":1:1: the ZooKeeper credentials are not user:password; write one line such as"
                            + " publisher:s3cret (ZooKeeper digest authentication)");
        }
        return new ZooKeeperAuth(trimmed.substring(0, colon), trimmed);
    }

    /**
     * The credentials in force: the file if one is given, else the variable, else none (ZooKeeper's open
     * ACLs).
     *
     * @param environment reads a variable; {@code System::getenv} outside tests
     * @throws FleetException when the file is missing or either holds no {@code user:password}
     */
    public static Optional<ZooKeeperAuth> resolve(Optional<Path> file, UnaryOperator<String> environment) {
        if (file.isPresent()) {
            try {
                return Optional.of(of(
                        Files.readString(file.get(), StandardCharsets.UTF_8),
                        file.get().toString()));
            } catch (NoSuchFileException e) {
                throw new FleetException(
                        FleetException.Reason.INVALID,
                        "the ZooKeeper credentials file " + file.get() + " does not exist; write user:password into"
                                + " it, or set " + VARIABLE + " instead");
            } catch (IOException e) {
                throw new FleetException(
                        FleetException.Reason.INVALID,
                        "the ZooKeeper credentials file " + file.get() + " cannot be read (" + e.getMessage()
                                + "); make it readable by this user",
                        e);
            }
        }
        String value = environment.apply(VARIABLE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(of(value, VARIABLE));
    }

    /** The user name, which publishers record as who published. */
    public String user() {
        return user;
    }

    /** The bytes Curator's {@code authorization("digest", …)} takes. */
    byte[] bytes() {
        return credentials.getBytes(StandardCharsets.UTF_8);
    }

    /** The identity ZooKeeper's ACLs name: {@code user:base64(sha1(user:password))}. */
    public String digestId() {
        try {
            return DigestAuthenticationProvider.generateDigest(credentials);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return user + ":****";
    }
}

package dev.switchboard.runtime.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;

/** The JDK's keytool, run in a directory, for tests that need certificates and keys of their own. */
public final class Keytool {
    /** The password of every key store these tests make. */
    public static final char[] PASSWORD = "changeit".toCharArray();

    private Keytool() {}

    /** Runs keytool in {@code dir}; the arguments hold no spaces. */
    public static void run(Path dir, String args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args.split(" ")));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    /** A PKCS#12 key store of {@code dir}, opened with {@link #PASSWORD}. */
    public static KeyStore load(Path dir, String file) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            store.load(in, PASSWORD);
        }
        return store;
    }
}

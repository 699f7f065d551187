package dev.switchboard.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.live.LiveRegistry;
import dev.switchboard.runtime.resolve.DynamicClients;
import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Curator stays optional: loaded only by an application that follows ZooKeeper. */
class OptionalCuratorTest {
    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty("switchboard.zookeeper.startTimeout");
    }

    @Test
    @DisplayName(
            "An application following a registry file loads no Curator or ZooKeeper class, with both on the class path")
    void fileFollowerLoadsNoCurator() throws Exception {
        Path file = dir.resolve("registry.json");
        Files.write(file, Registries.json("file", "users"));
        try (RecordingLoader loader = new RecordingLoader()) {
            Object settings = settings(loader, "registryFile", new Class<?>[] {Path.class}, file);
            followAndClose(loader, settings);

            assertThat(loader.loaded).contains("dev.switchboard.runtime.live.LiveRegistry");
            assertThat(loader.loaded).noneMatch(OptionalCuratorTest::isZooKeeper);
        }
    }

    @Test
    @DisplayName("An application following ZooKeeper finds the follower through the service loader")
    void zooKeeperFollowerLoadsCurator() throws Exception {
        System.setProperty("switchboard.zookeeper.startTimeout", "300");
        try (RecordingLoader loader = new RecordingLoader()) {
            Object settings = settings(
                    loader, "registryZookeeper", new Class<?>[] {String.class, String.class}, "127.0.0.1:1", "/x");
            followAndClose(loader, settings);

            assertThat(loader.loaded).anyMatch(name -> name.startsWith("org.apache.curator."));
        }
    }

    @Test
    @DisplayName("The settings' ZooKeeper location reaches a follower that serves the published registry")
    void settingsReachZooKeeper() throws Exception {
        try (TestingServer server = new TestingServer(true);
                RegistryStore store = RegistryStore.connect(ZooKeeperConnection.of(
                        new ZooKeeperLocation(server.getConnectString(), "/switchboard/shop")))) {
            store.publish(Registries.json("zk", "users"), "alice@build", 20, Layout.DEFAULT_CHUNK_BYTES);
            ClientSettings settings = ClientSettings.builder()
                    .registryZookeeper(server.getConnectString(), "/switchboard/shop")
                    .build();
            try (LiveRegistry live =
                    DynamicClients.liveRegistry(settings, getClass().getClassLoader(), true)) {
                assertThat(live.current().fingerprint()).isEqualTo("fp-zk");
                assertThat(store.instances()).hasSize(1);
            }
        }
    }

    private static boolean isZooKeeper(String name) {
        return name.startsWith("org.apache.curator.") || name.startsWith("org.apache.zookeeper.");
    }

    /** Builds {@code ClientSettings} inside {@code loader}, calling one builder method with {@code args}. */
    private static Object settings(ClassLoader loader, String method, Class<?>[] types, Object... args)
            throws Exception {
        Class<?> settingsClass = loader.loadClass("dev.switchboard.runtime.ClientSettings");
        Object builder = settingsClass.getMethod("builder").invoke(null);
        builder.getClass().getMethod(method, types).invoke(builder, args);
        return builder.getClass().getMethod("build").invoke(builder);
    }

    private static void followAndClose(ClassLoader loader, Object settings) throws Exception {
        Class<?> clients = loader.loadClass("dev.switchboard.runtime.resolve.DynamicClients");
        Method liveRegistry = clients.getMethod("liveRegistry", settings.getClass(), ClassLoader.class, boolean.class);
        try (AutoCloseable live = (AutoCloseable) liveRegistry.invoke(null, settings, loader, false)) {
            assertThat(live).isNotNull();
        }
    }

    /**
     * Loads the test class path again, below only the platform loader, and records every class the JVM asks
     * it for: what an application would load, and nothing the test itself has loaded already.
     */
    private static final class RecordingLoader extends URLClassLoader {
        final Set<String> loaded = ConcurrentHashMap.newKeySet();

        RecordingLoader() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            loaded.add(name);
            return super.loadClass(name, resolve);
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(entry -> {
                        try {
                            return Path.of(entry).toUri().toURL();
                        } catch (MalformedURLException e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toArray(URL[]::new);
        }
    }
}

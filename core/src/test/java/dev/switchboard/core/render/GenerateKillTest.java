package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.ChildJvm;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generate killed outright (a JVM running the pipeline in a loop, ended with {@code destroyForcibly}
 * after a random delay) never leaves the registry and the generated sources apart for good: the next
 * run makes them a consistent pair again and leaves no temporary file.
 */
class GenerateKillTest {
    private static final int KILLS = 22;
    private static final Pattern CONSTANT = Pattern.compile("public static final String \\w+ = \"([^\"]+)\";");

    @TempDir
    Path base;

    @Test
    @DisplayName("a generate killed at a random point, 22 times: a finished manifest always stands beside the"
            + " registry its files came from, and the next run leaves a consistent pair and no temporary file")
    void killedAtRandomPoints() throws Exception {
        project();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int underWay = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            boolean warm = kill % 2 == 1;
            try (ChildJvm child = ChildJvm.start(
                    GenerateChild.class, base.toString(), Integer.toString(random.nextInt(GenerateChild.VARIANTS)))) {
                child.awaitLine(warm ? "looping" : "ready", Duration.ofMinutes(2));
                Thread.sleep(random.nextInt(warm ? 600 : 1500));
                child.kill();
            }
            String when = "kill " + (kill + 1) + " of " + KILLS + " (seed " + seed + ")";
            List<String> manifest = manifest();
            if (!manifest.isEmpty() && manifest.get(0).equals(SourceGenerator.Manifest.UNDER_WAY)) {
                underWay++;
            } else if (!manifest.isEmpty()) {
                assertConsistent("right after " + when, false);
            }

            new SourceGenerator().generate(GenerateChild.request(base, random.nextInt(GenerateChild.VARIANTS)));

            assertConsistent("after the run that followed " + when, true);
        }
        System.out.println("GenerateKillTest: " + underWay + " of " + KILLS + " kills stopped a run while writing"
                + " (seed " + seed + ")");
    }

    @Test
    @DisplayName("temporary files a killed write left in the output directories are removed by the next run")
    void removesLeftoverTemporaries() throws Exception {
        project();
        new SourceGenerator().generate(GenerateChild.request(base, 0));
        Path providers = base.resolve("target/generated-sources/switchboard/com/acme/switchboard/provider");
        Path leftover = providers.resolve(".UserProvider.java4711.tmp");
        Path registryLeftover = base.resolve("target/switchboard/.registry.json815.tmp");
        Files.writeString(leftover, "half a class");
        Files.writeString(registryLeftover, "{");

        new SourceGenerator().generate(GenerateChild.request(base, 1));

        assertThat(leftover).doesNotExist();
        assertThat(registryLeftover).doesNotExist();
        assertConsistent("after the run", true);
    }

    /**
     * Three proto trees whose registries share little, so each run writes and deletes dozens of files and
     * a kill often lands among the writes: {@code user}; {@code user} and 30 more; 40 others.
     */
    private void project() {
        new ProtoProject(base)
                .file("protos/v0/user.proto", ProtoProject.USER_PROTO)
                .file("protos/v1/user.proto", ProtoProject.USER_PROTO)
                .file("protos/v1/many.proto", services("order", 30))
                .file("protos/v2/many.proto", services("catalog", 40))
                .file(
                        "overrides.yaml",
                        SourceGeneratorTest.README_OVERRIDES.replaceAll("(?s)  user:.*?(?=  legacy-crm)", ""))
                .file("service.md.ftl", "# ${service.name}\n");
    }

    private static String services(String pkg, int count) {
        StringBuilder proto = new StringBuilder("syntax = \"proto3\";\npackage acme." + pkg
                + ".v1;\noption java_package = \"com.acme." + pkg + ".v1\";\nmessage M {}\n");
        for (int i = 0; i < count; i++) {
            proto.append("service ")
                    .append(Character.toUpperCase(pkg.charAt(0)))
                    .append(pkg.substring(1))
                    .append(i)
                    .append("Service { rpc Get(M) returns (M); }\n");
        }
        return proto.toString();
    }

    private List<String> manifest() throws IOException {
        Path file = base.resolve("target/switchboard/generated-files.txt");
        return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
    }

    /**
     * The registry, the names class, the providers and their registration, the bundled registry and the
     * generator's pages all describe the same services; the manifest lists exactly the files there are.
     *
     * @param settled whether a run just finished, so not even the registry directory may hold a temporary
     *     file (a run killed while writing its manifest of intent leaves one there beside a finished state)
     */
    private void assertConsistent(String when, boolean settled) throws Exception {
        Path sources = base.resolve("target/generated-sources/switchboard");
        Path resources = base.resolve("target/generated-resources/switchboard");
        Path registryDirectory = base.resolve("target/switchboard");
        Registry registry = RegistryCodec.read(registryDirectory.resolve("registry.json"));
        Set<String> names =
                registry.services().stream().map(ServiceEntry::name).collect(Collectors.toCollection(TreeSet::new));
        String namesClass = Files.readString(sources.resolve("com/acme/switchboard/ServiceNames.java"));
        Set<String> constants = new TreeSet<>();
        Matcher m = CONSTANT.matcher(namesClass.substring(0, namesClass.indexOf("class Groups")));
        while (m.find()) {
            constants.add(m.group(1));
        }
        Set<String> providers = registry.services().stream()
                .filter(s -> s.kind() != ServiceKind.HTTP)
                .map(s -> JavaNames.upperCamel(s.name()) + "Provider")
                .collect(Collectors.toCollection(TreeSet::new));
        List<String> manifest = manifest();

        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(constants).as("%s: ServiceNames", when).isEqualTo(names);
        soft.assertThat(RegistryCodec.read(resources.resolve("META-INF/switchboard/registry.json"))
                        .fingerprint())
                .as("%s: the bundled registry", when)
                .isEqualTo(registry.fingerprint());
        soft.assertThat(fileNames(sources.resolve("com/acme/switchboard/provider")))
                .as("%s: providers", when)
                .isEqualTo(providers.stream().map(p -> p + ".java").collect(Collectors.toCollection(TreeSet::new)));
        soft.assertThat(Files.readAllLines(resources.resolve(SourceGenerator.SERVICES_FILE)))
                .as("%s: provider registration", when)
                .containsExactlyInAnyOrderElementsOf(providers.stream()
                        .map(p -> "com.acme.switchboard.provider." + p)
                        .toList());
        soft.assertThat(fileNames(sources.resolve("docs")))
                .as("%s: generator pages", when)
                .isEqualTo(names.stream().map(n -> n + ".md").collect(Collectors.toCollection(TreeSet::new)));
        soft.assertThat(manifest).as("%s: manifest", when).isNotEmpty();
        if (!manifest.isEmpty()) {
            soft.assertThat(manifest.get(0))
                    .as("%s: manifest state", when)
                    .isNotEqualTo(SourceGenerator.Manifest.UNDER_WAY);
            soft.assertThat(new TreeSet<>(manifest.subList(1, manifest.size())))
                    .as("%s: the manifest lists exactly the files there are", when)
                    .isEqualTo(files(sources, resources));
        }
        soft.assertThat(temporaries(
                        settled ? List.of(sources, resources, registryDirectory) : List.of(sources, resources)))
                .as("%s: temporary files", when)
                .isEmpty();
        soft.assertAll();
    }

    private static Set<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Set<String> files(Path sources, Path resources) throws IOException {
        Set<String> files = new TreeSet<>();
        for (Path root : List.of(sources, resources)) {
            String prefix = root == sources ? "sources/" : "resources/";
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .forEach(f ->
                                files.add(prefix + root.relativize(f).toString().replace('\\', '/')));
            }
        }
        return files;
    }

    private static List<Path> temporaries(List<Path> roots) throws IOException {
        List<Path> found = new java.util.ArrayList<>();
        for (Path root : roots) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(f -> f.getFileName().toString().endsWith(".tmp")).forEach(found::add);
            }
        }
        return found;
    }
}

package dev.switchboard.core.registry;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.proto.DependencyArtifact;
import dev.switchboard.core.proto.SourcePlace;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The registries bundled in {@code <registryDependencies>}, merged into the one being built by the same
 * rule the project's own services follow: every name once. Their services are taken as their module built
 * them (inferred, grouped and overridden there); the project's overrides file still applies after them.
 */
final class RegistryDependencies {
    static final String PARAMETER = "<registryDependencies>";

    private RegistryDependencies() {}

    /** One dependency's bundled registry, as bytes (for the fingerprint) and as read. */
    record Bundled(DependencyArtifact artifact, byte[] bytes, Registry registry) {
        String shown() {
            return artifact.coordinates() + "!/" + BundledRegistry.RESOURCE;
        }
    }

    /**
     * The bytes of each dependency's bundled registry, in the order given; a dependency that bundles none
     * or cannot be read is a problem.
     */
    static List<byte[]> bytes(List<DependencyArtifact> dependencies) throws InputException {
        List<byte[]> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (DependencyArtifact dependency : dependencies) {
            try {
                byte[] bytes = bytes(dependency.file());
                if (bytes == null) {
                    problems.add(Problem.in(
                            PARAMETER,
                            dependency.coordinates() + " bundles no " + BundledRegistry.RESOURCE,
                            "build that module with switchboard's registry or generate goal, or remove the entry"));
                } else {
                    out.add(bytes);
                }
            } catch (IOException e) {
                problems.add(Problem.in(
                        PARAMETER,
                        dependency.coordinates() + ": cannot read " + dependency.file() + " (" + e.getMessage() + ")",
                        "delete that file from the local Maven repository so the next build downloads it again"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(count(problems) + " in " + PARAMETER, problems);
        }
        return out;
    }

    /**
     * Reads each dependency's registry from its {@link #bytes}; a damaged one, or one of a newer schema
     * version, is a problem.
     */
    static List<Bundled> read(List<DependencyArtifact> dependencies, List<byte[]> bytes) throws InputException {
        List<Bundled> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < dependencies.size(); i++) {
            DependencyArtifact dependency = dependencies.get(i);
            String shown = dependency.coordinates() + "!/" + BundledRegistry.RESOURCE;
            try {
                out.add(new Bundled(
                        dependency, bytes.get(i), RegistryCodec.read(bytes.get(i), RegistryFormat.JSON, shown)));
            } catch (RegistryFormatException e) {
                String what = e.path().isEmpty() ? e.problem() : e.path() + ": " + e.problem();
                problems.add(Problem.at(
                        e.source().isEmpty() ? shown : e.source(),
                        e.line(),
                        e.column(),
                        what,
                        (e.fix().isEmpty() ? "" : e.fix() + "; ")
                                + "or depend on a version of " + dependency.key()
                                + " built by this switchboard, or remove it from " + PARAMETER));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(count(problems) + " in " + PARAMETER, problems);
        }
        return out;
    }

    /**
     * The project's services and those of the bundled registries together; a name used twice is a
     * problem naming both sources.
     *
     * @param places where each of the project's proto services is defined, by name
     */
    static List<ServiceEntry> merge(List<ServiceEntry> own, Map<String, SourcePlace> places, List<Bundled> bundled)
            throws InputException {
        Map<String, String> sources = new HashMap<>();
        for (ServiceEntry service : own) {
            sources.put(service.name(), ownSource(service, places));
        }
        List<ServiceEntry> merged = new ArrayList<>(own);
        List<Problem> problems = new ArrayList<>();
        for (Bundled registry : bundled) {
            for (ServiceEntry service : registry.registry().services()) {
                String here = registry.shown();
                String other = sources.putIfAbsent(service.name(), here);
                if (other == null) {
                    merged.add(service);
                    continue;
                }
                boolean sameArtifact = service.proto() != null
                        && own.stream()
                                .anyMatch(s -> s.name().equals(service.name())
                                        && s.proto() != null
                                        && s.proto().artifact() != null
                                        && s.proto()
                                                .artifact()
                                                .startsWith(registry.artifact().key() + ":"));
                problems.add(Problem.in(
                        PARAMETER,
                        "service \"" + service.name() + "\" of " + here + " is also defined by " + other,
                        sameArtifact
                                ? "take " + registry.artifact().key() + " through <protoSourceDependencies> or through "
                                        + PARAMETER + ", not both"
                                : "keep one of them: set option (switchboard.name) on the project's service, or"
                                        + " remove one artifact from " + PARAMETER));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() == 1 ? "1 service name clash" : problems.size() + " service name clashes",
                    problems);
        }
        return merged;
    }

    private static String ownSource(ServiceEntry service, Map<String, SourcePlace> places) {
        if (service.proto() != null && service.proto().artifact() != null) {
            return service.proto().artifact() + "!/" + service.proto().file();
        }
        SourcePlace place = places.get(service.name());
        if (place != null) {
            return place.toString();
        }
        if (service.aws() != null) {
            return "the AWS client " + service.aws().clientClass();
        }
        return "the project";
    }

    /** The bundled registry's bytes, or null when the jar (or class directory) bundles none. */
    private static byte[] bytes(Path artifact) throws IOException {
        if (Files.isDirectory(artifact)) {
            Path file = artifact.resolve(BundledRegistry.RESOURCE);
            return Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
        }
        try (ZipFile zip = new ZipFile(artifact.toFile())) {
            ZipEntry entry = zip.getEntry(BundledRegistry.RESOURCE);
            if (entry == null) {
                return null;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        } catch (ZipException e) {
            throw new IOException("not a readable jar: " + e.getMessage(), e);
        }
    }

    private static String count(List<Problem> problems) {
        return problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    }
}

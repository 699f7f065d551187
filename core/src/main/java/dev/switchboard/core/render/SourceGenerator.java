package dev.switchboard.core.render;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.diag.StageTimer;
import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.core.migrate.InterfaceReader;
import dev.switchboard.core.migrate.LegacyInterface;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryLock;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import dev.switchboard.runtime.resolve.ClientIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs {@code generate}. The stages, in order:
 *
 * <ol>
 *   <li>check the configuration ({@link GenerateRequest#problems}) and take the registry directory's
 *       lock ({@link RegistryLock}), so builds of one project take turns;
 *   <li>build the registry if stale and apply the selection, in memory ({@link RegistryBuilder#prepare});
 *   <li>leave gRPC services out when {@code <grpc>} is false, else check that grpc-java is on the
 *       classpath for them ({@link GrpcClasspath});
 *   <li>read the team's factory interface when {@code <factoryInterface>} names one ({@link
 *       InterfaceReader});
 *   <li>fingerprint what the outputs depend on and stop if the manifest of the last run has it;
 *   <li>compute the template model ({@link FactoryModelBuilder}) and bind the interface's methods to its
 *       accessors ({@link InterfaceBinder});
 *   <li>render every file in memory: factory, names, the switching class when there is an interface, one provider per selected service that has a client
 *       class, the provider registration, the bundled registry (every service, for run-time fallbacks),
 *       the user's generators;
 *   <li>remove the temporaries a killed run left in the output directories, and record in the manifest
 *       that a run is under way, with every file of the last run and of this one;
 *   <li>write the files whose bytes changed and delete those the last run produced and this one does not;
 *   <li>commit the registry ({@link RegistryBuilder.Prepared#commit}), then the manifest of this run.
 * </ol>
 *
 * <p>Nothing is written until everything rendered, so a failing template leaves the earlier outputs as
 * they were. The registry is committed after the sources and the manifest last, so a run killed at any
 * point leaves either the old registry (stale, so the next run rebuilds it and renders again) or a
 * manifest that says the run did not finish (so the next run renders again and deletes every file the
 * killed run may have written and no longer needs).
 */
public final class SourceGenerator {
    private final Reporter reporter;

    /** A generator that reports nothing. */
    public SourceGenerator() {
        this(Reporter.SILENT);
    }

    /** A generator that reports the registry stage and its own durations at debug level. */
    public SourceGenerator(Reporter reporter) {
        this.reporter = reporter;
    }

    static final String SERVICES_FILE = "META-INF/services/dev.switchboard.runtime.ServiceClientProvider";

    /**
     * The manifest: what the last run produced, and from what. Plain text (the fingerprint, then one
     * file per line) so the up-to-date check needs no JSON library on the no-op path. A run under way
     * records {@value #UNDER_WAY} as its fingerprint, which no inputs have.
     */
    record Manifest(String fingerprint, List<String> files) {
        static final String UNDER_WAY = "under-way";

        String text() {
            return fingerprint + "\n" + String.join("\n", files) + "\n";
        }

        static Manifest read(Path file) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                List<String> files = lines.isEmpty() ? List.of() : lines.subList(1, lines.size());
                boolean valid = !lines.isEmpty()
                        && files.stream().allMatch(f -> f.startsWith("sources/") || f.startsWith("resources/"));
                return valid ? new Manifest(lines.get(0), List.copyOf(files)) : null;
            } catch (IOException e) {
                // No or a damaged manifest only costs a full render; files are rewritten only if changed.
                return null;
            }
        }
    }

    public GenerateOutcome generate(GenerateRequest request) throws InputException, IOException, RenderException {
        return generate(request, false);
    }

    /**
     * @param existingRegistry whether to render from {@code registry.json} as it is instead of
     *     rebuilding it from the inputs (rollback)
     */
    public GenerateOutcome generate(GenerateRequest request, boolean existingRegistry)
            throws InputException, IOException, RenderException {
        List<Problem> problems = request.problems();
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in the generate configuration", problems);
        }
        RegistryLock lock = RegistryLock.acquire(request.registry().registryDirectory());
        try {
            return generateLocked(request, existingRegistry);
        } finally {
            lock.close();
        }
    }

    private GenerateOutcome generateLocked(GenerateRequest request, boolean existingRegistry)
            throws InputException, IOException, RenderException {
        long started = System.nanoTime();
        StageTimer stages = new StageTimer(reporter, "generate");
        RegistryBuilder builder = new RegistryBuilder(reporter);
        RegistryBuilder.Prepared prepared = existingRegistry ? null : builder.prepare(request.registry());
        RegistryOutcome registry = existingRegistry ? builder.existing(request.registry()) : prepared.outcome();
        long registryMillis = (System.nanoTime() - started) / 1_000_000;
        stages.done("registry");
        List<ServiceEntry> all = registry.services();
        List<ServiceEntry> selected = registry.selected() != null ? registry.selected() : all;
        if (!request.grpc()) {
            selected =
                    selected.stream().filter(s -> s.kind() != ServiceKind.GRPC).toList();
        }
        Problem grpc =
                GrpcClasspath.problem(selected, request.registry().protos().dependencyArchives());
        if (grpc != null) {
            throw new InputException(grpc);
        }
        LegacyInterface legacy = request.factoryInterface() == null
                ? null
                : InterfaceReader.read(
                        request.factoryInterface(), request.registry().protos().baseDirectory());
        String fingerprint = fingerprint(request, registry, legacy);
        Path manifestFile = request.manifestFile();
        AtomicFiles.removeLeftovers(
                manifestFile.getParent(), Set.of(manifestFile.getFileName().toString()));
        Manifest previous = Manifest.read(manifestFile);
        if (previous != null
                && previous.fingerprint().equals(fingerprint)
                && previous.files().stream().allMatch(f -> Files.isRegularFile(resolve(request, f)))) {
            commit(prepared);
            return new GenerateOutcome(
                    registry,
                    registryMillis,
                    true,
                    List.of(),
                    0,
                    previous.files().size(),
                    0);
        }

        FactoryModel model = FactoryModelBuilder.build(selected, request.packageName(), request.className());
        if (legacy != null) {
            model = model.implementing(InterfaceBinder.bind(legacy, model, all));
        }
        Map<String, String> files = render(request, model, all, registry.fingerprint());

        AtomicFiles.removeLeftovers(request.sourceDirectory());
        AtomicFiles.removeLeftovers(request.resourceDirectory());
        Set<String> touched = new TreeSet<>(files.keySet());
        if (previous != null) {
            touched.addAll(previous.files());
        }
        AtomicFiles.write(
                manifestFile,
                new Manifest(Manifest.UNDER_WAY, List.copyOf(touched)).text().getBytes(StandardCharsets.UTF_8));
        int written = 0;
        int unchanged = 0;
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (AtomicFiles.writeIfChanged(
                    resolve(request, file.getKey()), file.getValue().getBytes(StandardCharsets.UTF_8))) {
                written++;
            } else {
                unchanged++;
            }
        }
        int deleted = 0;
        for (String old : touched) {
            if (!files.containsKey(old) && Files.deleteIfExists(resolve(request, old))) {
                deleted++;
            }
        }
        commit(prepared);
        AtomicFiles.write(
                manifestFile,
                new Manifest(fingerprint, List.copyOf(files.keySet())).text().getBytes(StandardCharsets.UTF_8));
        return new GenerateOutcome(
                registry,
                registryMillis,
                false,
                selected.stream().map(ServiceEntry::name).toList(),
                written,
                unchanged,
                deleted);
    }

    /** Commits a rebuilt registry; a rollback renders from the registry on disk and has none. */
    private static void commit(RegistryBuilder.Prepared prepared) throws IOException {
        if (prepared != null) {
            prepared.commit();
        }
    }

    /** The file map's keys: {@code sources/…} and {@code resources/…}, relative to their roots. */
    Map<String, String> render(
            GenerateRequest request, FactoryModel model, List<ServiceEntry> registry, String registryFingerprint)
            throws RenderException, InputException, IOException {
        TemplateRenderer renderer = new TemplateRenderer(
                request.templateDirectory(),
                request.registry() == null ? null : request.registry().protos().baseDirectory());
        Map<String, Object> base = new HashMap<>();
        base.put("packageName", model.packageName());
        base.put("className", model.className());
        base.put("namesClassName", model.namesClassName());
        base.put("dynamicClassName", model.dynamicClassName());
        base.put("dynamicImports", model.dynamicImports());
        base.put("providerPackage", model.providerPackage());
        base.put("imports", model.imports());
        base.put("hasAws", model.hasAws());
        base.put("hasGrpc", model.hasGrpc());
        base.put("services", model.services());
        base.put("providers", model.providers());
        base.put("groups", model.groups());
        base.put("factoryInterface", model.factoryInterface());

        String sourcePackage = "sources/" + model.packageName().replace('.', '/') + "/";
        String providerDir = "sources/" + model.providerPackage().replace('.', '/') + "/";
        // Who writes each file, to name both when a generator's output collides with another file.
        Map<String, String> writers = new HashMap<>();
        writers.put(sourcePackage + model.className() + ".java", "the factory class switchboard generates");
        writers.put(sourcePackage + model.namesClassName() + ".java", "the names class switchboard generates");
        writers.put(
                sourcePackage + model.dynamicClassName() + ".java", "the dynamic factory class switchboard generates");
        for (FactoryModel.ServiceModel service : model.providers()) {
            writers.put(
                    providerDir + service.provider().className() + ".java",
                    "the provider switchboard generates for " + service.name());
        }
        FactoryModel.Implementation implementation = model.factoryInterface();
        if (implementation != null) {
            writers.put(
                    sourcePackage + implementation.migratingClassName() + ".java",
                    "the switching class switchboard generates for <factoryInterface>");
        }
        List<GeneratorOutput> outputs = generatorOutputs(request, model, writers);

        Map<String, String> files = new TreeMap<>();
        files.put(sourcePackage + model.className() + ".java", renderer.render("ServiceClients.java.ftl", base));
        files.put(sourcePackage + model.namesClassName() + ".java", renderer.render("ServiceNames.java.ftl", base));
        files.put(
                sourcePackage + model.dynamicClassName() + ".java",
                renderer.render("DynamicServiceClients.java.ftl", base));
        if (implementation != null) {
            files.put(
                    sourcePackage + implementation.migratingClassName() + ".java",
                    renderer.render("MigratingServiceClients.java.ftl", base));
        }
        for (FactoryModel.ServiceModel service : model.providers()) {
            Map<String, Object> perService = new HashMap<>(base);
            perService.put("service", service);
            files.put(
                    providerDir + service.provider().className() + ".java",
                    renderer.render("ServiceProvider.java.ftl", perService));
        }
        if (!model.providers().isEmpty()) {
            files.put("resources/" + SERVICES_FILE, renderer.render("provider-registration.ftl", base));
        }
        // The whole registry, not only the selection: services left out of the factory are still
        // served at run time by providers or reflection from these class names (DESIGN §5).
        Registry whole = Registry.of(registryFingerprint, registry);
        files.put("resources/" + BundledRegistry.RESOURCE, RegistryCodec.write(whole, RegistryFormat.JSON));
        files.put("resources/" + ClientIndex.RESOURCE, ClientIndex.write(whole));
        for (GeneratorOutput output : outputs) {
            Map<String, Object> generatorModel = new HashMap<>(base);
            if (output.service() != null) {
                generatorModel.put("service", output.service());
            }
            files.put(output.key(), renderer.renderFile(output.generator().template(), generatorModel));
        }
        return files;
    }

    /** One file a generator writes: once, or once per service. */
    private record GeneratorOutput(
            GenerateRequest.Generator generator, FactoryModel.ServiceModel service, String key) {}

    /**
     * Where each generator writes, checked before anything renders: a file switchboard or another
     * generator writes too, or a directory, is refused naming both.
     */
    private static List<GeneratorOutput> generatorOutputs(
            GenerateRequest request, FactoryModel model, Map<String, String> writers) throws InputException {
        List<Problem> problems = new ArrayList<>();
        List<GeneratorOutput> outputs = new ArrayList<>();
        Path root = request.sourceDirectory().toAbsolutePath().normalize();
        for (int i = 0; i < request.generators().size(); i++) {
            GenerateRequest.Generator generator = request.generators().get(i);
            List<FactoryModel.ServiceModel> targets =
                    generator.perService() ? model.services() : Collections.singletonList(null);
            for (FactoryModel.ServiceModel service : targets) {
                String output = service == null
                        ? generator.output()
                        : generator.output().replace("{service}", service.name());
                Path target = root.resolve(output).normalize();
                String key = "sources/" + root.relativize(target).toString().replace('\\', '/');
                String which = request.describe(i) + " <output> \"" + output + "\"";
                String other = writers.putIfAbsent(key, request.describe(i));
                if (other != null) {
                    problems.add(Problem.in(
                            "<generators>",
                            which + " is also written by " + other,
                            other.startsWith("<generator>")
                                    ? "give each <generator> its own <output>"
                                    : "choose another <output>; to change a file switchboard generates, put a"
                                            + " template of the same name in <templateDirectory>"));
                } else if (Files.isDirectory(target)) {
                    problems.add(Problem.in(
                            "<generators>",
                            which + " is a directory",
                            "name a file in it, such as " + output.replaceAll("/+$", "") + "/Inventory.java"));
                } else {
                    outputs.add(new GeneratorOutput(generator, service, key));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in <generators>", problems);
        }
        return outputs;
    }

    private static Path resolve(GenerateRequest request, String manifestPath) {
        if (manifestPath.startsWith("sources/")) {
            return request.sourceDirectory().resolve(manifestPath.substring("sources/".length()));
        }
        return request.resourceDirectory().resolve(manifestPath.substring("resources/".length()));
    }

    /** The registry's fingerprint, the selection, the names, and every template that can change the output. */
    private static String fingerprint(GenerateRequest request, RegistryOutcome registry, LegacyInterface legacy)
            throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("registry", registry.fingerprint());
        parts.put("selection", request.registry().selection().describe());
        parts.put("grpc", Boolean.toString(request.grpc()));
        parts.put("package", request.packageName());
        parts.put("class", request.className());
        // The interface's signatures, not its file: a comment or a default method's body changes nothing.
        parts.put("interface", legacy == null ? "" : legacy.signature());
        parts.put("sources", request.sourceDirectory().toString());
        parts.put("resources", request.resourceDirectory().toString());
        if (request.templateDirectory() != null && Files.isDirectory(request.templateDirectory())) {
            try (Stream<Path> walk = Files.walk(request.templateDirectory())) {
                for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                    parts.put(
                            "overlay:" + request.templateDirectory().relativize(file),
                            digest(Files.readAllBytes(file)));
                }
            }
        }
        for (GenerateRequest.Generator g : request.generators()) {
            parts.put(
                    "generator:" + g.output(),
                    Files.isRegularFile(g.template())
                            ? digest(Files.readAllBytes(g.template()))
                            : "absent:" + g.template());
        }
        return digest(parts.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}

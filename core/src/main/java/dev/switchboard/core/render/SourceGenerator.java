package dev.switchboard.core.render;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.diag.StageTimer;
import dev.switchboard.core.registry.AtomicFiles;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.resolve.ClientIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs {@code generate}. The stages, in order:
 *
 * <ol>
 *   <li>build the registry if stale and apply the selection ({@link RegistryBuilder});
 *   <li>fingerprint what the outputs depend on and stop if the manifest of the last run has it;
 *   <li>compute the template model ({@link FactoryModelBuilder});
 *   <li>render every file in memory: factory, names, one provider per selected service, the provider
 *       registration, the bundled registry (every service, for run-time fallbacks), the user's generators;
 *   <li>write the files whose bytes changed, delete those the last run produced and this one did not,
 *       and record the manifest.
 * </ol>
 *
 * <p>Nothing is written until everything rendered, so a failing template leaves the earlier outputs as
 * they were. Each stage is reported with its duration at debug level ({@link StageTimer}).
 */
public final class SourceGenerator {
    static final String SERVICES_FILE = "META-INF/services/dev.switchboard.runtime.ServiceClientProvider";

    /**
     * The manifest: what the last run produced, and from what. Plain text (the fingerprint, then one
     * file per line) so the up-to-date check needs no JSON library on the no-op path.
     */
    record Manifest(String fingerprint, List<String> files) {
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

    private final Reporter reporter;

    /** A generator that reports nothing. */
    public SourceGenerator() {
        this(Reporter.silent());
    }

    /** A generator that reports each stage and its duration to {@code reporter} when it has debug on. */
    public SourceGenerator(Reporter reporter) {
        this.reporter = reporter;
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
        long started = System.nanoTime();
        RegistryBuilder builder = new RegistryBuilder(reporter);
        RegistryOutcome registry =
                existingRegistry ? builder.existing(request.registry()) : builder.build(request.registry());
        long registryMillis = (System.nanoTime() - started) / 1_000_000;
        StageTimer stages = new StageTimer(reporter, "generate");
        String fingerprint = fingerprint(request, registry);
        Manifest previous = Manifest.read(request.manifestFile());
        stages.done("up-to-date check");
        if (previous != null
                && previous.fingerprint().equals(fingerprint)
                && previous.files().stream().allMatch(f -> Files.isRegularFile(resolve(request, f)))) {
            return new GenerateOutcome(
                    registry,
                    registryMillis,
                    true,
                    List.of(),
                    0,
                    previous.files().size(),
                    0);
        }

        List<ServiceEntry> all = registry.services();
        List<ServiceEntry> selected = registry.selected() != null ? registry.selected() : all;
        FactoryModel model = FactoryModelBuilder.build(selected, request.packageName(), request.className());
        stages.done("compute the template model");
        Map<String, String> files = render(request, model, all, registry.fingerprint());
        stages.done("render " + files.size() + " files");

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
        if (previous != null) {
            for (String old : previous.files()) {
                if (!files.containsKey(old) && Files.deleteIfExists(resolve(request, old))) {
                    deleted++;
                }
            }
        }
        AtomicFiles.write(
                request.manifestFile(),
                new Manifest(fingerprint, List.copyOf(files.keySet())).text().getBytes(StandardCharsets.UTF_8));
        stages.done("write the changed files and the manifest");
        return new GenerateOutcome(
                registry,
                registryMillis,
                false,
                selected.stream().map(ServiceEntry::name).toList(),
                written,
                unchanged,
                deleted);
    }

    /** The file map's keys: {@code sources/…} and {@code resources/…}, relative to their roots. */
    Map<String, String> render(
            GenerateRequest request, FactoryModel model, List<ServiceEntry> registry, String registryFingerprint)
            throws RenderException, InputException, IOException {
        TemplateRenderer renderer = new TemplateRenderer(request.templateDirectory());
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
        base.put("groups", model.groups());

        String sourcePackage = "sources/" + model.packageName().replace('.', '/') + "/";
        String providerDir = "sources/" + model.providerPackage().replace('.', '/') + "/";
        Map<String, String> files = new TreeMap<>();
        files.put(sourcePackage + model.className() + ".java", renderer.render("ServiceClients.java.ftl", base));
        files.put(sourcePackage + model.namesClassName() + ".java", renderer.render("ServiceNames.java.ftl", base));
        files.put(
                sourcePackage + model.dynamicClassName() + ".java",
                renderer.render("DynamicServiceClients.java.ftl", base));
        for (FactoryModel.ServiceModel service : model.services()) {
            Map<String, Object> perService = new HashMap<>(base);
            perService.put("service", service);
            files.put(
                    providerDir + service.providerClass() + ".java",
                    renderer.render("ServiceProvider.java.ftl", perService));
        }
        if (!model.services().isEmpty()) {
            files.put("resources/" + SERVICES_FILE, renderer.render("provider-registration.ftl", base));
        }
        // The whole registry, not only the selection: services left out of the factory are still
        // served at run time by providers or reflection from these class names (DESIGN §5).
        Registry whole = Registry.of(registryFingerprint, registry);
        files.put("resources/" + BundledRegistry.RESOURCE, RegistryCodec.write(whole, RegistryFormat.JSON));
        files.put("resources/" + ClientIndex.RESOURCE, ClientIndex.write(whole));
        renderGenerators(request, renderer, base, model, files);
        return files;
    }

    private static void renderGenerators(
            GenerateRequest request,
            TemplateRenderer renderer,
            Map<String, Object> base,
            FactoryModel model,
            Map<String, String> files)
            throws RenderException, InputException {
        List<Problem> problems = new ArrayList<>();
        Path root = request.sourceDirectory().toAbsolutePath().normalize();
        for (GenerateRequest.Generator generator : request.generators()) {
            if (!Files.isRegularFile(generator.template())) {
                problems.add(Problem.in(
                        "<generators><generator><template>",
                        generator.template() + " does not exist",
                        "point it at a FreeMarker template file"));
                continue;
            }
            boolean perService = generator.output().contains("{service}");
            List<FactoryModel.ServiceModel> targets =
                    perService ? model.services() : java.util.Collections.singletonList(null);
            for (FactoryModel.ServiceModel service : targets) {
                String output =
                        perService ? generator.output().replace("{service}", service.name()) : generator.output();
                Path target = root.resolve(output).normalize();
                if (output.isBlank()
                        || Path.of(output).isAbsolute()
                        || !target.startsWith(root)
                        || target.equals(root)) {
                    problems.add(Problem.in(
                            "<generators><generator><output>",
                            "\"" + generator.output() + "\" leaves the output directory " + root,
                            "use a path relative to it, without \"..\""));
                    break;
                }
                Map<String, Object> model1 = new HashMap<>(base);
                if (service != null) {
                    model1.put("service", service);
                }
                files.put(
                        "sources/" + root.relativize(target).toString().replace('\\', '/'),
                        renderer.renderFile(generator.template(), model1));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in <generators>", problems);
        }
    }

    private static Path resolve(GenerateRequest request, String manifestPath) {
        if (manifestPath.startsWith("sources/")) {
            return request.sourceDirectory().resolve(manifestPath.substring("sources/".length()));
        }
        return request.resourceDirectory().resolve(manifestPath.substring("resources/".length()));
    }

    /** The registry's fingerprint, the selection, the names, and every template that can change the output. */
    private static String fingerprint(GenerateRequest request, RegistryOutcome registry) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("registry", registry.fingerprint());
        parts.put("selection", request.registry().selection().describe());
        parts.put("package", request.packageName());
        parts.put("class", request.className());
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

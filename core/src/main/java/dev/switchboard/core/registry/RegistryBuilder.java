package dev.switchboard.core.registry;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.aws.AwsServiceReader;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.diag.StageTimer;
import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.core.proto.DependencyArtifact;
import dev.switchboard.core.proto.ProtoCache;
import dev.switchboard.core.proto.ProtoServiceReader;
import dev.switchboard.core.proto.ProtoServices;
import dev.switchboard.core.proto.ProtoSource;
import dev.switchboard.core.proto.SourceHashes;
import dev.switchboard.core.proto.SourcePlace;
import dev.switchboard.runtime.registry.BundledRegistry;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.RegistryFormatException;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Builds {@code registry.json}. The stages, in order:
 *
 * <ol>
 *   <li>find the proto sources, unpacking those of source dependencies beside the registry
 *       directory, read the bundled registries of registry dependencies, and check that the rules and
 *       overrides files exist and say YAML or JSON by their extension;
 *   <li>stop if the registry on disk is up to date: by the inputs' stamps when they are unchanged,
 *       else by the fingerprint of their content ({@link InputStamps});
 *   <li>read the rules and overrides files ({@link DataFiles}), reporting the problems of both together,
 *       on a thread of their own while the protos are parsed and checked ({@link ProtoServiceReader#check}),
 *       then, on that thread, discover the AWS SDK clients on the classpath ({@link AwsServiceReader});
 *   <li>link the protos and map their services ({@link ProtoServiceReader#map}), reusing what the last
 *       build kept for the files that did not change ({@link ProtoCache});
 *   <li>add the AWS SDK clients, checking that no proto service has the name of one;
 *   <li>infer capabilities and declared dependencies ({@link InferenceRules});
 *   <li>move services into the groups of {@code <groups>};
 *   <li>merge the registries bundled in {@code <registryDependencies>} ({@link RegistryDependencies});
 *   <li>merge the overrides file ({@link Overrides}) and check the service and capability names both
 *       files mention against the finished registry;
 *   <li>apply the selection ({@link Selection}), which checks the names it is given;
 *   <li>commit: keep the registry in force as {@code registry.previous.json} and write the new one
 *       atomically, then the proto cache and the inputs' stamps ({@link Prepared#commit}).
 * </ol>
 *
 * <p>Every problem of a stage is collected before it fails; a failure writes nothing, so the earlier
 * registry stays as it was. The generate pipeline runs the stages up to the commit, writes its sources,
 * and commits last, so a registry on disk always has its generated sources beside it. Builds of one
 * registry directory take turns ({@link RegistryLock}).
 */
public final class RegistryBuilder {
    private final Reporter reporter;

    public RegistryBuilder() {
        this(Reporter.SILENT);
    }

    /** @param reporter receives the stage a long build is in, for a front end's progress display */
    public RegistryBuilder(Reporter reporter) {
        this.reporter = reporter;
    }

    /** Builds and commits the registry, holding the registry directory's lock throughout. */
    public RegistryOutcome build(RegistryRequest request) throws InputException, IOException {
        RegistryLock lock = RegistryLock.acquire(request.registryDirectory());
        try {
            Prepared prepared = prepare(request);
            prepared.commit();
            return prepared.outcome();
        } finally {
            lock.close();
        }
    }

    /**
     * A registry built in memory: what {@link #build} would report, and the writes it would make, held
     * back until {@link #commit}.
     */
    public static final class Prepared {
        private static final Set<String> OWN_FILES = Set.of(
                RegistryRequest.REGISTRY_FILE,
                RegistryRequest.PREVIOUS_FILE,
                InputStamps.FILE,
                ProtoCache.FILE,
                ProtoCache.PARSED_FILE,
                SourceHashes.FILE);

        private final RegistryRequest request;
        private final RegistryOutcome outcome;
        private final byte[] registryBytes;
        private final InputStamps stamps;
        private final ProtoCache cache;
        private final SourceHashes hashes;

        private Prepared(
                RegistryRequest request,
                RegistryOutcome outcome,
                byte[] registryBytes,
                InputStamps stamps,
                ProtoCache cache,
                SourceHashes hashes) {
            this.request = request;
            this.outcome = outcome;
            this.registryBytes = registryBytes;
            this.stamps = stamps;
            this.cache = cache;
            this.hashes = hashes;
        }

        /** What the build found; {@code written} says whether {@link #commit} writes a new registry. */
        public RegistryOutcome outcome() {
            return outcome;
        }

        /**
         * Writes the registry pair and the stamps, and removes what killed writes of them left. A registry
         * byte-identical to the one in force is not rotated, so a build that raced another to the same
         * result keeps the registry in force before both as previous.
         */
        public void commit() throws IOException {
            Path dir = request.registryDirectory();
            RegistryLock lock = RegistryLock.acquire(dir);
            try {
                AtomicFiles.removeLeftovers(dir, OWN_FILES);
                if (registryBytes != null) {
                    Path registryFile = request.registryFile();
                    boolean exists = Files.isRegularFile(registryFile);
                    if (!exists || !Arrays.equals(Files.readAllBytes(registryFile), registryBytes)) {
                        // The stamps vouch for the registry in force, and are written anew last: a run
                        // killed after replacing the registry must leave none, so the next build checks
                        // the inputs' content against the new registry instead of trusting stale stamps.
                        Files.deleteIfExists(request.inputsFile());
                        if (exists) {
                            AtomicFiles.copy(registryFile, request.previousFile());
                        }
                        AtomicFiles.write(registryFile, registryBytes);
                    }
                }
                if (cache != null) {
                    AtomicFiles.write(dir.resolve(ProtoCache.FILE), cache.bytes());
                    AtomicFiles.write(dir.resolve(ProtoCache.PARSED_FILE), cache.parsedBytes());
                }
                if (hashes != null && !hashes.isEmpty()) {
                    AtomicFiles.write(dir.resolve(SourceHashes.FILE), hashes.bytes());
                }
                if (stamps != null) {
                    stamps.write(dir, outcome.fingerprint());
                }
            } finally {
                lock.close();
            }
        }
    }

    /**
     * Runs every stage but the commit: reads and checks the inputs, builds the registry in memory, and
     * writes nothing but the unpacked protos of source dependencies, a cache that only changes when the
     * artifacts do. Hold the directory's {@link RegistryLock} from here to the commit, so no other build
     * writes in between.
     */
    public Prepared prepare(RegistryRequest request) throws InputException, IOException {
        StageTimer stages = new StageTimer(reporter, "registry");
        Path base = request.protos().baseDirectory();
        ProtoServiceReader reader = new ProtoServiceReader(request.protos());
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        List<ProtoSource> sources = reader.sources(problems, warnings);
        stages.done("find the proto sources and input files");
        if (!problems.isEmpty()) {
            throw new InputException("cannot read the proto sources", problems);
        }
        List<byte[]> bundled = RegistryDependencies.bytes(request.registryDependencies());
        if (request.rulesFile() != null) {
            DataFiles.checkFile(request.rulesFile(), shown(base, request.rulesFile()), InferenceRules.SPEC, problems);
        }
        if (request.overridesFile() != null) {
            DataFiles.checkFile(
                    request.overridesFile(), shown(base, request.overridesFile()), Overrides.SPEC, problems);
        }
        if (!problems.isEmpty()) {
            throw DataFiles.failure(problems);
        }
        Path registryFile = request.registryFile();
        InputStamps stamps = stamps(request, sources);
        SourceHashes hashes = new SourceHashes(request.registryDirectory());
        UpToDate current = upToDate(request, sources, bundled, stamps, hashes);
        stages.done("up-to-date check");
        if (current.current()) {
            InputStamps restamp = current.restamp() ? stamps : null;
            SourceHashes rehashed = current.restamp() ? hashes : null;
            if (request.selection().isAll()) {
                return new Prepared(
                        request,
                        new RegistryOutcome(false, registryFile, current.fingerprint(), null, List.of(), null),
                        null,
                        restamp,
                        null,
                        rehashed);
            }
            List<String> notes = new ArrayList<>();
            List<ServiceEntry> selected = select(request, read(registryFile).services(), notes);
            return new Prepared(
                    request,
                    new RegistryOutcome(false, registryFile, current.fingerprint(), null, notes, selected),
                    null,
                    restamp,
                    null,
                    rehashed);
        }

        // Rules and overrides are parsed only now: the fingerprint covers their bytes, and an
        // up-to-date build must not pay for YAML parsing (the no-op budget in benchmarks/BENCHMARKS.md).
        // Jackson's YAML is slow to start in a fresh JVM, so they are read on a thread of their own
        // while the protos are parsed; their problems are still reported first, as before any proto's.
        // The AWS clients on the classpath depend on nothing the protos give, so they are looked for on the
        // same thread once the data files are read, while the protos are parsed and linked.
        FutureTask<DataInputs> dataFiles = new FutureTask<>(() -> readDataFiles(request, base));
        FutureTask<List<ServiceEntry>> awsClients = request.discoverAws()
                ? new FutureTask<>(() -> new AwsServiceReader(AwsCatalogue::bundled)
                        .read(request.protos().dependencyArchives()))
                : null;
        Thread dataThread = new Thread(
                () -> {
                    dataFiles.run();
                    if (awsClients != null) {
                        awsClients.run();
                    }
                },
                "switchboard-data-files");
        dataThread.setDaemon(true);
        dataThread.start();
        try {
            ProtoCache cache = null;
            ProtoServiceReader.Checked checkedProtos = null;
            InputException protoProblems = null;
            if (!sources.isEmpty()) {
                reporter.progress("loading " + sources.size() + " proto file(s)");
                // What the protos' services depend on beyond their own content: a cached file holds while it does.
                cache = new ProtoCache(
                        request.registryDirectory(), fingerprint(request, List.of(), List.of(), null, false));
                try {
                    checkedProtos = reader.check(sources, cache, hashes, stages);
                } catch (InputException e) {
                    protoProblems = e;
                }
            }
            DataInputs data = join(dataFiles, "the rules and overrides files");
            if (!data.problems().isEmpty()) {
                throw DataFiles.failure(data.problems());
            }
            stages.done("read the rules and overrides files (beside the protos)");
            if (protoProblems != null) {
                throw protoProblems;
            }
            InferenceRules.Loaded rules = data.rules();
            DataFiles.Document<Overrides> overrides = data.overrides();
            List<String> notes = new ArrayList<>(data.notes());
            warnings.forEach(w -> notes.add(w.toString()));
            List<ServiceEntry> services = new ArrayList<>();
            Map<String, SourcePlace> places = Map.of();
            String noProtos = null;
            if (sources.isEmpty()) {
                String searched = request.protos().sourceRoots().stream()
                        .map(p -> shown(base, p))
                        .reduce((a, b) -> a + ", " + b)
                        .orElse("(none configured)");
                if (request.failOnMissingSources()) {
                    throw new InputException(Problem.in(
                            "<protoSourceRoots>",
                            "no .proto files found in " + searched,
                            "add protos there, point <protoSourceRoots> at them, or set <failOnMissingSources>false"));
                }
                noProtos = "no .proto files found in " + searched + "; the registry has no proto services";
            } else {
                ProtoServices protoServices =
                        reader.map(checkedProtos, Set.copyOf(rules.rules().ignoredTypePackages()), stages);
                cache.serializeAhead();
                if (reporter.debugEnabled()) {
                    reporter.debug("switchboard: " + ProtoCache.FILE + " held " + cache.reusedParsed() + " of "
                            + sources.size() + " proto file(s), which were not parsed again, and the services of "
                            + cache.reused()
                            + ", which were not linked again (they and what they import are unchanged); "
                            + checkedProtos.unread() + " were not read at all (their size and time match "
                            + SourceHashes.FILE + ")");
                }
                services.addAll(protoServices.services());
                notes.addAll(protoServices.notes());
                places = protoServices.places();
            }
            if (awsClients != null) {
                if (!awsClients.isDone()) {
                    reporter.progress("looking for AWS SDK clients on the classpath");
                }
                services.addAll(awsServices(join(awsClients, "the classpath's AWS SDK clients"), services, places));
                stages.done("wait for the AWS SDK clients (looked for beside the protos)");
            }
            if (noProtos != null && services.isEmpty()) {
                // Only worth a warning when AWS discovery found nothing either.
                notes.add(noProtos);
            }
            Set<String> declaredCapabilities = new TreeSet<>();
            services.forEach(s -> s.capabilities().forEach(c -> declaredCapabilities.add(c.name())));
            List<ServiceEntry> inferred = new Inference(rules.rules()).apply(services);
            inferred = GroupAssignments.apply(inferred, request.groups());
            if (!request.registryDependencies().isEmpty()) {
                inferred = RegistryDependencies.merge(
                        inferred, places, RegistryDependencies.read(request.registryDependencies(), bundled));
            }
            if (overrides != null) {
                inferred = Overrides.apply(inferred, overrides, problems);
            }
            Set<String> names = new TreeSet<>();
            inferred.forEach(s -> names.add(s.name()));
            rules.checkNames(declaredCapabilities, names, problems);
            if (!problems.isEmpty()) {
                throw DataFiles.failure(problems);
            }
            stages.done("infer, group and merge the overrides");

            String fingerprint = current.fingerprint() != null
                    ? current.fingerprint()
                    : fingerprint(request, sources, bundled, hashes);
            Registry registry = Registry.of(fingerprint, inferred);
            List<ServiceEntry> selected = select(request, registry.services(), notes);
            stages.done("select the services");
            byte[] registryBytes = RegistryCodec.writeBytes(registry, RegistryFormat.JSON);
            stages.done("write the registry's JSON");
            return new Prepared(
                    request,
                    new RegistryOutcome(true, registryFile, fingerprint, registry, notes, selected),
                    registryBytes,
                    stamps,
                    cache,
                    hashes);
        } finally {
            // A build that fails before the AWS clients are added stops their search (between jars).
            if (awsClients != null) {
                awsClients.cancel(true);
            }
        }
    }

    /** The rules and overrides files as read, with the notes and problems of reading them. */
    private record DataInputs(
            InferenceRules.Loaded rules,
            DataFiles.Document<Overrides> overrides,
            List<String> notes,
            List<Problem> problems) {}

    private static DataInputs readDataFiles(RegistryRequest request, Path base) {
        List<String> notes = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        InferenceRules.Loaded rules = null;
        DataFiles.Document<Overrides> overrides = null;
        try {
            rules = InferenceRules.read(
                    request.rulesFile(), request.replaceDefaultRules(), shown(base, request.rulesFile()), notes);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        try {
            overrides = request.overridesFile() == null
                    ? null
                    : Overrides.read(request.overridesFile(), shown(base, request.overridesFile()), notes);
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        return new DataInputs(rules, overrides, notes, problems);
    }

    /**
     * What the data files' thread read ({@code what}, for the message when interrupted); its failure is
     * rethrown here, on the build's thread.
     */
    private static <T> T join(FutureTask<T> task, String what) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + what);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException unexpected) {
                throw unexpected;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * The registry on disk as it is, without looking at the inputs, with the selection applied; for
     * rollback, which regenerates from a restored registry.
     */
    public RegistryOutcome existing(RegistryRequest request) throws InputException, IOException {
        Path registryFile = request.registryFile();
        if (!Files.isRegularFile(registryFile)) {
            throw new InputException(
                    Problem.in(registryFile.toString(), "does not exist", "build it with `mvn switchboard:registry`"));
        }
        Registry registry = read(registryFile);
        List<String> notes = new ArrayList<>();
        List<ServiceEntry> selected = select(request, registry.services(), notes);
        return new RegistryOutcome(false, registryFile, registry.fingerprint(), registry, notes, selected);
    }

    /**
     * The AWS clients on the classpath; a name a proto service already has is an error, placed at the
     * proto service.
     */
    private static List<ServiceEntry> awsServices(
            List<ServiceEntry> aws, List<ServiceEntry> protoServices, Map<String, SourcePlace> places)
            throws InputException {
        List<Problem> problems = new ArrayList<>();
        for (ServiceEntry client : aws) {
            for (ServiceEntry proto : protoServices) {
                if (proto.name().equals(client.name())) {
                    SourcePlace at = places.getOrDefault(
                            proto.name(), new SourcePlace(proto.proto().file(), 0, 0));
                    problems.add(Problem.at(
                            at.file(),
                            at.line(),
                            at.column(),
                            "proto service " + proto.proto().service() + " and the AWS client "
                                    + client.aws().clientClass() + " both want the name \"" + client.name() + "\"",
                            "set option (switchboard.name) on the proto service"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() == 1 ? "1 service name clash" : problems.size() + " service name clashes",
                    problems);
        }
        return aws;
    }

    private static List<ServiceEntry> select(RegistryRequest request, List<ServiceEntry> services, List<String> notes)
            throws InputException {
        return request.selection().isAll()
                ? services
                : request.selection().apply(services, AwsCatalogue.bundled(), notes);
    }

    /** The registry file on disk; a damaged one is an input problem that says how to recover. */
    static Registry read(Path registryFile) throws IOException, InputException {
        try {
            return RegistryCodec.read(registryFile);
        } catch (RegistryFormatException e) {
            throw new InputException(
                    Problem.in(registryFile.toString(), e.getMessage(), "delete it; the next build writes it anew"));
        }
    }

    /**
     * What the up-to-date check found.
     *
     * @param current whether the registry on disk is up to date
     * @param fingerprint the inputs' fingerprint, when known; null when the check did not need it
     * @param restamp record the new stamps (the registry is current, though they changed)
     */
    private record UpToDate(boolean current, String fingerprint, boolean restamp) {}

    /**
     * Whether the registry is up to date. Equal stamps (and none changed within the clock's
     * resolution of their recording) settle it without reading a source; otherwise the content
     * fingerprint is computed and compared, and equal content asks for the new stamps to be recorded.
     */
    private static UpToDate upToDate(
            RegistryRequest request,
            List<ProtoSource> sources,
            List<byte[]> bundled,
            InputStamps stamps,
            SourceHashes hashes)
            throws IOException {
        Path registryFile = request.registryFile();
        if (!Files.isRegularFile(registryFile)) {
            return new UpToDate(false, null, false);
        }
        InputStamps.Recorded recorded = InputStamps.read(request.registryDirectory());
        if (recorded != null && recorded.stamps().equals(stamps.hex()) && !stamps.racy(recorded)) {
            return new UpToDate(true, recorded.fingerprint(), false);
        }
        // Kept for the build when it is needed: reading every input again costs a rebuild real time.
        String fingerprint = fingerprint(request, sources, bundled, hashes);
        String current = recorded != null
                ? recorded.fingerprint()
                : RegistryCodec.readFingerprint(registryFile).orElse(null);
        boolean same = fingerprint.equals(current);
        return new UpToDate(same, fingerprint, same);
    }

    /** Names, sizes and modification times of every input, and the configuration. */
    private static InputStamps stamps(RegistryRequest request, List<ProtoSource> sources) throws IOException {
        InputStamps stamps = new InputStamps()
                .add(request.pluginVersion())
                .addFile("plugin-archive", request.pluginArchive())
                .add(String.join(",", request.protos().includes()))
                .add(String.join(",", request.protos().excludes()))
                .add(Boolean.toString(request.replaceDefaultRules()))
                .add(Boolean.toString(request.failOnMissingSources()))
                .add(Boolean.toString(request.discoverAws()))
                .add(request.groups().toString())
                .addFile("rules", request.rulesFile())
                .addFile("overrides", request.overridesFile());
        request.protos().sourceRoots().forEach(root -> stamps.add(root.toString()));
        for (ProtoSource source : sources) {
            stamps.add(source.relativePath(), source.size(), source.modified());
        }
        for (Path path : request.protos().importPaths()) {
            if (Files.isDirectory(path)) {
                for (Path file : protoFiles(path)) {
                    stamps.addFile(file.toString(), file);
                }
            } else {
                stamps.addFile(path.toString(), path);
            }
        }
        request.protos().dependencyArchives().forEach(archive -> stamps.addFile(archive.toString(), archive));
        // The unpacked protos are among the sources; the coordinates are what the registry records.
        request.protos().sourceDependencies().forEach(d -> stamps.add(d.coordinates()));
        for (DependencyArtifact dependency : request.registryDependencies()) {
            Path file = dependency.file();
            stamps.add(dependency.coordinates())
                    .addFile(file.toString(), Files.isDirectory(file) ? file.resolve(BundledRegistry.RESOURCE) : file);
        }
        return stamps;
    }

    /**
     * Every input, in a stable order and free of machine-specific paths: plugin, configuration, sources
     * (those unpacked from source dependencies too) and import-path protos by content, archives by name
     * and size, the coordinates of source dependencies, bundled registries and rules and overrides by
     * content.
     */
    private static String fingerprint(
            RegistryRequest request, List<ProtoSource> sources, List<byte[]> bundled, SourceHashes hashes)
            throws IOException {
        return fingerprint(request, sources, bundled, hashes, true);
    }

    /**
     * The fingerprint of the inputs; without {@code settings}, only of what the protos' services depend on
     * (the {@link ProtoCache}'s key): not the rules, overrides, groups and switches, which apply after the
     * protos are mapped, so that editing the overrides keeps every cached file.
     */
    private static String fingerprint(
            RegistryRequest request,
            List<ProtoSource> sources,
            List<byte[]> bundled,
            SourceHashes hashes,
            boolean settings)
            throws IOException {
        Fingerprint fp = new Fingerprint()
                .add("plugin", request.pluginVersion())
                .addStamp("plugin-archive", request.pluginArchive())
                .add("schema", Integer.toString(Registry.SCHEMA_VERSION))
                .add("includes", String.join(",", request.protos().includes()))
                .add("excludes", String.join(",", request.protos().excludes()));
        if (settings) {
            fp.add("replaceDefaultRules", Boolean.toString(request.replaceDefaultRules()))
                    .add("failOnMissingSources", Boolean.toString(request.failOnMissingSources()))
                    .add("discoverAws", Boolean.toString(request.discoverAws()))
                    .add("groups", request.groups().toString());
        }
        Path base = request.protos().baseDirectory();
        for (Path root : request.protos().sourceRoots()) {
            fp.add("source-root", shown(base, root));
        }
        for (ProtoSource source : sources) {
            fp.add("source:" + source.relativePath(), hashes.hash(source));
        }
        for (Path path : request.protos().importPaths()) {
            fp.add("import-path", shown(base, path));
            if (Files.isDirectory(path)) {
                for (Path file : protoFiles(path)) {
                    fp.addContent(path.relativize(file).toString().replace('\\', '/'), file);
                }
            } else {
                fp.addStamp("archive", path);
            }
        }
        // By file name, not path: a reactor hands a sibling module's jar over from its target directory,
        // a standalone build from the local repository, and both must give the same registry.
        List<Path> archives = request.protos().dependencyArchives().stream()
                .sorted(Comparator.comparing((Path p) -> String.valueOf(p.getFileName()))
                        .thenComparing(Path::toString))
                .toList();
        for (Path archive : archives) {
            fp.addStamp("dependency", archive);
        }
        for (DependencyArtifact dependency : request.protos().sourceDependencies()) {
            fp.add("source-dependency", dependency.coordinates());
        }
        for (int i = 0; i < bundled.size(); i++) {
            fp.add("registry-dependency", request.registryDependencies().get(i).coordinates())
                    .addBytes(bundled.get(i));
        }
        if (settings && request.rulesFile() != null) {
            fp.addContent("rules", request.rulesFile());
        }
        if (settings && request.overridesFile() != null) {
            fp.addContent("overrides", request.overridesFile());
        }
        return fp.hex();
    }

    private static Set<Path> protoFiles(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".proto")).collect(TreeSet::new, Set::add, Set::addAll);
        }
    }

    private static String shown(Path base, Path path) {
        if (path == null) {
            return null;
        }
        Path absolute = path.toAbsolutePath();
        return base != null && absolute.startsWith(base)
                ? base.relativize(absolute).toString().replace('\\', '/')
                : path.toString();
    }
}

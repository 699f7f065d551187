package dev.switchboard.core.proto;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.diag.StageTimer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads the registry entries of a project's proto services.
 *
 * <ol>
 *   <li>find the source-root files the globs select, following symbolic links, and those of the
 *       source dependencies, unpacked beside the registry directory ({@link #sources});
 *   <li>parse each once, on both cores, collecting every syntax error, duplicate definition, import cycle and
 *       unsupported construct;
 *   <li>link them with Wire against the import paths, the dependency jars and {@code
 *       switchboard/options.proto}: all of them, or with a {@link ProtoCache} only those that changed since
 *       the last build and those that import them;
 *   <li>map each service to an entry: names, methods, HTTP rules (checked against the request and
 *       response messages), events, options, and dependencies inferred from the packages of the types it
 *       uses; a service whose proto came from a source dependency records that artifact.
 * </ol>
 */
public final class ProtoServiceReader {
    private final ProtoInputs inputs;
    private final ProtoLoader loader;
    private final int linkThreads;

    public ProtoServiceReader(ProtoInputs inputs) {
        this(inputs, Runtime.getRuntime().availableProcessors());
    }

    /** @param linkThreads how many groups of files may be linked side by side ({@link LinkGroups}) */
    ProtoServiceReader(ProtoInputs inputs, int linkThreads) {
        this.inputs = inputs;
        this.loader = new ProtoLoader(inputs);
        this.linkThreads = linkThreads;
    }

    /**
     * The proto files of the source roots. A configured source root or import path that is missing or
     * not a directory, and a root that cannot be read, are added to {@code problems}; dangling symbolic
     * links and link loops, which do not stop the build, to {@code warnings}.
     */
    public List<ProtoSource> sources(List<Problem> problems, List<Problem> warnings) {
        return loader.sources(problems, warnings);
    }

    /**
     * Loads and maps the given sources.
     *
     * @param ignoredTypePackages packages whose types never make a dependency
     * @throws InputException with every problem found, each with its file, line and column
     */
    public ProtoServices read(List<ProtoSource> sources, Set<String> ignoredTypePackages) throws InputException {
        StageTimer silent = new StageTimer(Reporter.SILENT, "registry");
        return map(check(sources, null, null, silent), ignoredTypePackages, silent);
    }

    /** Sources parsed and checked, for {@link #map}. */
    public static final class Checked {
        private final List<ProtoSource> sources;
        private final ProtoCache cache;
        private final ProtoLoader.Checked checked;
        private final int unread;

        private Checked(List<ProtoSource> sources, ProtoCache cache, ProtoLoader.Checked checked) {
            this.sources = sources;
            this.cache = cache;
            this.checked = checked;
            this.unread = sources.size() - checked.texts().size();
        }

        /** How many sources were not read at all: unchanged since the last build, which the cache holds. */
        public int unread() {
            return unread;
        }
    }

    /**
     * Parses and checks the sources: syntax, import paths, import cycles, duplicate definitions. Files
     * whose summary {@code cache} holds from an earlier build with the same content are not parsed.
     *
     * @param cache the results of an earlier build, or null to parse and later link every source
     * @param hashes the sources' hashes recorded by an earlier build, and this build's; with a cache, a
     *     source whose record holds and whose summary the cache has is not read; null to read every source
     * @param stages times the steps, for the debug log
     * @throws InputException with every problem found, each with its file, line and column
     */
    public Checked check(List<ProtoSource> sources, ProtoCache cache, SourceHashes hashes, StageTimer stages)
            throws InputException {
        if (cache != null) {
            cache.read();
            stages.done("read " + ProtoCache.PARSED_FILE + " (" + ProtoCache.FILE + " on a thread of its own)");
        }
        ProtoLoader.Checked checked;
        try {
            checked = loader.check(sources, cache, hashes);
        } catch (InputException e) {
            throw DependencySources.explained(inputs, e);
        }
        stages.done("parse and check the protos");
        return new Checked(sources, cache, checked);
    }

    /**
     * Links and maps checked sources, linking only those whose services the cache does not hold from an
     * earlier build with the same content (and the sources they import); what it holds for the others is
     * used as it is. The cache then holds the entries of these sources, for {@link ProtoCache#bytes}.
     *
     * @param ignoredTypePackages packages whose types never make a dependency
     * @param stages times the steps, for the debug log
     * @throws InputException with every problem found, each with its file, line and column
     */
    public ProtoServices map(Checked sourcesChecked, Set<String> ignoredTypePackages, StageTimer stages)
            throws InputException {
        ProtoServices services;
        try {
            services = linkAndMap(sourcesChecked, ignoredTypePackages, stages);
        } catch (InputException e) {
            throw DependencySources.explained(inputs, e);
        }
        return new ProtoServices(
                DependencySources.withOrigins(inputs, sourcesChecked.sources, services.services()),
                services.notes(),
                services.places());
    }

    private ProtoServices linkAndMap(Checked sourcesChecked, Set<String> ignoredTypePackages, StageTimer stages)
            throws InputException {
        List<ProtoSource> sources = sourcesChecked.sources;
        ProtoCache cache = sourcesChecked.cache;
        ProtoLoader.Checked checked = sourcesChecked.checked;
        Map<String, String> keys = cache == null
                ? Map.of()
                : checked.keys(cache.environment() + "\nignored:" + new TreeSet<>(ignoredTypePackages));
        List<ProtoSource> changed = cache == null
                ? sources
                : sources.stream()
                        .filter(s -> cache.get(keys.get(s.relativePath())) == null)
                        .toList();
        Set<String> relinked = new HashSet<>();
        changed.forEach(s -> relinked.add(s.relativePath()));
        Map<String, List<ServiceFacts>> linked = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        if (!changed.isEmpty()) {
            stages.done("look up the proto cache");
            Map<String, Long> sizes = new HashMap<>();
            sources.forEach(s -> sizes.put(s.relativePath(), s.size()));
            List<List<String>> groups = LinkGroups.split(relinked, sizes, linkThreads);
            List<Mapped> results = new ArrayList<>();
            if (groups.size() > 1) {
                results.addAll(groups.parallelStream()
                        .map(group -> linkAndMapOrNull(sources, checked, group, ignoredTypePackages))
                        .toList());
            }
            if (results.isEmpty() || results.contains(null)) {
                // One link over all of them: its report of a broken file is the one a single link gives,
                // in Wire's order, and names each problem once.
                results = List.of(linkAndMap(sources, checked, relinked, ignoredTypePackages));
                groups = List.of(List.copyOf(relinked));
            }
            int linkedFiles = 0;
            for (Mapped result : results) {
                result.facts()
                        .forEach(f -> linked.computeIfAbsent(f.file(), k -> new ArrayList<>())
                                .add(f));
                problems.addAll(result.problems());
                linkedFiles += result.linkedFiles();
            }
            String perGroup = results.stream()
                    .map(r -> String.format(Locale.ROOT, "%d in %.0f ms", r.linkedFiles(), r.nanos() / 1e6))
                    .collect(Collectors.joining(", "));
            stages.done(
                    groups.size() == 1
                            ? "link " + linkedFiles + " proto file(s)"
                            : "link " + linkedFiles + " proto file(s) in " + groups.size() + " groups side by side ("
                                    + perGroup + "), and map their services");
        }
        List<ServiceFacts> facts = new ArrayList<>();
        // In the order of the files' paths, as a full link gives them.
        for (ProtoSource source : sources.stream()
                .sorted(Comparator.comparing(ProtoSource::relativePath))
                .toList()) {
            String file = source.relativePath();
            List<ServiceFacts> services =
                    relinked.contains(file) ? linked.getOrDefault(file, List.of()) : cache.get(keys.get(file));
            facts.addAll(services);
            if (cache != null) {
                cache.keep(keys.get(file), services, !relinked.contains(file));
            }
        }
        ProtoServices services = ProtoServiceMapper.assemble(facts, checked.warnings(), problems);
        stages.done("map the services");
        return services;
    }

    /**
     * Links the given files with every source they import, directly or not, and maps their services.
     * The imported sources are linked as sources too, as in a full build: Wire links an imported file only
     * as far as its importers use it, which leaves out fields that HTTP rules and dependencies look at.
     */
    private Mapped linkAndMap(
            List<ProtoSource> sources,
            ProtoLoader.Checked checked,
            Collection<String> files,
            Set<String> ignoredTypePackages)
            throws InputException {
        long start = System.nanoTime();
        Set<String> withImports = checked.withImports(files);
        List<ProtoSource> linkSet = sources.stream()
                .filter(s -> withImports.contains(s.relativePath()))
                .toList();
        LoadedProtos loaded = loader.link(linkSet, checked);
        ProtoServiceMapper mapper = new ProtoServiceMapper(loaded, ignoredTypePackages, Set.copyOf(files));
        List<ServiceFacts> facts = mapper.facts();
        return new Mapped(facts, mapper.problems(), linkSet.size(), System.nanoTime() - start);
    }

    /** {@link #linkAndMap}, or null when the files do not link: a single link then reports why. */
    private Mapped linkAndMapOrNull(
            List<ProtoSource> sources,
            ProtoLoader.Checked checked,
            Collection<String> files,
            Set<String> ignoredTypePackages) {
        try {
            return linkAndMap(sources, checked, files, ignoredTypePackages);
        } catch (InputException e) {
            return null;
        }
    }

    /**
     * The services of some linked files.
     *
     * @param facts their services, in the order of their files' paths
     * @param problems what mapping them found
     * @param linkedFiles how many files were linked for them, their imports included
     * @param nanos how long linking and mapping them took
     */
    private record Mapped(List<ServiceFacts> facts, List<Problem> problems, int linkedFiles, long nanos) {}
}

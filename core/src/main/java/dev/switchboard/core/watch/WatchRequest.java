package dev.switchboard.core.watch;

import dev.switchboard.core.registry.Overrides;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.render.GenerateRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What to watch and how long to wait for quiet.
 *
 * @param trees directories watched with everything below them; only files with the tree's suffix (and
 *     directories) count, so an editor's swap and backup files rebuild nothing
 * @param files single files, watched through their directory without what lies below it (a rules
 *     file in the project directory must not watch {@code target/}); they may be absent and appear later
 * @param debounce how long no relevant event must come before the rebuild
 */
public record WatchRequest(List<Tree> trees, List<Path> files, Duration debounce) {

    /**
     * A directory watched recursively.
     *
     * @param directory the directory
     * @param suffix the ending of the file names that matter ({@code .proto}, {@code .ftl})
     */
    public record Tree(Path directory, String suffix) {
        public Tree {
            directory = directory.toAbsolutePath().normalize();
        }
    }

    public WatchRequest {
        trees = List.copyOf(trees);
        files = files.stream()
                .map(f -> f.toAbsolutePath().normalize())
                .distinct()
                .sorted()
                .toList();
        Objects.requireNonNull(debounce, "debounce");
    }

    /**
     * Everything a {@code generate} run reads from the project: the proto source roots and import
     * directories ({@code .proto}), the template directory ({@code .ftl}), the rules and overrides files,
     * import archives and generator templates, plus {@code optionalFiles} that are read when present (the
     * conventional overrides files).
     */
    public static WatchRequest of(GenerateRequest request, Collection<Path> optionalFiles, Duration debounce) {
        RegistryRequest registry = request.registry();
        List<Tree> trees = new ArrayList<>();
        List<Path> files = new ArrayList<>(optionalFiles);
        Stream.concat(registry.protos().sourceRoots().stream(), registry.protos().importPaths().stream())
                .forEach(path -> {
                    if (Files.isRegularFile(path)) {
                        files.add(path);
                    } else {
                        trees.add(new Tree(path, ".proto"));
                    }
                });
        if (request.templateDirectory() != null) {
            trees.add(new Tree(request.templateDirectory(), ".ftl"));
        }
        Stream.of(registry.rulesFile(), registry.overridesFile())
                .filter(Objects::nonNull)
                .forEach(files::add);
        request.generators().forEach(g -> files.add(g.template()));
        return new WatchRequest(withoutNested(trees), files, debounce);
    }

    /**
     * A request that watches everything {@code request} reads, plus the conventional overrides files of
     * its base directory (so one created while watching is picked up), with a {@value
     * Builder#DEFAULT_DEBOUNCE_MILLIS} ms debounce.
     */
    public static Builder builder(GenerateRequest request) {
        return new Builder(request);
    }

    /** Builds a {@link WatchRequest}; every setting left alone keeps its convention. */
    public static final class Builder {
        public static final long DEFAULT_DEBOUNCE_MILLIS = 300;

        private final GenerateRequest request;
        private Duration debounce = Duration.ofMillis(DEFAULT_DEBOUNCE_MILLIS);
        private Collection<Path> optionalFiles;

        private Builder(GenerateRequest request) {
            this.request = request;
        }

        /** How long the inputs must be quiet before a rebuild. */
        public Builder debounce(Duration debounce) {
            this.debounce = Objects.requireNonNull(debounce, "debounce");
            return this;
        }

        /** Files read when present; by default the conventional overrides files. */
        public Builder optionalFiles(Collection<Path> files) {
            this.optionalFiles = List.copyOf(files);
            return this;
        }

        public WatchRequest build() {
            Collection<Path> optional = optionalFiles != null
                    ? optionalFiles
                    : Overrides.conventionalFiles(request.registry().protos().baseDirectory());
            return of(request, optional, debounce);
        }
    }

    /** A tree inside another of the same suffix is already watched through it; parents sort first. */
    private static List<Tree> withoutNested(List<Tree> trees) {
        List<Tree> out = new ArrayList<>();
        for (Tree tree : trees.stream()
                .distinct()
                .sorted(Comparator.comparing(Tree::directory))
                .toList()) {
            if (out.stream()
                    .noneMatch(o ->
                            o.suffix().equals(tree.suffix()) && tree.directory().startsWith(o.directory()))) {
                out.add(tree);
            }
        }
        return out;
    }
}

package dev.switchboard.core.proto;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.util.List;
import java.util.Set;

/**
 * Reads the registry entries of a project's proto services.
 *
 * <ol>
 *   <li>find the source-root files the globs select, following symbolic links, and those of the
 *       source dependencies, unpacked beside the registry directory ({@link #sources});
 *   <li>parse each on its own, collecting every syntax error, duplicate definition, import cycle and
 *       unsupported construct;
 *   <li>link them with Wire against the import paths, the dependency jars and {@code
 *       switchboard/options.proto};
 *   <li>map each service to an entry: names, methods, HTTP rules (checked against the request and
 *       response messages), events, options, and dependencies inferred from the packages of the types it
 *       uses; a service whose proto came from a source dependency records that artifact.
 * </ol>
 */
public final class ProtoServiceReader {
    private final ProtoInputs inputs;
    private final ProtoLoader loader;

    public ProtoServiceReader(ProtoInputs inputs) {
        this.inputs = inputs;
        this.loader = new ProtoLoader(inputs);
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
        ProtoServices mapped;
        try {
            mapped = new ProtoServiceMapper(loader.load(sources), ignoredTypePackages).map();
        } catch (InputException e) {
            throw DependencySources.explained(inputs, e);
        }
        return new ProtoServices(
                DependencySources.withOrigins(inputs, sources, mapped.services()), mapped.notes(), mapped.places());
    }
}

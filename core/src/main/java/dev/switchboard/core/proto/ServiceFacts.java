package dev.switchboard.core.proto;

import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.List;
import java.util.Map;

/**
 * What one proto service gives the registry on its own, before the names of all services are known:
 * {@link ProtoServiceMapper#assemble} names it and adds its dependencies. It depends only on its file
 * and the files that file imports, so {@link ProtoCache} keeps it for the next build.
 *
 * @param file the file's path below its source root
 * @param fullName the service's full name, {@code package.Service}
 * @param simpleName the service's own name
 * @param enclosing the package (or enclosing type) its full name starts with
 * @param packageName the file's package; empty for none
 * @param explicitName the {@code (switchboard.name)} option, or null
 * @param place where the service is defined, as the user reads the path
 * @param draft the entry, named by {@code fullName} and without dependencies
 * @param dependencyTypes each other package whose types the rpcs use, with the first such type
 * @param notes what the user should know about this service, though nothing failed
 */
record ServiceFacts(
        String file,
        String fullName,
        String simpleName,
        String enclosing,
        String packageName,
        String explicitName,
        SourcePlace place,
        ServiceEntry draft,
        Map<String, String> dependencyTypes,
        List<String> notes) {

    ServiceFacts {
        dependencyTypes = Map.copyOf(dependencyTypes);
        notes = List.copyOf(notes);
    }

    /** As the cache keeps it: without the endpoints, which the methods' HTTP rules give again. */
    ServiceFacts stored() {
        return withDraft(draft.toBuilder().endpoints(List.of()).build());
    }

    /** As the cache kept it, the endpoints given again. */
    ServiceFacts restored() {
        return withDraft(draft.toBuilder()
                .endpoints(ProtoServiceMapper.endpoints(draft.methods()))
                .build());
    }

    private ServiceFacts withDraft(ServiceEntry entry) {
        return new ServiceFacts(
                file, fullName, simpleName, enclosing, packageName, explicitName, place, entry, dependencyTypes, notes);
    }
}

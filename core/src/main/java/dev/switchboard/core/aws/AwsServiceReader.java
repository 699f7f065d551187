package dev.switchboard.core.aws;

import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The registry entries of the AWS SDK clients on a classpath.
 *
 * <ol>
 *   <li>scan the jars' class files for client interfaces ({@link AwsClientScanner});
 *   <li>pair each sync client with its async sibling and name it after its module;
 *   <li>take its group from the catalogue ({@code other} for modules the catalogue does not know);
 *   <li>list its operations, marking those with paginators, and its waiters.
 * </ol>
 */
public final class AwsServiceReader {
    private final Supplier<AwsCatalogue> catalogue;

    public AwsServiceReader(AwsCatalogue catalogue) {
        this(() -> catalogue);
    }

    /** @param catalogue asked for only when the classpath holds an SDK client: most builds need none */
    public AwsServiceReader(Supplier<AwsCatalogue> catalogue) {
        this.catalogue = catalogue;
    }

    public List<ServiceEntry> read(List<Path> classpath) throws IOException {
        List<AwsService> services = new AwsClientScanner(false).scan(classpath).services();
        if (services.isEmpty()) {
            return List.of();
        }
        AwsCatalogue catalogue = this.catalogue.get();
        Map<String, String> groups = catalogue.groupsByClientClass();
        Map<String, Boolean> global = new HashMap<>();
        catalogue.modules().forEach(m -> m.clients().forEach(c -> global.put(c.clientClass(), c.global())));
        if (services.stream().anyMatch(s -> !global.containsKey(s.client().className()))) {
            // A module newer than the catalogue: only the regions metadata can tell whether it is global.
            services = new AwsClientScanner(true).scan(classpath).services();
        }
        return services.stream()
                .map(s -> entry(
                        s,
                        groups.getOrDefault(s.client().className(), "other"),
                        global.getOrDefault(s.client().className(), s.global())))
                .toList();
    }

    private static ServiceEntry entry(AwsService service, String group, boolean global) {
        AwsClientClass client = service.client();
        List<MethodInfo> methods = client.operations().stream()
                .map(op -> new MethodInfo(
                        op.name(),
                        op.input(),
                        op.output(),
                        null,
                        null,
                        null,
                        null,
                        null,
                        client.paginated().contains(op.name())))
                .toList();
        String simple = client.simpleName();
        return ServiceEntry.builder(service.name(), ServiceKind.AWS)
                .group(group)
                .displayName(simple.substring(0, simple.length() - "Client".length()))
                .aws(new AwsInfo(
                        client.artifactId(),
                        client.serviceName(),
                        client.serviceMetadataId(),
                        client.className(),
                        service.asyncClientClass(),
                        client.builderClass(),
                        global,
                        service.waiters()))
                .methods(methods)
                .build();
    }
}

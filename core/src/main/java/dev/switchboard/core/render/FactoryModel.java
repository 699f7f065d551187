package dev.switchboard.core.render;

import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.List;

/**
 * What the factory templates print: a small immutable view of the selected registry, computed in
 * Java so the templates hold layout only: types, names and which parts a service has; the
 * templates print the Java calls around them.
 *
 * @param packageName the package of the generated classes
 * @param className the factory class ({@code ServiceClients})
 * @param namesClassName the constants class ({@code ServiceNames})
 * @param dynamicClassName the dynamic wrapper ({@code DynamicServiceClients})
 * @param dynamicImports the dynamic wrapper's imports, sorted
 * @param providerPackage the package of the per-service providers
 * @param imports the factory's imports, sorted
 * @param hasAws whether any AWS service is included
 * @param hasGrpc whether any gRPC service is included
 * @param services the included services, sorted by name
 * @param providers the included services that have a provider class of their own (every one but the
 *     REST-only ones, which the runtime's generic REST client serves), sorted by name
 * @param groups the groups of the included services, sorted, with their services
 * @param factoryInterface the team's factory interface the factory implements ({@code <factoryInterface>});
 *     null when none is set
 */
public record FactoryModel(
        String packageName,
        String className,
        String namesClassName,
        String dynamicClassName,
        List<String> dynamicImports,
        String providerPackage,
        List<String> imports,
        boolean hasAws,
        boolean hasGrpc,
        List<ServiceModel> services,
        List<ServiceModel> providers,
        List<GroupModel> groups,
        Implementation factoryInterface) {

    /** This model, implementing {@code implementation}. */
    FactoryModel implementing(Implementation implementation) {
        return new FactoryModel(
                packageName,
                className,
                namesClassName,
                dynamicClassName,
                dynamicImports,
                providerPackage,
                imports,
                hasAws,
                hasGrpc,
                services,
                providers,
                groups,
                implementation);
    }

    /**
     * One included service: what every kind has, and the parts only some kinds have. A part a kind lacks
     * is null; templates test it with {@code ??}. Types are as the factory refers to them (simple names
     * where imported); the templates print the calls.
     *
     * @param name the registry name
     * @param kind {@code aws}, {@code grpc} or {@code http}
     * @param accessor the factory's method for the synchronous client
     * @param constant the {@code ServiceNames} constant
     * @param type the synchronous client type (an SDK client, a blocking stub, the generic REST client)
     * @param provider the service's provider class; null for a REST-only service, which has none
     * @param async the async client or stub; null when the service has none
     * @param future the future stub (gRPC only); null otherwise
     * @param aws the AWS client builders; null unless {@code kind} is {@code aws}
     * @param grpc the gRPC stubs class; null unless {@code kind} is {@code grpc}
     * @param entry the service's whole registry entry, for generators that print more than the factory
     *     needs: {@code group}, {@code owner}, {@code tags}, {@code methods} (each with its {@code http}
     *     rules), {@code endpoints}, {@code events}, {@code dependencies}, {@code capabilities},
     *     {@code health}, {@code metrics}, {@code rateLimit}, {@code proto}, {@code aws}; a field the
     *     entry lacks is null or empty
     */
    public record ServiceModel(
            String name,
            String kind,
            String accessor,
            String constant,
            String type,
            Provider provider,
            Variant async,
            Variant future,
            Aws aws,
            Grpc grpc,
            ServiceEntry entry) {

        static ServiceModel aws(
                ServiceEntry entry,
                String accessor,
                String constant,
                String type,
                Provider provider,
                Variant async,
                Aws aws) {
            return new ServiceModel(
                    entry.name(), "aws", accessor, constant, type, provider, async, null, aws, null, entry);
        }

        static ServiceModel grpc(
                ServiceEntry entry,
                String accessor,
                String constant,
                String type,
                Provider provider,
                Variant async,
                Variant future,
                Grpc grpc) {
            return new ServiceModel(
                    entry.name(), "grpc", accessor, constant, type, provider, async, future, null, grpc, entry);
        }

        static ServiceModel http(ServiceEntry entry, String accessor, String constant, String type) {
            return new ServiceModel(
                    entry.name(), "http", accessor, constant, type, null, null, null, null, null, entry);
        }
    }

    /**
     * A per-service provider class, registered for {@link java.util.ServiceLoader}.
     *
     * @param className its simple name, in the provider package
     * @param imports its imports, sorted
     * @param type the synchronous client type as the provider refers to it
     * @param asyncType the async client type as the provider refers to it (AWS only); null when none
     */
    public record Provider(String className, List<String> imports, String type, String asyncType) {}

    /**
     * A second flavour of a service's client: an AWS async client, a gRPC async or future stub.
     *
     * @param accessor the factory's method for it
     * @param type its type as the factory refers to it
     */
    public record Variant(String accessor, String type) {}

    /**
     * The builders of an AWS client, for the factory's {@code customize…} methods.
     *
     * @param builderType the synchronous client's builder type
     * @param asyncBuilderType the async client's builder type; null when the service has no async client
     */
    public record Aws(String builderType, String asyncBuilderType) {}

    /**
     * @param stubs the generated {@code …Grpc} class as the factory refers to it
     * @param providerStubs the same class as the provider refers to it
     */
    public record Grpc(String stubs, String providerStubs) {}

    public record GroupModel(String name, String constant, List<String> services) {}

    /**
     * The team's factory interface, as the factory implements it, and the class that switches between the
     * team's factory and the generated one.
     *
     * @param type the interface, fully qualified (it may share a simple name with a generated class)
     * @param migratingClassName the switching class ({@code MigratingServiceClients})
     * @param methods its abstract methods that return clients, in declaration order
     * @param services the services those methods return, sorted
     * @param closeable whether the interface has an abstract {@code close()}, which the factory's own
     *     implements
     * @param closeThrows the exceptions that {@code close()} may throw, fully qualified
     * @param dynamic whether every method returns a service's synchronous client, which the dynamic wrapper
     *     serves, so it can switch too
     */
    public record Implementation(
            String type,
            String migratingClassName,
            List<Binding> methods,
            List<String> services,
            boolean closeable,
            List<String> closeThrows,
            boolean dynamic) {}

    /**
     * One abstract method of the team's interface and the accessor that implements it.
     *
     * @param name the interface's method
     * @param type its return type as the factory refers to it
     * @param qualifiedType its return type, fully qualified
     * @param service the registry name of the service whose client it returns
     * @param accessor the factory's accessor that returns that client
     * @param delegates whether the names differ, so the factory has a method that calls the accessor
     * @param sync whether it returns the service's synchronous client
     */
    public record Binding(
            String name,
            String type,
            String qualifiedType,
            String service,
            String accessor,
            boolean delegates,
            boolean sync) {}
}

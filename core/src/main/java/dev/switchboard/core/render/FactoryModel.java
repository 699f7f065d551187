package dev.switchboard.core.render;

import java.util.List;

/**
 * What the factory templates print: a small immutable view of the selected registry, computed in
 * Java so the templates hold layout only (STYLE §5). Every field is set (empty strings, not nulls),
 * as the templates run under FreeMarker's strict settings.
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
        List<GroupModel> groups) {

    /**
     * One included service.
     *
     * @param name the registry name
     * @param kind {@code aws}, {@code grpc} or {@code http} (REST-only, served by the generic REST client)
     * @param accessor the factory method ({@code s3}, {@code dynamodbStreams}, {@code class_})
     * @param constant the constant in the names class ({@code DYNAMODB_STREAMS})
     * @param providerClass the provider's simple name ({@code S3Provider}), or "" for a REST-only service
     * @param providerImports the provider's imports, sorted (empty without a provider)
     * @param type the type {@code accessor()} returns, as the factory writes it
     * @param providerType the same type as the provider writes it, or ""
     * @param factoryCall the expression that creates the client in the provider, or ""
     * @param clientCall the expression that creates the client in the factory: through the provider, or
     *     for a REST-only service through the factory's resolver
     * @param asyncAccessor the async accessor ({@code s3Async}), or "" when there is none
     * @param asyncType the async accessor's type, or ""
     * @param futureAccessor the gRPC future-stub accessor, or ""
     * @param futureType its type, or ""
     * @param builderType for AWS, the sync client builder as the factory writes it (for the typed
     *     customizer), else ""
     * @param asyncBuilderType for AWS, the async client builder as the factory writes it, else ""
     * @param asyncFactoryCall the expression that creates the async client or stub, as the factory writes it, or ""
     * @param futureFactoryCall the expression that creates the future stub, or ""
     * @param asyncProviderType for AWS, the async client type as the provider writes it, else ""
     * @param asyncProviderCall for AWS, the expression that creates the async client in the provider, else ""
     */
    public record ServiceModel(
            String name,
            String kind,
            String accessor,
            String constant,
            String providerClass,
            List<String> providerImports,
            String type,
            String providerType,
            String factoryCall,
            String clientCall,
            String asyncAccessor,
            String asyncType,
            String futureAccessor,
            String futureType,
            String builderType,
            String asyncBuilderType,
            String asyncFactoryCall,
            String futureFactoryCall,
            String asyncProviderType,
            String asyncProviderCall) {}

    /**
     * A group and its included services.
     *
     * @param name the group name
     * @param constant the constant in the names class
     * @param services the registry names of its services
     */
    public record GroupModel(String name, String constant, List<String> services) {}
}

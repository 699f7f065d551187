package dev.switchboard.core.render;

import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes the {@link FactoryModel} from the selected services: Java names that are unique and never
 * keywords or members the factory already has, imports only for what is included, and the expressions
 * that create each client.
 */
public final class FactoryModelBuilder {
    /** Members of the factory (and of Object) that no accessor may take. */
    static final Set<String> FACTORY_MEMBERS = Set.of(
            "client",
            "migrating",
            "services",
            "close",
            "builder",
            "create",
            "getClass",
            "hashCode",
            "equals",
            "toString",
            "notify",
            "notifyAll",
            "wait",
            "finalize",
            "clone",
            "settings",
            "cache",
            "channels",
            "context",
            "resolver",
            "statistics");

    /** Simple names the factory template writes without importing them (java.lang, its own classes). */
    private static final Set<String> FACTORY_TYPES = Set.of(
            "String",
            "Object",
            "Class",
            "Override",
            "SuppressWarnings",
            "IllegalArgumentException",
            "IllegalStateException",
            "AutoCloseable",
            "Builder",
            "Settings");

    private static final String GENERIC_CLIENT = "dev.switchboard.runtime.http.GenericServiceClient";

    private FactoryModelBuilder() {}

    /**
     * @param pkg a valid Java package name ({@link GenerateRequest#problems} checks it)
     * @param className a valid Java class name
     */
    public static FactoryModel build(List<ServiceEntry> services, String pkg, String className) {
        String namesClass = className.equals("ServiceNames") ? className + "Constants" : "ServiceNames";
        String providerPackage = pkg + ".provider";
        String dynamicClass = "Dynamic" + className;
        boolean hasAws = services.stream().anyMatch(s -> s.kind() == ServiceKind.AWS);
        boolean hasGrpc = services.stream().anyMatch(s -> s.kind() == ServiceKind.GRPC);
        boolean hasHttp = services.stream().anyMatch(s -> s.kind() == ServiceKind.HTTP);

        Set<String> reserved = new HashSet<>(FACTORY_TYPES);
        reserved.add(className);
        reserved.add(namesClass);
        reserved.add(dynamicClass);
        Imports imports = new Imports(pkg, reserved);
        imports.add("dev.switchboard.runtime.ClientCache")
                .add("dev.switchboard.runtime.resolve.ClientResolver")
                .add("dev.switchboard.runtime.ClientSettings")
                .add("dev.switchboard.runtime.ClientTypes")
                .add("dev.switchboard.runtime.ProviderContext")
                .add("java.net.URI")
                .add("java.time.Duration")
                .add("java.util.Set")
                .add("java.util.TreeSet");
        if (hasAws) {
            imports.add("dev.switchboard.runtime.AsyncHttpClient")
                    .add("dev.switchboard.runtime.SyncHttpClient")
                    .add("java.util.function.Consumer")
                    .add("software.amazon.awssdk.auth.credentials.AwsCredentialsProvider")
                    .add("software.amazon.awssdk.awscore.client.builder.AwsClientBuilder")
                    .add("software.amazon.awssdk.regions.Region");
        }
        if (hasGrpc) {
            imports.add("dev.switchboard.runtime.grpc.GrpcChannels")
                    .add("io.grpc.Channel")
                    .add("io.grpc.ManagedChannel")
                    .add("java.util.function.Function");
        }
        if (hasHttp) {
            imports.add(GENERIC_CLIENT);
        }

        Set<String> members = new HashSet<>(FACTORY_MEMBERS);
        Set<String> constants = new HashSet<>(Set.of("ALL", "GROUPS"));
        Set<String> providers = new HashSet<>();
        List<FactoryModel.ServiceModel> models = new ArrayList<>();
        Map<String, List<String>> groups = new TreeMap<>();
        for (ServiceEntry service : services) {
            String camel = javaName(service);
            // A service named like a factory member ("close", "client") keeps a readable accessor.
            String accessor = unique(FACTORY_MEMBERS.contains(camel) ? camel + "Service" : camel, members, false);
            String constant = unique(JavaNames.constant(service.name()), constants, false);
            if (service.kind() == ServiceKind.HTTP) {
                models.add(http(service, accessor, constant, imports));
            } else {
                String provider =
                        unique(JavaNames.capitalize(camel.replaceAll("_$", "")) + "Provider", providers, true);
                models.add(
                        service.kind() == ServiceKind.AWS
                                ? aws(service, accessor, constant, provider, imports, members)
                                : grpc(service, accessor, constant, provider, imports, members));
            }
            if (service.group() != null) {
                groups.computeIfAbsent(service.group(), g -> new ArrayList<>()).add(service.name());
            }
        }
        Set<String> groupConstants = new HashSet<>();
        List<FactoryModel.GroupModel> groupModels = new ArrayList<>();
        groups.forEach((group, names) -> groupModels.add(
                new FactoryModel.GroupModel(group, unique(JavaNames.constant(group), groupConstants, false), names)));
        return new FactoryModel(
                pkg,
                className,
                namesClass,
                dynamicClass,
                dynamicImports(pkg, reserved, hasGrpc),
                providerPackage,
                List.copyOf(imports.imports()),
                hasAws,
                hasGrpc,
                models,
                models.stream().filter(m -> m.provider() != null).toList(),
                groupModels,
                null);
    }

    /**
     * The name Java code would give the service's client: from the SDK client's class for AWS
     * ({@code SecretsManagerClient} → {@code secretsManager}, as Java code names such a field), from the
     * registry name otherwise ({@code user-profile} → {@code userProfile}). {@code client("secretsmanager")}
     * and the {@code ServiceNames} constants keep the registry name.
     */
    private static String javaName(ServiceEntry service) {
        if (service.kind() == ServiceKind.AWS
                && service.aws() != null
                && service.aws().clientClass() != null) {
            String client = service.aws().clientClass();
            return JavaNames.lowerCamelFromClass(client.substring(client.lastIndexOf('.') + 1), "Client");
        }
        return JavaNames.lowerCamel(service.name());
    }

    /** The dynamic wrapper names no service type: its imports are the same for every registry. */
    private static List<String> dynamicImports(String pkg, Set<String> reserved, boolean hasGrpc) {
        Imports imports = new Imports(pkg, reserved)
                .add("dev.switchboard.runtime.ClientSettings")
                .add("dev.switchboard.runtime.ClientTypes")
                .add("dev.switchboard.runtime.resolve.DynamicClients")
                .add("dev.switchboard.runtime.ProviderContext")
                .add("dev.switchboard.runtime.live.LiveRegistry")
                .add("dev.switchboard.runtime.live.RegistryChange")
                .add("dev.switchboard.runtime.registry.Registry")
                .add("java.nio.file.Path")
                .add("java.util.Set")
                .add("java.util.function.Consumer");
        if (hasGrpc) {
            imports.add("dev.switchboard.runtime.grpc.GrpcChannels");
        }
        return List.copyOf(imports.imports());
    }

    private static FactoryModel.ServiceModel aws(
            ServiceEntry s, String accessor, String constant, String provider, Imports imports, Set<String> members) {
        String client = s.aws().clientClass();
        Imports own = providerImports(provider).add("dev.switchboard.runtime.aws.AwsClientSupport");
        String providerType = own.ref(client);
        FactoryModel.Variant async = null;
        String asyncProviderType = null;
        String asyncBuilder = null;
        if (s.aws().asyncClientClass() != null) {
            asyncProviderType = own.ref(s.aws().asyncClientClass());
            asyncBuilder = imports.ref(s.aws().asyncClientClass() + "Builder");
            async = new FactoryModel.Variant(
                    unique(accessor.replaceAll("_$", "") + "Async", members, false),
                    imports.ref(s.aws().asyncClientClass()));
        }
        String builder = s.aws().builderClass() != null ? s.aws().builderClass() : client + "Builder";
        return FactoryModel.ServiceModel.aws(
                s,
                accessor,
                constant,
                imports.ref(client),
                new FactoryModel.Provider(provider, List.copyOf(own.imports()), providerType, asyncProviderType),
                async,
                new FactoryModel.Aws(imports.ref(builder), asyncBuilder));
    }

    private static FactoryModel.ServiceModel grpc(
            ServiceEntry s, String accessor, String constant, String provider, Imports imports, Set<String> members) {
        String stubs = s.proto().stubClass();
        String service = s.proto().service().substring(s.proto().service().lastIndexOf('.') + 1);
        Imports own = providerImports(provider).add("io.grpc.Channel");
        String providerType = own.nested(stubs, service + "BlockingStub");
        String base = accessor.replaceAll("_$", "");
        return FactoryModel.ServiceModel.grpc(
                s,
                accessor,
                constant,
                imports.nested(stubs, service + "BlockingStub"),
                new FactoryModel.Provider(provider, List.copyOf(own.imports()), providerType, null),
                new FactoryModel.Variant(
                        unique(base + "Async", members, false), imports.nested(stubs, service + "Stub")),
                new FactoryModel.Variant(
                        unique(base + "Future", members, false), imports.nested(stubs, service + "FutureStub")),
                new FactoryModel.Grpc(imports.ref(stubs), own.ref(stubs)));
    }

    /**
     * A REST-only service: no client class and so no provider; the factory's resolver serves it with the
     * runtime's generic REST client from the bundled registry's endpoints.
     */
    private static FactoryModel.ServiceModel http(ServiceEntry s, String accessor, String constant, Imports imports) {
        return FactoryModel.ServiceModel.http(s, accessor, constant, imports.ref(GENERIC_CLIENT));
    }

    private static Imports providerImports(String providerClass) {
        return new Imports("", Set.of("String", "Object", "Override", providerClass))
                .add("dev.switchboard.runtime.ProviderContext")
                .add("dev.switchboard.runtime.ServiceClientProvider");
    }

    /** {@code name}, or {@code name2}, {@code name3} … when taken; case-insensitively for class names. */
    private static String unique(String name, Set<String> taken, boolean ignoreCase) {
        String candidate = name;
        for (int n = 2; taken.contains(ignoreCase ? candidate.toLowerCase(java.util.Locale.ROOT) : candidate); n++) {
            candidate = name + n;
        }
        taken.add(ignoreCase ? candidate.toLowerCase(java.util.Locale.ROOT) : candidate);
        return candidate;
    }
}

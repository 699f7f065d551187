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
    private static final Set<String> FACTORY_MEMBERS = Set.of(
            "client",
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

    private FactoryModelBuilder() {}

    public static FactoryModel build(List<ServiceEntry> services, String packageName, String className) {
        String pkg = JavaNames.packageName(packageName);
        String namesClass = className.equals("ServiceNames") ? className + "Constants" : "ServiceNames";
        String providerPackage = pkg + ".provider";
        String dynamicClass = "Dynamic" + className;
        boolean hasAws = services.stream().anyMatch(s -> s.kind() == ServiceKind.AWS);
        boolean hasGrpc = services.stream().anyMatch(s -> s.kind() == ServiceKind.GRPC);

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

        Set<String> members = new HashSet<>(FACTORY_MEMBERS);
        Set<String> constants = new HashSet<>(Set.of("ALL", "GROUPS"));
        Set<String> providers = new HashSet<>();
        List<FactoryModel.ServiceModel> models = new ArrayList<>();
        Map<String, List<String>> groups = new TreeMap<>();
        for (ServiceEntry service : services) {
            String camel = JavaNames.lowerCamel(service.name());
            // A service named like a factory member ("close", "client") keeps a readable accessor.
            String accessor = unique(FACTORY_MEMBERS.contains(camel) ? camel + "Service" : camel, members, false);
            String constant = unique(JavaNames.constant(service.name()), constants, false);
            String provider = unique(JavaNames.upperCamel(service.name()) + "Provider", providers, true);
            models.add(
                    service.kind() == ServiceKind.AWS
                            ? aws(service, accessor, constant, provider, providerPackage, imports, members)
                            : grpc(service, accessor, constant, provider, imports, members));
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
                groupModels);
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
            ServiceEntry s,
            String accessor,
            String constant,
            String provider,
            String providerPackage,
            Imports imports,
            Set<String> members) {
        String client = s.aws().clientClass();
        Imports own = providerImports(provider).add("dev.switchboard.runtime.aws.AwsClientSupport");
        String providerType = own.ref(client);
        String call =
                "AwsClientSupport.build(" + providerType + ".builder(), \"" + s.name() + "\", context.settings())";
        String asyncAccessor = "";
        String asyncType = "";
        String asyncCall = "";
        String asyncBuilder = "";
        String asyncProviderType = "";
        String asyncProviderCall = "";
        if (s.aws().asyncClientClass() != null) {
            asyncProviderType = own.ref(s.aws().asyncClientClass());
            asyncProviderCall = "AwsClientSupport.build(" + asyncProviderType + ".builder(), \"" + s.name()
                    + "\", context.settings())";
            asyncBuilder = imports.ref(s.aws().asyncClientClass() + "Builder");
            asyncAccessor = unique(accessor.replaceAll("_$", "") + "Async", members, false);
            asyncType = imports.ref(s.aws().asyncClientClass());
            // Through the provider, so that the factory's own bytecode never names an SDK builder type and
            // constructing a factory loads no AWS class (the verifier would load them otherwise).
            asyncCall = providerPackage + "." + provider + ".newAsyncClient(context)";
        }
        String builder = s.aws().builderClass() != null ? s.aws().builderClass() : client + "Builder";
        return new FactoryModel.ServiceModel(
                s.name(),
                "aws",
                accessor,
                constant,
                provider,
                List.copyOf(own.imports()),
                imports.ref(client),
                providerType,
                call,
                asyncAccessor,
                asyncType,
                "",
                "",
                imports.ref(builder),
                asyncBuilder,
                asyncCall,
                "",
                asyncProviderType,
                asyncProviderCall);
    }

    private static FactoryModel.ServiceModel grpc(
            ServiceEntry s, String accessor, String constant, String provider, Imports imports, Set<String> members) {
        String stubs = s.proto().stubClass();
        String service = s.proto().service().substring(s.proto().service().lastIndexOf('.') + 1);
        Imports own = providerImports(provider).add("io.grpc.Channel");
        String providerType = own.nested(stubs, service + "BlockingStub");
        String call = own.ref(stubs) + ".newBlockingStub((Channel) context.grpcChannel(\"" + s.name() + "\"))";
        String base = accessor.replaceAll("_$", "");
        String asyncAccessor = unique(base + "Async", members, false);
        String futureAccessor = unique(base + "Future", members, false);
        String channel = "channels.channel(\"" + s.name() + "\")";
        return new FactoryModel.ServiceModel(
                s.name(),
                "grpc",
                accessor,
                constant,
                provider,
                List.copyOf(own.imports()),
                imports.nested(stubs, service + "BlockingStub"),
                providerType,
                call,
                asyncAccessor,
                imports.nested(stubs, service + "Stub"),
                futureAccessor,
                imports.nested(stubs, service + "FutureStub"),
                "",
                "",
                imports.ref(stubs) + ".newStub(" + channel + ")",
                imports.ref(stubs) + ".newFutureStub(" + channel + ")",
                "",
                "");
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

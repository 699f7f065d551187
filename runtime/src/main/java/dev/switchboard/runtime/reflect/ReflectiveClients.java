package dev.switchboard.runtime.reflect;

import dev.switchboard.runtime.ProviderContext;
import dev.switchboard.runtime.ServiceNotAvailableException;
import dev.switchboard.runtime.aws.StaticBuilders;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Makes a client from a registry entry through method handles: for {@code aws} entries the client's
 * static {@code builder()}, configured like a compiled-in client, then {@code build()}; for {@code
 * grpc} entries the stub class's {@code newBlockingStub(Channel)} over the shared channel.
 */
public final class ReflectiveClients {
    private ReflectiveClients() {}

    public static Object create(ServiceEntry entry, ProviderContext context, ClassLoader loader) {
        return switch (entry.kind()) {
            case AWS -> aws(entry, context, loader);
            case GRPC -> grpc(entry, context, loader);
            case HTTP ->
                throw new ServiceNotAvailableException(
                        "service \"" + entry.name() + "\" is declared for HTTP only and has no client class; the"
                                + " generic REST client serves such services",
                        null);
        };
    }

    /** Whether the class the entry would be created from (client or stub class) is on the classpath. */
    public static boolean classPresent(ServiceEntry entry, ClassLoader loader) {
        String className = switch (entry.kind()) {
            case AWS -> entry.aws() == null ? null : entry.aws().clientClass();
            case GRPC -> entry.proto() == null ? null : entry.proto().stubClass();
            case HTTP -> null;
        };
        if (className == null) {
            return false;
        }
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Object aws(ServiceEntry entry, ProviderContext context, ClassLoader loader) {
        if (entry.aws() == null || entry.aws().clientClass() == null) {
            throw new ServiceNotAvailableException(
                    "registry entry \"" + entry.name() + "\" has no aws.clientClass to create it from", null);
        }
        Class<?> client = load(
                entry,
                entry.aws().clientClass(),
                loader,
                "software.amazon.awssdk",
                entry.aws().artifactId());
        try {
            return AwsReflection.build(StaticBuilders.newBuilder(client), entry.name(), context);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ServiceNotAvailableException(
                    "cannot create service \"" + entry.name() + "\" from " + client.getName() + ": " + e, e);
        }
    }

    private static Object grpc(ServiceEntry entry, ProviderContext context, ClassLoader loader) {
        if (entry.proto() == null || entry.proto().stubClass() == null) {
            throw new ServiceNotAvailableException(
                    "registry entry \"" + entry.name() + "\" has no proto.stubClass to create it from", null);
        }
        Class<?> stubs = load(entry, entry.proto().stubClass(), loader, null, null);
        try {
            Class<?> channelType = Class.forName("io.grpc.Channel", false, loader);
            MethodHandle newStub =
                    MethodHandles.publicLookup().unreflect(stubs.getMethod("newBlockingStub", channelType));
            return newStub.invoke(context.grpcChannel(entry.name()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new ServiceNotAvailableException(
                    "cannot create service \"" + entry.name() + "\" from " + stubs.getName() + ": " + e, e);
        }
    }

    private static Class<?> load(
            ServiceEntry entry, String className, ClassLoader loader, String groupId, String artifactId) {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            String hint = artifactId == null
                    ? "compile its protos with grpc-java into this application"
                    : "add <dependency><groupId>" + groupId + "</groupId><artifactId>" + artifactId
                            + "</artifactId></dependency>";
            throw new ServiceNotAvailableException(
                    "service \"" + entry.name() + "\" is in the registry, but its class " + className
                            + " is not on the classpath; " + hint,
                    e);
        }
    }
}

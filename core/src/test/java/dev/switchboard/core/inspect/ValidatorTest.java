package dev.switchboard.core.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.core.testing.Javac;
import dev.switchboard.core.testing.TestClasspath;
import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidatorTest {
    @TempDir
    Path dir;

    private static MethodInfo method(String name) {
        return new MethodInfo(name, "in", "out", false, false, false, null, null, null);
    }

    private static final Health HEALTHY = new Health("/health", null);

    /** Compiles grpc-java-shaped stubs and a service implementation that misses one rpc. */
    private Path compiledProject() {
        Map<String, String> sources = Map.of(
                "io/grpc/stub/AbstractStub.java", "package io.grpc.stub; public abstract class AbstractStub {}",
                "com/acme/UserServiceGrpc.java", """
                        package com.acme;
                        public final class UserServiceGrpc {
                          public abstract static class UserServiceImplBase {
                            public void getUser(Object request, Object observer) {}
                            public void deleteUser(Object request, Object observer) {}
                          }
                        }
                        """,
                "com/acme/server/UserServiceImpl.java", """
                        package com.acme.server;
                        public class UserServiceImpl extends com.acme.UserServiceGrpc.UserServiceImplBase {
                          @Override public void getUser(Object request, Object observer) {}
                        }
                        """);
        assertThat(Javac.compile(dir, sources)).isEmpty();
        return dir.resolve("classes");
    }

    private List<Validator.Finding> validate(Registry registry, Path classes) throws Exception {
        List<Path> classpath = new ArrayList<>(List.of(classes));
        classpath.addAll(TestClasspath.jars());
        Validator validator = new Validator(classpath, classes);
        try {
            return validator.validate(registry, Map.of("empty", List.of()));
        } finally {
            validator.close();
        }
    }

    @Test
    @DisplayName("a class extending the ImplBase without overriding every rpc is an error naming the missing ones")
    void findsUnimplementedRpcs() throws Exception {
        Path classes = compiledProject();
        ServiceEntry user = ServiceEntry.builder("user", ServiceKind.GRPC)
                .proto(new ProtoInfo(
                        "user.proto", "acme", "acme.UserService", "com.acme", "com.acme.UserServiceGrpc", null, true))
                .methods(List.of(method("GetUser"), method("DeleteUser")))
                .health(HEALTHY)
                .build();
        ServiceEntry ghost = ServiceEntry.builder("ghost", ServiceKind.GRPC)
                .proto(new ProtoInfo("g.proto", "g", "g.GhostService", "com.g", "com.g.GhostServiceGrpc", null, true))
                .health(HEALTHY)
                .build();

        List<Validator.Finding> findings = validate(Registry.of("f", List.of(user, ghost)), classes);

        assertThat(findings)
                .filteredOn(f -> f.level().equals("error"))
                .extracting(f -> f.service() + ": " + f.message())
                .containsExactlyInAnyOrder(
                        "user: com.acme.server.UserServiceImpl extends UserServiceImplBase but does not implement"
                                + " deleteUser; callers get UNIMPLEMENTED for them",
                        "ghost: stub class com.g.GhostServiceGrpc was not generated; compile g.proto with grpc-java"
                                + " (protoc-gen-grpc-java)");
    }

    @Test
    @DisplayName("a service from a dependency's protos needs its stubs, generated for the same service name")
    void checksTheStubsOfDependencyServices() throws Exception {
        Map<String, String> sources = Map.of(
                "com/acme/billing/BillingServiceGrpc.java", """
                        package com.acme.billing;
                        public final class BillingServiceGrpc {
                          public static final String SERVICE_NAME = "acme.billing.v1.BillingService";
                          public static final class BillingServiceBlockingStub {}
                        }
                        """,
                "com/acme/ledger/LedgerServiceGrpc.java", """
                        package com.acme.ledger;
                        public final class LedgerServiceGrpc {
                          public static final String SERVICE_NAME = "acme.ledger.v2.LedgerService";
                          public static final class LedgerServiceBlockingStub {}
                        }
                        """);
        assertThat(Javac.compile(dir, sources)).isEmpty();
        Path classes = dir.resolve("classes");
        ServiceEntry billing = fromArtifact("billing", "acme.billing.v1.BillingService", "com.acme.billing");
        ServiceEntry ledger = fromArtifact("ledger", "acme.ledger.v1.LedgerService", "com.acme.ledger");
        ServiceEntry shipping = fromArtifact("shipping", "acme.shipping.v1.ShippingService", "com.acme.shipping");

        List<Validator.Finding> findings = validate(Registry.of("f", List.of(billing, ledger, shipping)), classes);

        assertThat(findings)
                .filteredOn(f -> f.level().equals("error"))
                .extracting(f -> f.service() + ": " + f.message())
                .containsExactlyInAnyOrder(
                        "ledger: stub class com.acme.ledger.LedgerServiceGrpc was generated for"
                                + " acme.ledger.v2.LedgerService, but com.acme:api:1.0!/api.proto defines"
                                + " acme.ledger.v1.LedgerService; use the stubs built from the same version of those"
                                + " protos",
                        "shipping: stub class com.acme.shipping.ShippingServiceGrpc of com.acme:api:1.0!/api.proto is"
                                + " not on the compile classpath; add the dependency that holds its generated gRPC"
                                + " stubs (published beside the protos, as grpc-google-cloud-pubsub-v1 beside"
                                + " proto-google-cloud-pubsub-v1), of the same version");
    }

    @Test
    @DisplayName("a class file from a newer Java than switchboard reads is named, with its version and the fix")
    void classFilesTooNew() throws Exception {
        Map<String, String> sources = Map.of("com/acme/billing/BillingServiceGrpc.java", """
                        package com.acme.billing;
                        public final class BillingServiceGrpc {
                          public static final String SERVICE_NAME = "acme.billing.v1.BillingService";
                          public static final class BillingServiceBlockingStub {}
                        }
                        """);
        assertThat(Javac.compile(dir, sources)).isEmpty();
        Path classes = dir.resolve("classes");
        Path stub = classes.resolve("com/acme/billing/BillingServiceGrpc.class");
        byte[] bytes = Files.readAllBytes(stub);
        bytes[6] = 0;
        bytes[7] = 99;
        Files.write(stub, bytes);
        ServiceEntry billing = fromArtifact("billing", "acme.billing.v1.BillingService", "com.acme.billing");

        List<Validator.Finding> findings = validate(Registry.of("f", List.of(billing)), classes);

        assertThat(findings)
                .extracting(f -> f.level() + " " + f.service() + ": " + f.message())
                .contains(
                        "error billing: stub class com.acme.billing.BillingServiceGrpc of com.acme:api:1.0: this class"
                                + " file cannot be read (class file major version 99, or damaged; switchboard reads up"
                                + " to 72, Java 28); use a version of it compiled for Java 28 or lower",
                        "warning -: " + stub + ": this class file cannot be read (class file major version 99, or"
                                + " damaged; switchboard reads up to 72, Java 28); compile it with --release 28 or"
                                + " lower, or rebuild it (mvn clean compile)");
    }

    private static ServiceEntry fromArtifact(String name, String service, String javaPackage) {
        String simple = service.substring(service.lastIndexOf('.') + 1);
        return ServiceEntry.builder(name, ServiceKind.GRPC)
                .proto(new ProtoInfo(
                        "api.proto",
                        service.substring(0, service.lastIndexOf('.')),
                        service,
                        javaPackage,
                        javaPackage + "." + simple + "Grpc",
                        null,
                        true,
                        "com.acme:api:1.0"))
                .health(HEALTHY)
                .build();
    }

    @Test
    @DisplayName("AWS clients must be on the classpath and declare the listed operations")
    void checksAwsClients() throws Exception {
        ServiceEntry s3 = ServiceEntry.builder("s3", ServiceKind.AWS)
                .aws(new AwsInfo(
                        "s3", "s3", "s3", "software.amazon.awssdk.services.s3.S3Client", null, null, false, null))
                .methods(List.of(method("listBuckets"), method("listBucketz")))
                .health(HEALTHY)
                .build();
        ServiceEntry missing = ServiceEntry.builder("lookout", ServiceKind.AWS)
                .aws(new AwsInfo(
                        "lookoutvision",
                        "x",
                        "x",
                        "software.amazon.awssdk.services.lookoutvision.LookoutVisionClient",
                        null,
                        null,
                        false,
                        null))
                .health(HEALTHY)
                .build();

        List<Validator.Finding> findings = validate(Registry.of("f", List.of(s3, missing)), dir);

        assertThat(findings)
                .filteredOn(f -> f.level().equals("error"))
                .extracting(Validator.Finding::message)
                .anySatisfy(m -> assertThat(m).contains("S3Client does not declare listBucketz"))
                .anySatisfy(m -> assertThat(m)
                        .contains("LookoutVisionClient is not on the compile classpath")
                        .contains("<artifactId>lookoutvision</artifactId>"))
                .hasSize(2);
    }

    @Test
    @DisplayName("unknown dependencies are errors; cycles, missing health and empty groups are warnings")
    void checksTheGraph() throws Exception {
        ServiceEntry a = ServiceEntry.builder("a", ServiceKind.HTTP)
                .addDependency(new Dependency("b", "override"))
                .addDependency(new Dependency("nowhere", "override"))
                .health(HEALTHY)
                .build();
        ServiceEntry b = ServiceEntry.builder("b", ServiceKind.HTTP)
                .addDependency(new Dependency("a", "override"))
                .build();

        List<Validator.Finding> findings = validate(Registry.of("f", List.of(a, b)), dir);

        assertThat(findings)
                .extracting(f -> f.level() + " " + f.service() + ": " + f.message())
                .contains(
                        "error a: depends on \"nowhere\" (override), which is not in the registry; correct the name or"
                                + " add that service",
                        "warning a: is in a dependency cycle: a -> b -> a",
                        "warning -: group \"empty\" of <groups> has no services")
                .anySatisfy(f -> assertThat(f).startsWith("warning b: has no health information"));
        assertThat(Validator.render(findings, Format.TABLE)).endsWith("1 error(s), 3 warning(s)\n");
    }
}

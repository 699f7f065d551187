package dev.switchboard.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.testing.Javac;
import dev.switchboard.core.testing.ProtoProject;
import dev.switchboard.runtime.http.GenericServiceClient;
import dev.switchboard.runtime.registry.AwsInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceGeneratorTest {
    /** Set to true ({@code -Dswitchboard.updateGolden=true}) to rewrite the golden files on purpose. */
    private static final boolean UPDATE_GOLDEN = Boolean.getBoolean("switchboard.updateGolden");

    @TempDir
    Path dir;

    private GenerateRequest request(ProtoProject project) {
        return new GenerateRequest(
                project.request(),
                "com.acme.switchboard",
                "ServiceClients",
                dir.resolve("out/sources"),
                dir.resolve("out/resources"),
                null,
                List.of(),
                true,
                null);
    }

    /** The same request with templates of the project's own. */
    private static GenerateRequest withTemplates(
            GenerateRequest plain, Path templateDirectory, List<GenerateRequest.Generator> generators) {
        return new GenerateRequest(
                plain.registry(),
                plain.packageName(),
                plain.className(),
                plain.sourceDirectory(),
                plain.resourceDirectory(),
                templateDirectory,
                generators,
                true,
                null);
    }

    private static Map<String, String> read(Path root) throws IOException {
        Map<String, String> files = new HashMap<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    files.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f));
                }
            }
        }
        return files;
    }

    /** Grpc-java's generated stubs class, reduced to what the factory calls. */
    static String fakeGrpcStubs(String pkg, String service) {
        return "package " + pkg + ";\n"
                + "import io.grpc.Channel;\n"
                + "public final class " + service + "Grpc {\n"
                + "  public static " + service + "BlockingStub newBlockingStub(Channel c) { return new " + service
                + "BlockingStub(); }\n"
                + "  public static " + service + "Stub newStub(Channel c) { return new " + service + "Stub(); }\n"
                + "  public static " + service + "FutureStub newFutureStub(Channel c) { return new " + service
                + "FutureStub(); }\n"
                + "  public static final class " + service + "BlockingStub {}\n"
                + "  public static final class " + service + "Stub {}\n"
                + "  public static final class " + service + "FutureStub {}\n"
                + "}\n";
    }

    private static Map<String, String> sources(Map<String, String> generated) {
        Map<String, String> out = new HashMap<>();
        generated.forEach((k, v) -> {
            if (k.endsWith(".java")) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Test
    @DisplayName("the rendered factory, names, providers and registration match the golden files whole")
    void matchesGoldenFiles() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .proto("user.proto", ProtoProject.USER_PROTO)
                .withAws()
                .select("s3,dynamodb-streams,user");

        new SourceGenerator().generate(request(project));

        Map<String, String> generated = read(dir.resolve("out/sources"));
        generated.putAll(read(dir.resolve("out/resources")));
        generated.remove("META-INF/switchboard/registry.json");
        Path golden = Path.of("src/test/resources/golden/factory");
        if (UPDATE_GOLDEN) {
            for (Map.Entry<String, String> file : generated.entrySet()) {
                Path target = golden.resolve(file.getKey() + ".txt");
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue());
            }
        }
        Map<String, String> expected = new HashMap<>();
        read(golden).forEach((k, v) -> expected.put(k.replaceFirst("\\.txt$", ""), v));
        assertThat(generated.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        for (String file : expected.keySet()) {
            assertThat(generated.get(file))
                    .as("%s differs from its golden file; rerun with -Dswitchboard.updateGolden=true if intended", file)
                    .isEqualTo(expected.get(file));
        }
    }

    @Test
    @DisplayName("the generated sources compile with grpc-java stubs, the real SDK clients and the runtime")
    void generatedCodeCompiles() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .proto("user.proto", ProtoProject.USER_PROTO)
                .withAws()
                .select("s3,dynamodb,dynamodb-streams,sqs,user");
        new SourceGenerator().generate(request(project));
        Map<String, String> sources = sources(read(dir.resolve("out/sources")));
        sources.put("com/acme/user/v1/UserServiceGrpc.java", fakeGrpcStubs("com.acme.user.v1", "UserService"));

        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();
        String factory = sources.get("com/acme/switchboard/ServiceClients.java");
        assertThat(factory)
                .contains("public S3Client s3()", "public DynamoDbStreamsClient dynamoDbStreams()")
                .contains("public UserServiceGrpc.UserServiceBlockingStub user()")
                .contains("public UserServiceGrpc.UserServiceFutureStub userFuture()")
                .contains("import io.grpc.");
    }

    @Test
    @DisplayName("a factory without gRPC services imports nothing of gRPC, and one without AWS nothing of AWS")
    void importsOnlyWhatIsIncluded() throws Exception {
        ProtoProject awsOnly = new ProtoProject(dir.resolve("a")).withAws().select("s3");
        new SourceGenerator().generate(request(awsOnly));
        String awsFactory = Files.readString(dir.resolve("out/sources/com/acme/switchboard/ServiceClients.java"));

        ProtoProject grpcOnly = new ProtoProject(dir.resolve("g")).proto("user.proto", ProtoProject.USER_PROTO);
        GenerateRequest grpcRequest = new GenerateRequest(
                grpcOnly.request(),
                "com.acme.switchboard",
                "ServiceClients",
                dir.resolve("g-out/sources"),
                dir.resolve("g-out/resources"),
                null,
                List.of(),
                true,
                null);
        new SourceGenerator().generate(grpcRequest);
        String grpcFactory = Files.readString(dir.resolve("g-out/sources/com/acme/switchboard/ServiceClients.java"));

        assertThat(awsFactory).contains("import software.amazon.awssdk.").doesNotContain("io.grpc");
        assertThat(grpcFactory)
                .contains("import io.grpc.")
                .doesNotContain("software.amazon.awssdk", "AwsClientSupport");
    }

    @Test
    @DisplayName("keywords, names that clash with factory members or each other, and digits still compile")
    void hostileNamesCompile() throws Exception {
        StringBuilder proto = new StringBuilder("""
                syntax = "proto3";
                package hostile.v1;
                import "switchboard/options.proto";
                option java_package = "com.hostile.v1";
                message M {}
                """);
        List<String> names = List.of(
                "class",
                "default",
                "client",
                "close",
                "services",
                "builder",
                "statistics",
                "s3-async",
                "a-b",
                "a.b",
                "3d",
                "int",
                "service-names");
        Map<String, String> stubs = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            proto.append("service S")
                    .append(i)
                    .append("Service { option (switchboard.name) = \"")
                    .append(names.get(i))
                    .append("\"; rpc Go(M) returns (M); }\n");
            stubs.put(
                    "com/hostile/v1/S" + i + "ServiceGrpc.java", fakeGrpcStubs("com.hostile.v1", "S" + i + "Service"));
        }
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .proto("hostile.proto", proto.toString())
                .withAws()
                .select(String.join(",", names) + ",s3");
        new SourceGenerator().generate(request(project));
        Map<String, String> sources = sources(read(dir.resolve("out/sources")));
        sources.putAll(stubs);

        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();
        assertThat(sources.get("com/acme/switchboard/ServiceClients.java"))
                .contains(
                        " class_()",
                        " default_()",
                        " clientService()",
                        " closeService()",
                        " statisticsService()",
                        " s3Async()",
                        " s3Async2()",
                        " aB()",
                        " aB2()",
                        " _3d()",
                        " int_()");
    }

    @Test
    @DisplayName("a factory with every catalogued AWS service compiles (409 services; mind the method-size limits)")
    void wholeCatalogueCompiles() throws Exception {
        AwsCatalogue catalogue = AwsCatalogue.bundled();
        List<ServiceEntry> entries = new ArrayList<>();
        Map<String, String> stubs = new HashMap<>();
        ClassLoader loader = getClass().getClassLoader();
        for (AwsCatalogue.Module module : catalogue.modules()) {
            for (AwsCatalogue.Client client : module.clients()) {
                entries.add(ServiceEntry.builder(client.name(), ServiceKind.AWS)
                        .group(module.group())
                        .aws(new AwsInfo(
                                module.artifactId(),
                                client.serviceName(),
                                client.serviceMetadataId(),
                                client.clientClass(),
                                client.asyncClientClass(),
                                null,
                                client.global(),
                                null))
                        .build());
                if (loader.getResource(client.clientClass().replace('.', '/') + ".class") == null) {
                    stubs.putAll(fakeAwsClient(client.clientClass(), "SdkSyncClientBuilder"));
                    if (client.asyncClientClass() != null) {
                        stubs.putAll(fakeAwsClient(client.asyncClientClass(), "SdkAsyncClientBuilder"));
                    }
                }
            }
        }
        FactoryModel model = FactoryModelBuilder.build(entries, "com.acme.all", "AllClients");
        Map<String, String> rendered = new SourceGenerator()
                .render(
                        new GenerateRequest(
                                null,
                                "com.acme.all",
                                "AllClients",
                                dir.resolve("s"),
                                dir.resolve("r"),
                                null,
                                List.of(),
                                true,
                                null),
                        model,
                        entries,
                        "f");
        Map<String, String> sources = new HashMap<>(stubs);
        rendered.forEach((k, v) -> {
            if (k.endsWith(".java")) {
                sources.put(k.substring("sources/".length()), v);
            }
        });

        assertThat(model.services()).hasSizeGreaterThan(400);
        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();
    }

    /** An SDK client interface and its builder, reduced to what the factory calls. */
    private static Map<String, String> fakeAwsClient(String clientClass, String builderKind) {
        int dot = clientClass.lastIndexOf('.');
        String pkg = clientClass.substring(0, dot);
        String simple = clientClass.substring(dot + 1);
        String path = pkg.replace('.', '/') + "/";
        return Map.of(
                path + simple + ".java",
                "package " + pkg + ";\npublic interface " + simple
                        + " extends software.amazon.awssdk.core.SdkClient {\n" + "  static " + simple
                        + "Builder builder() { throw new UnsupportedOperationException(); }\n}\n",
                path + simple + "Builder.java",
                "package " + pkg + ";\npublic interface " + simple + "Builder extends"
                        + " software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<" + simple + "Builder, "
                        + simple
                        + ">, software.amazon.awssdk.core.client.builder." + builderKind + "<" + simple + "Builder, "
                        + simple + "> {}\n");
    }

    /** The overrides example of the README, section "Overrides", as it stands there. */
    /** The service the README's overrides make {@code user} depend on. */
    static final String BILLING_PROTO = """
            syntax = "proto3";
            package acme.billing.v1;
            option java_package = "com.acme.billing.v1";
            option java_multiple_files = true;
            service BillingService {
              rpc Charge(ChargeRequest) returns (ChargeReply);
            }
            message ChargeRequest { string id = 1; }
            message ChargeReply { string id = 1; }
            """;

    static final String README_OVERRIDES = """
            services:
              user:
                group: identity
                owner: accounts-team
                health: {http: /health/user}
                tags: {tier: "1"}
                rateLimit: {requestsPerSecond: 50, burst: 100}
                capabilities: [audit]
                dependencies: [billing]
              legacy-crm:
                kind: http
                endpoints:
                  - {verb: GET, path: "/v1/customers/{id}", method: GetCustomer}
            """;

    @Test
    @DisplayName("a REST-only service (the README's legacy-crm) gets a name, an accessor returning the generic REST"
            + " client and no provider; the code compiles and the accessor calls the service")
    void restOnlyServiceGenerates() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .proto("user.proto", ProtoProject.USER_PROTO)
                .proto("billing.proto", BILLING_PROTO)
                .overrides("src/main/switchboard/overrides.yaml", README_OVERRIDES);

        GenerateOutcome outcome = new SourceGenerator().generate(request(project));

        Map<String, String> sources = sources(read(dir.resolve("out/sources")));
        String factory = sources.get("com/acme/switchboard/ServiceClients.java");
        assertThat(outcome.services()).containsExactlyInAnyOrder("billing", "legacy-crm", "user");
        assertThat(sources.get("com/acme/switchboard/ServiceNames.java"))
                .contains("public static final String LEGACY_CRM = \"legacy-crm\";")
                .contains("List.of(BILLING, LEGACY_CRM, USER)");
        assertThat(factory)
                .contains("import dev.switchboard.runtime.http.GenericServiceClient;")
                .contains("public GenericServiceClient legacyCrm()")
                .contains("case \"legacy-crm\":");
        assertThat(sources.keySet())
                .filteredOn(f -> f.contains("/provider/"))
                .containsExactlyInAnyOrder(
                        "com/acme/switchboard/provider/BillingProvider.java",
                        "com/acme/switchboard/provider/UserProvider.java");
        assertThat(dir.resolve("out/resources/" + SourceGenerator.SERVICES_FILE))
                .content()
                .doesNotContain("LegacyCrm")
                .contains("com.acme.switchboard.provider.UserProvider");
        sources.put("com/acme/user/v1/UserServiceGrpc.java", fakeGrpcStubs("com.acme.user.v1", "UserService"));
        sources.put(
                "com/acme/billing/v1/BillingServiceGrpc.java", fakeGrpcStubs("com.acme.billing.v1", "BillingService"));
        assertThat(Javac.compile(dir.resolve("javac"), sources)).isEmpty();

        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/customers/", exchange -> {
            byte[] body = ("{\"id\":\"" + exchange.getRequestURI().getPath().replaceAll(".*/", "") + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("GET") ? 200 : 405, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        URL[] roots = {
            dir.resolve("javac/classes").toUri().toURL(),
            dir.resolve("out/resources").toUri().toURL()
        };
        try (URLClassLoader loader = new URLClassLoader(roots, getClass().getClassLoader())) {
            Class<?> type = loader.loadClass("com.acme.switchboard.ServiceClients");
            Object builder = type.getMethod("builder").invoke(null);
            builder.getClass()
                    .getMethod("endpointOverride", String.class, URI.class)
                    .invoke(
                            builder,
                            "legacy-crm",
                            URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
            try (AutoCloseable clients =
                    (AutoCloseable) builder.getClass().getMethod("build").invoke(builder)) {
                GenericServiceClient crm =
                        (GenericServiceClient) type.getMethod("legacyCrm").invoke(clients);

                assertThat(crm.methods()).containsExactly("GetCustomer");
                assertThat(crm.call("GetCustomer", "{\"id\": \"c-7\"}")).isEqualTo("{\"id\":\"c-7\"}");
                assertThat(type.getMethod("client", String.class).invoke(clients, "legacy-crm"))
                        .isSameAs(crm);
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    @DisplayName("a project that sets no <packageName> gets its groupId's, each part made a Java identifier, and it"
            + " passes the check a written package must pass")
    void defaultPackageFromGroupId() {
        String derived = GenerateRequest.defaultPackageName("io.my-org.3d");
        GenerateRequest request = new GenerateRequest(
                null, derived, "ServiceClients", dir.resolve("s"), dir.resolve("r"), null, List.of(), true, null);

        assertThat(derived).isEqualTo("io.my_org._3d.switchboard");
        assertThat(request.problems()).isEmpty();
    }

    @Test
    @DisplayName("unchanged inputs render nothing; a narrower selection deletes the files no longer produced")
    void incrementalWithManifest() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p")).withAws().select("s3,sqs");
        GenerateOutcome first = new SourceGenerator().generate(request(project));
        Path sqsProvider = dir.resolve("out/sources/com/acme/switchboard/provider/SqsProvider.java");
        Path factory = dir.resolve("out/sources/com/acme/switchboard/ServiceClients.java");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(factory, old);

        GenerateOutcome second = new SourceGenerator().generate(request(project));
        GenerateOutcome third = new SourceGenerator().generate(request(project.select("s3")));

        assertThat(first.upToDate()).isFalse();
        assertThat(first.written()).isEqualTo(8);
        assertThat(second.upToDate()).isTrue();
        assertThat(Files.getLastModifiedTime(factory)).isNotEqualTo(old);
        assertThat(third.deleted()).isEqualTo(1);
        assertThat(sqsProvider).doesNotExist();
        assertThat(third.services()).containsExactly("s3");
    }

    @Test
    @DisplayName("a template in the overlay directory replaces the bundled one of the same name; the others stay")
    void overlaysTemplates() throws Exception {
        Path overlay = dir.resolve("templates");
        Files.createDirectories(overlay);
        Files.writeString(
                overlay.resolve("ServiceNames.java.ftl"),
                "package ${packageName};\n"
                        + "/** Overlaid. */\npublic final class ${namesClassName} {\n<#list services as s>  public static final String ${s.constant} = \"${s.name}\";\n</#list>}\n");
        ProtoProject project = new ProtoProject(dir.resolve("p")).withAws().select("s3");
        GenerateRequest plain = request(project);
        new SourceGenerator().generate(withTemplates(plain, overlay, List.of()));

        assertThat(dir.resolve("out/sources/com/acme/switchboard/ServiceNames.java"))
                .content()
                .contains("/** Overlaid. */");
        assertThat(dir.resolve("out/sources/com/acme/switchboard/ServiceClients.java"))
                .content()
                .contains("public S3Client s3()");
    }

    @Test
    @DisplayName("custom generators render once or per service; an output leaving the output directory is refused")
    void customGenerators() throws Exception {
        Path template = dir.resolve("inventory.ftl");
        Files.writeString(
                template, "<#if service??>${service.name}<#else><#list services as s>${s.name} </#list></#if>\n");
        ProtoProject project = new ProtoProject(dir.resolve("p")).withAws().select("s3,sqs");
        GenerateRequest plain = request(project);
        new SourceGenerator()
                .generate(withTemplates(
                        plain,
                        null,
                        List.of(
                                new GenerateRequest.Generator(template, "docs/inventory.txt"),
                                new GenerateRequest.Generator(template, "docs/{service}.txt"))));

        assertThat(dir.resolve("out/sources/docs/inventory.txt")).hasContent("s3 sqs \n");
        assertThat(dir.resolve("out/sources/docs/sqs.txt")).hasContent("sqs\n");
        assertThatThrownBy(() -> new SourceGenerator()
                        .generate(withTemplates(
                                plain, null, List.of(new GenerateRequest.Generator(template, "../escape.txt")))))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("<generators>: <generator> #1 (template ")
                .hasMessageContaining("<output> \"../escape.txt\" leaves the output directory");
        assertThat(dir.resolve("out/escape.txt")).doesNotExist();
    }

    @Test
    @DisplayName("a failing overlay template writes nothing and leaves the earlier outputs as they were")
    void failingTemplateKeepsOutputs() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p")).withAws().select("s3");
        new SourceGenerator().generate(request(project));
        Path factory = dir.resolve("out/sources/com/acme/switchboard/ServiceClients.java");
        String before = Files.readString(factory);
        Path overlay = dir.resolve("templates");
        Files.createDirectories(overlay);
        Files.writeString(overlay.resolve("ServiceNames.java.ftl"), "line one\n${undefinedValue}\n");
        GenerateRequest plain = request(project.select("s3,sqs"));

        assertThatThrownBy(() -> new SourceGenerator().generate(withTemplates(plain, overlay, List.of())))
                .isInstanceOf(RenderException.class)
                .hasMessageStartingWith(overlay.resolve("ServiceNames.java.ftl") + ":2:3: undefinedValue is undefined");
        assertThat(factory).hasContent(before);
        assertThat(dir.resolve("out/sources/com/acme/switchboard/provider/SqsProvider.java"))
                .doesNotExist();
    }

    @Test
    @DisplayName("a generator sees each service's whole registry entry: group, owner, tags, methods with HTTP rules,"
            + " health, rate limit")
    void generatorSeesTheRegistryEntry() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .withGoogleCommonProtos()
                .proto("user.proto", """
                        syntax = "proto3";
                        package acme.user.v1;
                        import "google/api/annotations.proto";
                        option java_package = "com.acme.user.v1";
                        service UserService {
                          rpc GetUser(GetUserRequest) returns (User) {
                            option (google.api.http) = { get: "/v1/users/{id}" };
                          }
                        }
                        message GetUserRequest { string id = 1; }
                        message User { string id = 1; }
                        """)
                .overrides("overrides.yaml", """
                        services:
                          user:
                            group: identity
                            owner: accounts-team
                            tags: {tier: "1"}
                            health: {http: /health/user}
                            rateLimit: {requestsPerSecond: 50, burst: 100}
                        """);
        Path template = dir.resolve("templates/card.md.ftl");
        Files.createDirectories(template.getParent());
        Files.writeString(template, """
                ${service.name} (${service.entry.group}) owned by ${service.entry.owner}, tier ${service.entry.tags.tier}
                <#list service.entry.methods as m>
                ${m.name}: <#list m.http as r>${r.verb} ${r.path}</#list>
                </#list>
                health ${service.entry.health.http}, ${service.entry.rateLimit.requestsPerSecond} rps burst ${service.entry.rateLimit.burst}
                """);

        new SourceGenerator()
                .generate(withTemplates(
                        request(project),
                        null,
                        List.of(new GenerateRequest.Generator(template, "cards/{service}.md"))));

        assertThat(Files.readString(dir.resolve("out/sources/cards/user.md"))).isEqualTo("""
                        user (identity) owned by accounts-team, tier 1
                        GetUser: GET /v1/users/{id}
                        health /health/user, 50 rps burst 100
                        """);
    }

    @Test
    @DisplayName("<grpc>false</grpc> generates without gRPC accessors and providers, needs no grpc-java, and still"
            + " bundles the gRPC services in the registry")
    void withoutGrpc() throws Exception {
        ProtoProject project = new ProtoProject(dir.resolve("p"))
                .proto("user.proto", ProtoProject.USER_PROTO)
                .withAws()
                .withoutGrpcJava()
                .select("s3,user");
        GenerateRequest plain = request(project);

        GenerateOutcome outcome = new SourceGenerator()
                .generate(new GenerateRequest(
                        plain.registry(),
                        plain.packageName(),
                        plain.className(),
                        plain.sourceDirectory(),
                        plain.resourceDirectory(),
                        null,
                        List.of(),
                        false,
                        null));

        assertThat(outcome.services()).containsExactly("s3");
        Map<String, String> out = read(dir.resolve("out"));
        assertThat(out.get("sources/com/acme/switchboard/ServiceClients.java"))
                .contains("public S3Client s3()")
                .doesNotContain("user()", "io.grpc");
        assertThat(out).doesNotContainKey("sources/com/acme/switchboard/provider/UserProvider.java");
        assertThat(out.get("resources/META-INF/switchboard/registry.json")).contains("\"name\" : \"user\"");
    }
}

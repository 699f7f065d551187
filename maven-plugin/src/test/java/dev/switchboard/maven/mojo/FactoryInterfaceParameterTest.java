package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <factoryInterface>} read from the project's compile source roots, as Maven hands them over. */
class FactoryInterfaceParameterTest {
    private static final String USER = """
            syntax = "proto3";
            package acme.user.v1;
            service UserService {
              rpc GetUser(GetUserRequest) returns (User);
            }
            message GetUserRequest { string id = 1; }
            message User { string id = 1; }
            """;

    @TempDir
    Path dir;

    private GenerateMojo goal(String interfaceSource) throws Exception {
        Path proto = dir.resolve("src/main/proto/acme/user/v1/user.proto");
        Files.createDirectories(proto.getParent());
        Files.writeString(proto, USER);
        Path source = dir.resolve("src/main/java/com/acme/Clients.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, interfaceSource);
        GenerateMojo mojo = MojoHarness.configure(new GenerateMojo(), dir);
        mojo.project.addCompileSourceRoot(dir.resolve("src/main/java").toString());
        MojoHarness.set(mojo, "factoryInterface", "com.acme.Clients");
        return mojo;
    }

    @Test
    @DisplayName("the factory implements the interface found in a compile source root")
    void implementsTheInterface() throws Exception {
        goal("package com.acme;\n\npublic interface Clients {\n"
                        + "    acme.user.v1.UserServiceGrpc.UserServiceBlockingStub users();\n}\n")
                .execute();

        assertThat(dir.resolve("target/generated-sources/switchboard/com/acme/switchboard/ServiceClients.java"))
                .content()
                .contains("implements AutoCloseable, com.acme.Clients {")
                .contains("public UserServiceGrpc.UserServiceBlockingStub users() {\n        return user();");
    }

    @Test
    @DisplayName("a method that returns no service's client fails at its place, once, with the fix")
    void mismatchedMethodIsPlaced() throws Exception {
        GenerateMojo mojo = goal("package com.acme;\n\npublic interface Clients {\n    String region();\n}\n");

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .satisfies(e -> assertThat(e.getMessage().split("Clients.java:4:12: ", -1))
                        .as("the problem is printed once")
                        .hasSize(2))
                .hasMessageContaining("src/main/java/com/acme/Clients.java:4:12: region() returns String, which is not"
                        + " the client of any service switchboard knows; give it a body (a default method) or"
                        + " remove it; the selected services' clients are UserServiceGrpc.UserServiceBlockingStub"
                        + " (user)")
                .hasMessageNotContaining("Exception");
        assertThat(dir.resolve("target/generated-sources/switchboard")).doesNotExist();
    }
}

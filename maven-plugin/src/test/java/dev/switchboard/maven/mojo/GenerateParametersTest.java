package dev.switchboard.maven.mojo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Goal parameters that point at the wrong kind of file fail naming the XML parameter, once, before
 * anything is written; and every earlier output stays as it was.
 */
class GenerateParametersTest {
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

    private GenerateMojo goal() throws Exception {
        Path proto = dir.resolve("src/main/proto/acme/user/v1/user.proto");
        Files.createDirectories(proto.getParent());
        Files.writeString(proto, USER);
        return MojoHarness.configure(new GenerateMojo(), dir);
    }

    @Test
    @DisplayName("a file where the registry directory should be names <registryDirectory>, once")
    void registryDirectoryIsAFile() throws Exception {
        GenerateMojo mojo = goal();
        Path file = dir.resolve("target/switchboard");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a directory");
        MojoHarness.set(mojo, "registryDirectory", file.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<registryDirectory>: " + file + " is a file, not a directory")
                .hasMessageContaining("point <registryDirectory> at a directory")
                .hasMessageNotContaining("Exception");
        assertThat(Files.readString(file)).isEqualTo("not a directory");
    }

    @Test
    @DisplayName("a file where the output directory should be names <outputDirectory>, and earlier outputs stay")
    void outputDirectoryIsAFileAfterAGoodRun() throws Exception {
        GenerateMojo mojo = goal();
        mojo.execute();
        Map<String, String> before = contents(dir.resolve("target"));
        Path file = dir.resolve("target/elsewhere");
        Files.writeString(file, "a file");
        MojoHarness.set(mojo, "outputDirectory", file.toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .satisfies(e -> assertThat(e.getMessage().split("<outputDirectory>: ", -1))
                        .as("the problem is printed once")
                        .hasSize(2))
                .hasMessageContaining("target/elsewhere is a file, where the generated files go");
        Files.delete(file);
        assertThat(contents(dir.resolve("target"))).isEqualTo(before);
    }

    @Test
    @DisplayName("a missing <templateDirectory> is named with the fix")
    void templateDirectoryMissing() throws Exception {
        GenerateMojo mojo = goal();
        MojoHarness.set(mojo, "templateDirectory", new File(dir.toFile(), "src/main/templates"));

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("<templateDirectory>: ")
                .hasMessageContaining("src/main/templates does not exist")
                .hasMessageContaining("or remove the parameter");
        assertThat(dir.resolve("target/switchboard")).doesNotExist();
    }

    private static Map<String, String> contents(Path root) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return out;
    }
}

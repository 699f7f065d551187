package dev.switchboard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a synthetic Maven project with {@code N} proto files for the registry benchmarks.
 *
 * <p>File {@code i} is {@code src/main/proto/bench/svcNNNN/v1/svcNNNN.proto}, in package {@code
 * bench.svcNNNN.v1}, with one service of 4–6 rpcs (create, get, list, delete; then a server-streaming
 * watch; then a client-streaming upload or a bidi sync), {@code google.api.http} rules on the unary
 * ones and a {@code (switchboard.group)} option. Each file after the first imports the file before it
 * and one or two earlier ones chosen with a fixed seed, and uses their entity message in its requests
 * and responses, so that linking resolves cross-package types and dependency inference finds 1–3
 * dependencies per service. Imported entities appear only in requests and responses, never inside the
 * entity itself, so inference stays bounded instead of walking the whole tree from every service.
 *
 * <p>The output is a pure function of {@code N}: the same bytes on every run and machine. Files are
 * written only when their content differs and stale ones (and the directories they leave empty) are
 * removed, so regenerating a tree keeps an up-to-date registry up to date.
 *
 * <p>Usage: {@code ProtoTreeGenerator <outDir> <files>}.
 */
public final class ProtoTreeGenerator {
    /** The seed for choosing imports; changing it changes every generated tree. */
    static final long SEED = 20261123L;

    static final String PLUGIN_VERSION = "0.1.0-SNAPSHOT";
    static final String COMMON_PROTOS_VERSION = "2.81.0";

    private static final String[] GROUPS = {
        "core", "compute", "storage", "database", "networking", "messaging",
        "security", "analytics", "ml", "management", "devtools", "other"
    };

    private final int files;
    private final int width;

    ProtoTreeGenerator(int files) {
        if (files < 1) {
            throw new IllegalArgumentException("the number of files must be at least 1, not " + files);
        }
        this.files = files;
        this.width = Math.max(4, Integer.toString(files - 1).length());
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: ProtoTreeGenerator <outDir> <files>");
            System.exit(2);
        }
        int n;
        try {
            n = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            System.err.println("<files> must be a whole number, not \"" + args[1] + "\"");
            System.exit(2);
            return;
        }
        Path out = Path.of(args[0]).toAbsolutePath();
        int written = generate(out, n);
        System.out.printf(Locale.ROOT, "generated %d proto file(s) in %s (%d written, the rest unchanged)%n",
                n, out, written);
    }

    /**
     * Writes (or brings up to date) the project in {@code projectDir}.
     *
     * @return how many files were written because they were new or different
     */
    public static int generate(Path projectDir, int files) throws IOException {
        return new ProtoTreeGenerator(files).writeTo(projectDir);
    }

    /** The directory the generated protos live in, below a project written by {@link #generate}. */
    public static Path protoRoot(Path projectDir) {
        return projectDir.resolve("src/main/proto");
    }

    int writeTo(Path projectDir) throws IOException {
        Path root = protoRoot(projectDir);
        int written = 0;
        if (writeIfChanged(projectDir.resolve("pom.xml"), pom())) {
            written++;
        }
        Set<Path> wanted = new HashSet<>();
        List<int[]> imports = imports();
        for (int i = 0; i < files; i++) {
            Path file = root.resolve(relativePath(i));
            wanted.add(file);
            if (writeIfChanged(file, proto(i, imports.get(i)))) {
                written++;
            }
        }
        if (Files.isDirectory(root)) {
            Set<Path> stale = new TreeSet<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).filter(p -> !wanted.contains(p)).forEach(stale::add);
            }
            for (Path p : stale) {
                Files.delete(p);
            }
            // Empty directories left by a larger tree would still be walked by every scan.
            List<Path> dirs = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isDirectory).forEach(dirs::add);
            }
            dirs.sort(Comparator.comparingInt(Path::getNameCount).reversed());
            for (Path dir : dirs) {
                try (Stream<Path> entries = Files.list(dir)) {
                    if (entries.findAny().isEmpty() && !dir.equals(root)) {
                        Files.delete(dir);
                    }
                }
            }
        }
        return written;
    }

    /** For each file, the earlier files it imports: the one before it and 0–2 more, seeded. */
    List<int[]> imports() {
        Random random = new Random(SEED);
        List<int[]> all = new ArrayList<>(files);
        for (int i = 0; i < files; i++) {
            int wantedCount = Math.min(i, 2 + (i % 2));
            TreeSet<Integer> chosen = new TreeSet<>();
            if (i > 0) {
                chosen.add(i - 1);
            }
            while (chosen.size() < wantedCount) {
                chosen.add(random.nextInt(i));
            }
            // Keep the order "the one before, then the others ascending" so that the first import,
            // used in the create request, is always the neighbour.
            int[] order = new int[chosen.size()];
            int n = 0;
            if (i > 0) {
                order[n++] = i - 1;
            }
            for (int c : chosen) {
                if (c != i - 1) {
                    order[n++] = c;
                }
            }
            all.add(order);
        }
        return all;
    }

    String id(int i) {
        return String.format(Locale.ROOT, "%0" + width + "d", i);
    }

    String relativePath(int i) {
        return "bench/svc" + id(i) + "/v1/svc" + id(i) + ".proto";
    }

    private String pkg(int i) {
        return "bench.svc" + id(i) + ".v1";
    }

    private String entity(int i) {
        return "Item" + id(i);
    }

    private String qualifiedEntity(int i) {
        return pkg(i) + "." + entity(i);
    }

    String proto(int i, int[] imports) {
        String id = id(i);
        String item = entity(i);
        int rpcs = 4 + (i % 3);
        StringBuilder s = new StringBuilder(4096);
        s.append("// Generated by dev.switchboard.benchmarks.ProtoTreeGenerator; do not edit.\n");
        s.append("syntax = \"proto3\";\n\n");
        s.append("package ").append(pkg(i)).append(";\n\n");
        for (int imp : imports) {
            s.append("import \"").append(relativePath(imp)).append("\";\n");
        }
        s.append("import \"google/api/annotations.proto\";\n");
        s.append("import \"google/protobuf/field_mask.proto\";\n");
        s.append("import \"google/protobuf/timestamp.proto\";\n");
        s.append("import \"switchboard/options.proto\";\n\n");
        s.append("option java_package = \"dev.switchboard.bench.svc").append(id).append(".v1\";\n");
        s.append("option java_multiple_files = true;\n\n");

        s.append("// Synthetic service ").append(i).append(" of ").append(files).append(": keeps ")
                .append(item).append(" records");
        if (imports.length > 0) {
            s.append(" that refer to ")
                    .append(String.join(", ", Arrays.stream(imports).mapToObj(this::entity).toList()));
        }
        s.append(".\n");
        s.append("service Svc").append(id).append("Service {\n");
        s.append("  option (switchboard.group) = \"").append(GROUPS[i % GROUPS.length]).append("\";\n");
        if (i % 5 == 0) {
            s.append("  option (switchboard.tag) = \"tier=").append(1 + i % 3).append("\";\n");
        }
        String path = "/v1/svc" + id + "/items";
        s.append("\n  // Creates one ").append(item).append(".\n");
        s.append("  rpc Create").append(item).append("(Create").append(item).append("Request) returns (")
                .append(item).append(") {\n");
        s.append("    option (google.api.http) = { post: \"").append(path).append("\" body: \"item\" };\n");
        s.append("  }\n");
        s.append("  rpc Get").append(item).append("(Get").append(item).append("Request) returns (")
                .append(item).append(") {\n");
        s.append("    option (google.api.http) = { get: \"").append(path).append("/{id}\" };\n");
        s.append("  }\n");
        s.append("  rpc List").append(item).append("s(List").append(item).append("sRequest) returns (List")
                .append(item).append("sResponse) {\n");
        s.append("    option (google.api.http) = { get: \"").append(path).append("\" };\n");
        s.append("  }\n");
        s.append("  rpc Delete").append(item).append("(Delete").append(item).append("Request) returns (Delete")
                .append(item).append("Response) {\n");
        s.append("    option (google.api.http) = { delete: \"").append(path).append("/{id}\" };\n");
        s.append("  }\n");
        if (rpcs >= 5) {
            s.append("  rpc Watch").append(item).append("s(Watch").append(item).append("sRequest) returns (stream ")
                    .append(item).append("ChangedEvent);\n");
        }
        if (rpcs >= 6) {
            if (i % 2 == 0) {
                s.append("  rpc Sync").append(item).append("s(stream ").append(item).append("ChangedEvent) returns (stream ")
                        .append(item).append("ChangedEvent);\n");
            } else {
                s.append("  rpc Upload").append(item).append("s(stream Create").append(item)
                        .append("Request) returns (List").append(item).append("sResponse);\n");
            }
        }
        s.append("}\n\n");

        s.append("message ").append(item).append(" {\n");
        s.append("  string id = 1;\n");
        s.append("  string display_name = 2;\n");
        s.append("  google.protobuf.Timestamp update_time = 3;\n");
        s.append("  map<string, string> labels = 4;\n");
        s.append("  Status status = 5;\n");
        s.append("  repeated Part parts = 6;\n\n");
        s.append("  enum Status {\n");
        s.append("    STATUS_UNSPECIFIED = 0;\n");
        s.append("    ACTIVE = 1;\n");
        s.append("    ARCHIVED = 2;\n");
        s.append("  }\n\n");
        s.append("  message Part {\n");
        s.append("    string name = 1;\n");
        s.append("    int64 size = 2;\n");
        s.append("  }\n");
        s.append("}\n\n");

        s.append("message Create").append(item).append("Request {\n");
        s.append("  ").append(item).append(" item = 1;\n");
        if (imports.length > 0) {
            s.append("  ").append(qualifiedEntity(imports[0])).append(" parent = 2;\n");
        }
        s.append("}\n\n");

        s.append("message Get").append(item).append("Request {\n");
        s.append("  string id = 1;\n");
        s.append("  google.protobuf.FieldMask read_mask = 2;\n");
        if (imports.length > 2) {
            s.append("  ").append(qualifiedEntity(imports[2])).append(" context = 3;\n");
        }
        s.append("}\n\n");

        s.append("message List").append(item).append("sRequest {\n");
        s.append("  int32 page_size = 1;\n");
        s.append("  string page_token = 2;\n");
        s.append("  string filter = 3;\n");
        s.append("}\n\n");

        s.append("message List").append(item).append("sResponse {\n");
        s.append("  repeated ").append(item).append(" items = 1;\n");
        s.append("  string next_page_token = 2;\n");
        if (imports.length > 1) {
            s.append("  repeated ").append(qualifiedEntity(imports[1])).append(" related = 3;\n");
        }
        s.append("}\n\n");

        s.append("message Delete").append(item).append("Request {\n");
        s.append("  string id = 1;\n");
        s.append("  bool force = 2;\n");
        s.append("}\n\n");

        s.append("message Delete").append(item).append("Response {}\n");

        if (rpcs >= 5) {
            s.append("\nmessage Watch").append(item).append("sRequest {\n");
            s.append("  string filter = 1;\n");
            s.append("}\n\n");
            s.append("message ").append(item).append("ChangedEvent {\n");
            s.append("  ").append(item).append(" item = 1;\n");
            s.append("  google.protobuf.Timestamp change_time = 2;\n");
            s.append("}\n");
        }
        return s.toString();
    }

    String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- Generated by dev.switchboard.benchmarks.ProtoTreeGenerator; do not edit. -->
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>

                  <groupId>dev.switchboard.bench</groupId>
                  <artifactId>registry-bench-%1$d</artifactId>
                  <version>1.0.0-SNAPSHOT</version>
                  <packaging>jar</packaging>
                  <name>switchboard benchmark tree: %1$d proto services</name>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <switchboard.version>%2$s</switchboard.version>
                  </properties>

                  <dependencies>
                    <!-- Ships google/api/annotations.proto, which every generated file imports. -->
                    <dependency>
                      <groupId>com.google.api.grpc</groupId>
                      <artifactId>proto-google-common-protos</artifactId>
                      <version>%3$s</version>
                    </dependency>
                  </dependencies>

                  <build>
                    <plugins>
                      <plugin>
                        <groupId>dev.switchboard</groupId>
                        <artifactId>switchboard-maven-plugin</artifactId>
                        <version>${switchboard.version}</version>
                        <executions>
                          <execution>
                            <goals>
                              <goal>registry</goal>
                            </goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """
                .formatted(files, PLUGIN_VERSION, COMMON_PROTOS_VERSION);
    }

    private static boolean writeIfChanged(Path file, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return true;
    }
}

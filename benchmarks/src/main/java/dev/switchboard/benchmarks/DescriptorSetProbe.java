package dev.switchboard.benchmarks;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorSet;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import com.google.protobuf.ExtensionRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The protoc path for the registry, measured: what a build would spend if protoc (from Maven Central)
 * parsed and linked the sources and the engine only read the descriptor set it writes. In a fresh JVM,
 * as a cold build would: run protoc, read the set with protobuf-java (the {@code google.api.http}
 * extension registered), build every file's descriptors in import order, and walk the services, rpcs and
 * HTTP rules a registry needs. Each step's time is printed, then the total.
 *
 * <p>Usage: {@code DescriptorSetProbe <protoc> <sourceRoot> <wellKnownTypesDir> <fileList> <out.pb>
 * [importDir...]}, the file list holding one path below the source root a line; each import directory is
 * searched for imports after the source root (the small tree's common protos live in the whole tree's).
 */
public final class DescriptorSetProbe {
    private DescriptorSetProbe() {}

    public static void main(String[] args) throws IOException, InterruptedException, Exception {
        if (args.length < 5) {
            System.err.println("usage: DescriptorSetProbe <protoc> <sourceRoot> <wellKnownTypesDir> <fileList>"
                    + " <out.pb> [importDir...]");
            System.exit(2);
        }
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(args[0], "-I", args[1], "-I", args[2]));
        for (int i = 5; i < args.length; i++) {
            command.addAll(List.of("-I", args[i]));
        }
        command.addAll(List.of("--include_imports", "--include_source_info", "-o", args[4]));
        command.addAll(Files.readAllLines(Path.of(args[3])));
        Process protoc = new ProcessBuilder(command)
                .directory(Path.of(args[1]).toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (protoc.waitFor() != 0) {
            throw new IllegalStateException("protoc failed with exit code " + protoc.exitValue());
        }
        long ran = System.nanoTime();

        ExtensionRegistry extensions = ExtensionRegistry.newInstance();
        AnnotationsProto.registerAllExtensions(extensions);
        FileDescriptorSet set;
        try (InputStream in = Files.newInputStream(Path.of(args[4]))) {
            set = FileDescriptorSet.parseFrom(in, extensions);
        }
        long read = System.nanoTime();

        // --include_imports writes every file after the files it imports.
        Map<String, FileDescriptor> built = new HashMap<>();
        for (FileDescriptorProto file : set.getFileList()) {
            FileDescriptor[] dependencies = file.getDependencyList().stream()
                    .map(built::get)
                    .toArray(FileDescriptor[]::new);
            built.put(file.getName(), FileDescriptor.buildFrom(file, dependencies));
        }
        long linked = System.nanoTime();

        int services = 0;
        int rpcs = 0;
        int rules = 0;
        for (FileDescriptor file : built.values()) {
            for (ServiceDescriptor service : file.getServices()) {
                services++;
                for (MethodDescriptor method : service.getMethods()) {
                    rpcs++;
                    HttpRule rule = method.getOptions().getExtension(AnnotationsProto.http);
                    if (rule.getPatternCase() != HttpRule.PatternCase.PATTERN_NOT_SET) {
                        rules += 1 + rule.getAdditionalBindingsCount();
                    }
                    method.getInputType().getFields().size();
                }
            }
        }
        long walked = System.nanoTime();
        System.out.printf(
                Locale.ROOT,
                "protoc %.0f ms, read set %.0f ms, build descriptors %.0f ms, walk %.0f ms; total %.0f ms"
                        + " (%d files, %d services, %d rpcs, %d http rules)%n",
                (ran - start) / 1e6,
                (read - ran) / 1e6,
                (linked - read) / 1e6,
                (walked - linked) / 1e6,
                (walked - start) / 1e6,
                set.getFileCount(),
                services,
                rpcs,
                rules);
    }
}

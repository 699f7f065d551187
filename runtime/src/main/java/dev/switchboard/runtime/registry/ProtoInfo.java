package dev.switchboard.runtime.registry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Where a {@code grpc} service is declared and which Java classes grpc-java generates for it.
 *
 * @param file the proto file, relative to its source root ({@code acme/user/v1/user.proto})
 * @param protoPackage the proto package; {@code package} in the file
 * @param service the fully qualified service name ({@code acme.user.v1.UserService})
 * @param javaPackage the Java package of the generated classes ({@code java_package} or the proto
 *     package)
 * @param stubClass the grpc-java class holding the stubs ({@code com.acme.user.v1.UserServiceGrpc})
 * @param outerClass the Java class wrapping the file's messages ({@code java_outer_classname} or
 *     derived from the file name)
 * @param multipleFiles whether messages are top-level Java classes ({@code java_multiple_files})
 * @param artifact the coordinates ({@code groupId:artifactId:version}) of the dependency whose jar
 *     holds the proto, {@code file} then being its path inside the jar; null for the project's own protos
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"file", "package", "service", "javaPackage", "stubClass", "outerClass", "multipleFiles", "artifact"
})
public record ProtoInfo(
        String file,
        @JsonProperty("package") String protoPackage,
        String service,
        String javaPackage,
        String stubClass,
        String outerClass,
        boolean multipleFiles,
        String artifact) {

    /** A service of the project's own protos, which records no artifact. */
    public ProtoInfo(
            String file,
            String protoPackage,
            String service,
            String javaPackage,
            String stubClass,
            String outerClass,
            boolean multipleFiles) {
        this(file, protoPackage, service, javaPackage, stubClass, outerClass, multipleFiles, null);
    }

    /** A copy that records the dependency whose jar holds the proto. */
    public ProtoInfo fromArtifact(String coordinates) {
        return new ProtoInfo(
                file, protoPackage, service, javaPackage, stubClass, outerClass, multipleFiles, coordinates);
    }
}

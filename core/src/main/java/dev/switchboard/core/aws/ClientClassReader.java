package dev.switchboard.core.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one class file and decides whether it is an AWS SDK v2 client interface: an interface that
 * declares {@code SERVICE_NAME} and {@code SERVICE_METADATA_ID} constants and a static {@code
 * builder()}. Delegating clients ({@code DelegatingS3Client}) are abstract classes, not interfaces, and
 * so are not clients.
 */
public final class ClientClassReader extends ClassVisitor {
    private final String artifactId;
    private String className;
    private boolean isInterface;
    private String serviceName;
    private String serviceMetadataId;
    private String builderClass;
    private String waiterClass;
    private final Map<String, AwsClientClass.Operation> operations = new LinkedHashMap<>();
    private final Set<String> paginated = new TreeSet<>();

    private ClientClassReader(String artifactId) {
        super(Opcodes.ASM9);
        this.artifactId = artifactId;
    }

    /** The client the bytes declare, or null when they declare something else. */
    public static AwsClientClass read(byte[] classFile, String artifactId) {
        ClassReader reader = new ClassReader(classFile);
        if ((reader.getAccess() & Opcodes.ACC_INTERFACE) == 0) {
            return null;
        }
        ClientClassReader visitor = new ClientClassReader(artifactId);
        reader.accept(visitor, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return visitor.result();
    }

    /** The names of the {@code waitUntil…} methods of a waiter interface. */
    static List<String> waiters(byte[] classFile) {
        List<String> names = new ArrayList<>();
        new ClassReader(classFile)
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                if (name.startsWith("waitUntil") && !names.contains(name)) {
                                    names.add(name);
                                }
                                return null;
                            }
                        },
                        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return names;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
        className = name.replace('/', '.');
        isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
        boolean constant = (access & Opcodes.ACC_STATIC) != 0 && value instanceof String;
        if (constant && name.equals("SERVICE_NAME")) {
            serviceName = (String) value;
        } else if (constant && name.equals("SERVICE_METADATA_ID")) {
            serviceMetadataId = (String) value;
        }
        return null;
    }

    @Override
    public MethodVisitor visitMethod(
            int access, String name, String descriptor, String signature, String[] exceptions) {
        Type method = Type.getMethodType(descriptor);
        Type[] args = method.getArgumentTypes();
        boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
        if (isStatic && name.equals("builder") && args.length == 0) {
            builderClass = method.getReturnType().getClassName();
        } else if (!isStatic && name.equals("waiter") && args.length == 0) {
            waiterClass = method.getReturnType().getClassName();
        } else if (!isStatic && name.endsWith("Paginator") && args.length >= 1 && isRequest(args[0])) {
            paginated.add(name.substring(0, name.length() - "Paginator".length()));
        } else if (!isStatic && args.length >= 1 && isRequest(args[0])) {
            String request = args[0].getClassName();
            String operation = request.substring(request.lastIndexOf('.') + 1, request.length() - "Request".length());
            if (name.equalsIgnoreCase(operation)) {
                // The SDK's convention: XRequest answers XResponse, whatever the overload returns
                // (getObject also streams to a ResponseTransformer or a Path).
                operations.putIfAbsent(
                        name,
                        new AwsClientClass.Operation(
                                name,
                                request,
                                request.substring(0, request.length() - "Request".length()) + "Response"));
            }
        }
        return null;
    }

    private static boolean isRequest(Type type) {
        String name = type.getClassName();
        return type.getSort() == Type.OBJECT && name.endsWith("Request") && name.contains(".model.");
    }

    private AwsClientClass result() {
        if (!isInterface || serviceName == null || serviceMetadataId == null || builderClass == null) {
            return null;
        }
        return new AwsClientClass(
                artifactId,
                className,
                serviceName,
                serviceMetadataId,
                builderClass,
                List.copyOf(operations.values()),
                Set.copyOf(paginated),
                waiterClass);
    }
}

package dev.switchboard.core.diag;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;

/**
 * Class files read with ASM, and the words for one it cannot read: a class compiled for a newer Java than
 * the ASM inside the plugin knows, or a damaged file. ASM refuses both with exceptions whose messages name
 * neither the file nor the fix.
 */
public final class ClassFiles {
    /** What to do about a class file that cannot be read. */
    public static final String FIX = "compile it with --release 28 or lower, or rebuild it (mvn clean compile)";

    private ClassFiles() {}

    /**
     * Reads the class with the visitor.
     *
     * @return null when it was read, else what is wrong with it, for a {@link Problem} that names the file
     *     and gives {@link #FIX}
     */
    public static String accept(byte[] bytes, ClassVisitor visitor, int flags) {
        try {
            new ClassReader(bytes).accept(visitor, flags);
            return null;
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return unreadable(bytes);
        }
    }

    /** What is wrong with a class file ASM refused: its class file version, which says which Java made it. */
    public static String unreadable(byte[] bytes) {
        String version = bytes.length < 8 ? "unknown" : Integer.toString(((bytes[6] & 0xff) << 8) | (bytes[7] & 0xff));
        // 72 is the newest version the ASM in use (asm.version in the root pom.xml) reads.
        return "this class file cannot be read (class file major version " + version
                + ", or damaged; switchboard reads up to 72, Java 28)";
    }
}

package dev.switchboard.core.render;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The imports of one generated class: a class is imported when its simple name is free, and written
 * fully qualified when another class, or a name the template itself uses, already has it.
 */
final class Imports {
    private final String ownPackage;
    private final Map<String, String> bySimpleName = new HashMap<>();
    private final Set<String> imports = new TreeSet<>();

    /**
     * @param ownPackage the generated class's package (its classes need no import)
     * @param reserved simple names the template uses on its own or declares
     */
    Imports(String ownPackage, Set<String> reserved) {
        this.ownPackage = ownPackage;
        reserved.forEach(name -> bySimpleName.put(name, "\u0000reserved"));
    }

    /** Imports a class the template always needs. */
    Imports add(String qualifiedName) {
        ref(qualifiedName);
        return this;
    }

    /**
     * How the class is written: its simple name when imported, else its qualified name. A nested class
     * ({@code a.b.Outer.Inner}, given as {@code a.b.Outer} plus {@code Inner}) goes through its outer class.
     */
    String ref(String qualifiedName) {
        int dot = qualifiedName.lastIndexOf('.');
        String simple = qualifiedName.substring(dot + 1);
        String pkg = dot < 0 ? "" : qualifiedName.substring(0, dot);
        String holder = bySimpleName.get(simple);
        if (holder == null) {
            bySimpleName.put(simple, qualifiedName);
            if (!pkg.equals(ownPackage) && !pkg.isEmpty() && !pkg.equals("java.lang")) {
                imports.add(qualifiedName);
            }
            return simple;
        }
        return holder.equals(qualifiedName) ? simple : qualifiedName;
    }

    /** A nested class of {@code outerQualifiedName}. */
    String nested(String outerQualifiedName, String inner) {
        return ref(outerQualifiedName) + "." + inner;
    }

    Set<String> imports() {
        return imports;
    }
}

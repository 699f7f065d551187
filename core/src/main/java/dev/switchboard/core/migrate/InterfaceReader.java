package dev.switchboard.core.migrate;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import dev.switchboard.core.diag.ClassFiles;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Reads the team's factory interface: from the project's sources with JavaParser, since the interface
 * compiles with the project after switchboard has generated the code that implements it; else from the
 * class files of a dependency with ASM, without loading them. The interfaces it extends are read the same
 * way (and from the JDK), so inherited abstract methods are implemented too.
 */
public final class InterfaceReader {
    private final FactoryInterface spec;
    private final Path base;
    private final Set<String> visited = new HashSet<>();
    private final List<Problem> problems = new ArrayList<>();

    private InterfaceReader(FactoryInterface spec, Path base) {
        this.spec = spec;
        this.base = base.toAbsolutePath().normalize();
    }

    /**
     * @param base the project directory, against which file names are shown
     * @throws InputException when the interface cannot be found, does not parse or is a class
     */
    public static LegacyInterface read(FactoryInterface spec, Path base) throws InputException {
        return new InterfaceReader(spec, base).read();
    }

    private LegacyInterface read() throws InputException {
        String name = spec.name() == null ? "" : spec.name().trim();
        if (!name.matches(
                "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*(\\.[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)*")) {
            throw new InputException(Problem.in(
                    spec.setting(),
                    "\"" + name + "\" is not a Java type name",
                    "give the fully qualified name of the interface, such as com.acme.Clients"));
        }
        List<LegacyInterface.Method> methods = new ArrayList<>();
        String where = collect(name, methods, true);
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) in " + spec.setting(), problems);
        }
        if (where == null) {
            throw new InputException(Problem.in(
                    spec.setting(),
                    "\"" + name + "\" is in neither the project's sources (" + roots() + ") nor its dependencies ("
                            + Suggestions.describe(name, sourceTypes()) + ")",
                    "give the fully qualified name of the interface, or add the dependency that holds it"));
        }
        return new LegacyInterface(name, where, methods);
    }

    /** Reads {@code name} and what it extends into {@code methods}; the file it came from, or null. */
    private String collect(String name, List<LegacyInterface.Method> methods, boolean requested) {
        if (!visited.add(name)) {
            return "";
        }
        String[] parts = name.split("\\.");
        for (int i = parts.length; i >= 1; i--) {
            String outer = String.join("/", List.of(parts).subList(0, i));
            List<String> nested = List.of(parts).subList(i, parts.length);
            for (Path root : spec.sourceRoots()) {
                Path file = root.resolve(outer + ".java");
                if (Files.isRegularFile(file)) {
                    return fromSource(file, nested, name, methods, requested);
                }
            }
        }
        for (int i = parts.length; i >= 1; i--) {
            String binary = String.join("/", List.of(parts).subList(0, i))
                    + (i < parts.length ? "$" + String.join("$", List.of(parts).subList(i, parts.length)) : "")
                    + ".class";
            String found = fromClasspath(binary, name, methods, requested);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private String fromSource(
            Path file, List<String> nested, String name, List<LegacyInterface.Method> methods, boolean requested) {
        String shown = shown(file);
        ParseResult<CompilationUnit> parsed;
        try {
            parsed = new JavaParser(
                            new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17))
                    .parse(file);
        } catch (IOException e) {
            problems.add(Problem.in(shown, "cannot be read: " + IoProblems.reason(e), "check the file's permissions"));
            return shown;
        }
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            for (com.github.javaparser.Problem p : parsed.getProblems()) {
                Position at = p.getLocation()
                        .flatMap(l -> l.getBegin().getRange())
                        .map(r -> r.begin)
                        .orElse(new Position(0, 0));
                problems.add(Problem.at(
                        shown,
                        at.line,
                        at.column,
                        "does not parse: " + p.getMessage().lines().findFirst().orElse(""),
                        "fix the Java syntax; the interface is read before the project compiles"));
            }
            return shown;
        }
        CompilationUnit unit = parsed.getResult().get();
        String simple = nested.isEmpty() ? file.getFileName().toString().replaceFirst("\\.java$", "") : null;
        Optional<? extends TypeDeclaration<?>> type = unit.getTypes().stream()
                .filter(t -> t.getNameAsString().equals(simple != null ? simple : outerOf(name, nested)))
                .findFirst();
        for (String inner : nested) {
            type = type.flatMap(t -> t.getMembers().stream()
                    .filter(m -> m instanceof TypeDeclaration<?> d
                            && d.getNameAsString().equals(inner))
                    .map(m -> (TypeDeclaration<?>) m)
                    .findFirst());
        }
        if (type.isEmpty()) {
            return null;
        }
        if (!(type.get() instanceof ClassOrInterfaceDeclaration declaration) || !declaration.isInterface()) {
            Position at = type.get().getName().getBegin().orElse(new Position(0, 0));
            problems.add(Problem.at(
                    shown,
                    at.line,
                    at.column,
                    name + " is a " + kindOf(type.get()) + ", not an interface",
                    "name the interface the hand-written factory implements in " + spec.setting()
                            + (requested ? "" : ", or stop extending it")));
            return shown;
        }
        Imports imports = new Imports(unit, name);
        for (MethodDeclaration method : declaration.getMethods()) {
            Position at = method.getName().getBegin().orElse(new Position(0, 0));
            LegacyInterface.Kind kind = method.isStatic()
                    ? LegacyInterface.Kind.STATIC
                    : method.getBody().isPresent() ? LegacyInterface.Kind.DEFAULT : LegacyInterface.Kind.ABSTRACT;
            Type returns = method.getType();
            methods.add(new LegacyInterface.Method(
                    method.getNameAsString(),
                    returns.asString(),
                    imports.candidates(returns),
                    method.getParameters().size(),
                    kind,
                    shown,
                    at.line,
                    at.column,
                    method.getThrownExceptions().stream().map(imports::likely).toList()));
        }
        for (ClassOrInterfaceType extended : declaration.getExtendedTypes()) {
            for (String candidate : imports.candidates(extended)) {
                if (collect(candidate, methods, false) != null) {
                    break;
                }
            }
        }
        return shown;
    }

    private static String outerOf(String name, List<String> nested) {
        String[] parts = name.split("\\.");
        return parts[parts.length - nested.size() - 1];
    }

    private static String kindOf(TypeDeclaration<?> type) {
        if (type instanceof ClassOrInterfaceDeclaration) {
            return "class";
        }
        return type.isEnumDeclaration() ? "enum" : type.isRecordDeclaration() ? "record" : "annotation";
    }

    private String fromClasspath(String binary, String name, List<LegacyInterface.Method> methods, boolean requested) {
        for (Path entry : spec.classpath()) {
            try {
                if (Files.isDirectory(entry)) {
                    Path file = entry.resolve(binary);
                    if (Files.isRegularFile(file)) {
                        return fromClass(Files.readAllBytes(file), shown(file), name, methods, requested);
                    }
                } else if (Files.isRegularFile(entry)) {
                    try (ZipFile zip = new ZipFile(entry.toFile())) {
                        ZipEntry found = zip.getEntry(binary);
                        if (found != null) {
                            try (InputStream in = zip.getInputStream(found)) {
                                return fromClass(
                                        in.readAllBytes(),
                                        entry.getFileName() + "!/" + binary,
                                        name,
                                        methods,
                                        requested);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // An unreadable entry of the classpath cannot hold the interface; the next one may.
            }
        }
        // The JDK's interfaces (AutoCloseable, Supplier …), which an interface may extend.
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(binary)) {
            return in == null ? null : fromClass(in.readAllBytes(), binary, name, methods, requested);
        } catch (IOException e) {
            return null;
        }
    }

    private String fromClass(
            byte[] bytes, String shown, String name, List<LegacyInterface.Method> methods, boolean requested) {
        List<String> supers = new ArrayList<>();
        boolean[] isInterface = {true};
        String unreadable = ClassFiles.accept(
                bytes,
                new ClassVisitor(Opcodes.ASM9) {
                    @Override
                    public void visit(
                            int version,
                            int access,
                            String className,
                            String signature,
                            String superName,
                            String[] interfaces) {
                        isInterface[0] = (access & Opcodes.ACC_INTERFACE) != 0;
                        for (String i : interfaces) {
                            supers.add(i.replace('/', '.').replace('$', '.'));
                        }
                    }

                    @Override
                    public MethodVisitor visitMethod(
                            int access, String method, String descriptor, String signature, String[] ex) {
                        if (method.startsWith("<") || (access & (Opcodes.ACC_SYNTHETIC | Opcodes.ACC_BRIDGE)) != 0) {
                            return null;
                        }
                        LegacyInterface.Kind kind = (access & Opcodes.ACC_STATIC) != 0
                                ? LegacyInterface.Kind.STATIC
                                : (access & Opcodes.ACC_ABSTRACT) != 0
                                        ? LegacyInterface.Kind.ABSTRACT
                                        : LegacyInterface.Kind.DEFAULT;
                        String returns = org.objectweb.asm.Type.getReturnType(descriptor)
                                .getClassName()
                                .replace('$', '.');
                        methods.add(new LegacyInterface.Method(
                                method,
                                returns.substring(returns.lastIndexOf('.') + 1),
                                List.of(returns),
                                org.objectweb.asm.Type.getArgumentTypes(descriptor).length,
                                kind,
                                shown,
                                0,
                                0,
                                ex == null
                                        ? List.of()
                                        : List.of(ex).stream()
                                                .map(e -> e.replace('/', '.').replace('$', '.'))
                                                .toList()));
                        return null;
                    }
                },
                ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (unreadable != null) {
            problems.add(Problem.in(shown, unreadable, ClassFiles.FIX));
            return shown;
        }
        if (!isInterface[0]) {
            problems.add(Problem.in(
                    shown,
                    name + " is a class, not an interface",
                    "name the interface the hand-written factory implements in " + spec.setting()
                            + (requested ? "" : ", or stop extending it")));
            return shown;
        }
        for (String s : supers) {
            collect(s, methods, false);
        }
        return shown;
    }

    private String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString().replace('\\', '/') : file.toString();
    }

    private String roots() {
        return spec.sourceRoots().isEmpty()
                ? "none"
                : String.join(", ", spec.sourceRoots().stream().map(this::shown).toList());
    }

    /** The types of the project's sources, named by their files, for "nearest" suggestions. */
    private Set<String> sourceTypes() {
        Set<String> names = new TreeSet<>();
        for (Path root : spec.sourceRoots()) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(f -> f.toString().endsWith(".java"))
                        .map(f -> root.relativize(f).toString().replace('\\', '/'))
                        .filter(f -> !f.endsWith("package-info.java") && !f.endsWith("module-info.java"))
                        .forEach(f -> names.add(
                                f.substring(0, f.length() - ".java".length()).replace('/', '.')));
            } catch (IOException e) {
                // Only the suggestion is lost.
            }
        }
        return names;
    }

    /**
     * What a simple type name in a source file may stand for: its single-type import, a type nested in
     * the interface, the file's own package, its wildcard imports, {@code java.lang}. Without compiling
     * the project the choice between wildcard imports stays open; every candidate is kept, in that order.
     */
    private static final class Imports {
        private final CompilationUnit unit;
        private final String owner;

        Imports(CompilationUnit unit, String owner) {
            this.unit = unit;
            this.owner = owner;
        }

        /**
         * The type a thrown exception names: its import, else a JDK class ({@code Exception}, {@code
         * java.io.IOException} written in full), else a type of the file's own package.
         */
        String likely(Type type) {
            List<String> candidates = candidates(type);
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            for (String candidate : candidates) {
                if (ClassLoader.getPlatformClassLoader().getResource(candidate.replace('.', '/') + ".class") != null) {
                    return candidate;
                }
            }
            return unit.getPackageDeclaration()
                            .map(p -> p.getNameAsString() + ".")
                            .orElse("")
                    + type.asString();
        }

        List<String> candidates(Type type) {
            if (!type.isClassOrInterfaceType()) {
                return List.of(type.asString());
            }
            String written = type.asClassOrInterfaceType().getNameWithScope();
            String first = written.contains(".") ? written.substring(0, written.indexOf('.')) : written;
            String rest = written.substring(first.length());
            List<String> out = new ArrayList<>();
            for (ImportDeclaration i : unit.getImports()) {
                if (!i.isAsterisk() && !i.isStatic() && i.getNameAsString().endsWith("." + first)) {
                    return List.of(i.getNameAsString() + rest);
                }
            }
            String pkg = unit.getPackageDeclaration()
                    .map(p -> p.getNameAsString() + ".")
                    .orElse("");
            out.add(owner + "." + written);
            out.add(pkg + written);
            for (ImportDeclaration i : unit.getImports()) {
                if (i.isAsterisk() && !i.isStatic()) {
                    out.add(i.getNameAsString() + "." + written);
                }
            }
            out.add("java.lang." + written);
            if (written.contains(".")) {
                out.add(0, written);
            }
            return List.copyOf(new LinkedHashSet<>(out));
        }
    }
}

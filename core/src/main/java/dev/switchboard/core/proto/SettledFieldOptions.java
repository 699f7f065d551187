package dev.switchboard.core.proto;

import com.squareup.wire.schema.ErrorCollector;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Loader;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes out of the files handed to Wire's linker the field options that Wire would accept without a word
 * and that the registry never reads, so that Wire does not resolve them one by one. googleapis sets
 * {@code (google.api.field_behavior)} on 57,000 fields; Wire looks each one up among every extension of
 * {@code FieldOptions}, checks that its file is imported and that its value is one of the enum's
 * constants, and that cost a cold build of the tree about a sixth of its link (BENCHMARKS.md).
 *
 * <p>Only an option that passes every check Wire makes of it is taken out: an extension of {@code
 * google.protobuf.FieldOptions} named by its full name (no shorter part of which names another extension),
 * declared in the field's own file or in one it imports directly or publicly, of an enum type that exactly
 * one name resolves to, set to one of that enum's constants, and set more than once on a field only if the
 * extension is repeated. Every other option, and every option of a tree where anything about the
 * extensions is out of the ordinary (an import that cannot be loaded, an extension declared inside a
 * message or under another name of {@code FieldOptions}, two extensions of one name), is left to Wire, which
 * reports its problems as ever. The registry reads service, method and file options only.
 */
final class SettledFieldOptions {
    private static final String FIELD_OPTIONS = "google.protobuf.FieldOptions";
    private static final String DESCRIPTOR = "google/protobuf/descriptor.proto";

    /** What {@link #constants} keeps for a name that names no enum extension. */
    private static final Set<String> NONE = Set.of();

    private final Map<String, ProtoFileElement> files;
    private final Map<String, Extension> extensions;
    private final Map<String, Set<String>> enumConstants;
    private final Set<String> typeNames;
    private final Map<String, Set<String>> constantsByName = new HashMap<>();

    /** An extension of {@code FieldOptions}: the file declaring it, its package, label and type as written. */
    private record Extension(String file, String packageName, Field.Label label, String type) {}

    private SettledFieldOptions(
            Map<String, ProtoFileElement> files,
            Map<String, Extension> extensions,
            Map<String, Set<String>> enumConstants,
            Set<String> typeNames) {
        this.files = files;
        this.extensions = extensions;
        this.enumConstants = enumConstants;
        this.typeNames = typeNames;
    }

    /**
     * The sources with the settled field options taken out, each one that loses none as it was; all of them
     * as they were when the extensions cannot be known for sure.
     *
     * @param sources the files linked together, parsed
     * @param loader loads what they import, as the linker will
     */
    static List<ProtoFileElement> strip(List<ProtoFileElement> sources, Loader loader) {
        SettledFieldOptions settled = of(sources, loader);
        if (settled == null) {
            return sources;
        }
        List<ProtoFileElement> stripped = new ArrayList<>(sources.size());
        for (ProtoFileElement file : sources) {
            stripped.add(settled.strip(file));
        }
        return stripped;
    }

    /** What the linker will know of the extensions, or null when it cannot be known for sure. */
    private static SettledFieldOptions of(List<ProtoFileElement> sources, Loader loader) {
        Map<String, ProtoFileElement> files = new LinkedHashMap<>();
        sources.forEach(f -> files.put(f.getLocation().getPath(), f));
        ErrorCollector errors = new ErrorCollector();
        Loader scratch = loader.withErrors(errors);
        Deque<String> pending = new ArrayDeque<>();
        pending.add(DESCRIPTOR);
        sources.forEach(f -> addImports(f, pending));
        try {
            while (!pending.isEmpty()) {
                String path = pending.poll();
                if (!files.containsKey(path)) {
                    ProtoFileElement loaded = scratch.load(path).toElement();
                    files.put(path, loaded);
                    addImports(loaded, pending);
                }
            }
            errors.throwIfNonEmpty();
        } catch (RuntimeException e) {
            // A file that cannot be loaded (Wire throws its SchemaException): the linker says so, and nothing
            // is taken out.
            return null;
        }
        Map<String, Extension> extensions = new HashMap<>();
        for (ProtoFileElement file : files.values()) {
            String pkg = file.getPackageName() == null ? "" : file.getPackageName();
            for (ExtendElement extend : file.getExtendDeclarations()) {
                if (extend.getName().equals(FIELD_OPTIONS) || extend.getName().equals("." + FIELD_OPTIONS)) {
                    for (FieldElement field : extend.getFields()) {
                        String name = pkg.isEmpty() ? field.getName() : pkg + "." + field.getName();
                        Extension extension =
                                new Extension(file.getLocation().getPath(), pkg, field.getLabel(), field.getType());
                        if (extensions.put(name, extension) != null) {
                            return null;
                        }
                    }
                } else if (namesFieldOptions(extend)) {
                    return null;
                }
            }
            if (extendsInMessages(file.getTypes())) {
                return null;
            }
        }
        // Only the types that the extensions' types may name are looked up, and the scopes that hold them.
        Set<String> scopes = new HashSet<>();
        for (Extension extension : extensions.values()) {
            for (String candidate : candidates(extension)) {
                for (int dot = candidate.indexOf('.'); dot >= 0; dot = candidate.indexOf('.', dot + 1)) {
                    scopes.add(candidate.substring(0, dot));
                }
                scopes.add(candidate);
            }
        }
        Map<String, Set<String>> enumConstants = new HashMap<>();
        Set<String> typeNames = new HashSet<>();
        for (ProtoFileElement file : files.values()) {
            String pkg = file.getPackageName() == null ? "" : file.getPackageName();
            if (pkg.isEmpty() || scopes.contains(pkg)) {
                indexTypes(pkg, file.getTypes(), scopes, enumConstants, typeNames);
            }
        }
        return new SettledFieldOptions(files, extensions, enumConstants, typeNames);
    }

    private static void addImports(ProtoFileElement file, Deque<String> pending) {
        pending.addAll(file.getImports());
        pending.addAll(file.getPublicImports());
        pending.addAll(file.getWeakImports());
    }

    /** Whether an extension may extend {@code FieldOptions} under a name other than its full one. */
    private static boolean namesFieldOptions(ExtendElement extend) {
        String name = extend.getName();
        return name.equals("FieldOptions") || name.endsWith(".FieldOptions");
    }

    /** Whether a message declares an extension of {@code FieldOptions}, whose full name this does not work out. */
    private static boolean extendsInMessages(List<TypeElement> types) {
        for (TypeElement type : types) {
            if (type instanceof MessageElement m
                    && m.getExtendDeclarations().stream().anyMatch(SettledFieldOptions::namesFieldOptions)) {
                return true;
            }
            if (extendsInMessages(type.getNestedTypes())) {
                return true;
            }
        }
        return false;
    }

    /** Records the full names of the types within {@code scopes}, and the constants of those that are enums. */
    private static void indexTypes(
            String prefix,
            List<TypeElement> types,
            Set<String> scopes,
            Map<String, Set<String>> enumConstants,
            Set<String> typeNames) {
        for (TypeElement type : types) {
            String name = prefix.isEmpty() ? type.getName() : prefix + "." + type.getName();
            if (!scopes.contains(name)) {
                continue;
            }
            typeNames.add(name);
            if (type instanceof EnumElement e) {
                Set<String> constants = new HashSet<>();
                for (EnumConstantElement constant : e.getConstants()) {
                    constants.add(constant.getName());
                }
                enumConstants.put(name, constants);
            }
            indexTypes(name, type.getNestedTypes(), scopes, enumConstants, typeNames);
        }
    }

    private ProtoFileElement strip(ProtoFileElement file) {
        String path = file.getLocation().getPath();
        Set<String> visible = effectiveImports(file);
        visible.add(path);
        List<TypeElement> types = stripTypes(file.getTypes(), visible);
        if (types == file.getTypes()) {
            return file;
        }
        return ProtoElements.withTypes(file, types);
    }

    /** The files whose declarations a file sees as the linker reckons them: its imports, and public ones on. */
    private Set<String> effectiveImports(ProtoFileElement file) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.addAll(file.getImports());
        pending.addAll(file.getPublicImports());
        while (!pending.isEmpty()) {
            String path = pending.poll();
            if (seen.add(path)) {
                ProtoFileElement imported = files.get(path);
                if (imported != null) {
                    pending.addAll(imported.getPublicImports());
                }
            }
        }
        return seen;
    }

    /** The types with their fields' settled options taken out; the same list when none had any. */
    private List<TypeElement> stripTypes(List<TypeElement> types, Set<String> visible) {
        List<TypeElement> stripped = null;
        for (int i = 0; i < types.size(); i++) {
            TypeElement type = types.get(i);
            TypeElement now = type instanceof MessageElement m ? stripMessage(m, visible) : type;
            if (now != type && stripped == null) {
                stripped = new ArrayList<>(types);
            }
            if (stripped != null) {
                stripped.set(i, now);
            }
        }
        return stripped == null ? types : stripped;
    }

    private MessageElement stripMessage(MessageElement message, Set<String> visible) {
        List<FieldElement> fields = stripFields(message.getFields(), visible);
        List<OneOfElement> oneOfs = null;
        for (int i = 0; i < message.getOneOfs().size(); i++) {
            OneOfElement oneOf = message.getOneOfs().get(i);
            List<FieldElement> oneOfFields = stripFields(oneOf.getFields(), visible);
            if (oneOfFields != oneOf.getFields()) {
                if (oneOfs == null) {
                    oneOfs = new ArrayList<>(message.getOneOfs());
                }
                oneOfs.set(i, ProtoElements.withFields(oneOf, oneOfFields, oneOf.getGroups()));
            }
        }
        List<TypeElement> nested = stripTypes(message.getNestedTypes(), visible);
        if (fields == message.getFields() && oneOfs == null && nested == message.getNestedTypes()) {
            return message;
        }
        return ProtoElements.withMembers(
                message, nested, fields, oneOfs == null ? message.getOneOfs() : oneOfs, message.getGroups());
    }

    private List<FieldElement> stripFields(List<FieldElement> fields, Set<String> visible) {
        List<FieldElement> stripped = null;
        for (int i = 0; i < fields.size(); i++) {
            FieldElement field = fields.get(i);
            List<OptionElement> options = stripOptions(field.getOptions(), visible);
            if (options != field.getOptions()) {
                if (stripped == null) {
                    stripped = new ArrayList<>(fields);
                }
                stripped.set(i, ProtoElements.withOptions(field, options));
            }
        }
        return stripped == null ? fields : stripped;
    }

    /** The options without the settled ones; the same list when none is. */
    private List<OptionElement> stripOptions(List<OptionElement> options, Set<String> visible) {
        if (options.isEmpty()) {
            return options;
        }
        if (options.size() == 1) {
            OptionElement only = options.get(0);
            return settled(only.getName(), options, visible) ? List.of() : options;
        }
        Map<String, List<OptionElement>> byName = new LinkedHashMap<>();
        options.forEach(
                o -> byName.computeIfAbsent(o.getName(), k -> new ArrayList<>()).add(o));
        Set<String> settled = new HashSet<>();
        byName.forEach((name, set) -> {
            if (settled(name, set, visible)) {
                settled.add(name);
            }
        });
        if (settled.isEmpty()) {
            return options;
        }
        return options.stream().filter(o -> !settled.contains(o.getName())).toList();
    }

    /** Whether Wire would resolve and accept every one of these settings of one option without a word. */
    private boolean settled(String name, List<OptionElement> settings, Set<String> visible) {
        Extension extension = extensions.get(name);
        Set<String> constants = constants(name);
        if (constants == null || !visible.contains(extension.file())) {
            return false;
        }
        if (settings.size() > 1 && extension.label() != Field.Label.REPEATED) {
            return false;
        }
        for (OptionElement setting : settings) {
            if (!setting.isParenthesized()) {
                return false;
            }
            Object value = setting.getValue();
            if (value instanceof OptionElement.OptionPrimitive primitive) {
                value = primitive.getValue();
            }
            if (setting.getKind() != OptionElement.Kind.ENUM
                    || !(value instanceof String constant)
                    || !constants.contains(constant)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The constants of the enum of the extension an option's full name names, found once per name; null when
     * the name names no such extension as its shortest leading part that names one.
     */
    private Set<String> constants(String name) {
        Set<String> found = constantsByName.computeIfAbsent(name, this::findConstants);
        return found == NONE ? null : found;
    }

    private Set<String> findConstants(String name) {
        Extension extension = extensions.get(name);
        // Names outside any package might be descriptor.proto's own options; Wire's own extensions, which
        // it may load unasked, are left to it.
        if (extension == null || !name.contains(".") || name.startsWith(".") || name.startsWith("wire.")) {
            return NONE;
        }
        // The linker takes the shortest leading part of the name that names an extension.
        for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
            if (extensions.containsKey(name.substring(0, dot))) {
                return NONE;
            }
        }
        Set<String> constants = enumConstants(extension);
        return constants == null ? NONE : constants;
    }

    /**
     * The constants of the enum the extension's type names, or null when it names no enum, or when more
     * than one of the names it may mean, from the extension's package outwards, exists.
     */
    private Set<String> enumConstants(Extension extension) {
        List<String> existing =
                candidates(extension).stream().filter(typeNames::contains).toList();
        return existing.size() == 1 ? enumConstants.get(existing.get(0)) : null;
    }

    /** The full names an extension's type may mean, from the extension's package outwards. */
    private static List<String> candidates(Extension extension) {
        String type = extension.type();
        List<String> candidates = new ArrayList<>();
        if (type.startsWith(".")) {
            candidates.add(type.substring(1));
            return candidates;
        }
        String scope = extension.packageName();
        while (true) {
            candidates.add(scope.isEmpty() ? type : scope + "." + type);
            if (scope.isEmpty()) {
                return candidates;
            }
            int dot = scope.lastIndexOf('.');
            scope = dot < 0 ? "" : scope.substring(0, dot);
        }
    }
}

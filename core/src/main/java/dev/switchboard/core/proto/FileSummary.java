package dev.switchboard.core.proto;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.switchboard.core.diag.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the checks across files need of a parsed source, small enough for {@link ProtoCache} to keep, so
 * that a file whose content did not change is not parsed again.
 *
 * @param imports the files it imports, public and weak imports included
 * @param definitions its services and top-level types, for duplicate definitions
 * @param nestedTypeNames the full names of its nested types (the top-level ones are among the definitions)
 * @param warnings what the user should know about it, though nothing failed
 */
record FileSummary(
        List<String> imports, List<Definition> definitions, List<String> nestedTypeNames, List<Problem> warnings) {

    /** A service or top-level type, where it is defined; in the cache as an array, without its field names. */
    record Definition(String kind, String name, int line, int column) {}

    FileSummary {
        imports = List.copyOf(imports);
        definitions = List.copyOf(definitions);
        nestedTypeNames = List.copyOf(nestedTypeNames);
        warnings = List.copyOf(warnings);
    }

    static FileSummary of(ProtoFileElement file, List<Problem> warnings) {
        String prefix = file.getPackageName() == null ? "" : file.getPackageName() + ".";
        List<Definition> definitions = new ArrayList<>();
        for (ServiceElement service : file.getServices()) {
            definitions.add(new Definition(
                    "service",
                    prefix + service.getName(),
                    service.getLocation().getLine(),
                    service.getLocation().getColumn()));
        }
        for (TypeElement type : file.getTypes()) {
            definitions.add(new Definition(
                    "type",
                    prefix + type.getName(),
                    type.getLocation().getLine(),
                    type.getLocation().getColumn()));
        }
        List<String> nested = new ArrayList<>();
        for (TypeElement type : file.getTypes()) {
            addTypeNames(prefix + type.getName() + ".", type.getNestedTypes(), nested);
        }
        return new FileSummary(SourceChecks.imports(file), definitions, nested, warnings);
    }

    /** The full names of its types, top-level ones first, for "nearest" suggestions. */
    List<String> typeNames() {
        List<String> names = new ArrayList<>();
        definitions.stream().filter(d -> d.kind().equals("type")).forEach(d -> names.add(d.name()));
        names.addAll(nestedTypeNames);
        return names;
    }

    private static void addTypeNames(String prefix, List<TypeElement> types, List<String> names) {
        for (TypeElement type : types) {
            names.add(prefix + type.getName());
            addTypeNames(prefix + type.getName() + ".", type.getNestedTypes(), names);
        }
    }
}

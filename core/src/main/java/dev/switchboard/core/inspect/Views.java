package dev.switchboard.core.inspect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Event;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.RegistryCodec;
import dev.switchboard.runtime.registry.RegistryFormat;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code services}, {@code events} and {@code inspect} views. */
public final class Views {
    private Views() {}

    /** Every service: name, kind, group, version, methods, dependencies, health. */
    public static String services(Registry registry, Format format) {
        if (format == Format.TABLE) {
            Table table = new Table("NAME", "KIND", "GROUP", "VERSION", "METHODS", "DEPENDENCIES", "HEALTH");
            for (ServiceEntry s : registry.services()) {
                table.row(s.name(), kind(s), s.group(), s.version(), s.methods().size(), dependencies(s), health(s));
            }
            return table.render();
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ServiceEntry s : registry.services()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("kind", kind(s));
            row.put("group", s.group());
            row.put("version", s.version());
            row.put("methods", s.methods().size());
            row.put(
                    "dependencies",
                    s.dependencies().stream()
                            .map(Dependency::service)
                            .distinct()
                            .toList());
            row.put("health", s.health());
            rows.add(row);
        }
        return structured(Map.of("services", rows), format);
    }

    /** Every event, per service. */
    public static String events(Registry registry, Format format) {
        if (format == Format.TABLE) {
            Table table = new Table("SERVICE", "EVENT", "SOURCE");
            registry.services().forEach(s -> s.events().forEach(e -> table.row(s.name(), e.name(), e.source())));
            return table.render();
        }
        Map<String, List<Event>> byService = new LinkedHashMap<>();
        registry.services().stream()
                .filter(s -> !s.events().isEmpty())
                .forEach(s -> byService.put(s.name(), s.events()));
        return structured(Map.of("events", byService), format);
    }

    /** One service whole. */
    public static String inspect(Registry registry, String name, Format format) throws InputException {
        ServiceEntry s = service(registry, name);
        if (format != Format.TABLE) {
            return structured(s, format);
        }
        Table fields = new Table("FIELD", "VALUE");
        fields.row("name", s.name())
                .row("kind", kind(s))
                .row("group", s.group())
                .row("version", s.version());
        fields.row("description", s.description()).row("owner", s.owner());
        if (s.proto() != null) {
            fields.row("proto", s.proto().service() + " (" + s.proto().file() + ")");
            fields.row("stub class", s.proto().stubClass());
        }
        if (s.aws() != null) {
            fields.row("client class", s.aws().clientClass())
                    .row("async client", s.aws().asyncClientClass());
            fields.row("module", s.aws().artifactId()).row("global", s.aws().global());
        }
        fields.row(
                "capabilities",
                s.capabilities().stream()
                        .map(c -> c.name() + " (" + c.source() + ")")
                        .collect(Collectors.joining(", ")));
        fields.row(
                "dependencies",
                s.dependencies().stream()
                        .map(d -> d.service() + " (" + d.source() + ")")
                        .collect(Collectors.joining(", ")));
        fields.row("events", s.events().stream().map(Event::name).collect(Collectors.joining(", ")));
        fields.row("health", health(s))
                .row("metrics", s.metrics())
                .row("tags", s.tags().isEmpty() ? null : s.tags());
        Table methods = new Table("METHOD", "INPUT", "OUTPUT", "FLAGS", "HTTP");
        for (MethodInfo m : s.methods()) {
            List<String> flags = new ArrayList<>();
            if (Boolean.TRUE.equals(m.clientStreaming())) {
                flags.add("client-streaming");
            }
            if (Boolean.TRUE.equals(m.serverStreaming())) {
                flags.add("server-streaming");
            }
            if (Boolean.TRUE.equals(m.deprecated())) {
                flags.add("deprecated");
            }
            if (Boolean.TRUE.equals(m.paginated())) {
                flags.add("paginated");
            }
            methods.row(
                    m.name(),
                    m.input(),
                    m.output(),
                    String.join(",", flags),
                    m.http().stream().map(h -> h.verb() + " " + h.path()).collect(Collectors.joining("; ")));
        }
        return fields.render() + "\n" + methods.render();
    }

    /** The service of that name, or an error listing the nearest names. */
    public static ServiceEntry service(Registry registry, String name) throws InputException {
        if (name == null || name.isBlank()) {
            throw new InputException(
                    Problem.in("switchboard.service", "no service named", "name one with -Dswitchboard.service=NAME"));
        }
        return registry.service(name)
                .orElseThrow(() -> new InputException(Problem.in(
                        "switchboard.service",
                        "\"" + name + "\" is not in the registry ("
                                + Suggestions.describe(
                                        name,
                                        registry.services().stream()
                                                .map(ServiceEntry::name)
                                                .toList())
                                + ")",
                        "use one of the names `mvn switchboard:services` lists")));
    }

    /** A value as pretty JSON or YAML, as every structured view prints. */
    public static String structured(Object value, Format format) {
        try {
            if (format == Format.YAML) {
                return RegistryCodec.mapper(RegistryFormat.YAML).writeValueAsString(value);
            }
            DefaultPrettyPrinter printer =
                    new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
            return RegistryCodec.mapper(RegistryFormat.JSON).writer(printer).writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String kind(ServiceEntry s) {
        return s.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String dependencies(ServiceEntry s) {
        String deps =
                s.dependencies().stream().map(Dependency::service).distinct().collect(Collectors.joining(","));
        return deps.isEmpty() ? null : deps;
    }

    private static String health(ServiceEntry s) {
        if (s.health() == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (s.health().http() != null) {
            parts.add("http " + s.health().http());
        }
        if (s.health().grpc() != null) {
            parts.add("grpc "
                    + (s.health().grpc().isEmpty() ? "(server)" : s.health().grpc()));
        }
        return String.join(", ", parts);
    }
}

package dev.switchboard.core.proto;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.MessageType;
import com.squareup.wire.schema.Options;
import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.ProtoMember;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.Rpc;
import com.squareup.wire.schema.Schema;
import com.squareup.wire.schema.Service;
import com.squareup.wire.schema.Type;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.runtime.registry.Capability;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.Endpoint;
import dev.switchboard.runtime.registry.Event;
import dev.switchboard.runtime.registry.Health;
import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ProtoInfo;
import dev.switchboard.runtime.registry.RateLimit;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceEntryBuilder;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns the services of a linked schema's source files into {@code grpc} registry entries. */
final class ProtoServiceMapper {
    private static final ProtoType SERVICE_OPTIONS = Options.SERVICE_OPTIONS;
    private static final ProtoType METHOD_OPTIONS = Options.METHOD_OPTIONS;
    /** Renamed services listed one warning each; beyond this, one warning sums them up. */
    private static final int RENAMES_LISTED = 5;

    private final LoadedProtos protos;
    private final Schema schema;
    private final List<ProtoFile> sourceFiles;
    private final Set<String> ignoredTypePackages;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, TextLines> lines = new HashMap<>();
    /** Whether a package is one of {@code ignoredTypePackages} or below one, worked out once per package. */
    private final Map<String, Boolean> ignored = new HashMap<>();

    private final Map<String, List<String>> events = new HashMap<>();
    private final Map<String, String> outerClassNames = new HashMap<>();

    /**
     * @param protos the linked sources
     * @param ignoredTypePackages packages whose types never make a dependency
     * @param mapped the paths (below the source root) of the files whose services to map
     */
    ProtoServiceMapper(LoadedProtos protos, Set<String> ignoredTypePackages, Set<String> mapped) {
        this.protos = protos;
        this.schema = protos.schema();
        this.sourceFiles = protos.sourceFiles().stream()
                .filter(f -> mapped.contains(f.getLocation().getPath()))
                .toList();
        this.ignoredTypePackages = ignoredTypePackages;
    }

    /**
     * What each service of the source files gives the registry before names are assigned, in the order
     * of the files' paths; the problems found are kept for {@link #assemble}.
     */
    List<ServiceFacts> facts() {
        List<ServiceFacts> facts = new ArrayList<>();
        for (ProtoFile file : sourceFiles) {
            for (Service service : file.getServices()) {
                facts.add(facts(service, file));
            }
        }
        return facts;
    }

    /** The problems {@link #facts} found, which fail the build once the names are checked. */
    List<Problem> problems() {
        return List.copyOf(problems);
    }

    /**
     * The registry entries of the services: names assigned across all of them, then the dependencies
     * between them.
     *
     * @param facts every source service, in the order of its file's path and its place in the file
     * @param warnings what the user should know about the files, logged first
     * @param problems what mapping the services found; reported after any problem with their names
     */
    static ProtoServices assemble(List<ServiceFacts> facts, List<Problem> warnings, List<Problem> problems)
            throws InputException {
        List<String> notes = new ArrayList<>();
        warnings.forEach(w -> notes.add(w.toString()));
        Map<ServiceFacts, String> names = assignNames(facts, notes);
        facts.forEach(f -> notes.addAll(f.notes()));
        if (!problems.isEmpty()) {
            throw new InputException(count(problems) + " in the proto services", problems);
        }
        Map<String, List<String>> namesByPackage = new TreeMap<>();
        facts.forEach(f -> namesByPackage
                .computeIfAbsent(f.packageName(), p -> new ArrayList<>())
                .add(names.get(f)));
        List<ServiceEntry> entries = new ArrayList<>();
        Map<String, SourcePlace> places = new TreeMap<>();
        for (ServiceFacts f : facts) {
            ServiceEntryBuilder b = f.draft().toBuilder().name(names.get(f));
            f.dependencyTypes()
                    .forEach((pkg, type) -> namesByPackage
                            .getOrDefault(pkg, List.of())
                            .forEach(other -> b.addDependency(new Dependency(other, "type:" + type))));
            entries.add(b.build());
            places.put(names.get(f), f.place());
        }
        entries.sort(Comparator.comparing(ServiceEntry::name));
        return new ProtoServices(entries, List.copyOf(notes), places);
    }

    /**
     * Names from {@code (switchboard.name)} win; derived names that clash are resolved in the order of
     * the services' full names: the first keeps the name, the next get their version or package added.
     */
    private static Map<ServiceFacts, String> assignNames(List<ServiceFacts> facts, List<String> notes)
            throws InputException {
        Map<ServiceFacts, String> names = new IdentityHashMap<>();
        Map<String, ServiceFacts> taken = new HashMap<>();
        List<Problem> nameProblems = new ArrayList<>();
        List<ServiceFacts> byFullName = facts.stream()
                .sorted(Comparator.comparing(ServiceFacts::fullName))
                .toList();
        for (ServiceFacts service : byFullName) {
            String explicit = service.explicitName();
            if (explicit == null) {
                continue;
            }
            if (!ServiceNames.VALID.matcher(explicit).matches()) {
                nameProblems.add(problem(
                        service.place(),
                        "option (switchboard.name) = \"" + explicit + "\" is not a valid registry name",
                        "use lower-case letters, digits, '-' and '.', starting with a letter or digit"));
            } else if (taken.containsKey(explicit)) {
                nameProblems.add(problem(
                        service.place(),
                        "option (switchboard.name) = \"" + explicit + "\" is already used by "
                                + taken.get(explicit).fullName() + " ("
                                + taken.get(explicit).place() + ")",
                        "give one of them another name"));
            } else {
                taken.put(explicit, service);
                names.put(service, explicit);
            }
        }
        if (!nameProblems.isEmpty()) {
            throw new InputException(count(nameProblems) + " with service names", nameProblems);
        }
        List<String> renamed = new ArrayList<>();
        for (ServiceFacts service : byFullName) {
            if (names.containsKey(service)) {
                continue;
            }
            String base = ServiceNames.registryName(service.simpleName());
            String name = base;
            if (taken.containsKey(base)) {
                String pkg = service.enclosing();
                String version = ServiceNames.version(pkg);
                String holderVersion = ServiceNames.version(taken.get(base).enclosing());
                name = version != null && !version.equals(holderVersion)
                        ? base + "-" + version
                        : ServiceNames.lastNameSegment(pkg) + "-" + base;
                for (int n = 2; taken.containsKey(name); n++) {
                    name = base + "-" + n;
                }
                ServiceFacts holder = taken.get(base);
                renamed.add("service " + service.fullName() + " (" + service.place() + ") is registered as \""
                        + name + "\" because \"" + base + "\" is taken by " + holder.fullName() + " ("
                        + holder.place() + ")");
            }
            taken.put(name, service);
            names.put(service, name);
        }
        if (renamed.size() <= RENAMES_LISTED) {
            renamed.forEach(r -> notes.add(r + "; set option (switchboard.name) on either to choose names yourself"));
        } else {
            // A tree the size of googleapis renames hundreds; one warning keeps the log readable.
            notes.add(renamed.size() + " services are registered under longer names because their derived"
                    + " names are taken; the first " + RENAMES_LISTED + ": "
                    + String.join("; ", renamed.subList(0, RENAMES_LISTED))
                    + "; set option (switchboard.name) on a service to choose its name yourself");
        }
        return names;
    }

    private ServiceFacts facts(Service service, ProtoFile file) {
        String pkg = packageOf(file);
        List<String> serviceNotes = new ArrayList<>();
        String javaPackage = file.javaPackage() != null ? file.javaPackage() : pkg;
        String prefix = javaPackage.isEmpty() ? "" : javaPackage + ".";
        Options fileOptions = file.getOptions();
        String outer = outerClassNames.computeIfAbsent(file.getLocation().getPath(), p -> outerClassName(file));
        // The name is assigned across all services later (assemble); until then the draft holds the full one.
        ServiceEntryBuilder b = ServiceEntry.builder(service.type().toString(), ServiceKind.GRPC)
                .version(ServiceNames.version(pkg))
                .displayName(service.name())
                .description(LeadingComment.of(
                        lines(service.location().getPath()), service.location().getLine()))
                .proto(new ProtoInfo(
                        file.getLocation().getPath(),
                        pkg,
                        service.type().toString(),
                        javaPackage,
                        prefix + service.name() + "Grpc",
                        prefix + outer,
                        "true".equals(string(fileOptions, Options.FILE_OPTIONS, "java_multiple_files"))));

        List<MethodInfo> methods = new ArrayList<>();
        String path = file.getLocation().getPath();
        HttpRules httpRules = new HttpRules(
                schema,
                protos.shownPaths().getOrDefault(path, path),
                protos.texts().get(path));
        List<Rpc> rpcs = service.rpcs();
        if (rpcs.isEmpty()) {
            serviceNotes.add(problem(
                            service,
                            "service " + service.type() + " has no rpcs, so its client has no methods",
                            "add rpcs to it, or leave its file out with <excludes>")
                    .toString());
        }
        for (int i = 0; i < rpcs.size(); i++) {
            Rpc rpc = rpcs.get(i);
            List<HttpRule> http =
                    httpRules.read(rpc, i + 1 < rpcs.size() ? rpcs.get(i + 1).getLocation() : null, problems);
            methods.add(new MethodInfo(
                    rpc.getName(),
                    rpc.getRequestType().toString(),
                    rpc.getResponseType().toString(),
                    rpc.getRequestStreaming(),
                    rpc.getResponseStreaming(),
                    "true".equals(string(rpc.getOptions(), METHOD_OPTIONS, "deprecated")),
                    string(rpc.getOptions(), METHOD_OPTIONS, "idempotency_level"),
                    http,
                    null));
            if (rpc.getResponseStreaming()) {
                b.addEvent(new Event(rpc.getName(), "stream"));
            }
        }
        b.methods(methods).endpoints(endpoints(methods));

        eventMessages(file).forEach(name -> b.addEvent(new Event(name, "message")));
        applyOptions(service.options(), b);
        return new ServiceFacts(
                file.getLocation().getPath(),
                service.type().toString(),
                service.name(),
                service.type().getEnclosingTypeOrPackage(),
                pkg,
                string(service.options(), SERVICE_OPTIONS, "switchboard.name"),
                place(service.location()),
                b.build(),
                dependencyTypes(service, pkg),
                serviceNotes);
    }

    /** The REST endpoints of a proto service: one per HTTP rule of each method, in the methods' order. */
    static List<Endpoint> endpoints(List<MethodInfo> methods) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (MethodInfo method : methods) {
            method.http()
                    .forEach(rule -> endpoints.add(new Endpoint(rule.verb(), rule.path(), method.name(), rule.body())));
        }
        return endpoints;
    }

    private static void applyOptions(Options options, ServiceEntryBuilder b) {
        b.group(string(options, SERVICE_OPTIONS, "switchboard.group"));
        b.owner(string(options, SERVICE_OPTIONS, "switchboard.owner"));
        b.metrics(string(options, SERVICE_OPTIONS, "switchboard.metrics_path"));
        String healthHttp = string(options, SERVICE_OPTIONS, "switchboard.health_http");
        String healthGrpc = string(options, SERVICE_OPTIONS, "switchboard.health_grpc");
        if (healthHttp != null || healthGrpc != null) {
            b.health(new Health(healthHttp, healthGrpc));
        }
        for (String tag : strings(options, SERVICE_OPTIONS, "switchboard.tag")) {
            int eq = tag.indexOf('=');
            b.putTag(eq < 0 ? tag : tag.substring(0, eq), eq < 0 ? "" : tag.substring(eq + 1));
        }
        strings(options, SERVICE_OPTIONS, "switchboard.event").forEach(e -> b.addEvent(new Event(e, "option")));
        strings(options, SERVICE_OPTIONS, "switchboard.capability")
                .forEach(c -> b.addCapability(new Capability(c, "option")));
        Object rate = options.get(ProtoMember.get(SERVICE_OPTIONS, "switchboard.rate_limit"));
        if (rate instanceof Map<?, ?> fields) {
            double rps = 0;
            int burst = 0;
            for (Map.Entry<?, ?> field : fields.entrySet()) {
                String key = memberName(field.getKey());
                if (key.equals("requests_per_second")) {
                    rps = Double.parseDouble(String.valueOf(field.getValue()));
                } else if (key.equals("burst")) {
                    burst = Integer.parseInt(String.valueOf(field.getValue()));
                }
            }
            b.rateLimit(new RateLimit(rps, burst));
        }
    }

    /**
     * Each other package whose types this service's requests and responses use, directly or through
     * their fields, with the first such type: the service depends on every service of those packages.
     */
    private Map<String, String> dependencyTypes(Service service, String ownPackage) {
        Map<String, String> firstTypeByPackage = new TreeMap<>();
        Set<ProtoType> seen = new HashSet<>();
        Deque<ProtoType> pending = new ArrayDeque<>();
        for (Rpc rpc : service.rpcs()) {
            pending.add(rpc.getRequestType());
            pending.add(rpc.getResponseType());
        }
        while (!pending.isEmpty()) {
            ProtoType type = pending.poll();
            if (type.isScalar() || !seen.add(type)) {
                continue;
            }
            if (type.isMap()) {
                pending.add(type.getKeyType());
                pending.add(type.getValueType());
                continue;
            }
            ProtoFile file = schema.protoFile(type);
            String pkg = file == null ? "" : packageOf(file);
            if (ignored.computeIfAbsent(
                    pkg, k -> ignoredTypePackages.stream().anyMatch(p -> k.equals(p) || k.startsWith(p + ".")))) {
                continue;
            }
            if (!pkg.equals(ownPackage)) {
                firstTypeByPackage.putIfAbsent(pkg, type.toString());
            }
            Type resolved = schema.getType(type);
            if (resolved instanceof MessageType message) {
                for (Field field : message.getFieldsAndOneOfFields()) {
                    pending.add(field.getType());
                }
            }
        }
        return firstTypeByPackage;
    }

    private static String memberName(Object key) {
        String s = String.valueOf(key);
        return s.substring(s.indexOf('#') + 1);
    }

    private static String string(Options options, ProtoType extendee, String member) {
        Object value = options.get(ProtoMember.get(extendee, member));
        if (value instanceof List<?> list) {
            return list.isEmpty() ? null : String.valueOf(list.get(list.size() - 1));
        }
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(Options options, ProtoType extendee, String member) {
        Object value = options.get(ProtoMember.get(extendee, member));
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    private static String packageOf(ProtoFile file) {
        return file.getPackageName() == null ? "" : file.getPackageName();
    }

    private Problem problem(Service service, String message, String fix) {
        return problem(place(service.location()), message, fix);
    }

    private static Problem problem(SourcePlace at, String message, String fix) {
        return Problem.at(at.file(), at.line(), at.column(), message, fix);
    }

    /** Where a definition of a source file is, with the file's path as the user reads it. */
    private SourcePlace place(Location location) {
        String path = location.getPath();
        return new SourcePlace(protos.shownPaths().getOrDefault(path, path), location.getLine(), location.getColumn());
    }

    /** The outer class protoc generates for the file: its {@code java_outer_classname}, or one derived. */
    private static String outerClassName(ProtoFile file) {
        String outer = string(file.getOptions(), Options.FILE_OPTIONS, "java_outer_classname");
        if (outer != null) {
            return outer;
        }
        Set<String> topLevel = new HashSet<>();
        file.getTypes().forEach(t -> topLevel.add(t.getType().getSimpleName()));
        file.getServices().forEach(s -> topLevel.add(s.name()));
        return ServiceNames.outerClassName(file.getLocation().getPath(), topLevel);
    }

    /** The lines of a source file, by its path below the source root; null when its text is unknown. */
    private TextLines lines(String path) {
        String text = protos.texts().get(path);
        return text == null ? null : lines.computeIfAbsent(path, p -> TextLines.of(text));
    }

    /** The simple names of the file's messages, nested ones too, that end in "Event"; found once per file. */
    private List<String> eventMessages(ProtoFile file) {
        return events.computeIfAbsent(file.getLocation().getPath(), p -> {
            List<String> names = new ArrayList<>();
            for (Type type : file.typesAndNestedTypes()) {
                String name = type.getType().getSimpleName();
                if (type instanceof MessageType && name.endsWith("Event")) {
                    names.add(name);
                }
            }
            return names;
        });
    }

    private static String count(List<Problem> problems) {
        return problems.size() == 1 ? "1 problem" : problems.size() + " problems";
    }
}

package dev.switchboard.core.inspect;

import dev.switchboard.core.inspect.RegistryDiff.Change;
import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * buf's breaking-change rules for services and rpcs, applied to two registries, plus switchboard's own
 * for HTTP bindings (see {@link BreakingRule}). A {@code grpc} service is matched by its full proto name,
 * so one that moved to another file is the same service (noted as moved); a service without a proto
 * block ({@code aws}, {@code http}) by its registry name, with no file or package: its deletion counts
 * under {@code SERVICE_NO_DELETE} and {@code PACKAGE_SERVICE_NO_DELETE}.
 *
 * <p>As in buf, a deleted file is one {@code FILE_NO_DELETE} finding rather than one per service it held,
 * and a deleted package one {@code PACKAGE_NO_DELETE}; the services are still listed, as not breaking by
 * themselves. The registry knows only the files and packages that hold services, and records the file of
 * each service, not its line, so a finding names the file.
 */
public final class BreakingRules {
    private static final String UNKNOWN_IDEMPOTENCY = "IDEMPOTENCY_UNKNOWN";

    private final BreakingOptions options;
    private final List<Change> changes = new ArrayList<>();

    private BreakingRules(BreakingOptions options) {
        this.options = options;
    }

    /**
     * The breaking changes from {@code previous} to {@code current}: what a gate that publishes a
     * registry refuses.
     */
    public static List<Change> check(Registry previous, Registry current, BreakingOptions options) {
        return changes(previous, current, options).stream()
                .filter(Change::breaking)
                .toList();
    }

    /** Every change from {@code previous} to {@code current}; the breaking ones name their rule. */
    public static List<Change> changes(Registry previous, Registry current, BreakingOptions options) {
        BreakingRules rules = new BreakingRules(options);
        rules.registries(previous, current);
        return List.copyOf(rules.changes);
    }

    /** The changes if {@code current} replaced {@code previous}: their rpcs, compared by name. */
    public static List<Change> changes(ServiceEntry previous, ServiceEntry current, BreakingOptions options) {
        BreakingRules rules = new BreakingRules(options);
        rules.methods(previous.name() + "→" + current.name(), previous, current);
        return List.copyOf(rules.changes);
    }

    private void registries(Registry previous, Registry current) {
        Map<String, ServiceEntry> before = byKey(previous);
        Map<String, ServiceEntry> after = byKey(current);
        Set<String> filesAfter = new TreeSet<>();
        Set<String> packagesAfter = new TreeSet<>();
        after.values().forEach(s -> {
            if (s.proto() != null) {
                filesAfter.add(s.proto().file());
                packagesAfter.add(s.proto().protoPackage());
            }
        });
        deletedFiles(before, filesAfter);
        deletedPackages(before, packagesAfter);

        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            ServiceEntry old = before.get(key);
            ServiceEntry now = after.get(key);
            if (old == null) {
                add("added", "service " + now.name(), now.methods().size() + " method(s)", null, file(now), null);
            } else if (now == null) {
                deletedService(old, filesAfter, packagesAfter);
            } else {
                if (old.proto() != null
                        && now.proto() != null
                        && !old.proto().file().equals(now.proto().file())) {
                    // buf pairs files by path: in FILE, the service is gone from the file it left.
                    BreakingRule rule = filesAfter.contains(file(old)) ? BreakingRule.SERVICE_NO_DELETE : null;
                    add(
                            "moved",
                            "service " + old.name(),
                            "moved from " + file(old) + " to " + file(now),
                            rule,
                            file(old),
                            packageOf(old));
                }
                methods(now.name(), old, now);
            }
        }
    }

    /** One {@code FILE_NO_DELETE} per file that held services and holds none now. */
    private void deletedFiles(Map<String, ServiceEntry> before, Set<String> filesAfter) {
        Map<String, List<ServiceEntry>> byFile = new TreeMap<>();
        before.values().stream()
                .filter(s -> s.proto() != null && !filesAfter.contains(s.proto().file()))
                .forEach(s -> byFile.computeIfAbsent(s.proto().file(), f -> new ArrayList<>())
                        .add(s));
        byFile.forEach((file, services) -> add(
                "removed",
                "file " + file,
                "held " + names(services),
                BreakingRule.FILE_NO_DELETE,
                file,
                packageOf(services.get(0))));
    }

    /** One {@code PACKAGE_NO_DELETE} per package that held services and holds none now. */
    private void deletedPackages(Map<String, ServiceEntry> before, Set<String> packagesAfter) {
        Map<String, List<ServiceEntry>> byPackage = new TreeMap<>();
        before.values().stream()
                .filter(s ->
                        s.proto() != null && !packagesAfter.contains(s.proto().protoPackage()))
                .forEach(s -> byPackage
                        .computeIfAbsent(s.proto().protoPackage(), p -> new ArrayList<>())
                        .add(s));
        byPackage.forEach((pkg, services) -> add(
                "removed",
                "package " + (pkg.isEmpty() ? "(none)" : pkg),
                "held " + names(services),
                BreakingRule.PACKAGE_NO_DELETE,
                file(services.get(0)),
                pkg));
    }

    /**
     * A deleted service breaks by {@code SERVICE_NO_DELETE} in {@code FILE} and {@code
     * PACKAGE_SERVICE_NO_DELETE} in {@code PACKAGE}, unless its whole file or package went, which the
     * file's or package's own finding covers.
     */
    private void deletedService(ServiceEntry old, Set<String> filesAfter, Set<String> packagesAfter) {
        String detail = old.methods().size() + " method(s)";
        BreakingRule rule = null;
        if (options.category() == BreakingCategory.FILE) {
            if (old.proto() == null || filesAfter.contains(file(old))) {
                rule = BreakingRule.SERVICE_NO_DELETE;
            } else {
                detail += ", with its file " + file(old);
            }
        } else if (options.category() == BreakingCategory.PACKAGE) {
            if (old.proto() == null || packagesAfter.contains(packageOf(old))) {
                rule = BreakingRule.PACKAGE_SERVICE_NO_DELETE;
            } else {
                detail += ", with its package " + packageOf(old);
            }
        }
        add("removed", "service " + old.name(), detail, rule, file(old), packageOf(old));
    }

    private void methods(String service, ServiceEntry before, ServiceEntry after) {
        Map<String, MethodInfo> old = byName(before.methods());
        Map<String, MethodInfo> now = byName(after.methods());
        String file = file(before);
        String pkg = packageOf(before);
        for (MethodInfo m : old.values()) {
            MethodInfo n = now.get(m.name());
            String subject = service + "." + m.name();
            if (n == null) {
                add("removed", subject, "method", BreakingRule.RPC_NO_DELETE, file, pkg);
                continue;
            }
            changed(subject + " input", m.input(), n.input(), BreakingRule.RPC_SAME_REQUEST_TYPE, file, pkg);
            changed(subject + " output", m.output(), n.output(), BreakingRule.RPC_SAME_RESPONSE_TYPE, file, pkg);
            changed(
                    subject + " client streaming",
                    m.clientStreaming(),
                    n.clientStreaming(),
                    BreakingRule.RPC_SAME_CLIENT_STREAMING,
                    file,
                    pkg);
            changed(
                    subject + " server streaming",
                    m.serverStreaming(),
                    n.serverStreaming(),
                    BreakingRule.RPC_SAME_SERVER_STREAMING,
                    file,
                    pkg);
            changed(
                    subject + " idempotency",
                    idempotency(m),
                    idempotency(n),
                    BreakingRule.RPC_SAME_IDEMPOTENCY_LEVEL,
                    file,
                    pkg);
            changed(subject + " deprecated", m.deprecated(), n.deprecated(), null, file, pkg);
            http(subject, m.http(), n.http(), file, pkg);
        }
        for (MethodInfo n : now.values()) {
            if (!old.containsKey(n.name())) {
                add("added", service + "." + n.name(), "method", null, file(after), packageOf(after));
            }
        }
    }

    /** HTTP bindings are matched by position: the primary first, then each additional binding. */
    private void http(String subject, List<HttpRule> before, List<HttpRule> after, String file, String pkg) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            HttpRule b = i < before.size() ? before.get(i) : null;
            HttpRule a = i < after.size() ? after.get(i) : null;
            if (b == null) {
                add("added", subject + " http", a.verb() + " " + a.path(), null, file, pkg);
            } else if (a == null) {
                add(
                        "removed",
                        subject + " http",
                        b.verb() + " " + b.path(),
                        BreakingRule.HTTP_RULE_NO_DELETE,
                        file,
                        pkg);
            } else {
                changed(subject + " http verb", b.verb(), a.verb(), BreakingRule.HTTP_RULE_SAME_VERB, file, pkg);
                changed(subject + " http path", b.path(), a.path(), BreakingRule.HTTP_RULE_SAME_PATH, file, pkg);
                changed(subject + " http body", b.body(), a.body(), BreakingRule.HTTP_RULE_SAME_BODY, file, pkg);
            }
        }
    }

    private void changed(String subject, Object before, Object after, BreakingRule rule, String file, String pkg) {
        if (!Objects.equals(before, after)) {
            add("changed", subject, before + " → " + after, rule, file, pkg);
        }
    }

    /**
     * Records a change; it breaks when its rule is in the chosen category and its package is not exempt.
     * An exempt change keeps its rule and says why it does not count.
     */
    private void add(String kind, String subject, String detail, BreakingRule rule, String file, String pkg) {
        boolean applies = rule != null && rule.in(options.category());
        boolean exempt = applies && options.exempt(pkg);
        if (exempt) {
            detail += " (package " + pkg + " is unstable, so not checked)";
        }
        changes.add(new Change(kind, subject, detail, applies && !exempt, applies ? rule : null, file));
    }

    /** A {@code grpc} service by its full proto name, any other by its registry name. */
    private static Map<String, ServiceEntry> byKey(Registry registry) {
        Map<String, ServiceEntry> out = new LinkedHashMap<>();
        registry.services()
                .forEach(s -> out.putIfAbsent(s.proto() != null ? s.proto().service() : s.name(), s));
        return out;
    }

    private static Map<String, MethodInfo> byName(List<MethodInfo> methods) {
        Map<String, MethodInfo> out = new LinkedHashMap<>();
        methods.forEach(m -> out.putIfAbsent(m.name(), m));
        return out;
    }

    /** Unset is {@code IDEMPOTENCY_UNKNOWN}, as in descriptor.proto; only {@code grpc} methods have one. */
    private static String idempotency(MethodInfo method) {
        return method.idempotency() == null ? UNKNOWN_IDEMPOTENCY : method.idempotency();
    }

    private static String file(ServiceEntry service) {
        return service.proto() == null ? null : service.proto().file();
    }

    private static String packageOf(ServiceEntry service) {
        return service.proto() == null ? null : service.proto().protoPackage();
    }

    private static String names(List<ServiceEntry> services) {
        return String.join(", ", services.stream().map(ServiceEntry::name).toList());
    }
}

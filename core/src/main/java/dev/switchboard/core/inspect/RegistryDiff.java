package dev.switchboard.core.inspect;

import dev.switchboard.runtime.registry.HttpRule;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two registries, or two services, in the manner of buf's wire-compatibility
 * rules: a removed service or method, a changed request or response type, changed streaming, and a
 * changed or removed HTTP path or verb break callers; additions do not.
 */
public final class RegistryDiff {

    /**
     * One change.
     *
     * @param kind {@code added}, {@code removed} or {@code changed}
     * @param subject what changed ({@code service user}, {@code user.GetUser}, {@code user.GetUser input})
     * @param detail the old and new value, or what was added or removed
     * @param breaking whether callers built against the old side break
     */
    public record Change(String kind, String subject, String detail, boolean breaking) {}

    private final List<Change> changes = new ArrayList<>();

    /** Changes from {@code before} to {@code after}, service by service. */
    public static RegistryDiff of(Registry before, Registry after) {
        RegistryDiff diff = new RegistryDiff();
        TreeSet<String> names = new TreeSet<>();
        before.services().forEach(s -> names.add(s.name()));
        after.services().forEach(s -> names.add(s.name()));
        for (String name : names) {
            ServiceEntry old = before.service(name).orElse(null);
            ServiceEntry now = after.service(name).orElse(null);
            if (old == null) {
                diff.changes.add(
                        new Change("added", "service " + name, now.methods().size() + " method(s)", false));
            } else if (now == null) {
                diff.changes.add(
                        new Change("removed", "service " + name, old.methods().size() + " method(s)", true));
            } else {
                diff.methods(name, old, now);
            }
        }
        return diff;
    }

    /** Changes from one service to another, as if {@code after} replaced {@code before}. */
    public static RegistryDiff of(ServiceEntry before, ServiceEntry after) {
        RegistryDiff diff = new RegistryDiff();
        diff.methods(before.name() + "→" + after.name(), before, after);
        return diff;
    }

    private void methods(String service, ServiceEntry before, ServiceEntry after) {
        Map<String, MethodInfo> old = byName(before.methods());
        Map<String, MethodInfo> now = byName(after.methods());
        for (MethodInfo m : old.values()) {
            MethodInfo n = now.get(m.name());
            String subject = service + "." + m.name();
            if (n == null) {
                changes.add(new Change("removed", subject, "method", true));
                continue;
            }
            changed(subject + " input", m.input(), n.input(), true);
            changed(subject + " output", m.output(), n.output(), true);
            changed(subject + " client streaming", m.clientStreaming(), n.clientStreaming(), true);
            changed(subject + " server streaming", m.serverStreaming(), n.serverStreaming(), true);
            changed(subject + " deprecated", m.deprecated(), n.deprecated(), false);
            http(subject, m.http(), n.http());
        }
        for (MethodInfo n : now.values()) {
            if (!old.containsKey(n.name())) {
                changes.add(new Change("added", service + "." + n.name(), "method", false));
            }
        }
    }

    /** HTTP rules are matched by position: a changed path or verb breaks, a new binding does not. */
    private void http(String subject, List<HttpRule> before, List<HttpRule> after) {
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            HttpRule b = i < before.size() ? before.get(i) : null;
            HttpRule a = i < after.size() ? after.get(i) : null;
            if (b == null) {
                changes.add(new Change("added", subject + " http", a.verb() + " " + a.path(), false));
            } else if (a == null) {
                changes.add(new Change("removed", subject + " http", b.verb() + " " + b.path(), true));
            } else {
                changed(subject + " http verb", b.verb(), a.verb(), true);
                changed(subject + " http path", b.path(), a.path(), true);
                changed(subject + " http body", b.body(), a.body(), true);
            }
        }
    }

    private void changed(String subject, Object before, Object after, boolean breaking) {
        if (!Objects.equals(before, after)) {
            changes.add(new Change("changed", subject, before + " → " + after, breaking));
        }
    }

    private static Map<String, MethodInfo> byName(List<MethodInfo> methods) {
        Map<String, MethodInfo> out = new LinkedHashMap<>();
        methods.forEach(m -> out.putIfAbsent(m.name(), m));
        return out;
    }

    public List<Change> changes() {
        return List.copyOf(changes);
    }

    public List<Change> breaking() {
        return changes.stream().filter(Change::breaking).toList();
    }

    public String render(Format format) {
        if (format == Format.TABLE) {
            if (changes.isEmpty()) {
                return "no changes\n";
            }
            Table table = new Table("CHANGE", "SUBJECT", "DETAIL", "BREAKING");
            changes.forEach(c -> table.row(c.kind(), c.subject(), c.detail(), c.breaking() ? "yes" : "no"));
            return table.render() + changes.size() + " change(s), " + breaking().size() + " breaking\n";
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("changes", changes);
        value.put("breaking", breaking().size());
        return Views.structured(value, format);
    }
}

package dev.switchboard.core.inspect;

import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What changed between two registries, or two services: services, files and packages, rpcs, their types,
 * streaming, idempotency, deprecation and HTTP bindings added, removed, moved and changed. Which changes
 * break callers is decided by buf's rules for services and rpcs in the chosen category, and by
 * switchboard's own HTTP rules ({@link BreakingRule}, {@link BreakingRules}); additions never do.
 */
public final class RegistryDiff {

    /**
     * One change.
     *
     * @param kind {@code added}, {@code removed}, {@code changed} or {@code moved}
     * @param subject what changed ({@code service user}, {@code user.GetUser}, {@code user.GetUser input},
     *     {@code file acme/user.proto}, {@code package acme.user.v1})
     * @param detail the old and new value, or what was added or removed
     * @param breaking whether callers built against the old side break, by the category's rules
     * @param rule the rule that makes it breaking, or that would but for an unstable package; null when
     *     no rule of the category covers the change
     * @param place the proto file it was in on the old side (on the new side for additions); null for
     *     services without a proto block
     */
    public record Change(
            String kind, String subject, String detail, boolean breaking, BreakingRule rule, String place) {}

    private final List<Change> changes;
    private final BreakingOptions options;

    private RegistryDiff(List<Change> changes, BreakingOptions options) {
        this.changes = changes;
        this.options = options;
    }

    /** Changes from {@code before} to {@code after}, judged by buf's {@code PACKAGE} rules. */
    public static RegistryDiff of(Registry before, Registry after) {
        return of(before, after, BreakingOptions.DEFAULT);
    }

    /** Changes from {@code before} to {@code after}, judged as {@code options} say. */
    public static RegistryDiff of(Registry before, Registry after, BreakingOptions options) {
        return new RegistryDiff(BreakingRules.changes(before, after, options), options);
    }

    /** Changes from one service to another, as if {@code after} replaced {@code before}. */
    public static RegistryDiff of(ServiceEntry before, ServiceEntry after) {
        return of(before, after, BreakingOptions.DEFAULT);
    }

    /** Changes from one service to another, judged as {@code options} say. */
    public static RegistryDiff of(ServiceEntry before, ServiceEntry after, BreakingOptions options) {
        return new RegistryDiff(BreakingRules.changes(before, after, options), options);
    }

    public List<Change> changes() {
        return changes;
    }

    public List<Change> breaking() {
        return changes.stream().filter(Change::breaking).toList();
    }

    /** One line per breaking change, with its rule and where it was: {@code removed order.Cancel (RPC_NO_DELETE, order.proto)}. */
    public List<String> breakingLines() {
        return breaking().stream()
                .map(c -> c.kind() + " " + c.subject() + " (" + c.rule() + (c.place() == null ? "" : ", " + c.place())
                        + ")")
                .toList();
    }

    public String render(Format format) {
        String judged =
                options.category() + (options.ignoreUnstablePackages() ? ", unstable packages not checked" : "");
        if (format == Format.TABLE) {
            if (changes.isEmpty()) {
                return "no changes\n";
            }
            Table table = new Table("CHANGE", "SUBJECT", "DETAIL", "BREAKING", "RULE", "FILE");
            changes.forEach(c -> table.row(
                    c.kind(),
                    c.subject(),
                    c.detail(),
                    c.breaking() ? "yes" : "no",
                    c.rule() == null ? "" : c.rule().name(),
                    c.place() == null ? "" : c.place()));
            return table.render() + changes.size() + " change(s), " + breaking().size() + " breaking by buf's " + judged
                    + " rules\n";
        }
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("category", options.category().name());
        value.put("ignoreUnstablePackages", options.ignoreUnstablePackages());
        value.put("changes", changes);
        value.put("breaking", breaking().size());
        return Views.structured(value, format);
    }
}

package dev.switchboard.core.registry;

import dev.switchboard.runtime.registry.Capability;
import dev.switchboard.runtime.registry.Dependency;
import dev.switchboard.runtime.registry.MethodInfo;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceEntryBuilder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Applies {@link InferenceRules} to entries: capabilities from method names, declared dependencies. */
final class Inference {
    private final InferenceRules rules;

    Inference(InferenceRules rules) {
        this.rules = rules;
    }

    List<ServiceEntry> apply(List<ServiceEntry> services) {
        return services.stream().map(this::apply).toList();
    }

    /**
     * The entry with the capabilities and dependencies the rules give it. Plain loops: a registry of
     * thousands of services and tens of thousands of methods meets every rule's every prefix, and a stream
     * for each of those costs more than the comparison (measured in benchmarks/BENCHMARKS.md).
     */
    private ServiceEntry apply(ServiceEntry service) {
        Set<String> found = new LinkedHashSet<>();
        for (Capability capability : service.capabilities()) {
            found.add(capability.name());
        }
        ServiceEntryBuilder b = service.toBuilder();
        for (InferenceRules.CapabilityRule rule : rules.capabilities()) {
            boolean matched = anyMatches(rule, service.methods())
                    || (!rule.requires().isEmpty() && found.containsAll(rule.requires()));
            if (matched) {
                found.add(rule.name());
                b.addCapability(new Capability(rule.name(), "rule:" + rule.name()));
            }
        }
        for (InferenceRules.DeclaredDependency declared : rules.dependencies()) {
            if (declared.service().equals(service.name())) {
                b.addDependency(new Dependency(declared.dependsOn(), "rule:declared"));
            }
        }
        return b.build();
    }

    private static boolean anyMatches(InferenceRules.CapabilityRule rule, List<MethodInfo> methods) {
        for (MethodInfo method : methods) {
            if (matches(rule, method)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(InferenceRules.CapabilityRule rule, MethodInfo method) {
        if (rule.streaming()
                && (Boolean.TRUE.equals(method.clientStreaming()) || Boolean.TRUE.equals(method.serverStreaming()))) {
            return true;
        }
        for (String prefix : rule.prefixes()) {
            if (startsWithWord(method.name(), prefix)) {
                return true;
            }
        }
        return false;
    }

    /** {@code createUser}, {@code CreateUser}, {@code create_user} and {@code create} start with "create". */
    static boolean startsWithWord(String name, String prefix) {
        // Method names are identifiers (ASCII), for which comparing without case is what lower-casing does.
        if (!name.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        if (name.length() == prefix.length()) {
            return true;
        }
        char next = name.charAt(prefix.length());
        return Character.isUpperCase(next) || Character.isDigit(next) || next == '_';
    }
}

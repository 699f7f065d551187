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

    private ServiceEntry apply(ServiceEntry service) {
        Set<String> found = new LinkedHashSet<>();
        service.capabilities().forEach(c -> found.add(c.name()));
        ServiceEntryBuilder b = service.toBuilder();
        for (InferenceRules.CapabilityRule rule : rules.capabilities()) {
            boolean matched = service.methods().stream().anyMatch(m -> matches(rule, m))
                    || (!rule.requires().isEmpty() && found.containsAll(rule.requires()));
            if (matched) {
                found.add(rule.name());
                b.addCapability(new Capability(rule.name(), "rule:" + rule.name()));
            }
        }
        rules.dependencies().stream()
                .filter(d -> d.service().equals(service.name()))
                .forEach(d -> b.addDependency(new Dependency(d.dependsOn(), "rule:declared")));
        return b.build();
    }

    private static boolean matches(InferenceRules.CapabilityRule rule, MethodInfo method) {
        if (rule.streaming()
                && (Boolean.TRUE.equals(method.clientStreaming()) || Boolean.TRUE.equals(method.serverStreaming()))) {
            return true;
        }
        return rule.prefixes().stream().anyMatch(p -> startsWithWord(method.name(), p));
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

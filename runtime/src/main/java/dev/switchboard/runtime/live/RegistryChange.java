package dev.switchboard.runtime.live;

import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a reload changed: the names of the services added, removed and changed (any field differs),
 * each sorted, with the registries before and after.
 */
public record RegistryChange(
        Registry previous,
        Registry current,
        SortedSet<String> added,
        SortedSet<String> removed,
        SortedSet<String> changed) {

    public RegistryChange {
        added = Collections.unmodifiableSortedSet(new TreeSet<>(added));
        removed = Collections.unmodifiableSortedSet(new TreeSet<>(removed));
        changed = Collections.unmodifiableSortedSet(new TreeSet<>(changed));
    }

    /** The difference between two registries. */
    public static RegistryChange between(Registry previous, Registry current) {
        Map<String, ServiceEntry> before = byName(previous);
        Map<String, ServiceEntry> after = byName(current);
        SortedSet<String> added = new TreeSet<>(after.keySet());
        added.removeAll(before.keySet());
        SortedSet<String> removed = new TreeSet<>(before.keySet());
        removed.removeAll(after.keySet());
        SortedSet<String> changed = new TreeSet<>();
        before.forEach((name, entry) -> {
            ServiceEntry now = after.get(name);
            if (now != null && !now.equals(entry)) {
                changed.add(name);
            }
        });
        return new RegistryChange(previous, current, added, removed, changed);
    }

    /** Whether no service was added, removed or changed. */
    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    @Override
    public String toString() {
        return "added " + added + ", removed " + removed + ", changed " + changed;
    }

    private static Map<String, ServiceEntry> byName(Registry registry) {
        return registry.services().stream().collect(Collectors.toMap(ServiceEntry::name, Function.identity()));
    }
}

package dev.switchboard.runtime;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Which factory serves a service while a project moves from its hand-written client factory to the
 * generated one: {@code switchboard.factory.<service>} ({@code SWITCHBOARD_FACTORY_<SERVICE>}), else
 * {@code switchboard.factory} ({@code SWITCHBOARD_FACTORY}), else {@code legacy}; each value {@code legacy}
 * or {@code generated}. A system property wins over the environment.
 *
 * <p>A {@linkplain #fixed fixed} switch reads the settings once, so a factory that serves a request keeps
 * serving it; a {@linkplain #live live} switch reads them on every call, so a running application moves a
 * service over when a system property changes.
 */
public final class FactorySwitch {
    /** The property for every service; {@code switchboard.factory.<service>} is the one for a single service. */
    public static final String PROPERTY = "switchboard.factory";

    /** The two factories a call can go to. */
    public enum Factory {
        LEGACY,
        GENERATED;

        /** {@code legacy} or {@code generated}, as the settings spell it. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final UnaryOperator<String> properties;
    private final UnaryOperator<String> environment;
    private final Map<String, Factory> fixed;

    /**
     * Each service's property and variable names, worked out once: the dynamic wrapper asks on every
     * call.
     */
    private final Map<String, String[]> names = new ConcurrentHashMap<>();

    private static final String VARIABLE = envName(PROPERTY);

    private FactorySwitch(
            UnaryOperator<String> properties, UnaryOperator<String> environment, Map<String, Factory> fixed) {
        this.properties = properties;
        this.environment = environment;
        this.fixed = fixed;
    }

    /** A switch that reads system properties and the environment on every call. */
    public static FactorySwitch live() {
        return live(System::getProperty, System::getenv);
    }

    /** A switch that reads the given lookups on every call (tests pass maps). */
    public static FactorySwitch live(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        return new FactorySwitch(properties, environment, null);
    }

    /**
     * A switch that reads system properties and the environment now, for {@code services}, and never
     * again.
     *
     * @throws IllegalArgumentException when a setting is neither {@code legacy} nor {@code generated}
     */
    public static FactorySwitch fixed(Collection<String> services) {
        return fixed(services, System::getProperty, System::getenv);
    }

    /** A switch that reads the given lookups now, for {@code services}, and never again. */
    public static FactorySwitch fixed(
            Collection<String> services, UnaryOperator<String> properties, UnaryOperator<String> environment) {
        FactorySwitch reader = live(properties, environment);
        Map<String, Factory> choices = new TreeMap<>();
        for (String service : services) {
            choices.put(service, reader.factory(service));
        }
        return new FactorySwitch(properties, environment, Map.copyOf(choices));
    }

    /**
     * The factory that serves {@code service}.
     *
     * @throws IllegalArgumentException when its setting is neither {@code legacy} nor {@code generated}
     */
    public Factory factory(String service) {
        if (fixed != null && fixed.containsKey(service)) {
            return fixed.get(service);
        }
        String[] own = names.computeIfAbsent(service, s -> {
            String property = PROPERTY + "." + s;
            return new String[] {property, envName(property)};
        });
        Factory chosen = read(own[0], own[1]);
        if (chosen == null) {
            chosen = read(PROPERTY, VARIABLE);
        }
        return chosen == null ? Factory.LEGACY : chosen;
    }

    /** Whether the generated factory serves {@code service}. */
    public boolean generated(String service) {
        return factory(service) == Factory.GENERATED;
    }

    private Factory read(String property, String variable) {
        String value = properties.apply(property);
        String from = property;
        if (value == null) {
            value = environment.apply(variable);
            from = variable;
        }
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim().toLowerCase(Locale.ROOT);
        for (Factory factory : Factory.values()) {
            if (factory.value().equals(trimmed)) {
                return factory;
            }
        }
        throw new IllegalArgumentException(from + "=\"" + value + "\" is not a factory; set it to legacy or generated");
    }

    /** {@code switchboard.factory.user-profile} → {@code SWITCHBOARD_FACTORY_USER_PROFILE}. */
    static String envName(String property) {
        return property.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}

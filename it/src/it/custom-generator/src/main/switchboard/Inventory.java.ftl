<#-- The project's own generator: a class listing the services this build selected. -->
package com.acme;

import java.util.List;

/** The services of this build, rendered by a custom switchboard generator. */
public final class Inventory {
    /** One service: its registry name, its kind, and its accessor on the factory. */
    public record Service(String name, String kind, String accessor) {}

    /** Every selected service, in registry order. */
    public static final List<Service> SERVICES = List.of(
<#list services as s>
            new Service("${s.name}", "${s.kind}", "${s.accessor}")<#sep>,</#sep>
</#list>
    );

    private Inventory() {}

    /** The factory the accessors belong to. */
    public static String factoryClass() {
        return "${packageName}.${className}";
    }
}

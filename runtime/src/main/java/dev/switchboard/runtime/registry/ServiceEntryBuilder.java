package dev.switchboard.runtime.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds or changes a {@link ServiceEntry}; obtain one from {@link ServiceEntry#builder} or {@link ServiceEntry#toBuilder}. */
public final class ServiceEntryBuilder {
    private String name;
    private ServiceKind kind;
    private String group;
    private String version;
    private String displayName;
    private String description;
    private String owner;
    private ProtoInfo proto;
    private AwsInfo aws;
    private List<MethodInfo> methods = new ArrayList<>();
    private List<Endpoint> endpoints = new ArrayList<>();
    private List<Capability> capabilities = new ArrayList<>();
    private List<Dependency> dependencies = new ArrayList<>();
    private List<Event> events = new ArrayList<>();
    private Health health;
    private String metrics;
    private Map<String, String> tags = new LinkedHashMap<>();
    private RateLimit rateLimit;

    ServiceEntryBuilder(String name, ServiceKind kind) {
        this.name = name;
        this.kind = kind;
    }

    ServiceEntryBuilder(ServiceEntry e) {
        this(e.name(), e.kind());
        group = e.group();
        version = e.version();
        displayName = e.displayName();
        description = e.description();
        owner = e.owner();
        proto = e.proto();
        aws = e.aws();
        methods.addAll(e.methods());
        endpoints.addAll(e.endpoints());
        capabilities.addAll(e.capabilities());
        dependencies.addAll(e.dependencies());
        events.addAll(e.events());
        health = e.health();
        metrics = e.metrics();
        tags.putAll(e.tags());
        rateLimit = e.rateLimit();
    }

    public ServiceEntryBuilder name(String value) {
        name = value;
        return this;
    }

    public ServiceEntryBuilder kind(ServiceKind value) {
        kind = value;
        return this;
    }

    public ServiceEntryBuilder group(String value) {
        group = value;
        return this;
    }

    public ServiceEntryBuilder version(String value) {
        version = value;
        return this;
    }

    public ServiceEntryBuilder displayName(String value) {
        displayName = value;
        return this;
    }

    public ServiceEntryBuilder description(String value) {
        description = value;
        return this;
    }

    public ServiceEntryBuilder owner(String value) {
        owner = value;
        return this;
    }

    public ServiceEntryBuilder proto(ProtoInfo value) {
        proto = value;
        return this;
    }

    public ServiceEntryBuilder aws(AwsInfo value) {
        aws = value;
        return this;
    }

    public ServiceEntryBuilder methods(List<MethodInfo> value) {
        methods = new ArrayList<>(value);
        return this;
    }

    public ServiceEntryBuilder endpoints(List<Endpoint> value) {
        endpoints = new ArrayList<>(value);
        return this;
    }

    public ServiceEntryBuilder addCapability(Capability value) {
        capabilities.add(value);
        return this;
    }

    public ServiceEntryBuilder addDependency(Dependency value) {
        dependencies.add(value);
        return this;
    }

    public ServiceEntryBuilder addEvent(Event value) {
        events.add(value);
        return this;
    }

    public ServiceEntryBuilder health(Health value) {
        health = value;
        return this;
    }

    public ServiceEntryBuilder metrics(String value) {
        metrics = value;
        return this;
    }

    public ServiceEntryBuilder putTag(String key, String value) {
        tags.put(key, value);
        return this;
    }

    public ServiceEntryBuilder rateLimit(RateLimit value) {
        rateLimit = value;
        return this;
    }

    public ServiceEntry build() {
        return new ServiceEntry(
                name,
                kind,
                group,
                version,
                displayName,
                description,
                owner,
                proto,
                aws,
                methods,
                endpoints,
                capabilities,
                dependencies,
                events,
                health,
                metrics,
                tags,
                rateLimit);
    }
}

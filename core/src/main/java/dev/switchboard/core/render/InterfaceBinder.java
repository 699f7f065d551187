package dev.switchboard.core.render;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.migrate.LegacyInterface;
import dev.switchboard.runtime.registry.ServiceEntry;
import dev.switchboard.runtime.registry.ServiceKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Binds each abstract method of the team's factory interface to the accessor of the selected service whose
 * client it returns, so the generated factory implements the interface. A method returning no selected
 * service's client is refused at its place, naming the service to select or the SDK module to add; default
 * and static methods are left alone.
 */
final class InterfaceBinder {
    private static final String GENERIC_CLIENT = "dev.switchboard.runtime.http.GenericServiceClient";
    private static final String SDK_PREFIX = "software.amazon.awssdk.services.";

    /** A client type the factory hands out: the service and the accessor that returns it. */
    private record Target(String service, String accessor, String type, String qualifiedType, boolean sync) {}

    private InterfaceBinder() {}

    /**
     * @param model the factory, whose services the interface's methods may return
     * @param all every service of the registry, to tell a service that is not selected from one that is
     *     unknown
     */
    static FactoryModel.Implementation bind(LegacyInterface legacy, FactoryModel model, List<ServiceEntry> all)
            throws InputException {
        Map<String, List<Target>> byType = new LinkedHashMap<>();
        Map<String, Target> byAccessor = new LinkedHashMap<>();
        for (FactoryModel.ServiceModel s : model.services()) {
            for (Target t : targets(s)) {
                byType.computeIfAbsent(t.qualifiedType(), k -> new ArrayList<>())
                        .add(t);
                byAccessor.put(t.accessor(), t);
            }
        }
        List<Problem> problems = new ArrayList<>();
        List<FactoryModel.Binding> bindings = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        List<String> closeThrows = null;
        for (LegacyInterface.Method m : legacy.methods()) {
            // The first declaration of a signature wins, as in Java: a default close() in the team's
            // interface hides the abstract one it inherits from AutoCloseable.
            if (!seen.add(m.name() + "/" + m.parameters())
                    || m.kind() != LegacyInterface.Kind.ABSTRACT
                    || objectMethod(m)) {
                continue;
            }
            if (m.name().equals("close")
                    && m.parameters() == 0
                    && m.returnType().equals("void")) {
                closeThrows = closeThrows == null ? m.exceptions() : narrower(closeThrows, m.exceptions());
                continue;
            }
            List<Target> matches = m.candidates().stream()
                    .map(c -> byType.getOrDefault(c, List.of()))
                    .filter(l -> !l.isEmpty())
                    .findFirst()
                    .orElse(List.of());
            if (matches.size() > 1) {
                matches = matches.stream()
                        .filter(t -> t.accessor().equals(m.name()))
                        .toList();
                if (matches.size() != 1) {
                    problems.add(at(
                            m,
                            m.name() + "() returns " + m.returnType() + ", the client of several selected services",
                            "name the method after one of their accessors: "
                                    + String.join(
                                            ", ",
                                            byType
                                                    .get(m.candidates().stream()
                                                            .filter(byType::containsKey)
                                                            .findFirst()
                                                            .orElseThrow())
                                                    .stream()
                                                    .map(t -> t.accessor() + "()")
                                                    .toList())));
                    continue;
                }
            }
            if (matches.isEmpty()) {
                problems.add(unmatched(m, model, all));
                continue;
            }
            Target target = matches.get(0);
            if (m.parameters() > 0) {
                problems.add(at(
                        m,
                        m.name() + "() takes " + m.parameters() + " parameter(s); the generated factory's "
                                + target.accessor() + "() that returns the " + target.service() + " client takes none",
                        "remove the parameters, or give the method a body (a default method) that calls one"
                                + " without them"));
                continue;
            }
            Target clash = byAccessor.get(m.name());
            if (!m.name().equals(target.accessor())
                    && (FactoryModelBuilder.FACTORY_MEMBERS.contains(m.name()) || clash != null)) {
                problems.add(at(
                        m,
                        m.name() + "() returns " + m.returnType() + " (" + target.service() + "), but the generated"
                                + " factory's " + m.name() + "() "
                                + (clash != null
                                        ? "returns the " + clash.service() + " client"
                                        : "is one of its own methods"),
                        "rename the method to " + target.accessor() + "()"));
                continue;
            }
            bindings.add(new FactoryModel.Binding(
                    m.name(),
                    target.type(),
                    target.qualifiedType(),
                    target.service(),
                    target.accessor(),
                    !m.name().equals(target.accessor()),
                    target.sync()));
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() + " method(s) of " + legacy.name() + " that the generated factory cannot implement",
                    problems);
        }
        Set<String> services = new TreeSet<>();
        bindings.forEach(b -> services.add(b.service()));
        String migrating = "Migrating" + model.className();
        return new FactoryModel.Implementation(
                legacy.name(),
                migrating,
                bindings,
                List.copyOf(services),
                closeThrows != null,
                closeThrows == null ? List.of() : closeThrows,
                bindings.stream().allMatch(FactoryModel.Binding::sync));
    }

    private static List<Target> targets(FactoryModel.ServiceModel s) {
        List<Target> out = new ArrayList<>();
        ServiceEntry e = s.entry();
        if (s.kind().equals("aws")) {
            out.add(new Target(s.name(), s.accessor(), s.type(), e.aws().clientClass(), true));
            if (s.async() != null) {
                out.add(new Target(
                        s.name(),
                        s.async().accessor(),
                        s.async().type(),
                        e.aws().asyncClientClass(),
                        false));
            }
        } else if (s.kind().equals("grpc")) {
            String stubs = e.proto().stubClass().replace('$', '.');
            String service = e.proto().service().substring(e.proto().service().lastIndexOf('.') + 1);
            out.add(new Target(s.name(), s.accessor(), s.type(), stubs + "." + service + "BlockingStub", true));
            out.add(new Target(
                    s.name(), s.async().accessor(), s.async().type(), stubs + "." + service + "Stub", false));
            out.add(new Target(
                    s.name(), s.future().accessor(), s.future().type(), stubs + "." + service + "FutureStub", false));
        } else {
            out.add(new Target(s.name(), s.accessor(), s.type(), GENERIC_CLIENT, true));
        }
        return out;
    }

    /** {@code equals}, {@code hashCode} and {@code toString} redeclared: every object has them. */
    private static boolean objectMethod(LegacyInterface.Method m) {
        return (m.parameters() == 0 && (m.name().equals("hashCode") || m.name().equals("toString")))
                || (m.parameters() == 1 && m.name().equals("equals"));
    }

    /** An override of close() may declare only what every declaration allows; the fewest is safe. */
    private static List<String> narrower(List<String> a, List<String> b) {
        return a.size() <= b.size() ? a : b;
    }

    /** Why a method returns no selected service's client, and what to add. */
    private static Problem unmatched(LegacyInterface.Method m, FactoryModel model, List<ServiceEntry> all) {
        for (String candidate : m.candidates()) {
            for (ServiceEntry e : all) {
                if (e.kind() == ServiceKind.AWS
                        && e.aws() != null
                        && (candidate.equals(e.aws().clientClass())
                                || candidate.equals(e.aws().asyncClientClass()))) {
                    return at(
                            m,
                            m.name() + "() returns " + m.returnType() + ", the client of " + e.name()
                                    + ", which this build does not select",
                            "add " + e.name() + " to the selection (<services>, <groups> or the profile), or remove"
                                    + " the method");
                }
                if (e.kind() == ServiceKind.GRPC
                        && e.proto() != null
                        && e.proto().stubClass() != null
                        && candidate.startsWith(e.proto().stubClass().replace('$', '.') + ".")) {
                    return at(
                            m,
                            m.name() + "() returns " + m.returnType() + ", a stub of " + e.name()
                                    + ", which this build does not select",
                            "add " + e.name() + " to the selection (<services>, <groups> or the profile), or remove"
                                    + " the method");
                }
            }
        }
        for (String candidate : m.candidates()) {
            if (candidate.startsWith(SDK_PREFIX) && candidate.endsWith("Client")) {
                String module = candidate.substring(SDK_PREFIX.length(), candidate.indexOf('.', SDK_PREFIX.length()));
                return at(
                        m,
                        m.name() + "() returns " + m.returnType() + ", an AWS SDK client whose module is not a"
                                + " dependency of the project",
                        "add the dependency software.amazon.awssdk:" + module + " (its version from the AWS SDK BOM)");
            }
        }
        String known = String.join(
                ", ",
                model.services().stream()
                        .map(s -> s.type() + " (" + s.name() + ")")
                        .toList());
        return at(
                m,
                m.name() + "() returns " + m.returnType() + ", which is not the client of any service switchboard"
                        + " knows",
                "give it a body (a default method) or remove it; the selected services' clients are "
                        + (known.isEmpty() ? "none" : known));
    }

    private static Problem at(LegacyInterface.Method m, String message, String fix) {
        return Problem.at(m.where(), m.line(), m.column(), message, fix);
    }
}

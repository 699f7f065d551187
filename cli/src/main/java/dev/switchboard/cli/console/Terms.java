package dev.switchboard.cli.console;

import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.health.EndpointRequest;
import dev.switchboard.core.health.HealthMonitor;
import dev.switchboard.core.registry.Selection;
import dev.switchboard.core.render.GrpcClasspath;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine names the place of a problem as the Maven plugin's user sees it: an XML parameter
 * ({@code <overridesFile>}), a property ({@code switchboard.format}) or a goal ({@code mvn
 * switchboard:services}). On the command line the same place is an option or a command, so every
 * problem passes through here before it is printed.
 */
public final class Terms {
    /** The engine's parameter → the option that sets it. */
    private static final Map<String, String> PLACES = new LinkedHashMap<>();

    /** Phrases in messages and fixes → their command line form, applied in order. */
    private static final Map<String, String> PHRASES = new LinkedHashMap<>();

    private static final Pattern ELEMENT = Pattern.compile("^<(endpoints|groups)><([^>]+)>$");
    private static final Pattern GOAL = Pattern.compile("`mvn switchboard:([a-z]+)`");
    private static final Pattern GROUP_SWITCH = Pattern.compile("switchboard\\.group\\.([A-Za-z0-9_.-]+)=true");

    static {
        PLACES.put("switchboard.format", "--format");
        PLACES.put("switchboard.service", "--service");
        PLACES.put(Selection.SERVICES_PROPERTY, "--services");
        PLACES.put(EndpointRequest.Builder.ENV_PARAMETER, "--env");
        PLACES.put(HealthMonitor.INTERVAL_PARAMETER, "--interval");
        PLACES.put("<protoSourceRoots>", "--proto-path");
        PLACES.put(GrpcClasspath.PLACE, "--classpath");
        PLACES.put("<generators><generator><template>", "--generator");
        PLACES.put("<generators><generator><output>", "--generator");

        PHRASES.put("set <failOnMissingSources>false", "leave out --fail-on-missing-sources");
        PHRASES.put("<protoSourceRoots>", "--proto-path");
        PHRASES.put("<protoImportPaths>", "--import-path");
        PHRASES.put("<overridesFile>", "--overrides");
        PHRASES.put("<rulesFile>", "--rules");
        PHRASES.put("-Dswitchboard.service=NAME", "--service NAME");
        PHRASES.put("-Dswitchboard.profiles.check=true", "--check");
        PHRASES.put("of this goal", "of this command");
        PHRASES.put("set <grpc>false</grpc>", "add --no-grpc");
    }

    private Terms() {}

    /** The problem with its place and words in the command line's terms. */
    public static Problem of(Problem problem) {
        return new Problem(
                place(problem.where()), problem.line(), problem.column(), text(problem.message()), text(problem.fix()));
    }

    /** A message or fix in the command line's terms. */
    public static String text(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Map.Entry<String, String> phrase : PHRASES.entrySet()) {
            out = out.replace(phrase.getKey(), phrase.getValue());
        }
        out = GROUP_SWITCH.matcher(out).replaceAll("--select-group $1");
        return GOAL.matcher(out).replaceAll("`switchboard $1`");
    }

    private static String place(String where) {
        String option = PLACES.get(where);
        if (option != null) {
            return option;
        }
        Matcher element = ELEMENT.matcher(where);
        if (element.matches()) {
            return (element.group(1).equals("endpoints") ? "--endpoint " : "--group ") + element.group(2);
        }
        return where;
    }
}

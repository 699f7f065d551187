package dev.switchboard.core.health;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Suggestions;
import dev.switchboard.runtime.ClientSettings;
import dev.switchboard.runtime.health.HealthTarget;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endpoint of every service that has one, and the services left without. For each service the
 * first of these wins:
 *
 * <ol>
 *   <li>{@code -Dswitchboard.<service>.endpoint=URL} or {@code SWITCHBOARD_<SERVICE>_ENDPOINT} (as the
 *       generated factory reads them, through {@link ClientSettings});
 *   <li>the endpoints file of the environment ({@code src/main/switchboard/endpoints-staging.properties});
 *   <li>{@code <endpoints>} in the plugin configuration.
 * </ol>
 *
 * <p>A name in the file or in {@code <endpoints>} that is not a service, and a URL that is not {@code
 * http(s)://host[:port]} or {@code grpc(s)://host:port}, are errors naming the place and the nearest
 * service; all of them are reported together.
 *
 * @param targets what to check, sorted by service name
 * @param without the services that have no endpoint, sorted
 */
public record Endpoints(List<HealthTarget> targets, List<String> without) {
    private static final String URL_FIX =
            "write http://host:port, https://host:port, grpc://host:port or grpcs://host:port";

    /** Resolves the endpoints of {@code services}. */
    public static Endpoints resolve(List<ServiceEntry> services, EndpointRequest request)
            throws InputException, IOException {
        Map<String, ServiceEntry> known = new TreeMap<>();
        services.forEach(s -> known.put(s.name(), s));
        List<Problem> problems = new ArrayList<>();
        Map<String, Found> found = new TreeMap<>();
        request.configured().forEach((name, url) -> {
            found.put(name, new Found(url == null ? "" : url.strip(), Problem.in("<endpoints><" + name + ">", "", "")));
        });
        if (request.file() != null) {
            List<String> lines = Files.readAllLines(request.file(), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                    continue;
                }
                int split = line.indexOf('=');
                if (split < 0) {
                    problems.add(Problem.at(
                            request.shownFile(),
                            i + 1,
                            1,
                            "\"" + line + "\" is not <service>=URL",
                            "write one service a line, e.g. user=grpc://127.0.0.1:9090"));
                    continue;
                }
                found.put(
                        line.substring(0, split).strip(),
                        new Found(
                                line.substring(split + 1).strip(), Problem.at(request.shownFile(), i + 1, 1, "", "")));
            }
        }
        for (Map.Entry<String, Found> e : found.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                problems.add(e.getValue()
                        .problem(
                                "\"" + e.getKey() + "\" is not a service of the registry ("
                                        + Suggestions.describe(e.getKey(), known.keySet()) + ")",
                                "use a name `mvn switchboard:services` lists"));
            }
        }
        ClientSettings settings = ClientSettings.builder()
                .lookups(request.properties(), request.environment())
                .build();
        List<HealthTarget> targets = new ArrayList<>();
        List<String> without = new ArrayList<>();
        for (ServiceEntry service : known.values()) {
            Found chosen;
            try {
                chosen = settings.endpoint(service.name())
                        .map(uri -> new Found(uri.toString(), Problem.in(property(service.name()), "", "")))
                        .orElse(found.get(service.name()));
            } catch (IllegalArgumentException e) {
                problems.add(Problem.in(property(service.name()), e.getMessage(), URL_FIX));
                continue;
            }
            if (chosen == null) {
                without.add(service.name());
                continue;
            }
            try {
                targets.add(HealthTarget.of(service, URI.create(chosen.url())));
            } catch (IllegalArgumentException e) {
                problems.add(chosen.problem("\"" + chosen.url() + "\" is not an endpoint URL", URL_FIX));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the endpoints", problems);
        }
        return new Endpoints(List.copyOf(targets), List.copyOf(without));
    }

    private static String property(String service) {
        return "switchboard." + service + ".endpoint";
    }

    /** A URL and where it was written. */
    private record Found(String url, Problem place) {
        Problem problem(String message, String fix) {
            return new Problem(place.where(), place.line(), place.column(), message, fix);
        }
    }
}

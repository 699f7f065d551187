package dev.switchboard.core.health;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The endpoints file of an environment: {@code endpoints.properties}, or {@code
 * endpoints-<env>.properties} when an environment is named, in the endpoints directory.
 *
 * @param file where the file is (it may not exist)
 * @param shown the file as the user sees it, relative to the project when inside it
 * @param environment the environment named, or null
 */
public record EndpointsFile(Path file, String shown, String environment) {
    /** The conventional directory, relative to the project: {@code src/main/switchboard}. */
    public static final String DIRECTORY = "src/main/switchboard";

    public static EndpointsFile of(Path directory, String environment, Path base) {
        String env = environment == null || environment.isBlank() ? null : environment.trim();
        Path file = directory.resolve(env == null ? "endpoints.properties" : "endpoints-" + env + ".properties");
        return new EndpointsFile(file, (file.startsWith(base) ? base.relativize(file) : file).toString(), env);
    }

    /**
     * The file when it exists; null when it does not and no environment was named (endpoints may come
     * from elsewhere).
     *
     * @param option how the user names the environment ({@code switchboard.env}, {@code --env}), for the
     *     message when the environment has no file
     */
    public Path existing(String option) throws InputException {
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (environment != null) {
            throw new InputException(Problem.in(
                    option,
                    "environment \"" + environment + "\" has no endpoints file " + shown,
                    "create it with one <service>=URL a line, or name another environment"));
        }
        return null;
    }

    public EndpointRequest request(
            java.util.Map<String, String> configured,
            String option,
            java.util.function.UnaryOperator<String> properties,
            java.util.function.UnaryOperator<String> environmentVariables)
            throws InputException {
        return new EndpointRequest(configured, existing(option), shown, properties, environmentVariables);
    }
}

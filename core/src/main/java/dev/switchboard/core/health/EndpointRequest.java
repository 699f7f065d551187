package dev.switchboard.core.health;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Where the endpoints of the services come from, in rising precedence.
 *
 * @param configured {@code <endpoints>} of the plugin configuration: service name to URL
 * @param file the endpoints file ({@code <service>=URL} lines), or null for none
 * @param shownFile the file as the user sees it, for messages
 * @param properties system and user properties ({@code switchboard.<service>.endpoint}); null for unset keys
 * @param environment environment variables ({@code SWITCHBOARD_<SERVICE>_ENDPOINT}); null for unset keys
 */
public record EndpointRequest(
        Map<String, String> configured,
        Path file,
        String shownFile,
        UnaryOperator<String> properties,
        UnaryOperator<String> environment) {
    public EndpointRequest {
        configured = configured == null ? Map.of() : Map.copyOf(configured);
    }

    /**
     * A request for the project in {@code baseDirectory}: the endpoints file is {@code
     * src/main/switchboard/endpoints.properties} when present, or {@code endpoints-<env>.properties} there
     * when an environment is named (then it must exist); properties and environment variables are the
     * process's own.
     */
    public static Builder builder(Path baseDirectory) {
        return new Builder(baseDirectory);
    }

    /** Builds an {@link EndpointRequest}; every setting left alone keeps its convention. */
    public static final class Builder {
        /** Where the endpoints files are when no directory is given. */
        public static final String DEFAULT_DIRECTORY = "src/main/switchboard";

        /** The parameter that names the environment, as problems name it. */
        public static final String ENV_PARAMETER = "switchboard.env";

        private final Path base;
        private Map<String, String> configured = Map.of();
        private String env;
        private Path directory;
        private UnaryOperator<String> properties = System::getProperty;
        private UnaryOperator<String> environment = System::getenv;

        private Builder(Path baseDirectory) {
            this.base = baseDirectory.toAbsolutePath().normalize();
        }

        /** Service name → URL, the lowest precedence. */
        public Builder configured(Map<String, String> endpoints) {
            this.configured = endpoints == null ? Map.of() : endpoints;
            return this;
        }

        /** The environment whose endpoints file to read ({@code staging}); null or blank for none. */
        public Builder env(String env) {
            this.env = env == null || env.isBlank() ? null : env.strip();
            return this;
        }

        /** Where the endpoints files are; null keeps the default. */
        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Where {@code switchboard.<service>.endpoint} is looked up; null for unset keys. */
        public Builder properties(UnaryOperator<String> lookup) {
            this.properties = lookup;
            return this;
        }

        /** Where {@code SWITCHBOARD_<SERVICE>_ENDPOINT} is looked up; null for unset keys. */
        public Builder environmentVariables(UnaryOperator<String> lookup) {
            this.environment = lookup;
            return this;
        }

        /** The endpoints file as the user sees it, relative to the base directory when inside it. */
        public String shownFile() {
            Path file = file();
            return (file.startsWith(base) ? base.relativize(file) : file).toString();
        }

        /**
         * The request.
         *
         * @throws InputException when an environment is named whose endpoints file does not exist
         */
        public EndpointRequest build() throws InputException {
            Path file = file();
            if (!Files.isRegularFile(file)) {
                if (env != null) {
                    throw new InputException(Problem.in(
                            ENV_PARAMETER,
                            "environment \"" + env + "\" has no endpoints file " + shownFile(),
                            "create it with one <service>=URL a line, or name another environment"));
                }
                file = null;
            }
            return new EndpointRequest(configured, file, shownFile(), properties, environment);
        }

        private Path file() {
            Path dir = base.resolve(directory != null ? directory : Path.of(DEFAULT_DIRECTORY))
                    .toAbsolutePath()
                    .normalize();
            return dir.resolve(env == null ? "endpoints.properties" : "endpoints-" + env + ".properties");
        }
    }
}

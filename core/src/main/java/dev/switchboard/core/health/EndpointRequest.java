package dev.switchboard.core.health;

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
}

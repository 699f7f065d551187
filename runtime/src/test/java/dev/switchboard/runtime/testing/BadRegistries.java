package dev.switchboard.runtime.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Registries that must be refused, each with the exact message that names the place, what is wrong and
 * the fix: one table for the codec and for the live registry, so both report the same way.
 */
public final class BadRegistries {
    private BadRegistries() {}

    /**
     * One bad registry.
     *
     * @param name what is wrong, as the test's name
     * @param fileName the file it is written to, whose extension gives the format
     * @param content the bytes
     * @param message the message, with {@code %s} where the source's name goes
     */
    public record Case(String name, String fileName, byte[] content, String message) {
        /** The message for a source named {@code source}. */
        public String messageFor(String source) {
            return message.replace("%s", source);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Case json(String name, String content, String message) {
        return new Case(name, "registry.json", content.getBytes(StandardCharsets.UTF_8), message);
    }

    private static Case yaml(String name, String content, String message) {
        return new Case(name, "registry.yaml", content.getBytes(StandardCharsets.UTF_8), message);
    }

    /** A registry of one service whose entry is {@code service}, a JSON object's inside. */
    private static String withService(String service) {
        return "{\"schemaVersion\": 1, \"services\": [{" + service + "}]}";
    }

    private static final String REBUILD = "rebuild it with `mvn switchboard:registry`";

    public static List<Case> cases() {
        return List.of(
                json(
                        "a null entry in the services",
                        "{\"schemaVersion\": 1, \"services\": [null]}",
                        "%s:1:35: services[0]: expected a service object, found null; remove the null from the list"),
                json(
                        "services given as a string",
                        "{\"schemaVersion\": 1, \"services\": \"s3\"}",
                        "%s:1:34: services: expected a list of service objects, found the string \"s3\"; write a list"
                                + " of service objects there"),
                json(
                        "services given as null",
                        "{\"schemaVersion\": 1, \"services\": null}",
                        "%s:1:34: services: expected a list of service objects, found null; every registry needs"
                                + " \"services\": a list of service objects"),
                json(
                        "services missing",
                        "{\"schemaVersion\": 1}",
                        "%s:1:1: \"services\" is missing; every registry needs \"services\": a list of service objects"),
                json(
                        "a service without a kind",
                        withService("\"name\": \"orders\""),
                        "%s:1:35: services[0]: \"kind\" is missing; every service needs \"kind\": aws, grpc or http"),
                json(
                        "a service without a name",
                        withService("\"kind\": \"http\""),
                        "%s:1:35: services[0]: \"name\" is missing; every service needs \"name\": a string"),
                json(
                        "a service whose name is null",
                        withService("\"name\": null, \"kind\": \"http\""),
                        "%s:1:44: services[0].name: expected a string, found null; every service needs \"name\": a"
                                + " string"),
                json(
                        "an unknown kind",
                        withService("\"name\": \"orders\", \"kind\": \"grcp\""),
                        "%s:1:62: services[0].kind: unknown kind \"grcp\"; use one of aws, grpc, http"),
                json(
                        "a kind given as a number",
                        withService("\"name\": \"orders\", \"kind\": 2"),
                        "%s:1:62: services[0].kind: expected aws, grpc or http, found the number 2; write aws, grpc"
                                + " or http there"),
                json(
                        "a name given as a number",
                        withService("\"name\": 7, \"kind\": \"http\""),
                        "%s:1:44: services[0].name: expected a string, found the number 7; write a string there"),
                json(
                        "a name given as an object",
                        withService("\"name\": {}, \"kind\": \"http\""),
                        "%s:1:44: services[0].name: expected a string, found an object; write a string there"),
                json(
                        "a boolean given as a string",
                        withService("\"name\": \"s3\", \"kind\": \"aws\", \"aws\": {\"global\": \"true\"}"),
                        "%s:1:83: services[0].aws.global: expected true or false, found the string \"true\"; write"
                                + " true or false there"),
                json(
                        "a tag whose value is null",
                        withService("\"name\": \"orders\", \"kind\": \"http\", \"tags\": {\"team\": null}"),
                        "%s:1:87: services[0].tags.team: expected a string, found null; write a string there"),
                json(
                        "a null entry in the methods",
                        withService("\"name\": \"orders\", \"kind\": \"http\", \"methods\": [null]"),
                        "%s:1:82: services[0].methods[0]: expected a method object, found null; remove the null from"
                                + " the list"),
                json(
                        "a capability without its source",
                        withService(
                                "\"name\": \"orders\", \"kind\": \"http\", \"capabilities\": [{\"name\": \"crud\"}]"),
                        "%s:1:87: services[0].capabilities[0]: \"source\" is missing; every capability needs"
                                + " \"source\": a string"),
                json(
                        "an endpoint without its path",
                        withService("\"name\": \"orders\", \"kind\": \"http\", \"endpoints\": [{\"verb\": \"GET\","
                                + " \"method\": \"Get\"}]"),
                        "%s:1:84: services[0].endpoints[0]: \"path\" is missing; every endpoint needs \"path\": a"
                                + " string"),
                json(
                        "a rate given as a string",
                        withService("\"name\": \"orders\", \"kind\": \"http\", \"rateLimit\": {\"requestsPerSecond\":"
                                + " \"10\"}"),
                        "%s:1:105: services[0].rateLimit.requestsPerSecond: expected a number, found the string \"10\";"
                                + " write a number there"),
                json(
                        "a file cut off inside the services",
                        "{\"schemaVersion\": 1, \"services\": [{\"name\": \"orders\"",
                        "%s:1:52: the file ends inside the object that opens at 1:35; the file looks cut off; write it"
                                + " again whole (to a new file moved into place, so that readers never see half of"
                                + " it)"),
                json(
                        "a closing brace where a bracket belongs",
                        "{\"schemaVersion\": 1,\n\"services\": [ }",
                        "%s:2:15: not valid JSON: unexpected close marker '}': expected ']'; correct the syntax there"),
                json(
                        "a word that is not JSON",
                        "{\"schemaVersion\": 1, \"services\": [nope]}",
                        "%s:1:35: not valid JSON: unrecognized token 'nope': was expecting (JSON String, Number, Array,"
                                + " Object or token 'null', 'true' or 'false'); correct the syntax there"),
                new Case(
                        "bytes that are not UTF-8",
                        "registry.json",
                        withService("\"name\": \"caf\u00e9\", \"kind\": \"http\"")
                                .getBytes(StandardCharsets.ISO_8859_1),
                        "%s:1:48: the file is not UTF-8 text (byte 0xE9); save it as UTF-8"),
                json(
                        "an empty file",
                        "",
                        "%s: the file is empty; a registry is an object with \"schemaVersion\" and \"services\": write"
                                + " one, or " + REBUILD),
                json(
                        "a file of blank lines",
                        "\n  \n\t\n",
                        "%s: the file is empty; a registry is an object with \"schemaVersion\" and \"services\": write"
                                + " one, or " + REBUILD),
                json(
                        "a list at the top",
                        "[{\"name\": \"orders\", \"kind\": \"http\"}]",
                        "%s:1:1: expected a registry object, found a list; a registry is an object with"
                                + " \"schemaVersion\" and \"services\"; write one, or " + REBUILD),
                json(
                        "a string at the top",
                        "\"registry\"",
                        "%s:1:1: expected a registry object, found the string \"registry\"; a registry is an object"
                                + " with \"schemaVersion\" and \"services\"; write one, or " + REBUILD),
                json(
                        "a second object after the registry",
                        "{\"schemaVersion\": 1, \"services\": []}\n{}",
                        "%s:2:1: more content follows the registry object; a registry file holds one object; remove"
                                + " what follows it"),
                json(
                        "no schemaVersion",
                        "{\"services\": []}",
                        "%s:1:1: \"schemaVersion\" is missing; a registry starts with \"schemaVersion\": 1"),
                json(
                        "a schemaVersion given as a string",
                        "{\"schemaVersion\": \"1\", \"services\": []}",
                        "%s:1:19: schemaVersion: expected a whole number, found the string \"1\"; write a whole number"
                                + " there"),
                json(
                        "schemaVersion 0",
                        "{\"schemaVersion\": 0, \"services\": []}",
                        "%s:1:19: schemaVersion: 0 is not a schema version; write \"schemaVersion\": 1"),
                json(
                        "a newer schemaVersion",
                        "{\"schemaVersion\": 2, \"services\": []}",
                        "%s:1:19: schemaVersion: 2 is newer than this switchboard understands (1); upgrade the"
                                + " switchboard runtime and plugin to the version that wrote it"),
                json(
                        "a newer schemaVersion whose services this version cannot read",
                        "{\"schemaVersion\": 3, \"services\": {\"orders\": {\"kind\": \"rest\"}}}",
                        "%s:1:19: schemaVersion: 3 is newer than this switchboard understands (1); upgrade the"
                                + " switchboard runtime and plugin to the version that wrote it"),
                json(
                        "a service name given twice",
                        "{\"schemaVersion\": 1, \"services\": [{\"name\": \"a\", \"kind\": \"http\"},\n"
                                + " {\"name\": \"a\", \"kind\": \"grpc\"}]}",
                        "%s:2:11: services[1].name: \"a\" appears twice (first at services[0]); each name may appear"
                                + " once, so remove or rename one"),
                json(
                        "a blank service name",
                        withService("\"name\": \"  \", \"kind\": \"http\""),
                        "%s:1:44: services[0].name: a service name may not be blank; name the service in lower case,"
                                + " such as \"orders\""),
                yaml(
                        "an unknown kind in YAML",
                        "schemaVersion: 1\nservices:\n  - name: orders\n    kind: grcp\n",
                        "%s:4:11: services[0].kind: unknown kind \"grcp\"; use one of aws, grpc, http"),
                yaml(
                        "services given as a mapping in YAML",
                        "schemaVersion: 1\nservices:\n  orders:\n    kind: http\n",
                        "%s:3:3: services: expected a list of service objects, found an object; write a list of"
                                + " service objects there"));
    }
}

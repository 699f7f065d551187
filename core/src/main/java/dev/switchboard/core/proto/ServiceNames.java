package dev.switchboard.core.proto;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registry names and versions derived from proto names. */
final class ServiceNames {
    static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final Pattern VERSION = Pattern.compile("v\\d+(?:(?:alpha|beta)\\d*)?");

    private ServiceNames() {}

    /** {@code UserService} → {@code user}; {@code UserProfileService} → {@code user-profile}. */
    static String registryName(String serviceName) {
        String base = serviceName.endsWith("Service") && serviceName.length() > "Service".length()
                ? serviceName.substring(0, serviceName.length() - "Service".length())
                : serviceName;
        String kebab = base.replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        return kebab.isEmpty() ? "service" : kebab;
    }

    /** The last {@code vN}, {@code vNalphaM} or {@code vNbetaM} segment of a package, or null. */
    static String version(String protoPackage) {
        String found = null;
        if (protoPackage != null) {
            for (String segment : protoPackage.split("\\.")) {
                Matcher m = VERSION.matcher(segment);
                if (m.matches()) {
                    found = segment;
                }
            }
        }
        return found;
    }

    /** The last package segment that is not a version: {@code acme.shop.v1} → {@code shop}. */
    static String lastNameSegment(String protoPackage) {
        if (protoPackage == null || protoPackage.isEmpty()) {
            return "default";
        }
        String[] segments = protoPackage.split("\\.");
        for (int i = segments.length - 1; i >= 0; i--) {
            if (!VERSION.matcher(segments[i]).matches()) {
                return registryName(segments[i]);
            }
        }
        return registryName(segments[0]);
    }

    /**
     * The class protoc wraps a file's messages in when {@code java_outer_classname} is not set: the file
     * name in upper camel case, with {@code OuterClass} appended when a type of the file has that name.
     */
    static String outerClassName(String filePath, java.util.Set<String> topLevelNames) {
        String file = filePath.substring(filePath.lastIndexOf('/') + 1).replaceFirst("\\.proto$", "");
        StringBuilder out = new StringBuilder();
        boolean upper = true;
        for (char c : file.toCharArray()) {
            if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = Character.isDigit(c);
            } else {
                upper = true;
            }
        }
        String name = out.toString();
        return topLevelNames.contains(name) ? name + "OuterClass" : name;
    }
}

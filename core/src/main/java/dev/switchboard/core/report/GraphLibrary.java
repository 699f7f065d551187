package dev.switchboard.core.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The graph-drawing library the page inlines: Cytoscape.js, read from its WebJar ({@code
 * org.webjars.npm:cytoscape}) on the class path, so the page needs no network when it is viewed and the
 * library's version is the one Maven resolved.
 *
 * @param name the library's name
 * @param version its version, from the WebJar's {@code pom.properties}
 * @param source its minified script, with its licence comment, safe to put inside a script element
 */
public record GraphLibrary(String name, String version, String source) {
    private static final String WEBJAR = "META-INF/maven/org.webjars.npm/cytoscape/pom.properties";

    /** A script element ends at the first {@code </script}, whatever JavaScript means by it. */
    private static final Pattern SCRIPT_END = Pattern.compile("</(?=script)", Pattern.CASE_INSENSITIVE);

    /** The library, read once per class loader. */
    public static GraphLibrary cytoscape() {
        return Holder.CYTOSCAPE;
    }

    /** Makes script text safe to inline: {@code </script} becomes {@code <\/script}, the same to JavaScript. */
    static String inlineSafe(String script) {
        return SCRIPT_END.matcher(script).replaceAll("<\\\\/");
    }

    private static final class Holder {
        static final GraphLibrary CYTOSCAPE = load();

        private static GraphLibrary load() {
            ClassLoader loader = GraphLibrary.class.getClassLoader();
            Properties properties = new Properties();
            try (InputStream in = loader.getResourceAsStream(WEBJAR)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "the Cytoscape.js WebJar (org.webjars.npm:cytoscape) is not on the class path");
                }
                properties.load(in);
                String version = properties.getProperty("version");
                String script = "META-INF/resources/webjars/cytoscape/" + version + "/dist/cytoscape.min.js";
                try (InputStream js = loader.getResourceAsStream(script)) {
                    if (js == null) {
                        throw new IllegalStateException("the Cytoscape.js WebJar lacks " + script);
                    }
                    return new GraphLibrary(
                            "Cytoscape.js", version, inlineSafe(new String(js.readAllBytes(), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the Cytoscape.js WebJar", e);
            }
        }
    }
}

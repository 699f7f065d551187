package dev.switchboard.maven.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders the bundled templates; one instance per build, as FreeMarker caches parsed templates in it. */
public final class TemplateRenderer {
    /** Where the templates live inside {@code switchboard-templates}. */
    public static final String TEMPLATE_PACKAGE = "/dev/switchboard/templates";

    private final Configuration configuration;

    public TemplateRenderer() {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(new ClassTemplateLoader(TemplateRenderer.class, TEMPLATE_PACKAGE));
        configuration.setDefaultEncoding(StandardCharsets.UTF_8.name());
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setLocalizedLookup(false);
        // Numbers print as Java literals ("1200", not "1,200"), whatever the machine's locale.
        configuration.setNumberFormat("computer");
        configuration.setLocale(java.util.Locale.ROOT);
    }

    /**
     * Renders one template.
     *
     * @throws RenderException naming the template, line and what was undefined or wrong
     */
    public String render(String templateName, Map<String, ?> model) throws RenderException {
        try {
            StringWriter out = new StringWriter();
            configuration.getTemplate(templateName).process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new RenderException(
                    templateName + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": "
                            + e.getMessageWithoutStackTop().lines().findFirst().orElse(""),
                    e);
        } catch (IOException e) {
            throw new RenderException("template " + templateName + " cannot be read: " + e.getMessage(), e);
        }
    }
}

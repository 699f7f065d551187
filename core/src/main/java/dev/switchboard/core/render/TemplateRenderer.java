package dev.switchboard.core.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Renders the bundled templates; one instance per build, as FreeMarker caches parsed templates in it. */
public final class TemplateRenderer {
    /** Where the templates live inside {@code switchboard-templates}. */
    public static final String TEMPLATE_PACKAGE = "/dev/switchboard/templates";

    private final Configuration configuration;

    public TemplateRenderer() {
        this(null);
    }

    /**
     * @param overlayDirectory a directory whose templates replace the bundled ones of the same name, or null
     */
    public TemplateRenderer(Path overlayDirectory) {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        TemplateLoader bundled = new ClassTemplateLoader(TemplateRenderer.class, TEMPLATE_PACKAGE);
        if (overlayDirectory == null) {
            configuration.setTemplateLoader(bundled);
        } else {
            try {
                configuration.setTemplateLoader(new MultiTemplateLoader(
                        new TemplateLoader[] {new FileTemplateLoader(overlayDirectory.toFile()), bundled}));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the template directory " + overlayDirectory, e);
            }
        }
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
            return process(configuration.getTemplate(templateName), model);
        } catch (IOException e) {
            throw new RenderException("template " + templateName + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Renders a template file of the user's own ({@code <generators>}). */
    public String renderFile(Path template, Map<String, ?> model) throws RenderException {
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            return process(new Template(template.toString(), reader, configuration), model);
        } catch (IOException e) {
            throw new RenderException("template " + template + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String process(Template template, Map<String, ?> model) throws RenderException {
        String templateName = template.getName();
        try {
            StringWriter out = new StringWriter();
            template.process(model, out);
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

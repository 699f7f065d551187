package dev.switchboard.core.render;

import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.diag.Suggestions;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
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
import java.util.regex.Pattern;

/** Renders the bundled templates; one instance per build, as FreeMarker caches parsed templates in it. */
public final class TemplateRenderer {
    /** Where the templates live inside {@code switchboard-templates}. */
    public static final String TEMPLATE_PACKAGE = "/dev/switchboard/templates";

    private final Configuration configuration;
    private final Path overlayDirectory;
    private final Path baseDirectory;

    public TemplateRenderer() {
        this(null, null);
    }

    /**
     * @param overlayDirectory a directory whose templates replace the bundled ones of the same name, or null
     */
    public TemplateRenderer(Path overlayDirectory) {
        this(overlayDirectory, null);
    }

    /**
     * @param overlayDirectory a directory whose templates replace the bundled ones of the same name, or null
     * @param baseDirectory the project directory, to show the user's template files relative to it; or null
     */
    public TemplateRenderer(Path overlayDirectory, Path baseDirectory) {
        this.overlayDirectory = overlayDirectory;
        this.baseDirectory =
                baseDirectory == null ? null : baseDirectory.toAbsolutePath().normalize();
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
     * @throws RenderException naming the template, line and column, what is wrong and what to do
     */
    public String render(String templateName, Map<String, ?> model) throws RenderException {
        Template template;
        try {
            template = configuration.getTemplate(templateName);
        } catch (ParseException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new RenderException(
                    "template " + templateName + " cannot be read: " + IoProblems.reason(e)
                            + "; check the template files",
                    e);
        }
        return process(template, model);
    }

    /** Renders a template file of the user's own ({@code <generators>}). */
    public String renderFile(Path template, Map<String, ?> model) throws RenderException {
        Template parsed;
        try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
            parsed = new Template(template.toString(), reader, configuration);
        } catch (ParseException e) {
            throw syntaxError(e);
        } catch (IOException e) {
            throw new RenderException(
                    "template " + shown(template) + " cannot be read: " + IoProblems.reason(e)
                            + "; check that the file is readable UTF-8",
                    e);
        }
        return process(parsed, model);
    }

    /**
     * The Java types FreeMarker names beside a value of the wrong type: "(ArrayList wrapped into
     * f.t.DefaultListAdapter)", "(wrapper: f.t.SimpleScalar)".
     */
    private static final Pattern JAVA_TYPES = Pattern.compile("\\s*\\((?:wrapper: [^)]*|[^()]* wrapped into [^)]*)\\)");

    private String process(Template template, Map<String, ?> model) throws RenderException {
        try {
            StringWriter out = new StringWriter();
            template.process(model, out);
            return out.toString();
        } catch (TemplateException e) {
            String where = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : template.getName();
            String what;
            String fix;
            if (e instanceof InvalidReferenceException && e.getBlamedExpressionString() != null) {
                String expression = e.getBlamedExpressionString();
                what = expression + " is undefined or null";
                fix = expression.matches("[A-Za-z_][A-Za-z0-9_]*")
                        ? "use a value of the template model (" + Suggestions.describe(expression, model.keySet())
                                + "), or test it with ?? first"
                        : "use a field of the template model (\"Templates\" in the README), or test it with ?? first";
            } else {
                String first = e.getMessageWithoutStackTop()
                        .lines()
                        .findFirst()
                        .orElse("")
                        .trim();
                what = JAVA_TYPES.matcher(first).replaceAll("").replaceFirst(":$", "");
                fix = what.endsWith("evaluated to a sequence")
                        ? "list it with <#list …> or join it with ?join(\", \")"
                        : "correct the template at that place";
            }
            throw placed(where, e.getLineNumber(), e.getColumnNumber(), what, fix, e);
        } catch (IOException e) {
            throw new RenderException(
                    "template " + template.getName() + " cannot be written: " + IoProblems.reason(e), e);
        }
    }

    private RenderException syntaxError(ParseException e) {
        return placed(
                e.getTemplateName(),
                e.getLineNumber(),
                e.getColumnNumber(),
                "FreeMarker syntax error: "
                        + e.getEditorMessage()
                                .lines()
                                .findFirst()
                                .orElse("")
                                // FreeMarker's general note on end-tags says nothing about this place.
                                .replaceAll("\\s*\\(Note that [^)]*\\)\\.?\\s*$", "")
                                .trim(),
                "correct the template's syntax at that place",
                e);
    }

    /**
     * {@code file:line:col: what; fix}, where the file is the user's template as they see it, or the
     * bundled template's name; a bundled template failing is a bug of switchboard, not of the project.
     */
    private RenderException placed(String name, Integer line, Integer column, String what, String fix, Exception e) {
        Path file = usersFile(name);
        StringBuilder place = new StringBuilder(file != null ? shown(file) : String.valueOf(name));
        if (line != null && line > 0) {
            place.append(':').append(line);
            if (column != null && column > 0) {
                place.append(':').append(column);
            }
        }
        String why = file != null
                ? fix
                : "the bundled template failed, which is a bug of switchboard; report it with the registry";
        return new RenderException(place + ": " + what + "; " + why, e);
    }

    /** The user's file a template name stands for: a generator's path, or one in the overlay; else null. */
    private Path usersFile(String name) {
        if (name == null) {
            return null;
        }
        Path path = Path.of(name);
        if (path.isAbsolute()) {
            return path;
        }
        return overlayDirectory != null && Files.isRegularFile(overlayDirectory.resolve(name))
                ? overlayDirectory.resolve(name)
                : null;
    }

    private String shown(Path file) {
        Path path = file.toAbsolutePath().normalize();
        return baseDirectory != null && path.startsWith(baseDirectory)
                ? baseDirectory.relativize(path).toString().replace('\\', '/')
                : file.toString();
    }
}

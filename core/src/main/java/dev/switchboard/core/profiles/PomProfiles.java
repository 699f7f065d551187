package dev.switchboard.core.profiles;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.render.RenderException;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Puts the profiles block into a {@code pom.xml} as text, so that every byte outside the two marker
 * comments stays as it was: comments, blank lines, order, line ends. The block goes between the
 * markers when they are there, else at the end of {@code <profiles>}, else into a new {@code
 * <profiles>} before {@code </project>}. The AWS SDK BOM is imported when it is not.
 */
public final class PomProfiles {
    static final String BEGIN = "<!-- switchboard:profiles:begin";
    static final String END = "<!-- switchboard:profiles:end -->";
    private static final String FIX = "run `mvn switchboard:profiles` to write them";

    /** Renders the block for a given base indentation and indentation step. */
    @FunctionalInterface
    public interface BlockRenderer {
        String render(String base, String step) throws RenderException;
    }

    /**
     * The outcome of an edit.
     *
     * @param text the new pom text
     * @param blockState {@code missing}, {@code stale} or {@code current}: the profiles block before the edit
     * @param bomAdded whether the AWS SDK BOM import was added
     */
    public record Edit(String text, String blockState, boolean bomAdded) {
        public boolean changed(String before) {
            return !text.equals(before);
        }
    }

    private PomProfiles() {}

    /**
     * Computes the pom with an up-to-date profiles block and the BOM import.
     *
     * @param shownAs how messages name the pom
     * @throws InputException when the pom is not well-formed XML or its markers are duplicated or unbalanced
     */
    public static Edit apply(String pom, BlockRenderer renderer, String sdkVersion, String shownAs)
            throws InputException, RenderException {
        Document document = parse(pom, shownAs);
        String eol = pom.contains("\r\n") ? "\r\n" : "\n";
        String step = indentStep(pom);
        List<Integer> begins = positions(pom, BEGIN);
        List<Integer> ends = positions(pom, END);
        checkMarkers(pom, begins, ends, shownAs);

        String text;
        String state;
        if (!begins.isEmpty()) {
            int start = lineStart(pom, begins.get(0));
            int end = lineEnd(pom, ends.get(0));
            String base = pom.substring(start, begins.get(0));
            String block = normalize(renderer.render(base, step), eol);
            String old = pom.substring(start, end);
            state = old.equals(block) ? "current" : "stale";
            text = pom.substring(0, start) + block + pom.substring(end);
        } else {
            state = "missing";
            text = insertBlock(pom, document, renderer, step, eol);
        }
        boolean bomAdded = false;
        if (!importsBom(document)) {
            text = insertBom(text, step, eol, sdkVersion, shownAs);
            bomAdded = true;
        }
        return new Edit(text, state, bomAdded);
    }

    /** The BOM import element, as the user would add it by hand. */
    public static String bomSnippet(String sdkVersion) {
        return "<dependencyManagement><dependencies><dependency><groupId>software.amazon.awssdk</groupId>"
                + "<artifactId>bom</artifactId><version>" + sdkVersion + "</version><type>pom</type>"
                + "<scope>import</scope></dependency></dependencies></dependencyManagement>";
    }

    /** Whether the block is missing or differs from what would be written, without writing. */
    public static String checkProblem(Edit edit, String sdkVersion) {
        List<String> problems = new ArrayList<>();
        if (!edit.blockState().equals("current")) {
            problems.add("the switchboard profiles in pom.xml are " + edit.blockState() + "; " + FIX);
        }
        if (edit.bomAdded()) {
            problems.add("pom.xml does not import the AWS SDK BOM that gives the profiles' dependencies their"
                    + " versions; `mvn switchboard:profiles` adds it, or add " + bomSnippet(sdkVersion));
        }
        return problems.isEmpty() ? null : String.join("\n", problems);
    }

    private static Document parse(String pom, String shownAs) throws InputException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(pom)));
        } catch (SAXParseException e) {
            throw new InputException(Problem.at(
                    shownAs,
                    e.getLineNumber(),
                    e.getColumnNumber(),
                    "not well-formed XML: " + e.getMessage(),
                    "fix the XML; the pom was left untouched"));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new InputException(Problem.in(
                    shownAs, "cannot be read as XML: " + e.getMessage(), "fix the file; it was left untouched"));
        }
    }

    private static void checkMarkers(String pom, List<Integer> begins, List<Integer> ends, String shownAs)
            throws InputException {
        List<Problem> problems = new ArrayList<>();
        if (begins.size() > 1) {
            problems.add(Problem.at(
                    shownAs,
                    line(pom, begins.get(1)),
                    1,
                    "the begin marker `" + BEGIN + "` appears " + begins.size() + " times",
                    "keep one begin and one end marker (or remove both and rerun)"));
        }
        if (ends.size() > 1) {
            problems.add(Problem.at(
                    shownAs,
                    line(pom, ends.get(1)),
                    1,
                    "the end marker `" + END + "` appears " + ends.size() + " times",
                    "keep one begin and one end marker (or remove both and rerun)"));
        }
        if (begins.size() != ends.size()) {
            int at = begins.isEmpty() ? ends.get(0) : begins.get(0);
            problems.add(Problem.at(
                    shownAs,
                    line(pom, at),
                    1,
                    "the profiles markers are unbalanced: " + begins.size() + " begin, " + ends.size() + " end",
                    "restore the missing marker or remove the other"));
        } else if (begins.size() == 1 && ends.get(0) < begins.get(0)) {
            problems.add(Problem.at(
                    shownAs,
                    line(pom, ends.get(0)),
                    1,
                    "the end marker comes before the begin marker",
                    "swap them or remove both and rerun"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() + " problem(s) with the profiles markers; the pom was left untouched", problems);
        }
    }

    private static String insertBlock(String pom, Document document, BlockRenderer renderer, String step, String eol)
            throws RenderException {
        Element profiles = child(document.getDocumentElement(), "profiles");
        Matcher empty = Pattern.compile("(?m)^([ \\t]*)<profiles\\s*/>").matcher(pom);
        if (profiles != null && empty.find() && !profiles.hasChildNodes()) {
            String indent = empty.group(1);
            String block = normalize(renderer.render(indent + step, step), eol);
            return pom.substring(0, empty.start()) + indent + "<profiles>" + eol + block + indent + "</profiles>"
                    + pom.substring(empty.end());
        }
        if (profiles != null) {
            int close = pom.lastIndexOf("</profiles>");
            int lineStart = lineStart(pom, close);
            String indent = pom.substring(lineStart, close).isBlank() ? pom.substring(lineStart, close) : step;
            String block = normalize(renderer.render(indent + step, step), eol);
            return pom.substring(0, lineStart) + block + pom.substring(lineStart);
        }
        int close = pom.lastIndexOf("</project>");
        int lineStart = lineStart(pom, close);
        String block = normalize(renderer.render(step + step, step), eol);
        return pom.substring(0, lineStart) + step + "<profiles>" + eol + block + step + "</profiles>" + eol
                + pom.substring(lineStart);
    }

    private static boolean importsBom(Document document) {
        Element management = child(document.getDocumentElement(), "dependencyManagement");
        Element dependencies = management == null ? null : child(management, "dependencies");
        if (dependencies == null) {
            return false;
        }
        NodeList list = dependencies.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            if ("software.amazon.awssdk".equals(text(d, "groupId"))
                    && "bom".equals(text(d, "artifactId"))
                    && "import".equals(text(d, "scope"))) {
                return true;
            }
        }
        return false;
    }

    private static String insertBom(String pom, String step, String eol, String sdkVersion, String shownAs)
            throws InputException {
        String d = step + step + step;
        String bom = d + "<dependency>" + eol
                + d + step + "<groupId>software.amazon.awssdk</groupId>" + eol
                + d + step + "<artifactId>bom</artifactId>" + eol
                + d + step + "<version>" + sdkVersion + "</version>" + eol
                + d + step + "<type>pom</type>" + eol
                + d + step + "<scope>import</scope>" + eol
                + d + "</dependency>" + eol;
        Document document = parse(pom, shownAs);
        Element management = child(document.getDocumentElement(), "dependencyManagement");
        int managementAt = pom.indexOf("<dependencyManagement>");
        if (management != null && managementAt >= 0) {
            int dependenciesClose = pom.indexOf("</dependencies>", managementAt);
            int managementClose = pom.indexOf("</dependencyManagement>", managementAt);
            if (dependenciesClose >= 0 && dependenciesClose < managementClose) {
                int lineStart = lineStart(pom, dependenciesClose);
                return pom.substring(0, lineStart) + bom + pom.substring(lineStart);
            }
            int lineStart = lineStart(pom, managementClose);
            return pom.substring(0, lineStart) + step + step + "<dependencies>" + eol + bom + step + step
                    + "</dependencies>" + eol + pom.substring(lineStart);
        }
        String section = step + "<dependencyManagement>" + eol + step + step + "<dependencies>" + eol + bom + step
                + step + "</dependencies>" + eol + step + "</dependencyManagement>" + eol;
        Matcher anchor =
                Pattern.compile("(?m)^[ \\t]*<(dependencies|build|profiles)>").matcher(pom);
        int at = anchor.find() && child(document.getDocumentElement(), anchor.group(1)) != null
                ? anchor.start()
                : lineStart(pom, pom.lastIndexOf("</project>"));
        return pom.substring(0, at) + section + pom.substring(at);
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    /** The pom's own indentation step, read off its first indented element; two spaces if none. */
    static String indentStep(String pom) {
        Matcher m = Pattern.compile("(?m)^([ \\t]+)<[a-zA-Z]").matcher(pom);
        return m.find() ? m.group(1) : "  ";
    }

    private static List<Integer> positions(String text, String needle) {
        List<Integer> out = new ArrayList<>();
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            out.add(i);
        }
        return out;
    }

    private static int lineStart(String text, int index) {
        return text.lastIndexOf('\n', index - 1) + 1;
    }

    private static int lineEnd(String text, int index) {
        int nl = text.indexOf('\n', index);
        return nl < 0 ? text.length() : nl + 1;
    }

    private static int line(String text, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String normalize(String block, String eol) {
        String unix = block.replace("\r\n", "\n");
        return eol.equals("\n") ? unix : unix.replace("\n", eol);
    }
}

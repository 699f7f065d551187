package dev.switchboard.core.profiles;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.registry.Selection;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.DefaultHandler2;

/**
 * Where things are in a pom, as the XML parser reads it: the root element, the project's profiles
 * with their ids, and the switchboard marker comments, each with its line and column for messages and
 * its offset for the edit. Reading the outline is also the well-formedness check: a pom the parser
 * refuses is reported at the parser's place, in plain words.
 *
 * @param root the root element's name
 * @param rootPlace where the root element starts
 * @param elements the first element at each path up to three deep ({@code project/dependencyManagement/dependencies})
 * @param profiles the profiles in {@code <project><profiles>}, in order
 * @param markers the marker comments wherever they are, in order
 * @param importsAwsBom whether {@code <project><dependencyManagement>} imports the AWS SDK BOM
 */
record PomOutline(
        String root,
        Place rootPlace,
        Map<String, Span> elements,
        List<Profile> profiles,
        List<Marker> markers,
        boolean importsAwsBom) {
    static final String BEGIN_MARKER = "switchboard:profiles:begin";
    static final String END_MARKER = "switchboard:profiles:end";
    private static final String PROFILES = "project/profiles";
    private static final String PROFILE = PROFILES + "/profile";
    private static final String MANAGED = "project/dependencyManagement/dependencies/dependency";

    /** A place in the text: the offset for the edit, line and column (1-based) for messages. */
    record Place(int offset, int line, int column) {}

    /** From the start of an element's start tag to just after its end tag. */
    record Span(int start, int end) {}

    /**
     * One {@code <profile>}.
     *
     * @param id its {@code <id>}, or null when it has none
     * @param idPlace where its {@code <id>} starts, or where the profile starts when it has none
     * @param span the whole element
     * @param setsGroup whether it sets a {@code switchboard.group.*} property, as the generated ones do
     */
    record Profile(String id, Place idPlace, Span span, boolean setsGroup) {}

    /**
     * One marker comment.
     *
     * @param begin whether it is the begin marker (else the end marker)
     * @param place where the comment starts
     * @param end the offset just after it
     * @param parent the path of the element it is in ({@code project/profiles}), empty outside the root
     */
    record Marker(boolean begin, Place place, int end, String parent) {}

    /**
     * Reads the outline of {@code text}.
     *
     * @throws InputException when the text is not well-formed XML, at the place the parser stopped
     */
    static PomOutline read(String text, String shownAs) throws InputException {
        Reader reader = new Reader(text);
        try {
            // The JDK's own parser, whatever else the plugin's class path brings: its messages are the ones reworded
            // below.
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            // A pom needs no DTD; refusing one keeps a hostile pom from making the parser fetch files.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            SAXParser parser = factory.newSAXParser();
            parser.setProperty("http://xml.org/sax/properties/lexical-handler", reader);
            parser.parse(new InputSource(new StringReader(text)), reader);
        } catch (SAXParseException e) {
            throw new InputException(notWellFormed(e, text, shownAs));
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser is misconfigured", e);
        }
        return new PomOutline(
                reader.root,
                reader.rootPlace,
                Map.copyOf(reader.elements),
                List.copyOf(reader.profiles),
                List.copyOf(reader.markers),
                reader.importsAwsBom);
    }

    /** The first element at {@code path} ({@code project/profiles}), or null. */
    Span element(String path) {
        return elements.get(path);
    }

    /** The place of a character offset. */
    static Place place(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Place(offset, line, offset - lineStart + 1);
    }

    /** The parser's message in the words of someone editing a pom, with what to do about it. */
    private static Problem notWellFormed(SAXParseException e, String text, String shownAs) {
        String said = e.getMessage() == null ? "" : e.getMessage();
        String what;
        String fix = "correct the XML there (Maven cannot read the pom either); the pom was left untouched";
        if (said.startsWith("Premature end of file")) {
            what = text.isBlank() ? "the file is empty" : "the file ends before its <project> element is complete";
            fix = "restore the pom's content; the pom was left untouched";
        } else if (said.startsWith("XML document structures must start and end within the same entity")) {
            what = "the file ends before every element is closed";
            fix = "add the missing end tags (such as </project>); the pom was left untouched";
        } else if (said.startsWith("Content is not allowed in prolog")) {
            what = "there is text before the first element";
            fix = "start the file with <?xml version=\"1.0\" encoding=\"UTF-8\"?> or <project>;"
                    + " the pom was left untouched";
        } else if (said.startsWith("The markup in the document following the root element")) {
            what = "there is more after the root element's end tag";
            fix = "keep one <project> element and nothing but comments after it; the pom was left untouched";
        } else if (said.startsWith("The reference to entity")
                || said.startsWith("The entity name must immediately follow")
                || (said.startsWith("The entity \"") && said.contains("was referenced, but not declared"))) {
            what = "an & that does not start &amp;, &lt;, &gt;, &quot; or &apos;";
            fix = "write a literal & as &amp;; the pom was left untouched";
        } else if (said.startsWith("DOCTYPE is disallowed")) {
            what = "the pom has a <!DOCTYPE> declaration, which switchboard does not read";
            fix = "remove the <!DOCTYPE …> line (a pom does not need one); the pom was left untouched";
        } else {
            what = "not well-formed XML: " + (said.endsWith(".") ? said.substring(0, said.length() - 1) : said);
        }
        return Problem.at(shownAs, Math.max(e.getLineNumber(), 0), Math.max(e.getColumnNumber(), 0), what, fix);
    }

    /** The SAX callbacks; the locator stands just after each construct, so starts are found in the text. */
    private static final class Reader extends DefaultHandler2 {
        private final String text;
        private final int[] lineStarts;
        private final Deque<String> path = new ArrayDeque<>();
        private final List<Profile> profiles = new ArrayList<>();
        private final List<Marker> markers = new ArrayList<>();
        private Locator locator;
        private String root;
        private Place rootPlace;
        private final Map<String, Span> elements = new HashMap<>();
        private final Deque<Integer> starts = new ArrayDeque<>();
        private boolean importsAwsBom;
        private int profileStart;
        private boolean profileSetsGroup;
        private String profileId;
        private Place idPlace;
        private final Map<String, String> managed = new HashMap<>();
        private StringBuilder captured;

        Reader(String text) {
            this.text = text;
            List<Integer> starts = new ArrayList<>();
            starts.add(0);
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '\n') {
                    starts.add(i + 1);
                }
            }
            this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            int start = text.lastIndexOf('<', here() - 1);
            String name = localName.isEmpty() ? qName : localName;
            path.addLast(name);
            starts.addLast(start);
            String at = String.join("/", path);
            if (path.size() == 1) {
                root = name;
                rootPlace = place(text, start);
            }
            if (at.equals(PROFILE)) {
                profileStart = start;
                profileSetsGroup = false;
                profileId = null;
                idPlace = place(text, start);
            } else if (at.equals(PROFILE + "/id")) {
                idPlace = place(text, start);
                captured = new StringBuilder();
            } else if (at.equals(MANAGED)) {
                managed.clear();
            } else if (at.startsWith(MANAGED + "/") && path.size() == 5) {
                captured = new StringBuilder();
            } else if (path.size() == 5
                    && at.startsWith(PROFILE + "/properties/")
                    && name.startsWith(Selection.GROUP_PROPERTY_PREFIX)) {
                profileSetsGroup = true;
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (captured != null) {
                captured.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            String at = String.join("/", path);
            int start = starts.removeLast();
            if (path.size() <= 3) {
                elements.putIfAbsent(at, new Span(start, here()));
            }
            if (at.equals(PROFILE + "/id")) {
                profileId = captured.toString().trim();
                captured = null;
            } else if (at.equals(PROFILE)) {
                profiles.add(new Profile(profileId, idPlace, new Span(profileStart, here()), profileSetsGroup));
            } else if (at.startsWith(MANAGED + "/") && path.size() == 5) {
                managed.put(path.getLast(), captured.toString().trim());
                captured = null;
            } else if (at.equals(MANAGED)) {
                importsAwsBom |= "software.amazon.awssdk".equals(managed.get("groupId"))
                        && "bom".equals(managed.get("artifactId"))
                        && "import".equals(managed.get("scope"));
            }
            path.removeLast();
        }

        @Override
        public void comment(char[] ch, int start, int length) {
            String body = new String(ch, start, length).trim();
            boolean begin = body.startsWith(BEGIN_MARKER);
            if (begin || body.startsWith(END_MARKER)) {
                int end = here();
                markers.add(
                        new Marker(begin, place(text, text.lastIndexOf("<!--", end - 1)), end, String.join("/", path)));
            }
        }

        /** The offset the locator stands at. */
        private int here() {
            int line = Math.max(locator.getLineNumber(), 1);
            return Math.min(
                    lineStarts[Math.min(line, lineStarts.length) - 1] + locator.getColumnNumber() - 1, text.length());
        }
    }
}

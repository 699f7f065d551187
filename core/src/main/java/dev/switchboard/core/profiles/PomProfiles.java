package dev.switchboard.core.profiles;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.render.RenderException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Puts the profiles block into a {@code pom.xml} as text, so that every byte outside the two marker
 * comments stays as it was: comments, blank lines, order, line ends. The block goes between the
 * markers when they are there, else at the end of {@code <profiles>}, else into a new {@code
 * <profiles>} before {@code </project>}. The AWS SDK BOM is imported when it is not.
 *
 * <p>A pom the result would break is refused instead, naming the place: one that is not well-formed
 * or not a {@code <project>}, markers that are unpaired, out of order, doubled or outside {@code
 * <project><profiles>}, and a profile outside the markers whose id a generated profile has (Maven
 * refuses a pom with two profiles of one id).
 */
public final class PomProfiles {
    static final String BEGIN = "<!-- " + PomOutline.BEGIN_MARKER;
    private static final Pattern PROFILE_ID = Pattern.compile("<profile>\\s*<id>([^<]*)</id>");
    private static final String FIX = "run `mvn switchboard:profiles` to write them";
    private static final String UNTOUCHED = "; the pom was left untouched";
    private static final String RERUN = "; then rerun `mvn switchboard:profiles`";

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

    /** The pom with the block in place, and the block as rendered. */
    private record Placed(String text, String block, String state) {}

    private PomProfiles() {}

    /** The ids of the profiles between the markers, in order; none when there is no block. */
    static List<String> profileIds(String pom) {
        int begin = pom.indexOf(BEGIN);
        int end = pom.indexOf("<!-- " + PomOutline.END_MARKER, begin + 1);
        if (begin < 0 || end < 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = PROFILE_ID.matcher(pom.substring(begin, end));
        while (m.find()) {
            ids.add(m.group(1).trim());
        }
        return ids;
    }

    /**
     * Computes the pom with an up-to-date profiles block and the BOM import.
     *
     * @param pom the pom's text, without a byte-order mark
     * @param shownAs how messages name the pom
     * @throws InputException when the pom is not one the block can go into, every problem placed
     * @throws RenderException when the template fails or renders XML that would break the pom
     */
    public static Edit apply(String pom, BlockRenderer renderer, String sdkVersion, String shownAs)
            throws InputException, RenderException {
        PomOutline outline = PomOutline.read(pom, shownAs);
        requireProject(pom, outline, shownAs);
        checkMarkers(outline, shownAs);
        String eol = pom.contains("\r\n") ? "\r\n" : "\n";
        String step = indentStep(pom);
        Placed placed = outline.markers().isEmpty()
                ? insertBlock(pom, outline, renderer, step, eol)
                : replaceBlock(pom, outline, renderer, step, eol);
        checkClashes(outline, generatedIds(placed.block()), shownAs);
        String text = placed.text();
        boolean bomAdded = !outline.importsAwsBom();
        if (bomAdded) {
            text = insertBom(text, outlineOfEdit(text), step, eol, sdkVersion);
        }
        outlineOfEdit(text);
        return new Edit(text, placed.state(), bomAdded);
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

    private static void requireProject(String pom, PomOutline outline, String shownAs) throws InputException {
        PomOutline.Place at = outline.rootPlace();
        if (!outline.root().equals("project")) {
            throw new InputException(Problem.at(
                    shownAs,
                    at.line(),
                    at.column(),
                    "the root element is <" + outline.root() + ">, so this is not a Maven pom (its root is <project>)",
                    "run the goal in a project whose pom.xml holds a <project>" + UNTOUCHED));
        }
        PomOutline.Span project = outline.element("project");
        if (pom.startsWith("/>", project.end() - 2)) {
            throw new InputException(Problem.at(
                    shownAs,
                    at.line(),
                    at.column(),
                    "<project/> is empty",
                    "give the pom its <modelVersion>, <groupId>, <artifactId> and <version> first" + UNTOUCHED));
        }
    }

    private static void checkMarkers(PomOutline outline, String shownAs) throws InputException {
        List<PomOutline.Marker> begins =
                outline.markers().stream().filter(PomOutline.Marker::begin).toList();
        List<PomOutline.Marker> ends =
                outline.markers().stream().filter(m -> !m.begin()).toList();
        List<Problem> problems = new ArrayList<>();
        if (begins.size() > 1 || ends.size() > 1) {
            PomOutline.Marker second = begins.size() > 1 ? begins.get(1) : ends.get(1);
            problems.add(problem(
                    shownAs,
                    second,
                    begins.size() == ends.size()
                            ? "a second block of switchboard profiles starts here (the first starts on line "
                                    + begins.get(0).place().line() + ")"
                            : "a second " + (second.begin() ? "begin" : "end") + " marker (the first is on line "
                                    + (second.begin() ? begins : ends)
                                            .get(0)
                                            .place()
                                            .line() + ")",
                    "keep one block: delete the other, its markers and the profiles between them" + RERUN));
        } else if (begins.size() != ends.size()) {
            PomOutline.Marker only = begins.isEmpty() ? ends.get(0) : begins.get(0);
            problems.add(
                    only.begin()
                            ? problem(
                                    shownAs,
                                    only,
                                    "the begin marker has no end marker after it",
                                    "put <!-- " + PomOutline.END_MARKER
                                            + " --> after the last generated profile, or delete"
                                            + " the begin marker and the generated profiles" + RERUN)
                            : problem(
                                    shownAs,
                                    only,
                                    "the end marker has no begin marker before it",
                                    "put <!-- " + PomOutline.BEGIN_MARKER
                                            + " --> before the first generated profile, or"
                                            + " delete the end marker and the generated profiles" + RERUN));
        } else if (begins.size() == 1
                && ends.get(0).place().offset() < begins.get(0).place().offset()) {
            problems.add(problem(
                    shownAs,
                    ends.get(0),
                    "the end marker comes before the begin marker (line "
                            + begins.get(0).place().line() + ")",
                    "swap the two markers, or delete both and the generated profiles" + RERUN));
        }
        for (PomOutline.Marker marker : outline.markers()) {
            if (!marker.parent().equals("project/profiles")) {
                problems.add(problem(
                        shownAs,
                        marker,
                        "the " + (marker.begin() ? "begin" : "end") + " marker is "
                                + (marker.parent().isEmpty()
                                        ? "outside <project>"
                                        : "inside <" + marker.parent().replace("/", "><") + ">")
                                + ", where Maven does not read profiles",
                        "move both markers and the profiles between them into <profiles> of <project>, or delete"
                                + " them" + RERUN));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() + " problem(s) with the switchboard profiles markers in " + shownAs
                            + "; the pom was left untouched",
                    problems);
        }
    }

    private static Problem problem(String shownAs, PomOutline.Marker marker, String what, String fix) {
        return Problem.at(shownAs, marker.place().line(), marker.place().column(), what, fix);
    }

    /**
     * A profile outside the markers with the id of a generated one would make two profiles of one id.
     * Profiles that set a {@code switchboard.group.*} property are most likely an earlier run's whose
     * markers were deleted, so they get one problem saying how to hand them back.
     */
    private static void checkClashes(PomOutline outline, Set<String> generated, String shownAs) throws InputException {
        List<PomOutline.Marker> markers = outline.markers();
        List<PomOutline.Profile> clashing = outline.profiles().stream()
                .filter(p -> p.id() != null && generated.contains(p.id()))
                .filter(p -> markers.isEmpty()
                        || p.span().end() < markers.get(0).place().offset()
                        || p.span().start() > markers.get(1).end())
                .toList();
        List<PomOutline.Profile> earlier =
                clashing.stream().filter(PomOutline.Profile::setsGroup).toList();
        List<Problem> problems = new ArrayList<>();
        if (!earlier.isEmpty()) {
            PomOutline.Place first = earlier.get(0).idPlace();
            String ids = earlier.stream().map(p -> "\"" + p.id() + "\"").collect(Collectors.joining(", "));
            problems.add(Problem.at(
                    shownAs,
                    first.line(),
                    first.column(),
                    (earlier.size() == 1
                                    ? "profile " + ids + " looks like one"
                                    : earlier.size() + " profiles (" + ids + ") look like ones")
                            + " `mvn switchboard:profiles` wrote, but "
                            + (markers.isEmpty() ? "the markers around them are gone" : "outside the markers")
                            + ", so the profiles would be written a second time with the same ids",
                    (markers.isEmpty()
                                    ? "put back <!-- " + PomOutline.BEGIN_MARKER + " --> on the line before them and"
                                            + " <!-- " + PomOutline.END_MARKER + " --> on the line after them"
                                    : "move them between the markers")
                            + ", or delete them" + RERUN));
        }
        for (PomOutline.Profile own : clashing) {
            if (!own.setsGroup()) {
                problems.add(Problem.at(
                        shownAs,
                        own.idPlace().line(),
                        own.idPlace().column(),
                        "your profile \"" + own.id() + "\" has the id of a profile switchboard writes, and Maven"
                                + " refuses a pom with two profiles of one id",
                        "rename or remove your profile" + RERUN));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputException(
                    problems.size() + " clash(es) between your profiles and the switchboard profiles in " + shownAs
                            + "; the pom was left untouched",
                    problems);
        }
    }

    /** The ids of the profiles a rendered block holds. */
    private static Set<String> generatedIds(String block) throws RenderException {
        Set<String> ids = new LinkedHashSet<>();
        outlineOfEdit("<project><profiles>\n" + block + "</profiles></project>")
                .profiles()
                .forEach(p -> ids.add(p.id()));
        return ids;
    }

    /**
     * The outline of edited text. Only the template (which a {@code <templateDirectory>} can replace)
     * can make it malformed, so that is what the failure names.
     */
    private static PomOutline outlineOfEdit(String text) throws RenderException {
        try {
            return PomOutline.read(text, ProfilesWriter.TEMPLATE);
        } catch (InputException e) {
            throw new RenderException(
                    ProfilesWriter.TEMPLATE + " renders profiles that would break pom.xml: "
                            + e.problems().get(0).message() + "; fix the template, the pom was left untouched",
                    e);
        }
    }

    /** Between the markers: from the begin marker's line to the end of the end marker's line. */
    private static Placed replaceBlock(String pom, PomOutline outline, BlockRenderer renderer, String step, String eol)
            throws RenderException {
        PomOutline.Marker begin = outline.markers().get(0);
        PomOutline.Marker end = outline.markers().get(1);
        int start = lineStart(pom, begin.place().offset());
        String lead = pom.substring(start, begin.place().offset());
        String base = lead;
        String before = "";
        if (!lead.isBlank()) {
            // Something shares the begin marker's line: keep it and start the block on a line of its own.
            start = begin.place().offset();
            base = indentation(lead) + step;
            before = eol;
        }
        int stop = end.end();
        if (pom.substring(stop, lineEnd(pom, stop)).isBlank()) {
            stop = lineEnd(pom, stop);
        }
        String block = normalize(renderer.render(base, step), eol);
        return new Placed(
                pom.substring(0, start) + before + block + pom.substring(stop),
                block,
                pom.substring(start, stop).equals(before + block) ? "current" : "stale");
    }

    /** At the end of {@code <profiles>}, opening a {@code <profiles/>}, or in a new one before {@code </project>}. */
    private static Placed insertBlock(String pom, PomOutline outline, BlockRenderer renderer, String step, String eol)
            throws RenderException {
        PomOutline.Span profiles = outline.element("project/profiles");
        if (profiles != null && pom.startsWith("/>", profiles.end() - 2)) {
            String indent = indentation(pom.substring(lineStart(pom, profiles.start()), profiles.start()));
            String block = normalize(renderer.render(indent + step, step), eol);
            return new Placed(
                    pom.substring(0, profiles.start()) + "<profiles>" + eol + block + indent + "</profiles>"
                            + pom.substring(profiles.end()),
                    block,
                    "missing");
        }
        PomOutline.Span parent = profiles != null ? profiles : outline.element("project");
        int close = pom.lastIndexOf("</", parent.end() - 1);
        int lineStart = lineStart(pom, close);
        boolean ownLine = pom.substring(lineStart, close).isBlank();
        // The end tag's indentation: its own line's, or, when it shares a line, that of the start tag's line.
        String indent = ownLine
                ? pom.substring(lineStart, close)
                : indentation(pom.substring(lineStart(pom, parent.start()), parent.start()));
        String block;
        String content;
        if (profiles != null) {
            block = normalize(renderer.render(indent + step, step), eol);
            content = block;
        } else {
            block = normalize(renderer.render(indent + step + step, step), eol);
            content = indent + step + "<profiles>" + eol + block + indent + step + "</profiles>" + eol;
        }
        String text = ownLine
                ? pom.substring(0, lineStart) + content + pom.substring(lineStart)
                : pom.substring(0, close) + eol + content + indent + pom.substring(close);
        return new Placed(text, block, "missing");
    }

    private static String insertBom(String pom, PomOutline outline, String step, String eol, String sdkVersion) {
        String d = step + step + step;
        String bom = d + "<dependency>" + eol
                + d + step + "<groupId>software.amazon.awssdk</groupId>" + eol
                + d + step + "<artifactId>bom</artifactId>" + eol
                + d + step + "<version>" + sdkVersion + "</version>" + eol
                + d + step + "<type>pom</type>" + eol
                + d + step + "<scope>import</scope>" + eol
                + d + "</dependency>" + eol;
        PomOutline.Span management = outline.element("project/dependencyManagement");
        if (management != null && !pom.startsWith("/>", management.end() - 2)) {
            PomOutline.Span dependencies = outline.element("project/dependencyManagement/dependencies");
            if (dependencies != null && !pom.startsWith("/>", dependencies.end() - 2)) {
                int lineStart = lineStart(pom, pom.lastIndexOf("</", dependencies.end() - 1));
                return pom.substring(0, lineStart) + bom + pom.substring(lineStart);
            }
            if (dependencies == null) {
                int lineStart = lineStart(pom, pom.lastIndexOf("</", management.end() - 1));
                return pom.substring(0, lineStart) + step + step + "<dependencies>" + eol + bom + step + step
                        + "</dependencies>" + eol + pom.substring(lineStart);
            }
        }
        String section = step + "<dependencyManagement>" + eol + step + step + "<dependencies>" + eol + bom + step
                + step + "</dependencies>" + eol + step + "</dependencyManagement>" + eol;
        if (management != null) {
            // An empty <dependencyManagement/> or <dependencies/>: replace it whole, it holds nothing.
            int lineStart = lineStart(pom, management.start());
            return pom.substring(0, lineStart) + section + pom.substring(lineEnd(pom, management.end()));
        }
        int at = Stream.of("project/dependencies", "project/build", "project/profiles")
                .map(outline::element)
                .filter(Objects::nonNull)
                .mapToInt(span -> lineStart(pom, span.start()))
                .min()
                .orElse(lineStart(
                        pom, pom.lastIndexOf("</", outline.element("project").end() - 1)));
        return pom.substring(0, at) + section + pom.substring(at);
    }

    /** The pom's own indentation step, read off its first indented element; two spaces if none. */
    static String indentStep(String pom) {
        Matcher m = Pattern.compile("(?m)^([ \\t]+)<[a-zA-Z]").matcher(pom);
        return m.find() ? m.group(1) : "  ";
    }

    private static int lineStart(String text, int index) {
        return text.lastIndexOf('\n', index - 1) + 1;
    }

    private static int lineEnd(String text, int index) {
        int nl = text.indexOf('\n', index);
        return nl < 0 ? text.length() : nl + 1;
    }

    /** The spaces and tabs a line starts with. */
    private static String indentation(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    private static String normalize(String block, String eol) {
        String unix = block.replace("\r\n", "\n");
        return eol.equals("\n") ? unix : unix.replace("\n", eol);
    }
}

package dev.switchboard.core.profiles;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.io.AtomicFiles;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.TemplateRenderer;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes or checks the group profiles of a {@code pom.xml}:
 *
 * <ol>
 *   <li>compute the profiles from the catalogue, {@code <groups>} and the registry's groups, and keep
 *       the ones asked for (by default every group and {@code minimal}; {@code all} only when named);
 *   <li>render {@code profiles.xml.ftl} at the pom's own indentation;
 *   <li>put the block between the markers and import the AWS SDK BOM ({@link PomProfiles});
 *   <li>write the pom atomically if it changed, or, when checking, report what is missing or stale.
 * </ol>
 *
 * <p>The pom is read in its own encoding (a UTF-8 byte-order mark or the XML declaration's) and
 * written back in it; a pom that is a symbolic link is written where the link points.
 */
public final class ProfilesWriter {
    static final String TEMPLATE = "profiles.xml.ftl";

    /**
     * @param pom the pom to edit
     * @param groups {@code <groups>}
     * @param registry the registry's services
     * @param templateDirectory overlay templates, or null
     * @param check whether to only check
     * @param profileGroups the profiles to write ({@code <profileGroups>}); null for the default
     */
    public record Request(
            Path pom,
            Map<String, List<String>> groups,
            List<ServiceEntry> registry,
            Path templateDirectory,
            boolean check,
            List<String> profileGroups) {}

    /**
     * @param blockState the block before the run: {@code missing}, {@code stale} or {@code current}
     * @param written whether the pom was written
     * @param bomAdded whether the BOM import was (or, when checking, would be) added
     * @param profiles the ids of the profiles the block holds
     * @param lines how many lines the block has
     * @param checkFailure when checking, what is wrong, else null
     */
    public record Outcome(
            String blockState,
            boolean written,
            boolean bomAdded,
            List<String> profiles,
            int lines,
            String checkFailure) {}

    public Outcome run(Request request) throws InputException, RenderException, IOException {
        String shownAs = request.pom().getFileName().toString();
        // A pom.xml that is a symbolic link is edited where it points, so the link stays a link.
        Path pom = realPath(request.pom(), shownAs);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pom);
        } catch (IOException e) {
            throw new InputException(Problem.in(
                    shownAs, "cannot be read (" + reason(e) + ")", "make it readable; the pom was left untouched"));
        }
        PomText before = PomText.decode(bytes, shownAs);
        ProfilesModel model = ProfilesModel.of(AwsCatalogue.bundled(), request.groups(), request.registry())
                .only(request.profileGroups(), "<profileGroups>");
        TemplateRenderer renderer = new TemplateRenderer(request.templateDirectory());
        int[] lines = {0};
        PomProfiles.Edit edit = PomProfiles.apply(
                before.text(),
                (base, step) -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put("sdkVersion", model.sdkVersion());
                    values.put("profiles", model.profiles());
                    values.put("base", base);
                    values.put("i", step);
                    String block = renderer.render(TEMPLATE, values);
                    lines[0] = (int) block.lines().count();
                    return block;
                },
                model.sdkVersion(),
                shownAs);
        List<String> count =
                model.profiles().stream().map(ProfilesModel.Profile::id).toList();
        if (request.check()) {
            return new Outcome(
                    edit.blockState(),
                    false,
                    edit.bomAdded(),
                    count,
                    lines[0],
                    PomProfiles.checkProblem(edit, model.sdkVersion()));
        }
        if (!edit.changed(before.text())) {
            return new Outcome(edit.blockState(), false, false, count, lines[0], null);
        }
        if (readOnly(pom)) {
            throw new InputException(Problem.in(
                    shownAs,
                    "is read-only" + (pom.equals(request.pom()) ? "" : " (" + pom + ", where the link points)")
                            + ", so the profiles cannot be written",
                    "make it writable, or only check with -Dswitchboard.profiles.check=true; the pom was left"
                            + " untouched"));
        }
        try {
            AtomicFiles.write(pom, before.encode(edit.text()));
        } catch (IOException e) {
            throw new InputException(Problem.in(
                    shownAs,
                    "cannot be written (" + reason(e) + ")",
                    "the new pom is written beside it in " + pom.getParent() + " and moved over it, so that directory"
                            + " must be writable too; the pom was left untouched"));
        }
        return new Outcome(edit.blockState(), true, edit.bomAdded(), count, lines[0], null);
    }

    /** Whether the pom has a profiles block at all; cheap, for deciding whether to check it. */
    /**
     * Warns when the group profiles in {@code pom} no longer match the registry just built (a pom without
     * profiles, or without a pom, says nothing): a stale pom builds the wrong set of services.
     *
     * @param command the command that updates them, as the user runs it ({@code mvn switchboard:profiles})
     */
    public static void warnIfStale(
            Path pom,
            Map<String, List<String>> groups,
            List<ServiceEntry> services,
            Path templateDirectory,
            String command,
            Reporter reporter)
            throws InputException, IOException {
        if (!Files.isRegularFile(pom) || !hasProfiles(pom)) {
            return;
        }
        if (new ProfilesWriter().isStale(new Request(pom, groups, services, templateDirectory, true, null))) {
            reporter.warn("switchboard: the group profiles in pom.xml are stale; run `" + command + "` to update them");
        }
    }

    public static boolean hasProfiles(Path pom) throws IOException {
        // The marker is ASCII, so it is found in the bytes of any encoding a pom is written in.
        return new String(Files.readAllBytes(pom), StandardCharsets.ISO_8859_1).contains(PomProfiles.BEGIN);
    }

    /**
     * Whether the pom's profiles block differs from what would be written; for warnings. With no
     * {@code profileGroups} in the request, the profiles the block already holds are the ones compared,
     * so a block written for a few groups is not called stale by a goal that does not see the setting.
     */
    public boolean isStale(Request request) {
        try {
            List<String> groups = request.profileGroups() != null
                    ? request.profileGroups()
                    : PomProfiles.profileIds(
                            new String(Files.readAllBytes(request.pom()), StandardCharsets.ISO_8859_1));
            return !run(new Request(
                            request.pom(),
                            request.groups(),
                            request.registry(),
                            request.templateDirectory(),
                            true,
                            groups))
                    .blockState()
                    .equals("current");
        } catch (IOException | InputException | RenderException e) {
            // A pom the profiles goal could not edit is reported by that goal; generate only warns.
            return false;
        }
    }

    private static Path realPath(Path pom, String shownAs) throws InputException {
        try {
            return pom.toRealPath();
        } catch (NoSuchFileException e) {
            throw new InputException(Problem.in(
                    shownAs,
                    Files.isSymbolicLink(pom)
                            ? "is a symbolic link to " + e.getFile() + ", which does not exist"
                            : "does not exist",
                    "run the goal in a project directory that has a pom.xml"));
        } catch (IOException e) {
            throw new InputException(Problem.in(
                    shownAs, "cannot be read (" + reason(e) + ")", "make it readable; the pom was left untouched"));
        }
    }

    /**
     * Read-only when the user cannot write it, or when no one may: the permission bits say so even to
     * a user (root) whom the file system would let write.
     */
    private static boolean readOnly(Path pom) throws IOException {
        if (!Files.isWritable(pom)) {
            return true;
        }
        if (!Files.getFileStore(pom).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(pom);
        return !permissions.contains(PosixFilePermission.OWNER_WRITE)
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** An I/O failure in the user's words: the file system's reason, without the exception's class. */
    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "an I/O error" : e.getMessage();
    }
}

package dev.switchboard.core.profiles;

import dev.switchboard.core.aws.AwsCatalogue;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.registry.AtomicFiles;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.TemplateRenderer;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes or checks the group profiles of a {@code pom.xml}:
 *
 * <ol>
 *   <li>compute the profiles from the catalogue, {@code <groups>} and the registry's groups;
 *   <li>render {@code profiles.xml.ftl} at the pom's own indentation;
 *   <li>put the block between the markers and import the AWS SDK BOM ({@link PomProfiles});
 *   <li>write the pom atomically if it changed, or, when checking, report what is missing or stale.
 * </ol>
 */
public final class ProfilesWriter {
    static final String TEMPLATE = "profiles.xml.ftl";

    /**
     * @param pom the pom to edit
     * @param groups {@code <groups>}
     * @param registry the registry's services
     * @param templateDirectory overlay templates, or null
     * @param check whether to only check
     */
    public record Request(
            Path pom,
            Map<String, List<String>> groups,
            List<ServiceEntry> registry,
            Path templateDirectory,
            boolean check) {}

    /**
     * @param blockState the block before the run: {@code missing}, {@code stale} or {@code current}
     * @param written whether the pom was written
     * @param bomAdded whether the BOM import was (or, when checking, would be) added
     * @param profiles how many profiles the block holds
     * @param checkFailure when checking, what is wrong, else null
     */
    public record Outcome(String blockState, boolean written, boolean bomAdded, int profiles, String checkFailure) {}

    public Outcome run(Request request) throws InputException, RenderException, IOException {
        String shownAs = request.pom().getFileName().toString();
        String before;
        try {
            before = Files.readString(request.pom(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(Problem.in(shownAs, "cannot be read (" + e + ")", "check the file's permissions"));
        }
        ProfilesModel model = ProfilesModel.of(AwsCatalogue.bundled(), request.groups(), request.registry());
        TemplateRenderer renderer = new TemplateRenderer(request.templateDirectory());
        PomProfiles.Edit edit = PomProfiles.apply(
                before,
                (base, step) -> {
                    Map<String, Object> values = new HashMap<>();
                    values.put("sdkVersion", model.sdkVersion());
                    values.put("profiles", model.profiles());
                    values.put("base", base);
                    values.put("i", step);
                    return renderer.render(TEMPLATE, values);
                },
                model.sdkVersion(),
                shownAs);
        int count = model.profiles().size();
        if (request.check()) {
            return new Outcome(
                    edit.blockState(),
                    false,
                    edit.bomAdded(),
                    count,
                    PomProfiles.checkProblem(edit, model.sdkVersion()));
        }
        if (!edit.changed(before)) {
            return new Outcome(edit.blockState(), false, false, count, null);
        }
        if (!Files.isWritable(request.pom())) {
            throw new InputException(Problem.in(
                    shownAs,
                    "is not writable, so the profiles cannot be written",
                    "make it writable, or check with -Dswitchboard.profiles.check=true; the pom was left untouched"));
        }
        AtomicFiles.write(request.pom(), edit.text().getBytes(StandardCharsets.UTF_8));
        return new Outcome(edit.blockState(), true, edit.bomAdded(), count, null);
    }

    /** Whether the pom has a profiles block at all; cheap, for deciding whether to check it. */
    public static boolean hasProfiles(Path pom) throws IOException {
        return Files.readString(pom, StandardCharsets.UTF_8).contains(PomProfiles.BEGIN);
    }

    /** Whether the pom's profiles block differs from what would be written; for warnings. */
    public boolean isStale(Request request) {
        try {
            return !run(new Request(
                            request.pom(), request.groups(), request.registry(), request.templateDirectory(), true))
                    .blockState()
                    .equals("current");
        } catch (IOException | InputException | RenderException e) {
            // A pom the profiles goal could not edit is reported by that goal; generate only warns.
            return false;
        }
    }
}

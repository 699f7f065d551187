package dev.switchboard.cli.command;

import dev.switchboard.cli.console.Console;
import dev.switchboard.cli.console.ExitCode;
import dev.switchboard.cli.console.Terms;
import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.Problem;
import dev.switchboard.core.profiles.ProfilesWriter;
import dev.switchboard.core.registry.RegistryBuilder;
import dev.switchboard.core.registry.RegistryOutcome;
import dev.switchboard.core.registry.RegistryRequest;
import dev.switchboard.core.registry.Selection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code switchboard profiles}, the {@code profiles} goal. */
@Command(
        name = "profiles",
        sortOptions = false,
        description = {
            "Write (or --check) one Maven profile per service group in the pom.",
            "Writes one Maven profile per service group into the pom, between two marker comments inside"
                    + " <profiles>: each adds its group's AWS SDK modules (versionless, from the AWS SDK BOM,"
                    + " which is imported if it is not) and sets switchboard.group.<name>=true; plus all and"
                    + " minimal. Everything outside the markers stays byte for byte.",
            "With --check it changes nothing and exits 1 when the block is missing or stale."
        })
final class ProfilesCommand extends SwitchboardSubcommand {
    @ArgGroup(
            validate = false,
            heading = "%nProject (relative paths are taken from the current directory):%n",
            order = 10)
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--pom", paramLabel = "FILE", order = 0, description = "The pom to edit. Default: BASE/pom.xml.")
    Path pom;

    @Option(names = "--check", order = 1, description = "Only check that the profiles are present and current.")
    boolean check;

    @Option(
            names = "--templates",
            paramLabel = "DIR",
            order = 2,
            description = "A directory whose profiles.xml.ftl replaces the bundled one.")
    Path templates;

    @Option(
            names = "--groups",
            paramLabel = "GROUP",
            split = ",",
            order = 3,
            description = "Write only these groups' profiles (all and minimal included only when named)."
                    + " Default: every group and minimal.")
    List<String> groups;

    @Override
    int run(Console console) throws Exception {
        List<Problem> problems = new ArrayList<>();
        Path pomFile = ProjectOptions.file(pom != null ? pom : project.base().resolve("pom.xml"), "--pom", problems);
        Path templateDirectory = templates == null ? null : ProjectOptions.absolute(templates);
        if (templateDirectory != null && !Files.isDirectory(templateDirectory)) {
            problems.add(Problem.in(
                    "--templates", templateDirectory + " is not a directory", "correct the path or leave it out"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems.size() + " problem(s) with the options", problems);
        }
        RegistryRequest request = project.request(Selection.all());
        RegistryOutcome built = new RegistryBuilder(console).build(request);
        built.notes().forEach(console::warn);
        ProfilesWriter.Outcome outcome = new ProfilesWriter()
                .run(new ProfilesWriter.Request(
                        pomFile,
                        request.groups(),
                        built.services(),
                        templateDirectory,
                        check,
                        groups == null
                                ? null
                                : groups.stream()
                                        .map(String::trim)
                                        .filter(g -> !g.isEmpty())
                                        .distinct()
                                        .toList()));
        String profiles = outcome.profiles().size() + " group profiles";
        String shown = project.shown(pomFile);
        if (check) {
            if (outcome.checkFailure() != null) {
                console.error("switchboard: " + Terms.text(outcome.checkFailure()));
                return ExitCode.FINDING;
            }
            console.info("switchboard: the " + profiles + " in " + shown + " are current");
        } else if (outcome.written()) {
            console.info("switchboard: wrote " + profiles + " (" + String.join(", ", outcome.profiles()) + "; "
                    + outcome.lines() + " lines) into " + shown + " (they were " + outcome.blockState() + ")"
                    + (outcome.bomAdded() ? " and imported the AWS SDK BOM" : "")
                    + (groups == null ? "; --groups writes fewer" : ""));
        } else {
            console.info("switchboard: the " + profiles + " in " + shown + " are current, nothing rewritten");
        }
        return ExitCode.OK;
    }
}

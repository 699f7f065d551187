package dev.switchboard.core.watch;

import dev.switchboard.core.diag.InputException;
import dev.switchboard.core.diag.IoProblems;
import dev.switchboard.core.diag.Reporter;
import dev.switchboard.core.inspect.RegistryDiff;
import dev.switchboard.core.render.GenerateOutcome;
import dev.switchboard.core.render.GenerateRequest;
import dev.switchboard.core.render.RenderException;
import dev.switchboard.core.render.SourceGenerator;
import dev.switchboard.runtime.registry.Registry;
import dev.switchboard.runtime.registry.ServiceEntry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rebuilds of one {@code watch} run: each builds the registry and renders the sources as {@code
 * generate} does ({@link SourceGenerator}), then logs one line of what changed against the last good
 * registry, such as {@code switchboard: watch: +service billing, -method user.DeleteUser, 2 files
 * regenerated (48 ms)}. A failed rebuild logs every problem and leaves the registry and the generated
 * sources as they were (the engine writes nothing until everything succeeded); the next good one says
 * it recovered.
 */
public final class WatchSession {
    /** How many changes one line names before it only counts the rest. */
    static final int SHOWN = 10;

    private final Reporter log;
    private List<ServiceEntry> lastGood;
    private boolean broken;

    /**
     * @param lastGood the services of the registry the outputs were last generated from, or null when
     *     unknown (the first build failed)
     * @param log where the lines go
     */
    public WatchSession(List<ServiceEntry> lastGood, Reporter log) {
        this.lastGood = lastGood == null ? null : List.copyOf(lastGood);
        this.log = log;
    }

    /** Rebuilds the registry and the sources from {@code request} and logs the outcome in one line. */
    public synchronized void rebuild(GenerateRequest request) {
        long started = System.nanoTime();
        try {
            GenerateOutcome outcome = new SourceGenerator().generate(request);
            List<ServiceEntry> now = outcome.registry().written() || lastGood == null
                    ? outcome.registry().services()
                    : lastGood;
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("switchboard: watch: " + (broken ? "recovered, " : "") + summary(lastGood, now, outcome) + " ("
                    + millis + " ms)");
            lastGood = now;
            broken = false;
        } catch (InputException e) {
            e.problems().forEach(p -> log.error(p.toString()));
            failed(e.problems().size() + " problem(s) in the inputs");
        } catch (RenderException e) {
            failed("a template failed: " + e.getMessage());
        } catch (IOException e) {
            failed("cannot read an input or write the generated files: " + IoProblems.describe(e));
        } catch (RuntimeException e) {
            // The watch outlives one bad rebuild: say what happened and keep waiting for the next change.
            failed("the rebuild failed unexpectedly (" + e + ")");
        }
    }

    /** A rebuild that could not start (its configuration no longer holds); says so like a failed one. */
    public synchronized void failed(String why) {
        broken = true;
        log.error("switchboard: watch: " + why + "; the registry and generated sources were left as they were,"
                + " waiting for the next change");
    }

    /** What changed, without the time: services and methods added, removed or changed, then the files. */
    static String summary(List<ServiceEntry> before, List<ServiceEntry> after, GenerateOutcome outcome) {
        List<String> parts = new ArrayList<>();
        if (before == null) {
            parts.add(after.size() + " service(s)");
        } else {
            Set<String> changes = new LinkedHashSet<>();
            for (RegistryDiff.Change c : RegistryDiff.of(Registry.of("", before), Registry.of("", after))
                    .changes()) {
                // A deleted file or package is summed up by its services, which are listed too.
                if (!c.subject().startsWith("file ") && !c.subject().startsWith("package ")) {
                    changes.add(describe(c));
                }
            }
            List<String> shown = new ArrayList<>(changes);
            if (shown.size() > SHOWN) {
                int more = shown.size() - SHOWN;
                shown = new ArrayList<>(shown.subList(0, SHOWN));
                shown.add("and " + more + " more");
            }
            parts.addAll(shown);
        }
        int files = outcome.written() + outcome.deleted();
        if (parts.isEmpty() && files == 0) {
            return outcome.registry().written()
                    ? "services and methods unchanged, no source changed"
                    : "nothing changed";
        }
        if (parts.isEmpty()) {
            parts.add("services and methods unchanged");
        }
        parts.add(files == 0 ? "no source changed" : files + (files == 1 ? " file" : " files") + " regenerated");
        return String.join(", ", parts);
    }

    /** {@code +service billing}, {@code -method user.DeleteUser}, {@code ~method user.GetUser}. */
    private static String describe(RegistryDiff.Change c) {
        String sign = switch (c.kind()) {
            case "added" -> "+";
            case "removed" -> "-";
            default -> "~";
        };
        if (c.subject().startsWith("service ")) {
            return sign + c.subject();
        }
        boolean wholeMethod = "method".equals(c.detail()) && !"changed".equals(c.kind());
        // "user.GetUser input" or "user.GetUser http": a part of the method changed, not the method itself.
        String method = c.subject().split(" ", 2)[0];
        return (wholeMethod ? sign : "~") + "method " + method;
    }
}

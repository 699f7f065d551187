package dev.switchboard.core.proto;

import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import dev.switchboard.core.diag.Problem;
import java.util.List;
import java.util.Map;

/**
 * A linked schema and the files of it that came from source roots (the others were only imported).
 *
 * @param schema the linked schema
 * @param sourceFiles the source-root files, sorted by path
 * @param texts the source files' texts as parsed, by their path below the source root
 * @param shownPaths the source files' paths as the user reads them (relative to the project), by the
 *     same path
 * @param warnings what the user should know about the files, though nothing failed
 */
record LoadedProtos(
        Schema schema,
        List<ProtoFile> sourceFiles,
        Map<String, String> texts,
        Map<String, String> shownPaths,
        List<Problem> warnings) {

    LoadedProtos {
        texts = Map.copyOf(texts);
        shownPaths = Map.copyOf(shownPaths);
        warnings = List.copyOf(warnings);
    }
}

package dev.switchboard.core.proto;

import com.squareup.wire.schema.ProtoFile;
import com.squareup.wire.schema.Schema;
import java.util.List;

/**
 * A linked schema and the files of it that came from source roots (the others were only imported).
 *
 * @param schema the linked schema
 * @param sourceFiles the source-root files, sorted by path
 */
record LoadedProtos(Schema schema, List<ProtoFile> sourceFiles) {}

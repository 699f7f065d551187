package dev.switchboard.core.proto;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The comment protoc attaches to a definition as its leading comment: the comment block that ends on the
 * line right above it. A comment separated from the definition by a blank line is detached (a section
 * banner such as {@code // --- Services ---}) and describes nothing; Wire's parser keeps it, so the
 * description is taken from the text instead.
 */
final class LeadingComment {
    private LeadingComment() {}

    /**
     * The leading comment of the definition starting on {@code line} (1-based), without markers; or null.
     *
     * @param lines the file's lines (indexed once per file: a file may hold many services)
     */
    static String of(TextLines lines, int line) {
        if (lines == null || line < 2) {
            return null;
        }
        int above = line - 2;
        if (above >= lines.count()) {
            return null;
        }
        List<String> comment = new ArrayList<>();
        String last = lines.get(above).strip();
        if (last.startsWith("//")) {
            for (int i = above; i >= 0 && lines.get(i).strip().startsWith("//"); i--) {
                comment.add(withoutSpace(lines.get(i).strip().substring(2)));
            }
            Collections.reverse(comment);
        } else if (last.endsWith("*/")) {
            int open = above;
            while (open >= 0 && !lines.get(open).contains("/*")) {
                open--;
            }
            // "message A {} /* … */" is a trailing comment of A, not a leading one of what follows.
            if (open < 0 || !lines.get(open).strip().startsWith("/*")) {
                return null;
            }
            List<String> blockLines = new ArrayList<>();
            for (int i = open; i <= above; i++) {
                blockLines.add(lines.get(i));
            }
            String block = String.join("\n", blockLines).strip();
            if (block.length() < "/**/".length()) {
                return null;
            }
            block = block.substring(2, block.length() - 2);
            for (String part : block.split("\n", -1)) {
                String stripped = part.strip();
                comment.add(withoutSpace(stripped.startsWith("*") ? stripped.substring(1) : stripped));
            }
        } else {
            return null;
        }
        String joined = String.join("\n", comment).strip();
        return joined.isEmpty() ? null : joined;
    }

    private static String withoutSpace(String s) {
        return s.startsWith(" ") ? s.substring(1) : s;
    }
}

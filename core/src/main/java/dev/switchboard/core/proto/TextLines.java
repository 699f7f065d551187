package dev.switchboard.core.proto;

import java.util.Arrays;

/**
 * A text's lines, cut at each {@code \n} with a {@code \r} before it dropped, found by where each starts:
 * only the few lines around a definition are ever read, so none is copied until it is asked for.
 */
final class TextLines {
    private final String text;
    private final int[] starts;
    private final int count;

    private TextLines(String text, int[] starts, int count) {
        this.text = text;
        this.starts = starts;
        this.count = count;
    }

    static TextLines of(String text) {
        int[] starts = new int[64];
        int count = 1;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = end + 1;
        }
        return new TextLines(text, starts, count);
    }

    /** How many lines the text has: one more than its {@code \n}s. */
    int count() {
        return count;
    }

    /** The line at {@code index} (0-based), without its line end. */
    String get(int index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException("line " + index + " of " + count);
        }
        int start = starts[index];
        if (index == count - 1) {
            return text.substring(start);
        }
        int end = starts[index + 1] - 1;
        return text.substring(start, end > start && text.charAt(end - 1) == '\r' ? end - 1 : end);
    }
}

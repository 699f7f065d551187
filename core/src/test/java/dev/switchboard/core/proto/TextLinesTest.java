package dev.switchboard.core.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TextLinesTest {
    private static List<String> all(String text) {
        TextLines lines = TextLines.of(text);
        List<String> all = new ArrayList<>();
        for (int i = 0; i < lines.count(); i++) {
            all.add(lines.get(i));
        }
        return all;
    }

    @Test
    @DisplayName("lines are cut at each \\n, a \\r before it dropped, as String.split would give them")
    void cutsAtLineFeeds() {
        assertThat(all("a\nb\r\n\nc")).containsExactly("a", "b", "", "c");
        assertThat(all("a\n")).containsExactly("a", "");
        assertThat(all("")).containsExactly("");
        assertThat(all("\r\n\r")).containsExactly("", "\r");
    }

    @Test
    @DisplayName("many lines, past the first guess of their number")
    void manyLines() {
        String text = "line\n".repeat(1000) + "last";

        TextLines lines = TextLines.of(text);

        assertThat(lines.count()).isEqualTo(1001);
        assertThat(lines.get(999)).isEqualTo("line");
        assertThat(lines.get(1000)).isEqualTo("last");
        assertThatThrownBy(() -> lines.get(1001)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}

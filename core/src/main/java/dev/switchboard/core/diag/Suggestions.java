package dev.switchboard.core.diag;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean" help for names the user mistyped. */
public final class Suggestions {
    private Suggestions() {}

    /** Up to three known names closest to {@code name} by edit distance, nearest first. */
    public static List<String> nearest(String name, Collection<String> known) {
        int limit = Math.max(2, name.length() / 2);
        return known.stream()
                .filter(k -> distance(name, k) <= limit || k.contains(name) || name.contains(k))
                .sorted(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k))
                .limit(3)
                .toList();
    }

    /** {@code "nearest: a, b"} or, when nothing is near, the first known names. */
    public static String describe(String name, Collection<String> known) {
        List<String> near = nearest(name, known);
        if (!near.isEmpty()) {
            return "nearest: " + String.join(", ", near);
        }
        List<String> some = known.stream().sorted().limit(10).toList();
        return some.isEmpty()
                ? "none are known"
                : "known: " + String.join(", ", some) + (known.size() > 10 ? ", …" : "");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}

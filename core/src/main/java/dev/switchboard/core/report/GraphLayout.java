package dev.switchboard.core.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Positions for the report's dependency graph, computed at build time so that the page draws 1,700
 * services at once instead of running a layout in the browser (the browser's force layouts are
 * quadratic per step and take seconds at that size). The stages:
 *
 * <ol>
 *   <li>split the graph, edges taken both ways, into connected parts;
 *   <li>in each part, fold the leaves (services joined to one other service only) into their neighbour:
 *       a hub such as googleapis' {@code operations}, with 494 dependents, becomes one disc of rings
 *       instead of 495 springs pulling together;
 *   <li>lay out the rest of each part with Fruchterman and Reingold's spring model, discs as wide as
 *       their rings, starting from a sunflower spiral in breadth-first order from the best-connected
 *       service, with repulsion only between discs closer than two edge lengths (a grid finds them);
 *   <li>put each disc's leaves on rings around it, in name order;
 *   <li>pack the parts, largest first, into rows about as wide as the whole is tall times 1.6; the
 *       services with no edge at all come last, as a grid.
 * </ol>
 *
 * Everything is deterministic: no random numbers, the same input gives the same positions on every
 * machine, so the report's bytes only change when the registry does.
 */
final class GraphLayout {
    /** The length an edge settles at, in the drawing's units (pixels at zoom 1). */
    static final double EDGE = 60;

    /** The distance between two leaves on a ring, and between two rings. */
    private static final double RING = EDGE * 0.8;

    private static final double GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
    private static final int STEPS = 200;

    /** A position. */
    record Point(double x, double y) {}

    private GraphLayout() {}

    /**
     * @param nodes every node, in a stable order
     * @param edges pairs of node names; pairs naming other nodes and loops are ignored
     * @return a position for every node
     */
    static Map<String, Point> of(List<String> nodes, List<List<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        nodes.forEach(n -> index.putIfAbsent(n, index.size()));
        List<TreeSet<Integer>> next = new ArrayList<>();
        nodes.forEach(n -> next.add(new TreeSet<>()));
        for (List<String> edge : edges) {
            Integer a = index.get(edge.get(0));
            Integer b = index.get(edge.get(1));
            if (a != null && b != null && !a.equals(b)) {
                next.get(a).add(b);
                next.get(b).add(a);
            }
        }
        List<Part> parts = new ArrayList<>();
        for (List<Integer> members : components(next)) {
            parts.add(members.size() == 1 ? new Part(members, new double[][] {{0, 0}}) : part(members, next));
        }
        parts.sort(Comparator.comparingInt((Part p) -> -p.members.size()).thenComparingInt(p -> p.members.get(0)));
        Map<String, Point> out = new LinkedHashMap<>();
        pack(parts, (member, x, y) -> out.put(nodes.get(member), new Point(round(x), round(y))));
        return out;
    }

    /** The connected parts, each listed breadth-first from its service with the most edges. */
    private static List<List<Integer>> components(List<TreeSet<Integer>> next) {
        boolean[] seen = new boolean[next.size()];
        List<List<Integer>> out = new ArrayList<>();
        for (int start = 0; start < next.size(); start++) {
            if (seen[start]) {
                continue;
            }
            List<Integer> members = breadthFirst(start, next, seen);
            int hub = members.stream()
                    .max(Comparator.comparingInt((Integer m) -> next.get(m).size())
                            .thenComparingInt(m -> -m))
                    .orElseThrow();
            if (hub != start) {
                members.forEach(m -> seen[m] = false);
                members = breadthFirst(hub, next, seen);
            }
            out.add(members);
        }
        return out;
    }

    private static List<Integer> breadthFirst(int start, List<TreeSet<Integer>> next, boolean[] seen) {
        List<Integer> members = new ArrayList<>();
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
        seen[start] = true;
        while (!queue.isEmpty()) {
            int at = queue.poll();
            members.add(at);
            for (int n : next.get(at)) {
                if (!seen[n]) {
                    seen[n] = true;
                    queue.add(n);
                }
            }
        }
        return members;
    }

    /** One connected part laid out on its own, its positions in member order. */
    private record Part(List<Integer> members, double[][] at) {
        double minX() {
            return extreme(0, -1);
        }

        double minY() {
            return extreme(1, -1);
        }

        double width() {
            return extreme(0, 1) - minX();
        }

        double height() {
            return extreme(1, 1) - minY();
        }

        private double extreme(int axis, int sign) {
            double best = at[0][axis];
            for (double[] p : at) {
                best = sign > 0 ? Math.max(best, p[axis]) : Math.min(best, p[axis]);
            }
            return best;
        }
    }

    /** Folds the leaves, springs the rest, then rings the leaves around their neighbours. */
    private static Part part(List<Integer> members, List<TreeSet<Integer>> next) {
        Map<Integer, List<Integer>> leaves = new TreeMap<>();
        List<Integer> core = new ArrayList<>();
        for (int m : members) {
            Integer only = next.get(m).size() == 1 ? next.get(m).first() : null;
            if (only != null && next.get(only).size() > 1) {
                leaves.computeIfAbsent(only, k -> new ArrayList<>()).add(m);
            } else {
                core.add(m);
            }
        }
        double[] radius = new double[core.size()];
        for (int i = 0; i < core.size(); i++) {
            radius[i] = RING * rings(leaves.getOrDefault(core.get(i), List.of()).size());
        }
        double[][] coreAt = spring(core, next, radius);
        List<Integer> placed = new ArrayList<>(core);
        List<double[]> at = new ArrayList<>(Arrays.asList(coreAt));
        for (int i = 0; i < core.size(); i++) {
            List<Integer> around = new ArrayList<>(leaves.getOrDefault(core.get(i), List.of()));
            around.sort(Comparator.naturalOrder());
            int ring = 1;
            int onRing = 0;
            for (int leaf : around) {
                int capacity = capacity(ring);
                if (onRing == capacity) {
                    ring++;
                    onRing = 0;
                    capacity = capacity(ring);
                }
                double angle = -Math.PI / 2 + ring * 0.5 + 2 * Math.PI * onRing / capacity;
                placed.add(leaf);
                at.add(new double[] {
                    coreAt[i][0] + RING * ring * Math.cos(angle), coreAt[i][1] + RING * ring * Math.sin(angle)
                });
                onRing++;
            }
        }
        return new Part(placed, at.toArray(double[][]::new));
    }

    /** How many leaves ring {@code ring} holds: its circumference over the spacing. */
    private static int capacity(int ring) {
        return (int) Math.floor(2 * Math.PI * ring);
    }

    /** How many rings {@code leaves} leaves take. */
    private static int rings(int leaves) {
        int rings = 0;
        for (int left = leaves; left > 0; left -= capacity(rings)) {
            rings++;
        }
        return rings;
    }

    /**
     * Fruchterman and Reingold between discs: an edge pulls with d² / k and two discs closer than 2k
     * push apart with k² / d, d being the gap between the discs' rims. The temperature (the most a disc
     * moves in a step) starts at two edge lengths and falls to nothing.
     */
    private static double[][] spring(List<Integer> members, List<TreeSet<Integer>> next, double[] radius) {
        int n = members.size();
        Map<Integer, Integer> local = new HashMap<>();
        members.forEach(m -> local.put(m, local.size()));
        int[][] edges = members.stream()
                .flatMap(m -> next.get(m).stream()
                        .filter(o -> o > m && local.containsKey(o))
                        .map(o -> new int[] {local.get(m), local.get(o)}))
                .toArray(int[][]::new);
        double[][] at = new double[n][2];
        for (int i = 0; i < n; i++) {
            double r = EDGE * 0.6 * Math.sqrt(i);
            at[i][0] = r * Math.cos(i * GOLDEN_ANGLE);
            at[i][1] = r * Math.sin(i * GOLDEN_ANGLE);
        }
        double[][] move = new double[n][2];
        for (int step = 0; step < STEPS && n > 1; step++) {
            double temperature = 2 * EDGE * (1 - step / (double) STEPS) + 0.5;
            for (double[] m : move) {
                m[0] = 0;
                m[1] = 0;
            }
            repel(at, radius, move);
            for (int[] e : edges) {
                double dx = at[e[0]][0] - at[e[1]][0];
                double dy = at[e[0]][1] - at[e[1]][1];
                double d = Math.max(Math.sqrt(dx * dx + dy * dy), 0.01);
                double gap = Math.max(d - radius[e[0]] - radius[e[1]], 0.01);
                double pull = gap * gap / EDGE / d; // d² / k along the unit vector
                move[e[0]][0] -= dx * pull;
                move[e[0]][1] -= dy * pull;
                move[e[1]][0] += dx * pull;
                move[e[1]][1] += dy * pull;
            }
            for (int i = 0; i < n; i++) {
                double length = Math.sqrt(move[i][0] * move[i][0] + move[i][1] * move[i][1]);
                if (length > 0) {
                    double scale = Math.min(length, temperature) / length;
                    at[i][0] += move[i][0] * scale;
                    at[i][1] += move[i][1] * scale;
                }
            }
        }
        return at;
    }

    /**
     * The push between discs whose rims are closer than 2k, found through a grid of cells as wide as
     * that reach from the widest disc, kept as linked lists in arrays ({@code first} per cell, {@code
     * next} per disc) so that a step allocates little.
     */
    private static void repel(double[][] at, double[] radius, double[][] move) {
        double widest = Arrays.stream(radius).max().orElse(0);
        double cell = 2 * EDGE + 2 * widest;
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (double[] p : at) {
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        int columns = (int) ((maxX - minX) / cell) + 1;
        int rows = (int) ((maxY - minY) / cell) + 1;
        int[] first = new int[columns * rows];
        Arrays.fill(first, -1);
        int[] next = new int[at.length];
        int[] cx = new int[at.length];
        int[] cy = new int[at.length];
        for (int i = 0; i < at.length; i++) {
            cx[i] = (int) ((at[i][0] - minX) / cell);
            cy[i] = (int) ((at[i][1] - minY) / cell);
            int c = cy[i] * columns + cx[i];
            next[i] = first[c];
            first[c] = i;
        }
        for (int i = 0; i < at.length; i++) {
            for (int gy = Math.max(0, cy[i] - 1); gy <= Math.min(rows - 1, cy[i] + 1); gy++) {
                for (int gx = Math.max(0, cx[i] - 1); gx <= Math.min(columns - 1, cx[i] + 1); gx++) {
                    for (int j = first[gy * columns + gx]; j >= 0; j = next[j]) {
                        if (j != i) {
                            push(at, radius, move, i, j);
                        }
                    }
                }
            }
        }
    }

    private static void push(double[][] at, double[] radius, double[][] move, int i, int j) {
        double dx = at[i][0] - at[j][0];
        double dy = at[i][1] - at[j][1];
        double d = Math.sqrt(dx * dx + dy * dy);
        if (d == 0) {
            // Two discs on one spot: push them apart along a fixed direction by index.
            dx = i < j ? 0.1 : -0.1;
            d = 0.1;
        }
        double gap = Math.max(d - radius[i] - radius[j], 0.01);
        if (gap < 2 * EDGE) {
            double push = EDGE * EDGE / gap / d; // k² / d along the unit vector
            move[i][0] += dx * push;
            move[i][1] += dy * push;
        }
    }

    /** Receives a service's final position. */
    private interface Placement {
        void place(int member, double x, double y);
    }

    /** Shelf packing: rows left to right, a gap of one edge length between parts. */
    private static void pack(List<Part> parts, Placement placement) {
        double gap = EDGE;
        double area = 0;
        double widest = 0;
        for (Part p : parts) {
            area += (p.width() + gap) * (p.height() + gap);
            widest = Math.max(widest, p.width() + gap);
        }
        double rowWidth = Math.max(widest, Math.sqrt(area * 1.6));
        double x = 0;
        double y = 0;
        double rowHeight = 0;
        for (Part p : parts) {
            double w = p.width() + gap;
            if (x > 0 && x + w > rowWidth) {
                x = 0;
                y += rowHeight;
                rowHeight = 0;
            }
            double left = p.minX();
            double top = p.minY();
            for (int i = 0; i < p.members.size(); i++) {
                placement.place(p.members.get(i), x + p.at[i][0] - left, y + p.at[i][1] - top);
            }
            x += w;
            rowHeight = Math.max(rowHeight, p.height() + gap);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}

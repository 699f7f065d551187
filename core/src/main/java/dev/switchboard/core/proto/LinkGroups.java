package dev.switchboard.core.proto;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Splits the files whose services are mapped into groups that are linked and mapped side by side, one per
 * core. Wire's linker runs on one thread and is most of a large build's time; two files can be linked
 * apart when each is linked together with every source it imports, directly or not, which is what a
 * group holds: the group's own files and their imports. The groups are runs of the files in path order,
 * of about equal size in bytes, so that a package and the packages next to it, which import one another,
 * mostly fall into one group and little is linked twice.
 */
final class LinkGroups {
    /** Below this many files one link is as quick: the second thread's start-up would not pay. */
    static final int MIN_FILES = 200;

    private LinkGroups() {}

    /**
     * The files to map, in path order, cut into at most {@code parts} runs of about equal size; one run
     * when there are few.
     *
     * @param files the files whose services are mapped, by their path below the source root
     * @param sizes each file's size in bytes, by the same path
     */
    static List<List<String>> split(Collection<String> files, Map<String, Long> sizes, int parts) {
        List<String> sorted = files.stream().sorted().toList();
        if (parts < 2 || sorted.size() < MIN_FILES) {
            return List.of(sorted);
        }
        long total = 0;
        for (String file : sorted) {
            total += size(file, sizes);
        }
        List<List<String>> groups = new ArrayList<>();
        List<String> current = new ArrayList<>();
        long filled = 0;
        for (String file : sorted) {
            current.add(file);
            filled += size(file, sizes);
            if (groups.size() < parts - 1 && filled * parts >= total * (groups.size() + 1)) {
                groups.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        return groups;
    }

    private static long size(String file, Map<String, Long> sizes) {
        return sizes.getOrDefault(file, 0L) + 1;
    }
}

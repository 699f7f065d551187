package dev.switchboard.core.inspect;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How {@link BreakingRules} judges a change.
 *
 * @param category the rules that apply, as buf's {@code breaking.use} picks them
 * @param ignoreUnstablePackages whether services of unstable packages are exempt, as buf's {@code
 *     ignore_unstable_packages}: packages of two or more components whose last is {@code v1alpha1}, {@code
 *     v1beta}, {@code v1p1beta1}, {@code v1test} or {@code v1testfoo} (numbers from 1)
 */
public record BreakingOptions(BreakingCategory category, boolean ignoreUnstablePackages) {
    /** What {@code compare} did before categories: buf's {@code PACKAGE}, every package checked. */
    public static final BreakingOptions DEFAULT = new BreakingOptions(BreakingCategory.PACKAGE, false);

    private static final String NUMBER = "0*[1-9][0-9]*";
    private static final Pattern UNSTABLE =
            Pattern.compile("v" + NUMBER + "test.*|v" + NUMBER + "(p" + NUMBER + ")?(alpha|beta)(" + NUMBER + ")?");

    public BreakingOptions {
        Objects.requireNonNull(category, "category");
    }

    /** Whether {@code protoPackage} is one buf calls unstable (alpha, beta or test). */
    public static boolean unstable(String protoPackage) {
        if (protoPackage == null) {
            return false;
        }
        int dot = protoPackage.lastIndexOf('.');
        return dot > 0 && UNSTABLE.matcher(protoPackage.substring(dot + 1)).matches();
    }

    /** Whether a change to something of {@code protoPackage} is exempt. */
    boolean exempt(String protoPackage) {
        return ignoreUnstablePackages && unstable(protoPackage);
    }
}

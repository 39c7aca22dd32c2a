package dev.charter.cli.kube;

import java.util.regex.Pattern;

/**
 * The AGE column of {@code status} resource tables is wall-clock dependent: the two tools print
 * it a second apart often enough to make byte comparisons flaky, so tests mask it.
 */
final class KubeAges {
    private static final Pattern AGE = Pattern.compile("(?m)( +)\\d+(s|m|h|d)(\\d+(s|m|h))?$");

    private KubeAges() {
    }

    static String mask(String s) {
        return AGE.matcher(s).replaceAll("$1AGE");
    }
}

package dev.charter.chart.render;

import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoTypeName;
import dev.charter.template.value.GoVisible;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helm's {@code common.KubeVersion}: Version, Major, Minor; String() and GitVersion(). */
@GoTypeName("common.KubeVersion")
public final class KubeVersion implements GoStringer {
    @GoVisible("Version")
    public final String version;
    @GoVisible("Major")
    public final String major;
    @GoVisible("Minor")
    public final String minor;
    private final String normalized;

    public KubeVersion(String version, String normalized, String major, String minor) {
        this.version = version;
        this.normalized = normalized;
        this.major = major;
        this.minor = minor;
    }

    /** Helm's default: v1.35.0 for Helm 4.1. */
    public static KubeVersion of(int major, int minor) {
        String v = "v" + major + "." + minor + ".0";
        return new KubeVersion(v, v, Integer.toString(major), Integer.toString(minor));
    }

    private static final Pattern GENERIC = Pattern.compile("^\\s*v?([0-9]+(?:\\.[0-9]+)*)(.*)*$");

    /** Helm's {@code ParseKubeVersion} (k8s {@code ParseGeneric}); message of the error as k8s writes it. */
    public static KubeVersion parse(String version) {
        Matcher m = GENERIC.matcher(version);
        if (!m.matches()) {
            throw new IllegalArgumentException("could not parse \"" + version + "\" as version");
        }
        String[] parts = m.group(1).split("\\.");
        String extra = m.group(2) == null ? "" : m.group(2);
        if (parts.length < 2) {
            throw new IllegalArgumentException("illegal version string \"" + version + "\"");
        }
        long[] comps = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].length() > 1 && parts[i].startsWith("0")) {
                throw new IllegalArgumentException("illegal zero-prefixed version component \"" + parts[i] + "\" in \""
                        + version + "\"");
            }
            comps[i] = Long.parseLong(parts[i]);
        }
        StringBuilder norm = new StringBuilder("v");
        for (int i = 0; i < comps.length; i++) {
            if (i > 0) {
                norm.append('.');
            }
            norm.append(comps[i]);
        }
        String git = version.startsWith("v") ? version : "v" + version;
        return new KubeVersion(git, norm.toString(), Long.toString(comps[0]), Long.toString(comps[1]));
    }

    /** The normalized version used for constraint checks. */
    @GoVisible("String")
    public String string() {
        return normalized.isEmpty() ? version : normalized;
    }

    @GoVisible("GitVersion")
    public String gitVersion() {
        return version;
    }

    @Override
    public String goString() {
        return string();
    }

    @Override
    public String toString() {
        return string();
    }
}

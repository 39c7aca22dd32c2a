package dev.charter.semver;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * A Masterminds/semver v3 constraint ({@code NewConstraint}/{@code Check}): {@code ||} alternatives of
 * space- or comma-separated comparisons, hyphen ranges, {@code x}/{@code *} wildcards, {@code ~} and
 * {@code ^}, as v3.4.0 has them. A version with a prerelease satisfies an alternative only when some
 * comparison of that alternative names a prerelease itself. The patterns are Go regular expressions
 * (RE2/J), so {@code \s} means what it means in Go.
 */
public final class Constraint {

    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?"
            + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
    private static final Pattern SINGLE = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
    private static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
    private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
    private static final Pattern VALID = Pattern.compile(
            "^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)(" + OPS + ")\\s*(" + CV + ")\\s*)*$");

    /** One {@code ||} alternative: comparisons that must all hold. */
    private record Alternative(List<Single> comparisons, boolean includesPrereleases) {
    }

    private final List<Alternative> alternatives;

    private Constraint(List<Alternative> alternatives) {
        this.alternatives = alternatives;
    }

    /** Parses; throws with Masterminds' {@code improper constraint: <segment>} text. */
    public static Constraint parse(String text) {
        String rewritten = rewriteRange(text);
        List<Alternative> ors = new ArrayList<>();
        for (String segment : rewritten.split("\\|\\|", -1)) {
            if (segment.isEmpty() || !VALID.matcher(segment).matches()) {
                throw new SemverException("improper constraint: " + segment);
            }
            List<Single> ands = new ArrayList<>();
            Matcher find = FIND.matcher(segment);
            List<String> found = new ArrayList<>();
            while (find.find()) {
                found.add(find.group());
            }
            if (found.isEmpty()) {
                found.add(segment);
            }
            boolean pre = false;
            for (String s : found) {
                Single single = Single.parse(s);
                pre |= !single.con.prerelease().isEmpty();
                ands.add(single);
            }
            ors.add(new Alternative(ands, pre));
        }
        return new Constraint(ors);
    }

    private static String rewriteRange(String text) {
        Matcher m = RANGE.matcher(text);
        String out = text;
        while (m.find()) {
            // strings.Replace(o, v[0], …, 1): the first literal occurrence
            String whole = m.group();
            int at = out.indexOf(whole);
            out = out.substring(0, at) + ">= " + m.group(1) + ", <= " + m.group(11) + " " + out.substring(at + whole.length());
        }
        return out;
    }

    public boolean check(Version v) {
        for (Alternative alternative : alternatives) {
            if (!v.prerelease().isEmpty() && !alternative.includesPrereleases) {
                continue;
            }
            if (alternative.comparisons.stream().allMatch(c -> c.check(v))) {
                return true;
            }
        }
        return false;
    }

    /** One comparison; {@code dirty} flags record wildcards or missing parts. */
    private record Single(String op, Version con, boolean dirty, boolean minorDirty, boolean patchDirty) {

        static Single parse(String text) {
            if (text.isEmpty()) {
                return new Single("", Version.parseStrict("0.0.0"), true, false, false);
            }
            Matcher m = SINGLE.matcher(text);
            if (!m.matches()) {
                throw new SemverException("improper constraint: " + text);
            }
            String op = m.group(1);
            String ver = m.group(2);
            String major = m.group(3);
            String minor = m.group(4) == null ? "" : m.group(4);
            String patch = m.group(5) == null ? "" : m.group(5);
            String pre = m.group(6) == null ? "" : m.group(6);
            boolean dirty = false;
            boolean minorDirty = false;
            boolean patchDirty = false;
            if (isX(major) || major.isEmpty()) {
                ver = "0.0.0" + pre;
                dirty = true;
            } else if (isX(strip(minor)) || minor.isEmpty()) {
                minorDirty = true;
                dirty = true;
                ver = major + ".0.0" + pre;
            } else if (isX(strip(patch)) || patch.isEmpty()) {
                dirty = true;
                patchDirty = true;
                ver = major + minor + ".0" + pre;
            }
            Version con = Version.tryParse(ver).orElseThrow(() -> new SemverException("constraint parser error"));
            return new Single(op, con, dirty, minorDirty, patchDirty);
        }

        private static String strip(String part) {
            return part.startsWith(".") ? part.substring(1) : part;
        }

        private static boolean isX(String s) {
            return s.equals("x") || s.equals("X") || s.equals("*");
        }

        boolean check(Version v) {
            return switch (op) {
                case "", "=" -> tildeOrEqual(v);
                case "!=" -> notEqual(v);
                case ">" -> greaterThan(v);
                case "<" -> v.compareTo(con) < 0;
                case ">=", "=>" -> v.compareTo(con) >= 0;
                case "<=", "=<" -> lessThanEqual(v);
                case "~", "~>" -> tilde(v);
                case "^" -> caret(v);
                default -> false;
            };
        }

        private boolean notEqual(Version v) {
            if (dirty) {
                if (con.major() != v.major()) {
                    return true;
                }
                if (con.minor() != v.minor() && !minorDirty) {
                    return true;
                } else if (minorDirty) {
                    return false;
                } else if (con.patch() != v.patch() && !patchDirty) {
                    return true;
                } else if (patchDirty) {
                    if (!v.prerelease().isEmpty() || !con.prerelease().isEmpty()) {
                        return Version.comparePrerelease(v.prerelease(), con.prerelease()) != 0;
                    }
                    return false;
                }
            }
            return v.compareTo(con) != 0;
        }

        private boolean greaterThan(Version v) {
            if (!dirty) {
                return v.compareTo(con) > 0;
            }
            int major = Long.compareUnsigned(v.major(), con.major());
            if (major > 0) {
                return true;
            } else if (major < 0) {
                return false;
            } else if (minorDirty) {
                return false;
            } else if (patchDirty) {
                return Long.compareUnsigned(v.minor(), con.minor()) > 0;
            }
            return v.compareTo(con) > 0;
        }

        private boolean lessThanEqual(Version v) {
            if (!dirty) {
                return v.compareTo(con) <= 0;
            }
            if (Long.compareUnsigned(v.major(), con.major()) > 0) {
                return false;
            }
            return !(v.major() == con.major() && Long.compareUnsigned(v.minor(), con.minor()) > 0 && !minorDirty);
        }

        private boolean tilde(Version v) {
            if (v.compareTo(con) < 0) {
                return false;
            }
            if (con.major() == 0 && con.minor() == 0 && con.patch() == 0 && !minorDirty && !patchDirty) {
                return true;
            }
            if (v.major() != con.major()) {
                return false;
            }
            return v.minor() == con.minor() || minorDirty;
        }

        private boolean tildeOrEqual(Version v) {
            return dirty ? tilde(v) : v.compareTo(con) == 0;
        }

        private boolean caret(Version v) {
            if (v.compareTo(con) < 0) {
                return false;
            }
            if (con.major() != 0 || minorDirty) {
                return v.major() == con.major();
            }
            if (v.major() != 0) {
                return false;
            }
            if (con.minor() != 0 || patchDirty) {
                return v.minor() == con.minor();
            }
            if (v.minor() != 0) {
                return false;
            }
            return con.patch() == v.patch();
        }
    }

}

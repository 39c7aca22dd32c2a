package dev.charter.sprig.semver;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/** Masterminds/semver v3.4.0 constraints ({@code NewConstraint} and {@code Check}). */
public final class Constraints {
    private static final String CV = "v?([0-9|x|X|\\*]+)(\\.[0-9|x|X|\\*]+)?(\\.[0-9|x|X|\\*]+)?"
            + "(-([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?" + "(\\+([0-9A-Za-z\\-]+(\\.[0-9A-Za-z\\-]+)*))?";
    private static final String OPS = "=||!=|>|<|>=|=>|<=|=<|~|~>|\\^";
    private static final Pattern CONSTRAINT = Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CV + ")\\s*$");
    private static final Pattern RANGE = Pattern.compile("\\s*(" + CV + ")\\s+-\\s+(" + CV + ")\\s*");
    private static final Pattern FIND = Pattern.compile("(" + OPS + ")\\s*(" + CV + ")");
    private static final Pattern VALID = Pattern.compile("^(\\s*(" + OPS + ")\\s*(" + CV + ")\\s*)((?:\\s+|,\\s*)("
            + OPS + ")\\s*(" + CV + ")\\s*)*$");

    private record C(SemverVersion con, String orig, String op, boolean minorDirty, boolean dirty, boolean patchDirty) {}

    private final List<List<C>> ors;
    private final boolean[] containsPre;

    private Constraints(List<List<C>> ors, boolean[] containsPre) {
        this.ors = ors;
        this.containsPre = containsPre;
    }

    private static boolean isX(String x) {
        return x.equals("x") || x.equals("*") || x.equals("X");
    }

    private static String rewriteRange(String i) {
        Matcher m = RANGE.matcher(i);
        String o = i;
        List<String[]> found = new ArrayList<>();
        while (m.find()) {
            found.add(new String[] {m.group(0), m.group(1), m.group(11)});
        }
        for (String[] v : found) {
            o = o.replaceFirst(java.util.regex.Pattern.quote(v[0]),
                    java.util.regex.Matcher.quoteReplacement(">= " + v[1] + ", <= " + v[2] + " "));
        }
        return o;
    }

    public static Constraints parse(String c) {
        c = rewriteRange(c);
        String[] parts = c.split("\\|\\|", -1);
        List<List<C>> or = new ArrayList<>();
        boolean[] hasPre = new boolean[parts.length];
        for (int k = 0; k < parts.length; k++) {
            String v = parts[k];
            if (v.isEmpty() || !VALID.matcher(v).find()) {
                throw new SemverVersion.SemverError("improper constraint: " + v);
            }
            List<String> cs = new ArrayList<>();
            Matcher fm = FIND.matcher(v);
            while (fm.find()) {
                cs.add(fm.group());
            }
            if (cs.isEmpty()) {
                cs.add(v);
            }
            List<C> result = new ArrayList<>();
            for (String s : cs) {
                C pc = parseConstraint(s);
                if (!pc.con.pre.isEmpty()) {
                    hasPre[k] = true;
                }
                result.add(pc);
            }
            or.add(result);
        }
        return new Constraints(or, hasPre);
    }

    private static String g(Matcher m, int i) {
        String s = m.group(i);
        return s == null ? "" : s;
    }

    private static C parseConstraint(String c) {
        if (!c.isEmpty()) {
            Matcher m = CONSTRAINT.matcher(c);
            if (!m.find()) {
                throw new SemverVersion.SemverError("improper constraint: " + c);
            }
            String ver = g(m, 2);
            boolean minorDirty = false;
            boolean patchDirty = false;
            boolean dirty = false;
            String m3 = g(m, 3);
            String m4 = g(m, 4);
            String m5 = g(m, 5);
            String m6 = g(m, 6);
            if (isX(m3) || m3.isEmpty()) {
                ver = "0.0.0" + m6;
                dirty = true;
            } else if (isX(m4.startsWith(".") ? m4.substring(1) : m4) || m4.isEmpty()) {
                minorDirty = true;
                dirty = true;
                ver = m3 + ".0.0" + m6;
            } else if (isX(m5.startsWith(".") ? m5.substring(1) : m5) || m5.isEmpty()) {
                dirty = true;
                patchDirty = true;
                ver = m3 + m4 + ".0" + m6;
            }
            SemverVersion con;
            try {
                con = SemverVersion.parse(ver);
            } catch (SemverVersion.SemverError e) {
                throw new SemverVersion.SemverError("constraint parser error");
            }
            return new C(con, g(m, 2), g(m, 1), minorDirty, dirty, patchDirty);
        }
        return new C(SemverVersion.parse("0.0.0"), c, "", false, true, false);
    }

    public boolean check(SemverVersion v) {
        for (int i = 0; i < ors.size(); i++) {
            boolean joy = true;
            for (C c : ors.get(i)) {
                if (!check(c, v, containsPre[i])) {
                    joy = false;
                    break;
                }
            }
            if (joy) {
                return true;
            }
        }
        return false;
    }

    private static boolean check(C c, SemverVersion v, boolean includePre) {
        if (!v.pre.isEmpty() && !includePre) {
            return false;
        }
        SemverVersion con = c.con;
        switch (c.op) {
            case "", "=":
                if (c.dirty) {
                    return tilde(c, v);
                }
                return v.compare(con) == 0;
            case "!=":
                if (c.dirty) {
                    if (con.major != v.major) {
                        return true;
                    }
                    if (con.minor != v.minor && !c.minorDirty) {
                        return true;
                    } else if (c.minorDirty) {
                        return false;
                    } else if (con.patch != v.patch && !c.patchDirty) {
                        return true;
                    } else if (c.patchDirty) {
                        if (!v.pre.isEmpty() || !con.pre.isEmpty()) {
                            return SemverVersion.comparePrerelease(v.pre, con.pre) != 0;
                        }
                        return false;
                    }
                }
                return v.compare(con) != 0;
            case ">":
                if (!c.dirty) {
                    return v.compare(con) == 1;
                }
                if (Long.compareUnsigned(v.major, con.major) > 0) {
                    return true;
                } else if (Long.compareUnsigned(v.major, con.major) < 0) {
                    return false;
                } else if (c.minorDirty) {
                    return false;
                } else if (c.patchDirty) {
                    return Long.compareUnsigned(v.minor, con.minor) > 0;
                }
                return v.compare(con) == 1;
            case "<":
                return v.compare(con) < 0;
            case ">=", "=>":
                return v.compare(con) >= 0;
            case "<=", "=<":
                if (!c.dirty) {
                    return v.compare(con) <= 0;
                }
                if (Long.compareUnsigned(v.major, con.major) > 0) {
                    return false;
                } else if (v.major == con.major && Long.compareUnsigned(v.minor, con.minor) > 0 && !c.minorDirty) {
                    return false;
                }
                return true;
            case "~", "~>":
                return tilde(c, v);
            case "^":
                return caret(c, v);
            default:
                return false;
        }
    }

    private static boolean tilde(C c, SemverVersion v) {
        SemverVersion con = c.con;
        if (v.lessThan(con)) {
            return false;
        }
        if (con.major == 0 && con.minor == 0 && con.patch == 0 && !c.minorDirty && !c.patchDirty) {
            return true;
        }
        if (v.major != con.major) {
            return false;
        }
        return v.minor == con.minor || c.minorDirty;
    }

    private static boolean caret(C c, SemverVersion v) {
        SemverVersion con = c.con;
        if (v.lessThan(con)) {
            return false;
        }
        if (con.major > 0 || c.minorDirty) {
            return v.major == con.major;
        }
        if (con.major == 0 && v.major > 0) {
            return false;
        }
        if (con.minor > 0 || c.patchDirty) {
            return v.minor == con.minor;
        }
        if (con.minor == 0 && v.minor > 0) {
            return false;
        }
        return con.patch == v.patch;
    }
}

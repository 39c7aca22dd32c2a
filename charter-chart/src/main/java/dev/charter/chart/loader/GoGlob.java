package dev.charter.chart.loader;

/**
 * Go's {@code filepath.Match} on Unix: {@code *} and {@code ?} never match {@code /}, character
 * classes {@code [a-z]}/{@code [^...]}, backslash escapes. A malformed pattern throws
 * {@link BadPatternException} ("syntax error in pattern"), also when the mismatch is found earlier.
 */
final class GoGlob {

    static final class BadPatternException extends Exception {
        BadPatternException() {
            super("syntax error in pattern");
        }
    }

    private GoGlob() {
    }

    static boolean match(String pattern, String name) throws BadPatternException {
        String pat = pattern;
        String n = name;
        outer:
        while (!pat.isEmpty()) {
            boolean star = false;
            while (!pat.isEmpty() && pat.charAt(0) == '*') {
                pat = pat.substring(1);
                star = true;
            }
            int end = chunkEnd(pat);
            String chunk = pat.substring(0, end);
            pat = pat.substring(end);
            if (star && chunk.isEmpty()) {
                // trailing * matches the rest unless it contains a separator
                return n.indexOf('/') < 0;
            }
            Integer rest = matchChunk(chunk, n);
            if (rest != null && (rest == n.length() || !pat.isEmpty())) {
                n = n.substring(rest);
                continue;
            }
            if (star) {
                for (int i = 0; i < n.length() && n.charAt(i) != '/'; i++) {
                    Integer r = matchChunk(chunk, n.substring(i + 1));
                    if (r != null) {
                        if (pat.isEmpty() && r != n.length() - i - 1) {
                            continue;
                        }
                        n = n.substring(i + 1 + r);
                        continue outer;
                    }
                }
            }
            // Go validates the rest of the pattern before reporting a mismatch
            while (!pat.isEmpty()) {
                while (!pat.isEmpty() && pat.charAt(0) == '*') {
                    pat = pat.substring(1);
                }
                int e = chunkEnd(pat);
                matchChunk(pat.substring(0, e), "");
                pat = pat.substring(e);
            }
            return false;
        }
        return n.isEmpty();
    }

    private static int chunkEnd(String pat) {
        boolean inRange = false;
        int i = 0;
        for (; i < pat.length(); i++) {
            char c = pat.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                break;
            }
        }
        return Math.min(i, pat.length());
    }

    /** Matches {@code chunk} against a prefix of {@code s}; returns the consumed length or null. */
    private static Integer matchChunk(String chunk, String s) throws BadPatternException {
        boolean failed = false;
        int si = 0;
        int ci = 0;
        while (ci < chunk.length()) {
            if (!failed && si >= s.length()) {
                failed = true;
            }
            char c = chunk.charAt(ci);
            switch (c) {
                case '[' -> {
                    int r = 0;
                    if (!failed) {
                        r = s.codePointAt(si);
                        si += Character.charCount(r);
                    }
                    ci++;
                    boolean negated = false;
                    if (ci < chunk.length() && chunk.charAt(ci) == '^') {
                        negated = true;
                        ci++;
                    }
                    boolean matched = false;
                    int nrange = 0;
                    while (true) {
                        if (ci < chunk.length() && chunk.charAt(ci) == ']' && nrange > 0) {
                            ci++;
                            break;
                        }
                        int[] lo = escChar(chunk, ci);
                        ci = lo[1];
                        int hi = lo[0];
                        if (ci < chunk.length() && chunk.charAt(ci) == '-') {
                            int[] h = escChar(chunk, ci + 1);
                            hi = h[0];
                            ci = h[1];
                        }
                        if (lo[0] <= r && r <= hi) {
                            matched = true;
                        }
                        nrange++;
                    }
                    if (matched == negated) {
                        failed = true;
                    }
                }
                case '?' -> {
                    if (!failed) {
                        if (s.charAt(si) == '/') {
                            failed = true;
                        }
                        si += Character.charCount(s.codePointAt(si));
                    }
                    ci++;
                }
                case '\\' -> {
                    ci++;
                    if (ci >= chunk.length()) {
                        throw new BadPatternException();
                    }
                    if (!failed) {
                        if (chunk.charAt(ci) != s.charAt(si)) {
                            failed = true;
                        }
                        si++;
                    }
                    ci++;
                }
                default -> {
                    if (!failed) {
                        if (c != s.charAt(si)) {
                            failed = true;
                        }
                        si++;
                    }
                    ci++;
                }
            }
        }
        return failed ? null : si;
    }

    private static int[] escChar(String chunk, int ci) throws BadPatternException {
        if (ci >= chunk.length() || chunk.charAt(ci) == '-' || chunk.charAt(ci) == ']') {
            throw new BadPatternException();
        }
        if (chunk.charAt(ci) == '\\') {
            ci++;
            if (ci >= chunk.length()) {
                throw new BadPatternException();
            }
        }
        int r = chunk.codePointAt(ci);
        int next = ci + Character.charCount(r);
        if (next >= chunk.length()) {
            throw new BadPatternException();
        }
        return new int[] {r, next};
    }
}

package dev.charter.chart.plugin;

import java.util.Map;

/** Go's {@code os.Expand}: {@code $NAME} and {@code ${NAME}} replaced, bad syntax eaten, lone {@code $} kept. */
final class GoExpand {

    private GoExpand() {
    }

    static String expand(String s, Map<String, String> env) {
        StringBuilder buf = null;
        int i = 0;
        for (int j = 0; j < s.length(); j++) {
            if (s.charAt(j) == '$' && j + 1 < s.length()) {
                if (buf == null) {
                    buf = new StringBuilder(2 * s.length());
                }
                buf.append(s, i, j);
                String rest = s.substring(j + 1);
                String name;
                int w;
                if (rest.charAt(0) == '{') {
                    if (rest.length() > 2 && isShellSpecial(rest.charAt(1)) && rest.charAt(2) == '}') {
                        name = rest.substring(1, 2);
                        w = 3;
                    } else {
                        int close = rest.indexOf('}', 1);
                        if (close == 1) {
                            name = "";
                            w = 2;
                        } else if (close < 0) {
                            name = "";
                            w = 1;
                        } else {
                            name = rest.substring(1, close);
                            w = close + 1;
                        }
                    }
                } else if (isShellSpecial(rest.charAt(0))) {
                    name = rest.substring(0, 1);
                    w = 1;
                } else {
                    int k = 0;
                    while (k < rest.length() && isAlphaNum(rest.charAt(k))) {
                        k++;
                    }
                    name = rest.substring(0, k);
                    w = k;
                }
                if (name.isEmpty() && w > 0) {
                    // invalid syntax: the characters are eaten
                } else if (name.isEmpty()) {
                    buf.append('$');
                } else {
                    buf.append(env.getOrDefault(name, ""));
                }
                j += w;
                i = j + 1;
            }
        }
        if (buf == null) {
            return s;
        }
        return buf.append(s.substring(Math.min(i, s.length()))).toString();
    }

    private static boolean isShellSpecial(char c) {
        return switch (c) {
            case '*', '#', '$', '@', '!', '?', '-' -> true;
            default -> c >= '0' && c <= '9';
        };
    }

    private static boolean isAlphaNum(char c) {
        return c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

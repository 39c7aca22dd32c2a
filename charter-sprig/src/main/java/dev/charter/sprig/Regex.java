package dev.charter.sprig;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Go's regexp (RE2) via RE2/J with Go's iteration, Split and Expand semantics. */
final class Regex {
    private Regex() {}

    private static final Map<String, Pattern> CACHE = new ConcurrentHashMap<>();

    /** regexp.Compile; the error text is Go's. */
    static Pattern compile(String expr) {
        Pattern p = CACHE.get(expr);
        if (p != null) {
            return p;
        }
        try {
            p = Pattern.compile(expr);
        } catch (PatternSyntaxException e) {
            throw new SprigException(goError(e, expr));
        }
        if (CACHE.size() < 1000) {
            CACHE.put(expr, p);
        }
        return p;
    }

    private static String goError(PatternSyntaxException e, String expr) {
        return "error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`";
    }

    /** regexp.MustCompile: the panic text. */
    static Pattern mustCompile(String expr) {
        try {
            return compile(expr);
        } catch (SprigException e) {
            String q = dev.charter.template.text.Strconv.canBackquote(expr) ? "`" + expr + "`" : Go.quote(expr);
            throw new SprigException("regexp: Compile(" + q + "): " + e.getMessage());
        }
    }

    /** All match index pairs [start,end,groups...] per Go's allMatches. */
    static List<int[]> allMatches(Pattern p, String s, long n) {
        List<int[]> out = new ArrayList<>();
        if (n < 0) {
            n = s.length() + 1L;
        }
        Matcher m = p.matcher(s);
        int pos = 0;
        int prevMatchEnd = -1;
        int end = s.length();
        while (out.size() < n && pos <= end) {
            if (!m.find(pos)) {
                break;
            }
            boolean accept = true;
            if (m.end() == pos) {
                if (m.start() == prevMatchEnd) {
                    accept = false;
                }
                if (pos < end) {
                    pos += Character.charCount(s.codePointAt(pos));
                } else {
                    pos = end + 1;
                }
            } else {
                pos = m.end();
            }
            prevMatchEnd = m.end();
            if (accept) {
                int g = m.groupCount();
                int[] a = new int[2 + 2 * g];
                a[0] = m.start();
                a[1] = m.end();
                for (int i = 1; i <= g; i++) {
                    a[2 * i] = m.start(i);
                    a[2 * i + 1] = m.end(i);
                }
                out.add(a);
            }
        }
        return out;
    }

    static boolean match(String regex, String s) {
        return compile(regex).matcher(s).find();
    }

    static GoSlice findAll(Pattern p, String s, long n) {
        List<int[]> ms = allMatches(p, s, n);
        if (ms.isEmpty()) {
            return GoSlice.nil(GoSlice.STRINGS);
        }
        List<String> out = new ArrayList<>();
        for (int[] a : ms) {
            out.add(s.substring(a[0], a[1]));
        }
        return GoSlice.strings(out);
    }

    static String find(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group() : "";
    }

    static String replaceAll(Pattern p, String src, String repl, boolean literal) {
        StringBuilder buf = new StringBuilder();
        int lastMatchEnd = 0;
        int searchPos = 0;
        int end = src.length();
        Matcher m = p.matcher(src);
        Map<String, Integer> names = p.namedGroups();
        while (searchPos <= end) {
            if (!m.find(searchPos)) {
                break;
            }
            int a0 = m.start();
            int a1 = m.end();
            buf.append(src, lastMatchEnd, a0);
            if (a1 > lastMatchEnd || a0 == 0) {
                if (literal) {
                    buf.append(repl);
                } else {
                    expand(buf, repl, src, m, names);
                }
            }
            lastMatchEnd = a1;
            int width = searchPos < end ? Character.charCount(src.codePointAt(searchPos)) : 1;
            if (searchPos + width > a1) {
                searchPos += width;
            } else if (searchPos + 1 > a1) {
                searchPos++;
            } else {
                searchPos = a1;
            }
        }
        buf.append(src.substring(Math.min(lastMatchEnd, end)));
        return buf.toString();
    }

    private static void expand(StringBuilder dst, String template, String src, Matcher m, Map<String, Integer> names) {
        while (!template.isEmpty()) {
            int i = template.indexOf('$');
            if (i < 0) {
                break;
            }
            dst.append(template, 0, i);
            template = template.substring(i);
            if (template.length() > 1 && template.charAt(1) == '$') {
                dst.append('$');
                template = template.substring(2);
                continue;
            }
            String[] ext = extract(template);
            if (ext == null) {
                dst.append('$');
                template = template.substring(1);
                continue;
            }
            String name = ext[0];
            template = ext[1];
            int num = parseNum(name);
            if (num >= 0) {
                if (num <= m.groupCount() && m.start(num) >= 0) {
                    dst.append(src, m.start(num), m.end(num));
                }
            } else {
                Integer idx = names.get(name);
                if (idx != null && m.start(idx) >= 0) {
                    dst.append(src, m.start(idx), m.end(idx));
                }
            }
        }
        dst.append(template);
    }

    private static int parseNum(String name) {
        if (name.isEmpty()) {
            return -1;
        }
        long num = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9' || num >= 100_000_000) {
                return -1;
            }
            num = num * 10 + (c - '0');
        }
        if (name.charAt(0) == '0' && name.length() > 1) {
            return -1;
        }
        return (int) num;
    }

    /** Go's regexp extract: {name, rest} or null. */
    private static String[] extract(String str) {
        if (str.length() < 2 || str.charAt(0) != '$') {
            return null;
        }
        boolean brace = false;
        if (str.charAt(1) == '{') {
            brace = true;
            str = str.substring(2);
        } else {
            str = str.substring(1);
        }
        int i = 0;
        while (i < str.length()) {
            int r = str.codePointAt(i);
            if (!Character.isLetter(r) && !Character.isDigit(r) && r != '_') {
                break;
            }
            i += Character.charCount(r);
        }
        if (i == 0) {
            return null;
        }
        String name = str.substring(0, i);
        if (brace) {
            if (i >= str.length() || str.charAt(i) != '}') {
                return null;
            }
            i++;
        }
        return new String[] {name, str.substring(i)};
    }

    static GoSlice split(Pattern p, String s, long n) {
        if (n == 0) {
            return GoSlice.nil(GoSlice.STRINGS);
        }
        if (!p.pattern().isEmpty() && s.isEmpty()) {
            return GoSlice.strings(List.of(""));
        }
        List<int[]> matches = allMatches(p, s, n);
        List<String> strings = new ArrayList<>();
        int beg = 0;
        int end = 0;
        for (int[] match : matches) {
            if (n > 0 && strings.size() == n - 1) {
                break;
            }
            end = match[0];
            if (match[1] != 0) {
                strings.add(s.substring(beg, end));
            }
            beg = match[1];
        }
        if (end != s.length()) {
            strings.add(s.substring(beg));
        }
        return GoSlice.strings(strings);
    }

    static String quoteMeta(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}

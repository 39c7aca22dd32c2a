package dev.charter.sprig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Sprig's list functions (list.go). Non-must variants panic where Go panics; text is identical. */
final class Lists {
    private Lists() {}

    private static List<Object> requireList(Object list, String what) {
        String k = Go.kindOrPanic(list);
        if (!Go.isList(list)) {
            throw new SprigException(what + " " + k);
        }
        return Go.elements(list);
    }

    static List<Object> push(Object list, Object v) {
        List<Object> l = requireList(list, "Cannot push on type");
        l.add(v);
        return l;
    }

    static List<Object> prepend(Object list, Object v) {
        List<Object> l = requireList(list, "Cannot prepend on type");
        l.add(0, v);
        return l;
    }

    static Object chunk(long size, Object list) {
        List<Object> l = requireList(list, "Cannot chunk type");
        int n = l.size();
        long cs = (long) (Math.floor((double) (n - 1) / (double) size) + 1);
        if (size == 0 || cs < 0) {
            throw new SprigException("runtime error: makeslice: len out of range");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < cs; i++) {
            long clen = size;
            if (i == cs - 1) {
                clen = (long) Math.floor(n % size);
                if (clen == 0) {
                    clen = size;
                }
            }
            if (clen < 0) {
                throw new SprigException("runtime error: makeslice: len out of range");
            }
            List<Object> c = new ArrayList<>();
            for (int j = 0; j < clen; j++) {
                long ix = i * size + j;
                if (ix >= n) {
                    throw new SprigException("reflect: slice index out of range");
                }
                c.add(l.get((int) ix));
            }
            out.add(c);
        }
        return GoSlice.of(GoSlice.ANYS2, out);
    }

    static Object last(Object list) {
        List<Object> l = requireList(list, "Cannot find last on type");
        return l.isEmpty() ? null : l.get(l.size() - 1);
    }

    static Object first(Object list) {
        List<Object> l = requireList(list, "Cannot find first on type");
        return l.isEmpty() ? null : l.get(0);
    }

    static List<Object> rest(Object list) {
        List<Object> l = requireList(list, "Cannot find rest on type");
        if (l.isEmpty()) {
            return GoSlice.nil(GoSlice.ANYS);
        }
        return new ArrayList<>(l.subList(1, l.size()));
    }

    static List<Object> initial(Object list) {
        List<Object> l = requireList(list, "Cannot find initial on type");
        if (l.isEmpty()) {
            return GoSlice.nil(GoSlice.ANYS);
        }
        return new ArrayList<>(l.subList(0, l.size() - 1));
    }

    static GoSlice sortAlpha(Object list) {
        if (Go.isList(list)) {
            List<String> a = new ArrayList<>();
            for (Object o : Strings.toStrings(list)) {
                a.add((String) o);
            }
            a.sort(Lists::compareBytes);
            return GoSlice.strings(a);
        }
        return GoSlice.strings(List.of(Go.strval(list)));
    }

    /** Go string comparison: bytewise UTF-8, which is code point order. */
    static int compareBytes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static List<Object> reverse(Object v) {
        List<Object> l = requireList(v, "Cannot find reverse on type");
        Collections.reverse(l);
        return l;
    }

    static List<Object> compact(Object list) {
        List<Object> l = requireList(list, "Cannot compact on type");
        List<Object> out = new ArrayList<>();
        for (Object o : l) {
            if (!Go.empty(o)) {
                out.add(o);
            }
        }
        return out;
    }

    static boolean inList(List<Object> haystack, Object needle) {
        for (Object h : haystack) {
            if (Go.deepEqual(needle, h)) {
                return true;
            }
        }
        return false;
    }

    static List<Object> uniq(Object list) {
        List<Object> l = requireList(list, "Cannot find uniq on type");
        List<Object> dest = new ArrayList<>();
        for (Object o : l) {
            if (!inList(dest, o)) {
                dest.add(o);
            }
        }
        return dest;
    }

    static List<Object> without(Object list, List<Object> omit) {
        List<Object> l = requireList(list, "Cannot find without on type");
        List<Object> res = new ArrayList<>();
        for (Object o : l) {
            if (!inList(omit, o)) {
                res.add(o);
            }
        }
        return res;
    }

    static boolean has(Object needle, Object haystack) {
        if (haystack == null) {
            return false;
        }
        List<Object> l = requireList(haystack, "Cannot find has on type");
        return inList(l, needle);
    }

    static Object slice(Object list, List<Object> indices) {
        String k = Go.kindOrPanic(list);
        if (!Go.isList(list)) {
            throw new SprigException("list should be type of slice or array but " + k);
        }
        List<Object> l = Go.elements(list);
        int n = l.size();
        if (n == 0) {
            return null;
        }
        long start = 0;
        long end;
        if (!indices.isEmpty()) {
            start = Go.toInt64(indices.get(0));
        }
        end = indices.size() < 2 ? n : Go.toInt64(indices.get(1));
        if (start < 0 || end < start || end > n) {
            // reflect.Value.Slice panics
            throw new SprigException("reflect.Value.Slice: slice index out of bounds");
        }
        List<Object> sub = new ArrayList<>(l.subList((int) start, (int) end));
        if (list instanceof dev.charter.template.value.GoTyped t) {
            return GoSlice.of(t.goType(), sub);
        }
        return sub;
    }

    static Object concat(List<Object> lists) {
        List<Object> res = null;
        for (Object list : lists) {
            String k = Go.kindOrPanic(list);
            if (!Go.isList(list)) {
                throw new SprigException("Cannot concat type " + k + " as list");
            }
            for (Object o : Go.elements(list)) {
                if (res == null) {
                    res = new ArrayList<>();
                }
                res.add(o);
            }
        }
        return res == null ? GoSlice.nil(GoSlice.ANYS) : res;
    }

    static GoSlice untilStep(long start, long stop, long step) {
        List<Object> v = new ArrayList<>();
        if (stop < start) {
            if (step >= 0) {
                return GoSlice.of(GoSlice.INTS, v);
            }
            for (long i = start; i > stop; i += step) {
                v.add(i);
                guard(v);
            }
            return GoSlice.of(GoSlice.INTS, v);
        }
        if (step <= 0) {
            return GoSlice.of(GoSlice.INTS, v);
        }
        for (long i = start; i < stop; i += step) {
            v.add(i);
            guard(v);
            if (i + step < i) {
                break;
            }
        }
        return GoSlice.of(GoSlice.INTS, v);
    }

    private static void guard(List<Object> v) {
        if (v.size() > 50_000_000) {
            throw new SprigException("runtime: out of memory");
        }
    }

    static GoSlice until(long count) {
        return untilStep(0, count, count < 0 ? -1 : 1);
    }

    static String seq(List<Object> p) {
        long increment = 1;
        GoSlice r;
        switch (p.size()) {
            case 0:
                return "";
            case 1: {
                long start = 1;
                long end = (Long) p.get(0);
                if (end < start) {
                    increment = -1;
                }
                r = untilStep(start, end + increment, increment);
                break;
            }
            case 3: {
                long start = (Long) p.get(0);
                long end = (Long) p.get(2);
                long step = (Long) p.get(1);
                if (end < start) {
                    increment = -1;
                    if (step > 0) {
                        return "";
                    }
                }
                r = untilStep(start, end + increment, step);
                break;
            }
            case 2: {
                long start = (Long) p.get(0);
                long end = (Long) p.get(1);
                long step = end < start ? -1 : 1;
                r = untilStep(start, end + step, step);
                break;
            }
            default:
                return "";
        }
        StringBuilder sb = new StringBuilder();
        for (Object o : r) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(o);
        }
        return sb.toString();
    }
}

package dev.charter.sprig;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sprig's urlParse/urlJoin over a port of Go's net/url parsing and String(). */
final class Urls {
    private Urls() {}

    private static final int PATH = 1, PATH_SEGMENT = 2, HOST = 3, ZONE = 4, USER_PASSWORD = 5, QUERY = 6, FRAGMENT = 7;

    private static final class Url {
        String scheme = "";
        String opaque = "";
        String user; // escaped userinfo string form, null if none
        String username = "";
        String password;
        String host = "";
        String path = "";
        String rawPath = "";
        boolean omitHost;
        boolean forceQuery;
        String rawQuery = "";
        String fragment = "";
        String rawFragment = "";
    }

    private static final class UrlError extends Exception {
        UrlError(String m) {
            super(m, null, false, false);
        }
    }

    private static boolean ishex(char c) {
        return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F';
    }

    private static boolean shouldEscape(int c, int mode) {
        if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
            return false;
        }
        if (mode == HOST || mode == ZONE) {
            switch (c) {
                case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '[', ']', '<', '>', '"':
                    return false;
                default:
                    break;
            }
        }
        switch (c) {
            case '-', '_', '.', '~':
                return false;
            case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@':
                return switch (mode) {
                    case PATH -> c == '?';
                    case PATH_SEGMENT -> c == '/' || c == ';' || c == ',' || c == '?';
                    case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
                    case QUERY -> true;
                    case FRAGMENT -> false;
                    default -> true;
                };
            default:
                break;
        }
        if (mode == FRAGMENT) {
            switch (c) {
                case '!', '(', ')', '*':
                    return false;
                default:
                    break;
            }
        }
        return true;
    }

    private static String unescape(String s, int mode) throws UrlError {
        byte[] b = Go.utf8(s);
        int n = 0;
        boolean hasPlus = false;
        for (int i = 0; i < b.length; ) {
            switch (b[i]) {
                case '%' -> {
                    n++;
                    if (i + 2 >= b.length || !ishex((char) b[i + 1]) || !ishex((char) b[i + 2])) {
                        String bad = Go.str(b, i, Math.min(b.length, i + 3));
                        throw new UrlError("invalid URL escape " + Go.quote(bad));
                    }
                    if (mode == HOST && (Character.digit(b[i + 1], 16) * 16 + Character.digit(b[i + 2], 16)) < 0x80
                            && !s.substring(0).isEmpty()) {
                        String esc = Go.str(b, i, i + 3);
                        if (!esc.equals("%25")) {
                            throw new UrlError("invalid URL escape " + Go.quote(esc));
                        }
                    }
                    i += 3;
                }
                case '+' -> {
                    hasPlus = mode == QUERY;
                    i++;
                }
                default -> {
                    if ((mode == HOST || mode == ZONE) && (b[i] & 0xFF) < 0x80 && shouldEscape(b[i], mode)) {
                        throw new UrlError("invalid character " + Go.quote(Go.str(b, i, i + 1)) + " in host name");
                    }
                    i++;
                }
            }
        }
        if (n == 0 && !hasPlus) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '%') {
                out.write(Character.digit(b[i + 1], 16) * 16 + Character.digit(b[i + 2], 16));
                i += 2;
            } else if (b[i] == '+' && mode == QUERY) {
                out.write(' ');
            } else {
                out.write(b[i]);
            }
        }
        return Go.str(out.toByteArray());
    }

    private static String escape(String s, int mode) {
        byte[] b = Go.utf8(s);
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xFF;
            if (shouldEscape(c, mode)) {
                if (c == ' ' && mode == QUERY) {
                    sb.append('+');
                } else {
                    sb.append('%').append("0123456789ABCDEF".charAt(c >> 4)).append("0123456789ABCDEF".charAt(c & 15));
                }
            } else {
                sb.append((char) c);
            }
        }
        return sb.toString();
    }

    private static Url parse(String rawURL) throws UrlError {
        String u = rawURL;
        String frag = "";
        int h = rawURL.indexOf('#');
        boolean hasFrag = h >= 0;
        if (hasFrag) {
            u = rawURL.substring(0, h);
            frag = rawURL.substring(h + 1);
        }
        Url url;
        try {
            url = parse0(u);
        } catch (UrlError e) {
            throw new UrlError("parse " + Go.quote(u) + ": " + e.getMessage());
        }
        if (frag.isEmpty()) {
            return url;
        }
        try {
            url.fragment = unescape(frag, FRAGMENT);
            url.rawFragment = escape(url.fragment, FRAGMENT).equals(frag) ? "" : frag;
        } catch (UrlError e) {
            throw new UrlError("parse " + Go.quote(rawURL) + ": " + e.getMessage());
        }
        return url;
    }

    private static Url parse0(String raw) throws UrlError {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < ' ' || c == 0x7f) {
                throw new UrlError("net/url: invalid control character in URL");
            }
        }
        Url url = new Url();
        if (raw.equals("*")) {
            url.path = "*";
            return url;
        }
        String rest = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
                continue;
            }
            if ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    break;
                }
                continue;
            }
            if (c == ':') {
                if (i == 0) {
                    throw new UrlError("missing protocol scheme");
                }
                url.scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
                rest = raw.substring(i + 1);
            }
            break;
        }
        if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
            url.forceQuery = true;
            rest = rest.substring(0, rest.length() - 1);
        } else {
            int q = rest.indexOf('?');
            if (q >= 0) {
                url.rawQuery = rest.substring(q + 1);
                rest = rest.substring(0, q);
            }
        }
        if (!rest.startsWith("/")) {
            if (!url.scheme.isEmpty()) {
                url.opaque = rest;
                return url;
            }
            int sl = rest.indexOf('/');
            String seg = sl >= 0 ? rest.substring(0, sl) : rest;
            if (seg.contains(":")) {
                throw new UrlError("first path segment in URL cannot contain colon");
            }
        }
        if ((!url.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            rest = "";
            int i = authority.indexOf('/');
            if (i >= 0) {
                rest = authority.substring(i);
                authority = authority.substring(0, i);
            }
            parseAuthority(url, authority);
        } else if (!url.scheme.isEmpty() && rest.startsWith("/")) {
            url.omitHost = true;
        }
        url.path = unescape(rest, PATH);
        String esc = escape(url.path, PATH);
        url.rawPath = esc.equals(rest) ? "" : rest;
        return url;
    }

    private static void parseAuthority(Url url, String authority) throws UrlError {
        int i = authority.lastIndexOf('@');
        String host = i < 0 ? authority : authority.substring(i + 1);
        url.host = parseHost(host);
        if (i < 0) {
            return;
        }
        String userinfo = authority.substring(0, i);
        for (int k = 0; k < userinfo.length(); k++) {
            char c = userinfo.charAt(k);
            boolean ok = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) {
                throw new UrlError("net/url: invalid userinfo");
            }
        }
        int colon = userinfo.indexOf(':');
        if (colon < 0) {
            url.username = unescape(userinfo, USER_PASSWORD);
            url.password = null;
        } else {
            url.username = unescape(userinfo.substring(0, colon), USER_PASSWORD);
            url.password = unescape(userinfo.substring(colon + 1), USER_PASSWORD);
        }
        url.user = userString(url.username, url.password);
    }

    private static String userString(String username, String password) {
        String s = escape(username, USER_PASSWORD);
        if (password != null) {
            s += ":" + escape(password, USER_PASSWORD);
        }
        return s;
    }

    private static String parseHost(String host) throws UrlError {
        if (host.startsWith("[")) {
            int i = host.lastIndexOf(']');
            if (i < 0) {
                throw new UrlError("missing ']' in host");
            }
            String colonPort = host.substring(i + 1);
            if (!validOptionalPort(colonPort)) {
                throw new UrlError("invalid port " + Go.quote(colonPort) + " after host");
            }
            return unescape(host, ZONE);
        }
        int i = host.lastIndexOf(':');
        if (i != -1) {
            String colonPort = host.substring(i);
            if (!validOptionalPort(colonPort)) {
                throw new UrlError("invalid port " + Go.quote(colonPort) + " after host");
            }
        }
        return unescape(host, HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String hostname(String host) {
        String h = host;
        int i = h.lastIndexOf(':');
        if (h.startsWith("[")) {
            int e = h.lastIndexOf(']');
            return h.substring(1, e < 0 ? h.length() : e);
        }
        if (i >= 0 && validOptionalPort(h.substring(i))) {
            h = h.substring(0, i);
        }
        return h;
    }

    static Map<String, Object> urlParse(String v) {
        Url u;
        try {
            u = parse(v);
        } catch (UrlError e) {
            throw new SprigException("unable to parse url: " + e.getMessage());
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("scheme", u.scheme);
        d.put("host", u.host);
        d.put("hostname", hostname(u.host));
        d.put("path", u.path);
        d.put("query", u.rawQuery);
        d.put("opaque", u.opaque);
        d.put("fragment", u.fragment);
        d.put("userinfo", u.user == null ? "" : u.user);
        return d;
    }

    private static String dictGetOrEmpty(Map<String, Object> d, String key) {
        if (d == null || !d.containsKey(key)) {
            return "";
        }
        Object v = d.get(key);
        String k = Go.kindOrPanic(v);
        if (!(v instanceof String s)) {
            throw new SprigException("unable to parse " + key + " key, must be of type string, but " + k + " found");
        }
        return s;
    }

    static String urlJoin(Map<String, Object> d) {
        Url u = new Url();
        u.scheme = dictGetOrEmpty(d, "scheme");
        u.host = dictGetOrEmpty(d, "host");
        u.path = dictGetOrEmpty(d, "path");
        u.rawQuery = dictGetOrEmpty(d, "query");
        u.opaque = dictGetOrEmpty(d, "opaque");
        u.fragment = dictGetOrEmpty(d, "fragment");
        String userinfo = dictGetOrEmpty(d, "userinfo");
        if (!userinfo.isEmpty()) {
            try {
                Url t = parse("proto://" + userinfo + "@host");
                u.user = t.user;
            } catch (UrlError e) {
                throw new SprigException("unable to parse userinfo in dict: " + e.getMessage());
            }
        }
        StringBuilder buf = new StringBuilder();
        if (!u.scheme.isEmpty()) {
            buf.append(u.scheme).append(':');
        }
        if (!u.opaque.isEmpty()) {
            buf.append(u.opaque);
        } else {
            if (!u.scheme.isEmpty() || !u.host.isEmpty() || u.user != null) {
                if (!u.host.isEmpty() || !u.path.isEmpty() || u.user != null) {
                    buf.append("//");
                }
                if (u.user != null) {
                    buf.append(u.user).append('@');
                }
                if (!u.host.isEmpty()) {
                    buf.append(escape(u.host, HOST));
                }
            }
            String path = escape(u.path, PATH);
            if (!path.isEmpty() && path.charAt(0) != '/' && !u.host.isEmpty()) {
                buf.append('/');
            }
            if (buf.length() == 0) {
                int sl = path.indexOf('/');
                String seg = sl >= 0 ? path.substring(0, sl) : path;
                if (seg.contains(":")) {
                    buf.append("./");
                }
            }
            buf.append(path);
        }
        if (!u.rawQuery.isEmpty()) {
            buf.append('?').append(u.rawQuery);
        }
        if (!u.fragment.isEmpty()) {
            buf.append('#').append(escape(u.fragment, FRAGMENT));
        }
        return buf.toString();
    }
}

package dev.charter.repo;

/** Helm v4's slog text lines ({@code level=WARN msg="..." key=value}). */
public final class Slog {

    private Slog() {
    }

    public static String value(String v) {
        if (v.isEmpty()) {
            return "\"\"";
        }
        for (char c : v.toCharArray()) {
            if (c <= ' ' || c == '"' || c == '=' || c == '\\' || c == 0x7f) {
                return dev.charter.yaml.GoJson.quote(v).replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&");
            }
        }
        return v;
    }

    public static String warn(String msg, String... attrs) {
        StringBuilder b = new StringBuilder("level=WARN msg=").append(value(msg));
        for (int i = 0; i + 1 < attrs.length; i += 2) {
            b.append(' ').append(attrs[i]).append('=').append(value(attrs[i + 1]));
        }
        return b.toString();
    }
}

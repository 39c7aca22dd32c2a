package dev.charter.chart;

/** Go's {@code path}/{@code filepath} helpers on {@code /}-separated paths (Unix semantics). */
public final class GoPath {

    private GoPath() {
    }

    /** {@code filepath.Base}. */
    public static String base(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.equals("/")) {
            return "/";
        }
        int i = p.lastIndexOf('/');
        return i >= 0 ? p.substring(i + 1) : p;
    }

    /** {@code filepath.Ext}. */
    public static String ext(String p) {
        for (int i = p.length() - 1; i >= 0 && p.charAt(i) != '/'; i--) {
            if (p.charAt(i) == '.') {
                return p.substring(i);
            }
        }
        return "";
    }

    /** {@code path.Join}: the non-empty parts joined by {@code /}, then cleaned; "" when all are empty. */
    public static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (!part.isEmpty()) {
                joined.append(joined.isEmpty() ? "" : "/").append(part);
            }
        }
        return joined.isEmpty() ? "" : clean(joined.toString());
    }

    /** {@code path.Clean}. */
    public static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.startsWith("/");
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
            } else {
                out.addLast(part);
            }
        }
        String joined = String.join("/", out);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }
}

package dev.charter.oci.chart;

import java.util.ArrayDeque;
import java.util.Deque;

/** Go's {@code path.Join}/{@code path.Clean} for slash-separated reference paths. */
final class GoPath {

    private GoPath() {
    }

    static String join(String... parts) {
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty()) {
                continue;
            }
            if (!joined.isEmpty()) {
                joined.append('/');
            }
            joined.append(part);
        }
        return joined.isEmpty() ? "" : clean(joined.toString());
    }

    static String clean(String path) {
        boolean rooted = path.startsWith("/");
        Deque<String> out = new ArrayDeque<>();
        for (String element : path.split("/")) {
            if (element.isEmpty() || element.equals(".")) {
                continue;
            }
            if (element.equals("..")) {
                if (!out.isEmpty() && !out.peekLast().equals("..")) {
                    out.removeLast();
                } else if (!rooted) {
                    out.addLast("..");
                }
                continue;
            }
            out.addLast(element);
        }
        String cleaned = String.join("/", out);
        if (rooted) {
            return "/" + cleaned;
        }
        return cleaned.isEmpty() ? "." : cleaned;
    }
}

package dev.charter.kube.action;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The equality subset of Kubernetes label selectors ({@code k=v}, {@code k==v}, {@code k!=v}, {@code k}, {@code !k}). */
final class LabelSelector {
    private LabelSelector() {
    }

    static Predicate<Map<String, String>> parse(String s) {
        List<Predicate<Map<String, String>>> parts = new ArrayList<>();
        if (s != null && !s.isBlank()) {
            for (String p : s.split(",")) {
                String t = p.strip();
                if (t.contains("!=")) {
                    String k = t.substring(0, t.indexOf("!=")).strip();
                    String v = t.substring(t.indexOf("!=") + 2).strip();
                    parts.add(m -> !v.equals(m.get(k)));
                } else if (t.contains("==")) {
                    String k = t.substring(0, t.indexOf("==")).strip();
                    String v = t.substring(t.indexOf("==") + 2).strip();
                    parts.add(m -> v.equals(m.get(k)));
                } else if (t.contains("=")) {
                    String k = t.substring(0, t.indexOf('=')).strip();
                    String v = t.substring(t.indexOf('=') + 1).strip();
                    parts.add(m -> v.equals(m.get(k)));
                } else if (t.startsWith("!")) {
                    String k = t.substring(1).strip();
                    parts.add(m -> !m.containsKey(k));
                } else {
                    parts.add(m -> m.containsKey(t));
                }
            }
        }
        return m -> {
            Map<String, String> x = m == null ? Map.of() : m;
            for (Predicate<Map<String, String>> p : parts) if (!p.test(x)) return false;
            return true;
        };
    }
}

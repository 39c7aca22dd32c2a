package dev.charter.kube.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The patch of a client-side (Helm 3 style) update, after apimachinery's
 * {@code CreateThreeWayJSONMergePatch(original, modified, current)}: every field of {@code modified}
 * that differs from the live object is set, and every field the previous manifest ({@code original})
 * had but {@code modified} dropped is deleted (null). Fields others added to the live object stay.
 * Lists are replaced whole, as in a JSON merge patch; Helm sends built-in kinds a strategic merge
 * patch, which merges lists with merge keys (containers by name, ...) item by item instead.
 */
public final class ThreeWayMergePatch {
    private ThreeWayMergePatch() {
    }

    /** The merge patch (RFC 7386) as a map; empty when nothing changes. */
    public static Map<String, Object> create(Map<String, Object> original, Map<String, Object> modified,
                                             Map<String, Object> current) {
        Map<String, Object> patch = additionsAndChanges(current == null ? Map.of() : current, modified);
        mergeDeletions(patch, deletions(original == null ? Map.of() : original, modified));
        return patch;
    }

    /** {@code CreateMergePatch(current, modified)} without its deletions. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> additionsAndChanges(Map<String, Object> current, Map<String, Object> modified) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : modified.entrySet()) {
            Object cur = current.get(e.getKey());
            Object mod = e.getValue();
            if (mod instanceof Map<?, ?> mm && cur instanceof Map<?, ?> cm) {
                Map<String, Object> sub = additionsAndChanges((Map<String, Object>) cm, (Map<String, Object>) mm);
                if (!sub.isEmpty()) out.put(e.getKey(), sub);
            } else if (!current.containsKey(e.getKey()) || !same(cur, mod)) {
                out.put(e.getKey(), mod);
            }
        }
        return out;
    }

    /** {@code CreateMergePatch(original, modified)} keeping only its deletions (nulls). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deletions(Map<String, Object> original, Map<String, Object> modified) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : original.entrySet()) {
            if (!modified.containsKey(e.getKey())) {
                out.put(e.getKey(), null);
            } else if (e.getValue() instanceof Map<?, ?> om && modified.get(e.getKey()) instanceof Map<?, ?> mm) {
                Map<String, Object> sub = deletions((Map<String, Object>) om, (Map<String, Object>) mm);
                if (!sub.isEmpty()) out.put(e.getKey(), sub);
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void mergeDeletions(Map<String, Object> patch, Map<String, Object> deletions) {
        for (Map.Entry<String, Object> e : deletions.entrySet()) {
            Object p = patch.get(e.getKey());
            if (e.getValue() instanceof Map<?, ?> dm && p instanceof Map<?, ?> pm) {
                mergeDeletions((Map<String, Object>) pm, (Map<String, Object>) dm);
            } else if (!patch.containsKey(e.getKey())) {
                patch.put(e.getKey(), e.getValue());
            }
        }
    }

    /** JSON equality: numbers by value, whatever their Java type. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) return x.doubleValue() == y.doubleValue();
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) return false;
            for (int i = 0; i < la.size(); i++) if (!same(la.get(i), lb.get(i))) return false;
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!ma.keySet().equals(mb.keySet())) return false;
            for (Object k : ma.keySet()) if (!same(ma.get(k), mb.get(k))) return false;
            return true;
        }
        return Objects.equals(a, b);
    }
}

package dev.charter.template.value;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What templates see of a Java host object: record components and {@link GoVisible} fields act as
 * Go struct fields, {@link GoVisible} methods as Go methods. The description of each class is
 * computed once.
 */
public final class HostObjects {
    private HostObjects() {}

    /** A Go-visible field of a host object with its current value. */
    public record FieldValue(String name, Object value, boolean iface) {}

    /** A Go-visible field: how to read it and whether its static type is interface{}. */
    public record HostField(String name, AccessibleObject accessor, boolean iface) {
        public Object read(Object target) {
            try {
                if (accessor instanceof Method m) {
                    return m.invoke(target);
                }
                return ((Field) accessor).get(target);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(e.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The Go view of a Java class. */
    public record HostClass(Map<String, HostField> fields, Map<String, Method> methods) {}

    private static final ClassValue<HostClass> CACHE = new ClassValue<>() {
        @Override
        protected HostClass computeValue(Class<?> type) {
            return describe(type);
        }
    };

    public static HostClass of(Class<?> c) {
        return CACHE.get(c);
    }

    public static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }

    private static HostClass describe(Class<?> type) {
        Map<String, HostField> fields = new LinkedHashMap<>();
        Map<String, Method> methods = new LinkedHashMap<>();
        boolean publicType = Modifier.isPublic(type.getModifiers());
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                Method acc = rc.getAccessor();
                GoVisible gv = acc.getAnnotation(GoVisible.class);
                String name = gv != null && !gv.value().isEmpty() ? gv.value() : capitalize(rc.getName());
                trySetAccessible(acc, publicType);
                fields.put(name, new HostField(name, acc, rc.getType() == Object.class));
            }
        }
        for (Field f : type.getFields()) {
            GoVisible gv = f.getAnnotation(GoVisible.class);
            if (gv == null) {
                continue;
            }
            String name = gv.value().isEmpty() ? capitalize(f.getName()) : gv.value();
            trySetAccessible(f, publicType);
            fields.put(name, new HostField(name, f, f.getType() == Object.class));
        }
        for (Method m : type.getMethods()) {
            GoVisible gv = m.getAnnotation(GoVisible.class);
            if (gv == null || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            if (type.isRecord() && m.getParameterCount() == 0 && isAccessor(type, m)) {
                continue;
            }
            String name = gv.value().isEmpty() ? capitalize(m.getName()) : gv.value();
            trySetAccessible(m, publicType);
            methods.put(name, m);
        }
        return new HostClass(fields, methods);
    }

    private static boolean isAccessor(Class<?> type, Method m) {
        for (RecordComponent rc : type.getRecordComponents()) {
            if (rc.getAccessor().getName().equals(m.getName())) {
                return true;
            }
        }
        return false;
    }

    private static void trySetAccessible(AccessibleObject o, boolean publicType) {
        if (!publicType) {
            try {
                o.setAccessible(true);
            } catch (RuntimeException ignored) {
                // Inaccessible members fail later with a clear error.
            }
        }
    }

    public static List<FieldValue> fields(Object v) {
        List<FieldValue> out = new ArrayList<>();
        for (HostField f : of(v.getClass()).fields().values()) {
            out.add(new FieldValue(f.name(), f.read(v), f.iface()));
        }
        return out;
    }
}

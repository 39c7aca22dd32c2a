package dev.charter.template;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named template functions, Go's {@code FuncMap}. Functions registered here shadow builtins of
 * the same name (and a function named {@code break} or {@code continue} turns those keywords into
 * plain identifiers, as in Go). The registry must hold every name a template uses before parsing,
 * because the parser rejects unknown functions ({@code function "x" not defined}).
 */
public final class FunctionRegistry {
    private final Map<String, Func> functions = new LinkedHashMap<>();

    public FunctionRegistry() {}

    public FunctionRegistry(FunctionRegistry other) {
        functions.putAll(other.functions);
    }

    /** Registers {@code func(...interface{}) interface{}}. */
    public FunctionRegistry register(String name, TemplateFunction fn) {
        return register(name, Signature.any(), fn);
    }

    public FunctionRegistry register(String name, Signature signature, TemplateFunction fn) {
        if (!goodName(name)) {
            throw new IllegalArgumentException("function name " + dev.charter.template.text.Strconv.quote(name)
                    + " is not a valid identifier");
        }
        functions.put(name, new Func(name, signature, fn));
        return this;
    }

    public FunctionRegistry registerAll(FunctionRegistry other) {
        functions.putAll(other.functions);
        return this;
    }

    public Func get(String name) {
        return functions.get(name);
    }

    public boolean contains(String name) {
        return functions.containsKey(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(functions.keySet());
    }

    private static boolean goodName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); ) {
            int r = name.codePointAt(i);
            if (r == '_') {
                i += Character.charCount(r);
                continue;
            }
            if (i == 0 && !Character.isLetter(r)) {
                return false;
            }
            if (!Character.isLetter(r) && Character.getType(r) != Character.DECIMAL_DIGIT_NUMBER) {
                return false;
            }
            i += Character.charCount(r);
        }
        return true;
    }
}

package dev.charter.chart.render;

import dev.charter.sprig.Json;
import dev.charter.sprig.SprigFunctions;
import dev.charter.template.CallContext;
import dev.charter.template.FunctionRegistry;
import dev.charter.template.Signature;
import dev.charter.template.Template;
import dev.charter.template.TemplateException;
import dev.charter.template.TemplateParseException;
import dev.charter.template.text.Strconv;
import dev.charter.template.value.GoInt;
import dev.charter.template.value.GoStringer;
import dev.charter.template.value.GoType;
import dev.charter.template.value.HostObjects;
import dev.charter.yaml.GoYaml;
import dev.charter.yaml.YamlException;
import dev.charter.yaml.YamlReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm's template function map ({@code pkg/engine/funcs.go} plus the late-bound functions of
 * {@code engine.go}): Sprig without env/expandenv, then toYaml &amp; co, include, tpl, required,
 * fail, lookup and getHostByName.
 */
public final class HelmFunctions {
    private HelmFunctions() {}

    static final String WARN_START = "HELM_ERR_START";
    static final String WARN_END = "HELM_ERR_END";
    static final int RECURSION_MAX = 1000;
    /** The root template name of Helm's template set. */
    static final String ROOT = "gotpl";

    private static final GoType S = GoType.STRING;
    private static final GoType A = GoType.ANY;

    /** An error a Helm function returns (Go's error result). */
    static final class HelmFunctionException extends RuntimeException {
        HelmFunctionException(String message) {
            super(message, null, false, false);
        }

        HelmFunctionException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /**
     * Helm's {@code lookup} against a cluster: the object (or list, when {@code name} is empty) as
     * unstructured content, an empty map when not found; other failures throw with Helm's text.
     */
    @FunctionalInterface
    public interface Lookup {
        Map<String, Object> lookup(String apiVersion, String kind, String namespace, String name);
    }

    /** The options that shape the function map of one render; a null {@code lookup} is Helm's offline one (empty maps). */
    public record Options(boolean strict, boolean lintMode, boolean enableDns, Lookup lookup) {
        public static final Options DEFAULT = new Options(false, false, false);

        public Options(boolean strict, boolean lintMode, boolean enableDns) {
            this(strict, lintMode, enableDns, null);
        }
    }

    /** The full map for one render; include/tpl share one recursion counter. */
    public static FunctionRegistry registry(Options opts) {
        FunctionRegistry r = new FunctionRegistry();
        SprigFunctions.register(r);
        // Helm deletes these from Sprig's map, so templates using them fail to parse.
        FunctionRegistry clean = new FunctionRegistry();
        for (String n : r.names()) {
            if (!n.equals("env") && !n.equals("expandenv")) {
                clean.register(n, r.get(n).signature(), r.get(n).impl());
            }
        }
        r = clean;
        r.register("toToml", Signature.of(S, A), (c, a) -> Toml.encode(a.get(0)));
        r.register("fromToml", Signature.of(GoType.MAP, S), (c, a) -> Toml.decode((String) a.get(0)));
        r.register("toYaml", Signature.of(S, A), (c, a) -> {
            try {
                return toYaml(a.get(0));
            } catch (RuntimeException e) {
                return "";
            }
        });
        r.register("mustToYaml", Signature.of(S, A), (c, a) -> toYaml(a.get(0)));
        r.register("toYamlPretty", Signature.of(S, A), (c, a) -> {
            try {
                return PrettyYaml.marshal(jsonModel(a.get(0)));
            } catch (RuntimeException e) {
                return "";
            }
        });
        r.register("fromYaml", Signature.of(GoType.MAP, S), (c, a) -> fromYaml((String) a.get(0)));
        r.register("fromYamlArray", Signature.of(GoType.SLICE, S), (c, a) -> fromYamlArray((String) a.get(0)));
        r.register("fromJsonArray", Signature.of(GoType.SLICE, S), (c, a) -> fromJsonArray((String) a.get(0)));
        r.register("lookup", Signature.of(GoType.MAP, S, S, S, S), (c, a) -> {
            if (opts.lookup() == null) {
                return new LinkedHashMap<String, Object>();
            }
            try {
                return opts.lookup().lookup((String) a.get(0), (String) a.get(1), (String) a.get(2), (String) a.get(3));
            } catch (RuntimeException e) {
                throw new HelmFunctionException(e.getMessage(), e);
            }
        });

        Map<String, Integer> includedNames = new HashMap<>();
        r.register("include", Signature.of(S, S, A), (ctx, a) -> include(ctx, includedNames, (String) a.get(0), a.get(1)));
        r.register("tpl", Signature.of(S, S, A), (ctx, a) -> tpl(ctx, opts, (String) a.get(0), a.get(1)));
        r.register("required", Signature.of(A, S, A), (ctx, a) -> {
            Object val = a.get(1);
            String warn = (String) a.get(0);
            if (val == null || "".equals(val)) {
                if (opts.lintMode()) {
                    return "";
                }
                throw new HelmFunctionException(WARN_START + warn + WARN_END);
            }
            return val;
        });
        r.register("fail", Signature.of(S, S), (ctx, a) -> {
            if (opts.lintMode()) {
                return "";
            }
            throw new HelmFunctionException(WARN_START + a.get(0) + WARN_END);
        });
        if (!opts.enableDns()) {
            r.register("getHostByName", Signature.of(S, S), (ctx, a) -> "");
        }
        return r;
    }

    private static String include(CallContext ctx, Map<String, Integer> includedNames, String name, Object data) {
        Integer v = includedNames.get(name);
        if (v != null) {
            if (v > RECURSION_MAX) {
                throw new HelmFunctionException("rendering template has a nested reference name: " + name
                        + ": unable to execute template");
            }
            includedNames.put(name, v + 1);
        } else {
            includedNames.put(name, 1);
        }
        try {
            StringBuilder sb = new StringBuilder();
            ctx.template().newTemplate(ROOT).execute(name, data, sb);
            return sb.toString();
        } finally {
            includedNames.merge(name, -1, Integer::sum);
        }
    }

    private static String tpl(CallContext ctx, Options opts, String text, Object vals) {
        Template t = ctx.template().copy();
        t.option(opts.strict() ? "missingkey=error" : "missingkey=zero");
        Template nt = t.newTemplate(ROOT);
        try {
            nt.parse(text);
        } catch (TemplateParseException e) {
            throw new HelmFunctionException("cannot parse template " + Strconv.quote(text) + ": " + e.getMessage(), e);
        }
        StringBuilder sb = new StringBuilder();
        try {
            nt.execute(vals, sb);
        } catch (TemplateException e) {
            throw new HelmFunctionException("error during tpl function execution for " + Strconv.quote(text) + ": "
                    + e.getMessage(), e);
        }
        return sb.toString().replace("<no value>", "");
    }

    /** Helm's toYaml: sigs.k8s.io/yaml, trailing newline trimmed. */
    public static String toYaml(Object v) {
        String s = GoYaml.marshal(jsonModel(v));
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    /** A template value as encoding/json sees it: host objects by field, []byte as base64, sized ints as numbers. */
    public static Object jsonModel(Object v) {
        // large integral float64s stay Double: GoYaml writes them as encoding/json + go-yaml do
        // (12345678901234567000, or 'g' beyond int64/uint64), toYamlPretty with 'g' (go-yaml v3)
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Double || v instanceof Long
                || v instanceof Integer) {
            return v;
        }
        if (v instanceof GoInt g) {
            return g.unsigned() ? new BigInteger(Long.toUnsignedString(g.bits())) : (Object) g.bits();
        }
        if (v instanceof Number) {
            return v;
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), jsonModel(x)));
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object x : l) {
                out.add(jsonModel(x));
            }
            return out;
        }
        if (v instanceof Object[] arr) {
            return jsonModel(List.of(arr));
        }
        if (v instanceof CharSequence cs) {
            return cs.toString();
        }
        if (v.getClass().isRecord() || !HostObjects.of(v.getClass()).fields().isEmpty()) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (HostObjects.FieldValue f : HostObjects.fields(v)) {
                out.put(f.name(), jsonModel(f.value()));
            }
            return out;
        }
        if (v instanceof GoStringer gs) {
            return gs.goString();
        }
        return v.toString();
    }

    /** Helm's fromYaml: the first document as a map, errors under "Error". */
    public static Map<String, Object> fromYaml(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        Object doc;
        try {
            doc = YamlReader.toJsonModel(YamlReader.parse(s));
        } catch (YamlException e) {
            m.put("Error", "error converting YAML to JSON: " + e.getMessage());
            return m;
        }
        if (doc == null) {
            return m;
        }
        if (!(doc instanceof Map)) {
            m.put("Error", "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal " + jsonKind(doc)
                    + " into Go value of type map[string]interface {}");
            return m;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dm = (Map<String, Object>) doc;
        m.putAll(dm);
        return m;
    }

    /** Helm's fromYamlArray: errors become the only element. */
    public static List<Object> fromYamlArray(String s) {
        Object doc;
        try {
            doc = YamlReader.toJsonModel(YamlReader.parse(s));
        } catch (YamlException e) {
            return new ArrayList<>(List.of("error converting YAML to JSON: " + e.getMessage()));
        }
        if (doc == null) {
            return new ArrayList<>();
        }
        if (!(doc instanceof List)) {
            return new ArrayList<>(List.of("error unmarshaling JSON: while decoding JSON: json: cannot unmarshal "
                    + jsonKind(doc) + " into Go value of type []interface {}"));
        }
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) doc;
        return new ArrayList<>(l);
    }

    /** Helm's fromJsonArray. */
    public static List<Object> fromJsonArray(String s) {
        Object doc;
        try {
            doc = Json.unmarshal(s);
        } catch (RuntimeException e) {
            return new ArrayList<>(List.of(e.getMessage()));
        }
        if (doc == null) {
            return new ArrayList<>();
        }
        if (!(doc instanceof List)) {
            return new ArrayList<>(List.of("json: cannot unmarshal " + jsonKind(doc) + " into Go value of type []interface {}"));
        }
        @SuppressWarnings("unchecked")
        List<Object> l = (List<Object>) doc;
        return new ArrayList<>(l);
    }

    private static String jsonKind(Object doc) {
        if (doc instanceof Map) {
            return "object";
        }
        if (doc instanceof List) {
            return "array";
        }
        if (doc instanceof String) {
            return "string";
        }
        if (doc instanceof Boolean) {
            return "bool";
        }
        return "number";
    }
}

package dev.charter.dependency;

import dev.charter.chart.Dependency;
import dev.charter.yaml.GoJsonWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helm's {@code resolver.HashReq}/{@code HashV2Req}: sha256 of Go-JSON of the dependency lists. */
public final class LockDigest {

    private LockDigest() {
    }

    /** {@code "sha256:" + hex(sha256(json.Marshal([requested, locked])))}. */
    public static String hashReq(List<Dependency> requested, List<Dependency> locked) {
        return "sha256:" + sha256(GoJsonWriter.write(List.of(json(requested), json(locked))));
    }

    /** Helm 2's digest of requirements: {@code json.Marshal({"dependencies": requested})}. */
    public static String hashV2Req(List<Dependency> requested) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dependencies", json(requested));
        return "sha256:" + sha256(GoJsonWriter.write(m));
    }

    static Object json(List<Dependency> deps) {
        if (deps == null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        for (Dependency d : deps) {
            out.add(d == null ? null : dependency(d));
        }
        return out;
    }

    /** The Go struct {@code chart.Dependency} as JSON (struct order, omitempty). */
    public static Map<String, Object> dependency(Dependency d) {
        Map<String, Object> o = new GoJsonWriter.Struct();
        o.put("name", d.name() == null ? "" : d.name());
        if (d.version() != null && !d.version().isEmpty()) {
            o.put("version", d.version());
        }
        o.put("repository", d.repository() == null ? "" : d.repository());
        if (d.condition() != null && !d.condition().isEmpty()) {
            o.put("condition", d.condition());
        }
        if (d.tags() != null && !d.tags().isEmpty()) {
            o.put("tags", d.tags());
        }
        if (d.enabled()) {
            o.put("enabled", true);
        }
        if (d.importValues() != null && !d.importValues().isEmpty()) {
            o.put("import-values", d.importValues());
        }
        if (d.alias() != null && !d.alias().isEmpty()) {
            o.put("alias", d.alias());
        }
        return o;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

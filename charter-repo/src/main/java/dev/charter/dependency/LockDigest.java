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
            out.add(d == null ? null : d.toJsonModel());
        }
        return out;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.charter.repo;

import dev.charter.yaml.GoJsonWriter;
import java.util.Map;

/** One repository of repositories.yaml: Helm's {@code repo.Entry}. */
public record RepoEntry(String name, String url, String username, String password, String certFile, String keyFile,
                        String caFile, boolean insecureSkipTlsVerify, boolean passCredentialsAll) {

    public RepoEntry {
        name = nz(name);
        url = nz(url);
        username = nz(username);
        password = nz(password);
        certFile = nz(certFile);
        keyFile = nz(keyFile);
        caFile = nz(caFile);
    }

    public static RepoEntry of(String name, String url) {
        return new RepoEntry(name, url, "", "", "", "", "", false, false);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The JSON model of the Go struct (no omitempty: every field is written). */
    public Map<String, Object> toJsonModel() {
        Map<String, Object> m = new GoJsonWriter.Struct();
        m.put("name", name);
        m.put("url", url);
        m.put("username", username);
        m.put("password", password);
        m.put("certFile", certFile);
        m.put("keyFile", keyFile);
        m.put("caFile", caFile);
        m.put("insecure_skip_tls_verify", insecureSkipTlsVerify);
        m.put("pass_credentials_all", passCredentialsAll);
        return m;
    }

    static RepoEntry fromJsonModel(Map<?, ?> m) {
        return new RepoEntry(str(m.get("name")), str(m.get("url")), str(m.get("username")), str(m.get("password")),
                str(m.get("certFile")), str(m.get("keyFile")), str(m.get("caFile")),
                bool(m.get("insecure_skip_tls_verify")), bool(m.get("pass_credentials_all")));
    }

    static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    static boolean bool(Object o) {
        return o instanceof Boolean b ? b : o != null && o.toString().equals("true");
    }
}

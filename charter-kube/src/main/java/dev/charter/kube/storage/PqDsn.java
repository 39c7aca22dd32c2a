package dev.charter.kube.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A lib/pq connection string ({@code postgres://user:pass@host:port/db?sslmode=disable} or
 * {@code host=... port=... user=... password='a b' dbname=... sslmode=...}) as a pgJDBC URL and
 * properties. lib/pq's defaults: host localhost, port 5432, sslmode require, the PG* environment
 * variables under the string's own settings.
 */
record PqDsn(Map<String, String> settings) {

    private static final Map<String, String> ENV = Map.ofEntries(
            Map.entry("PGHOST", "host"), Map.entry("PGPORT", "port"), Map.entry("PGDATABASE", "dbname"),
            Map.entry("PGUSER", "user"), Map.entry("PGPASSWORD", "password"), Map.entry("PGSSLMODE", "sslmode"),
            Map.entry("PGCONNECT_TIMEOUT", "connect_timeout"), Map.entry("PGAPPNAME", "application_name"),
            Map.entry("PGSSLCERT", "sslcert"), Map.entry("PGSSLKEY", "sslkey"), Map.entry("PGSSLROOTCERT", "sslrootcert"));

    static PqDsn parse(String dsn, Map<String, String> env) {
        Map<String, String> o = new LinkedHashMap<>();
        o.put("host", "localhost");
        o.put("port", "5432");
        if (env != null) {
            ENV.forEach((var, key) -> {
                String v = env.get(var);
                if (v != null && !v.isEmpty()) o.put(key, v);
            });
        }
        String s = dsn.strip();
        if (s.startsWith("postgres://") || s.startsWith("postgresql://")) {
            parseUrl(s, o);
        } else {
            parseKeyValue(s, o);
        }
        o.putIfAbsent("sslmode", "require");
        return new PqDsn(o);
    }

    private static void parseUrl(String s, Map<String, String> o) {
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new StorageException("parse \"" + s.replaceAll(":[^:@/]*@", ":xxxxx@") + "\": " + e.getReason());
        }
        String ui = u.getRawUserInfo();
        if (ui != null) {
            int c = ui.indexOf(':');
            o.put("user", decode(c < 0 ? ui : ui.substring(0, c)));
            if (c >= 0) o.put("password", decode(ui.substring(c + 1)));
        }
        if (u.getHost() != null && !u.getHost().isEmpty()) o.put("host", u.getHost());
        if (u.getPort() >= 0) o.put("port", Integer.toString(u.getPort()));
        String path = u.getRawPath();
        if (path != null && path.length() > 1) o.put("dbname", decode(path.substring(1)));
        String q = u.getRawQuery();
        if (q != null) {
            for (String kv : q.split("&")) {
                if (kv.isEmpty()) continue;
                int eq = kv.indexOf('=');
                o.put(decode(eq < 0 ? kv : kv.substring(0, eq)), eq < 0 ? "" : decode(kv.substring(eq + 1)));
            }
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** lib/pq's {@code parseOpts}: {@code key=value} pairs, values optionally single-quoted, backslash escapes. */
    private static void parseKeyValue(String s, Map<String, String> o) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) break;
            int k = i;
            while (i < n && s.charAt(i) != '=' && !Character.isWhitespace(s.charAt(i))) i++;
            String key = s.substring(k, i);
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n || s.charAt(i) != '=') {
                throw new StorageException("missing \"=\" after \"" + key + "\" in connection info string\"");
            }
            i++;
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            StringBuilder v = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        v.append(s.charAt(i++));
                    } else if (c == '\'') {
                        closed = true;
                        break;
                    } else {
                        v.append(c);
                    }
                }
                if (!closed) throw new StorageException("unterminated quoted string literal in connection string");
            } else {
                while (i < n && !Character.isWhitespace(s.charAt(i))) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) c = s.charAt(i++);
                    v.append(c);
                }
            }
            o.put(key, v.toString());
        }
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(settings);
        shown.computeIfPresent("password", (k, v) -> "xxxxx");
        return "PqDsn" + shown;
    }

    String jdbcUrl() {
        String host = settings.get("host");
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        return "jdbc:postgresql://" + host + ":" + settings.get("port") + "/"
                + URLEncoderHolder.encode(settings.getOrDefault("dbname", settings.getOrDefault("user", "")));
    }

    Properties properties() {
        Properties p = new Properties();
        StringBuilder options = new StringBuilder();
        settings.forEach((k, v) -> {
            switch (k) {
                case "host", "port", "dbname" -> { }
                case "user" -> p.setProperty("user", v);
                case "password" -> p.setProperty("password", v);
                case "sslmode" -> p.setProperty("sslmode", v);
                case "sslcert", "sslkey", "sslrootcert" -> p.setProperty(k, v);
                case "connect_timeout" -> p.setProperty("connectTimeout", v);
                case "application_name", "fallback_application_name" -> p.putIfAbsent("ApplicationName", v);
                default -> options.append(options.isEmpty() ? "" : " ").append("-c ").append(k).append('=')
                        .append(v.replace("\\", "\\\\").replace(" ", "\\ "));
            }
        });
        if (!options.isEmpty()) p.setProperty("options", options.toString());
        if (!p.containsKey("user")) p.setProperty("user", System.getProperty("user.name", ""));
        return p;
    }

    private static final class URLEncoderHolder {
        static String encode(String s) {
            return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
        }
    }
}

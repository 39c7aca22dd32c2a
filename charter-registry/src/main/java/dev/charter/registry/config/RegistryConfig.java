package dev.charter.registry.config;

import dev.charter.registry.RegistryServer;
import dev.charter.registry.auth.AccessPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The subset of Distribution's {@code config.yml} that applies to Charter, with Distribution's
 * environment overrides: {@code REGISTRY_HTTP_ADDR} replaces {@code http.addr}, i.e. the
 * variable name after {@code REGISTRY_} is the key path joined by {@code _}. Recognised keys:
 * <pre>
 * http.addr, http.secret, http.tls.certificate, http.tls.key
 * storage.filesystem.rootdirectory, storage.delete.enabled, storage.maintenance.readonly.enabled
 * auth.htpasswd.realm, auth.htpasswd.path
 * log.accesslog.disabled
 * auth.charter.anonymouspull, auth.charter.token.{enabled,service,realm,expiration,refreshexpiration},
 * auth.charter.access: [{user, repository, actions}]   (Charter's own additions)
 * </pre>
 * Settings Charter cannot honour (another storage driver, an external token server) are errors
 * rather than silently ignored, since ignoring them would weaken what the operator asked for.
 */
public record RegistryConfig(Map<String, Object> tree) {

    /** Loads {@code file} (may be null) and applies {@code REGISTRY_*} variables from {@code env}. */
    public static RegistryConfig load(Path file, Map<String, String> env) {
        Map<String, Object> loaded = new LinkedHashMap<>();
        if (file != null) {
            try (InputStream in = Files.newInputStream(file)) {
                Object parsed = new Load(LoadSettings.builder().setLabel(file.toString()).build()).loadFromInputStream(in);
                if (parsed instanceof Map<?, ?> map) {
                    loaded = deepCopy(map);
                } else if (parsed != null) {
                    throw new IllegalArgumentException("config " + file + " is not a YAML mapping");
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read config " + file + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException) {
                    throw e;
                }
                throw new IllegalArgumentException("invalid config " + file + ": " + e.getMessage().lines().findFirst().orElse(""), e);
            }
        }
        Map<String, Object> tree = loaded;
        env.entrySet().stream()
                .filter(e -> e.getKey().startsWith("REGISTRY_") && e.getKey().length() > 9)
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> override(tree, e.getKey().substring(9).toLowerCase(Locale.ROOT).split("_"), e.getValue()));
        return new RegistryConfig(tree);
    }

    /** Applies the recognised settings to a server builder (flags applied afterwards win). */
    public RegistryServer.Builder applyTo(RegistryServer.Builder builder) {
        rejectUnsupported();
        string("http", "addr").ifPresent(builder::addr);
        string("http", "secret").ifPresent(builder::secret);
        string("http", "tls", "certificate").ifPresent(cert ->
                builder.tls(Path.of(cert), Path.of(string("http", "tls", "key")
                        .orElseThrow(() -> new IllegalArgumentException("http.tls.certificate needs http.tls.key")))));
        string("storage", "filesystem", "rootdirectory").ifPresent(dir -> builder.root(Path.of(dir)));
        bool("storage", "delete", "enabled").ifPresent(builder::deleteEnabled);
        bool("storage", "maintenance", "readonly", "enabled").ifPresent(builder::readOnly);
        string("auth", "htpasswd", "path").ifPresent(path -> builder.htpasswd(Path.of(path)));
        string("auth", "htpasswd", "realm").ifPresent(builder::realm);
        bool("auth", "charter", "anonymouspull").ifPresent(builder::anonymousPull);
        if (bool("auth", "charter", "token", "enabled").orElse(false)) {
            builder.authMode(RegistryServer.AuthMode.TOKEN);
        }
        string("auth", "charter", "token", "service").ifPresent(builder::tokenService);
        string("auth", "charter", "token", "realm").ifPresent(builder::tokenRealm);
        string("auth", "charter", "token", "expiration").ifPresent(s -> builder.tokenTtl(duration(s)));
        string("auth", "charter", "token", "refreshexpiration").ifPresent(s -> builder.refreshTokenTtl(duration(s)));
        Object access = get("auth", "charter", "access");
        if (access != null) {
            builder.accessRules(rules(access));
        }
        return builder;
    }

    /** Whether {@code log.accesslog.disabled} is true (Distribution logs access by default). */
    public boolean accessLogDisabled() {
        return bool("log", "accesslog", "disabled").orElse(false);
    }

    private void rejectUnsupported() {
        if (get("storage") instanceof Map<?, ?> storage) {
            for (Object key : storage.keySet()) {
                String driver = String.valueOf(key);
                if (!Set.of("filesystem", "delete", "maintenance", "cache", "redirect", "tag").contains(driver)) {
                    throw new IllegalArgumentException("storage driver " + driver + " is not supported by Charter (filesystem only)");
                }
            }
        }
        if (get("auth", "token") != null) {
            throw new IllegalArgumentException("auth.token (an external token server) is not supported; use auth.charter.token.enabled");
        }
        if (get("auth", "silly") != null) {
            throw new IllegalArgumentException("auth.silly is not supported; use auth.htpasswd");
        }
    }

    private static List<AccessPolicy.Rule> rules(Object value) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("auth.charter.access must be a list of {user, repository, actions}");
        }
        List<AccessPolicy.Rule> rules = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> rule) || rule.get("user") == null) {
                throw new IllegalArgumentException("auth.charter.access entries need user, repository and actions");
            }
            Object actions = rule.get("actions");
            Set<String> set = new LinkedHashSet<>();
            if (actions instanceof List<?> l) {
                l.forEach(a -> set.add(String.valueOf(a)));
            } else if (actions != null) {
                for (String a : String.valueOf(actions).split(",")) {
                    set.add(a.strip());
                }
            }
            Object repository = rule.get("repository");
            rules.add(new AccessPolicy.Rule(String.valueOf(rule.get("user")), repository == null ? "**" : String.valueOf(repository), set));
        }
        return rules;
    }

    /** {@code 300}, {@code 300s}, {@code 5m}, {@code 1h}. */
    static Duration duration(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
                case 'm' -> Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
                case 'h' -> Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
                default -> Duration.ofSeconds(Long.parseLong(t));
            };
        } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("invalid duration " + text);
        }
    }

    public Object get(String... path) {
        Object node = tree;
        for (String key : path) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    public java.util.Optional<String> string(String... path) {
        Object value = get(path);
        return value == null || value instanceof Map || value instanceof List
                ? java.util.Optional.empty()
                : java.util.Optional.of(String.valueOf(value));
    }

    public java.util.Optional<Boolean> bool(String... path) {
        return string(path).map(v -> switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException(String.join(".", path) + " must be true or false, got " + v);
        });
    }

    @SuppressWarnings("unchecked")
    private static void override(Map<String, Object> tree, String[] path, String value) {
        Map<String, Object> node = tree;
        for (int i = 0; i < path.length - 1; i++) {
            Object child = node.get(path[i]);
            if (!(child instanceof Map)) {
                child = new LinkedHashMap<String, Object>();
                node.put(path[i], child);
            }
            node = (Map<String, Object>) child;
        }
        node.put(path[path.length - 1], value);
    }

    private static Map<String, Object> deepCopy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k).toLowerCase(Locale.ROOT), v instanceof Map<?, ?> m ? deepCopy(m) : v));
        return copy;
    }
}

package dev.charter.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Helm's client settings (its {@code cli.EnvSettings}): where configuration, caches and data live
 * and which cluster to talk to. Values come from {@code HELM_*} environment variables with Helm's
 * defaults and may then be overridden by global command-line flags, exactly as in Helm where the
 * flag defaults are the environment values.
 */
public final class EnvSettings {

    private final Map<String, String> env;
    private final Path configHome;
    private final Path cacheHome;
    private final Path dataHome;

    private String namespace;
    private String kubeContext;
    private String kubeConfig;
    private String kubeToken;
    private String kubeApiServer;
    private String kubeAsUser;
    private java.util.List<String> kubeAsGroups;
    private String kubeCaFile;
    private boolean kubeInsecureSkipTlsVerify;
    private String kubeTlsServerName;
    private boolean debug;
    private Path registryConfig;
    private Path repositoryConfig;
    private Path repositoryCache;
    private Path contentCache;
    private Path pluginsDirectory;
    private int maxHistory;
    private int burstLimit;
    private float qps;

    private EnvSettings(Map<String, String> env) {
        this.env = Map.copyOf(env);
        Path home = Path.of(envOr("HOME", System.getProperty("user.home")));
        this.configHome = homeDir("HELM_CONFIG_HOME", "XDG_CONFIG_HOME", home.resolve(".config"));
        this.cacheHome = homeDir("HELM_CACHE_HOME", "XDG_CACHE_HOME", home.resolve(".cache"));
        this.dataHome = homeDir("HELM_DATA_HOME", "XDG_DATA_HOME", home.resolve(".local/share"));
        this.namespace = envOr("HELM_NAMESPACE", "");
        this.kubeContext = envOr("HELM_KUBECONTEXT", "");
        // Like Helm, only the --kubeconfig flag sets this; KUBECONFIG is read by the kubeconfig loader.
        this.kubeConfig = "";
        this.kubeToken = envOr("HELM_KUBETOKEN", "");
        this.kubeApiServer = envOr("HELM_KUBEAPISERVER", "");
        this.kubeAsUser = envOr("HELM_KUBEASUSER", "");
        String groups = envOr("HELM_KUBEASGROUPS", "");
        this.kubeAsGroups = groups.isEmpty() ? java.util.List.of() : java.util.List.of(groups.split(","));
        this.kubeCaFile = envOr("HELM_KUBECAFILE", "");
        this.kubeInsecureSkipTlsVerify = envBool("HELM_KUBEINSECURE_SKIP_TLS_VERIFY");
        this.kubeTlsServerName = envOr("HELM_KUBETLS_SERVER_NAME", "");
        this.debug = envBool("HELM_DEBUG");
        this.registryConfig = Path.of(envOr("HELM_REGISTRY_CONFIG", configHome.resolve("registry/config.json").toString()));
        this.repositoryConfig = Path.of(envOr("HELM_REPOSITORY_CONFIG", configHome.resolve("repositories.yaml").toString()));
        this.repositoryCache = Path.of(envOr("HELM_REPOSITORY_CACHE", cacheHome.resolve("repository").toString()));
        this.contentCache = Path.of(envOr("HELM_CONTENT_CACHE", cacheHome.resolve("content").toString()));
        this.pluginsDirectory = Path.of(envOr("HELM_PLUGINS", dataHome.resolve("plugins").toString()));
        this.maxHistory = envInt("HELM_MAX_HISTORY", 10);
        this.burstLimit = envInt("HELM_BURST_LIMIT", 100);
        this.qps = envFloat("HELM_QPS", 0f);
    }

    /** Settings from the given environment (use {@code System.getenv()} for the real one). */
    public static EnvSettings from(Map<String, String> env) {
        return new EnvSettings(env);
    }

    private Path homeDir(String helmVariable, String xdgVariable, Path fallbackBase) {
        String explicit = env.get(helmVariable);
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        String xdg = env.get(xdgVariable);
        Path base = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : fallbackBase;
        return base.resolve("helm");
    }

    private String envOr(String name, String fallback) {
        String value = env.get(name);
        return value != null && !value.isEmpty() ? value : fallback;
    }

    private boolean envBool(String name) {
        // Go's strconv.ParseBool: anything unparsable is false
        return switch (envOr(name, "false")) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            default -> false;
        };
    }

    private int envInt(String name, int fallback) {
        try {
            return Integer.parseInt(envOr(name, Integer.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private float envFloat(String name, float fallback) {
        try {
            return Float.parseFloat(envOr(name, Float.toString(fallback)));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The raw environment these settings were read from. */
    public Map<String, String> environment() {
        return env;
    }

    /** An environment variable's value, or {@code null}. */
    public String getenv(String name) {
        return env.get(name);
    }

    public Path configHome() { return configHome; }
    public Path cacheHome() { return cacheHome; }
    public Path dataHome() { return dataHome; }
    public Path registryConfig() { return registryConfig; }
    public Path repositoryConfig() { return repositoryConfig; }
    public Path repositoryCache() { return repositoryCache; }
    public Path contentCache() { return contentCache; }
    public Path pluginsDirectory() { return pluginsDirectory; }
    public boolean debug() { return debug; }
    public String kubeContext() { return kubeContext; }
    public String kubeConfig() { return kubeConfig; }
    public String kubeToken() { return kubeToken; }
    public String kubeApiServer() { return kubeApiServer; }
    public String kubeAsUser() { return kubeAsUser; }
    public java.util.List<String> kubeAsGroups() { return kubeAsGroups; }
    public String kubeCaFile() { return kubeCaFile; }
    public boolean kubeInsecureSkipTlsVerify() { return kubeInsecureSkipTlsVerify; }
    public String kubeTlsServerName() { return kubeTlsServerName; }
    public int maxHistory() { return maxHistory; }
    public int burstLimit() { return burstLimit; }
    public float qps() { return qps; }

    /** The namespace for this request: the flag or HELM_NAMESPACE, else "default". */
    public String namespace() {
        return namespace.isEmpty() ? "default" : namespace;
    }

    public void setNamespace(String value) { this.namespace = value; }
    public void setKubeContext(String value) { this.kubeContext = value; }
    public void setKubeConfig(String value) { this.kubeConfig = value; }
    public void setKubeToken(String value) { this.kubeToken = value; }
    public void setKubeApiServer(String value) { this.kubeApiServer = value; }
    public void setKubeAsUser(String value) { this.kubeAsUser = value; }
    public void setKubeAsGroups(java.util.List<String> value) { this.kubeAsGroups = java.util.List.copyOf(value); }
    public void setKubeCaFile(String value) { this.kubeCaFile = value; }
    public void setKubeInsecureSkipTlsVerify(boolean value) { this.kubeInsecureSkipTlsVerify = value; }
    public void setKubeTlsServerName(String value) { this.kubeTlsServerName = value; }
    public void setDebug(boolean value) { this.debug = value; }
    public void setRegistryConfig(Path value) { this.registryConfig = value; }
    public void setRepositoryConfig(Path value) { this.repositoryConfig = value; }
    public void setRepositoryCache(Path value) { this.repositoryCache = value; }
    public void setContentCache(Path value) { this.contentCache = value; }
    public void setBurstLimit(int value) { this.burstLimit = value; }
    public void setQps(float value) { this.qps = value; }

    /**
     * The variables {@code helm env} prints (Helm v4's set), keyed and sorted by name.
     *
     * @param binary what to report as HELM_BIN
     */
    public Map<String, String> envVars(String binary) {
        Map<String, String> vars = new TreeMap<>();
        vars.put("HELM_BIN", binary);
        vars.put("HELM_BURST_LIMIT", Integer.toString(burstLimit));
        vars.put("HELM_CACHE_HOME", cacheHome.toString());
        vars.put("HELM_CONFIG_HOME", configHome.toString());
        vars.put("HELM_CONTENT_CACHE", contentCache.toString());
        vars.put("HELM_DATA_HOME", dataHome.toString());
        vars.put("HELM_DEBUG", Boolean.toString(debug));
        vars.put("HELM_KUBEAPISERVER", kubeApiServer);
        vars.put("HELM_KUBEASGROUPS", String.join(",", kubeAsGroups));
        vars.put("HELM_KUBEASUSER", kubeAsUser);
        vars.put("HELM_KUBECAFILE", kubeCaFile);
        vars.put("HELM_KUBECONTEXT", kubeContext);
        vars.put("HELM_KUBEINSECURE_SKIP_TLS_VERIFY", Boolean.toString(kubeInsecureSkipTlsVerify));
        vars.put("HELM_KUBETLS_SERVER_NAME", kubeTlsServerName);
        vars.put("HELM_KUBETOKEN", kubeToken);
        vars.put("HELM_MAX_HISTORY", Integer.toString(maxHistory));
        vars.put("HELM_NAMESPACE", namespace());
        vars.put("HELM_PLUGINS", pluginsDirectory.toString());
        vars.put("HELM_QPS", String.format(java.util.Locale.ROOT, "%.2f", qps));
        vars.put("HELM_REGISTRY_CONFIG", registryConfig.toString());
        vars.put("HELM_REPOSITORY_CACHE", repositoryCache.toString());
        vars.put("HELM_REPOSITORY_CONFIG", repositoryConfig.toString());
        if (!kubeConfig.isEmpty()) {
            vars.put("KUBECONFIG", kubeConfig);
        }
        return vars;
    }
}

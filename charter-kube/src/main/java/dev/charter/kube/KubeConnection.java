package dev.charter.kube;

import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedCluster;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.internal.SSLUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A connection to the cluster resolved like client-go's {@code clientcmd} with Helm's overrides:
 * kubeconfig files merged (first file wins per entry), context, then flag overrides. The
 * namespace is the override, else the context's namespace, else {@code default}.
 */
public final class KubeConnection implements AutoCloseable {

    private final Config config;
    private final String namespace;
    /** The name the server certificate must carry (client-go's TLSClientConfig.ServerName); empty: the URL's host. */
    private final String tlsServerName;
    private KubernetesClient client;

    private KubeConnection(Config config, String namespace, String tlsServerName) {
        this.config = config;
        this.namespace = namespace;
        this.tlsServerName = tlsServerName;
    }

    public static KubeConnection open(KubeOptions o) {
        List<Path> files = kubeconfigFiles(o);
        io.fabric8.kubernetes.api.model.Config merged = merge(files);
        String contextName = !o.context().isEmpty() ? o.context()
                : merged == null || merged.getCurrentContext() == null ? "" : merged.getCurrentContext();
        NamedContext ctx = null;
        if (merged != null && !contextName.isEmpty()) {
            for (NamedContext c : merged.getContexts()) {
                if (contextName.equals(c.getName())) ctx = c;
            }
        }
        if (!o.context().isEmpty() && ctx == null) {
            throw new KubeException("context \"" + o.context() + "\" does not exist");
        }
        Config config;
        if (merged != null && ctx != null) {
            String yaml = Serialization.asYaml(merged);
            config = Config.fromKubeconfig(contextName, yaml, null);
        } else {
            config = Config.empty();
            config.setMasterUrl("http://localhost:8080");
        }
        String tlsServerName = "";
        if (merged != null && ctx != null && ctx.getContext() != null) {
            for (NamedCluster nc : merged.getClusters()) {
                if (nc.getName().equals(ctx.getContext().getCluster()) && nc.getCluster() != null
                        && nc.getCluster().getTlsServerName() != null) {
                    tlsServerName = nc.getCluster().getTlsServerName();
                }
            }
        }
        if (!o.apiServer().isEmpty()) {
            config.setMasterUrl(o.apiServer());
            // clientcmd: a server override drops the kubeconfig's tls-server-name, which named the old server
            tlsServerName = "";
        }
        if (o.tlsServerName() != null && !o.tlsServerName().isEmpty()) tlsServerName = o.tlsServerName();
        if (!o.token().isEmpty()) {
            config.setOauthToken(o.token());
        }
        if (!o.asUser().isEmpty()) config.setImpersonateUsername(o.asUser());
        if (!o.asGroups().isEmpty()) config.setImpersonateGroups(o.asGroups().toArray(String[]::new));
        if (!o.caFile().isEmpty()) {
            config.setCaCertFile(o.caFile());
            config.setCaCertData(null);
        }
        if (o.insecureSkipTlsVerify()) {
            config.setTrustCerts(true);
            config.setDisableHostnameVerification(true);
        }
        String ns = o.namespaceOverride();
        if (ns == null || ns.isEmpty()) {
            ns = ctx != null && ctx.getContext() != null && ctx.getContext().getNamespace() != null
                    && !ctx.getContext().getNamespace().isEmpty() ? ctx.getContext().getNamespace() : "default";
        }
        config.setNamespace(ns);
        config.setRequestTimeout(0);
        return new KubeConnection(config, ns, tlsServerName);
    }

    /** The namespace Helm would use: only reads kubeconfig, never fails. */
    public static String resolveNamespace(KubeOptions o) {
        if (o.namespaceOverride() != null && !o.namespaceOverride().isEmpty()) return o.namespaceOverride();
        try {
            return open(o).namespace();
        } catch (RuntimeException e) {
            return "default";
        }
    }

    static List<Path> kubeconfigFiles(KubeOptions o) {
        List<Path> files = new ArrayList<>();
        if (o.kubeconfig() != null && !o.kubeconfig().isEmpty()) {
            Path p = Path.of(o.kubeconfig());
            if (!Files.exists(p)) {
                throw new KubeException("stat " + o.kubeconfig() + ": no such file or directory");
            }
            files.add(p);
            return files;
        }
        if (o.kubeconfigEnv() != null && !o.kubeconfigEnv().isEmpty()) {
            for (String s : o.kubeconfigEnv().split(File.pathSeparator)) {
                if (!s.isEmpty() && Files.isRegularFile(Path.of(s))) files.add(Path.of(s));
            }
            return files;
        }
        Path def = Path.of(o.home(), ".kube", "config");
        if (Files.isRegularFile(def)) files.add(def);
        return files;
    }

    /** Merges kubeconfig files; relative file references are made absolute against their file's directory. */
    static io.fabric8.kubernetes.api.model.Config merge(List<Path> files) {
        if (files.isEmpty()) return null;
        Map<String, NamedCluster> clusters = new LinkedHashMap<>();
        Map<String, NamedContext> contexts = new LinkedHashMap<>();
        Map<String, NamedAuthInfo> users = new LinkedHashMap<>();
        String current = null;
        for (Path f : files) {
            io.fabric8.kubernetes.api.model.Config c;
            try {
                c = KubeConfigUtils.parseConfigFromString(Files.readString(f));
            } catch (Exception e) {
                throw new KubeException("error loading config file \"" + f + "\": " + e.getMessage());
            }
            if (c == null) continue;
            Path dir = f.toAbsolutePath().getParent();
            if (current == null && c.getCurrentContext() != null && !c.getCurrentContext().isEmpty()) {
                current = c.getCurrentContext();
            }
            if (c.getClusters() != null) for (NamedCluster nc : c.getClusters()) {
                if (nc.getCluster() != null && nc.getCluster().getCertificateAuthority() != null) {
                    nc.getCluster().setCertificateAuthority(abs(dir, nc.getCluster().getCertificateAuthority()));
                }
                clusters.putIfAbsent(nc.getName(), nc);
            }
            if (c.getContexts() != null) for (NamedContext nc : c.getContexts()) contexts.putIfAbsent(nc.getName(), nc);
            if (c.getUsers() != null) for (NamedAuthInfo u : c.getUsers()) {
                if (u.getUser() != null) {
                    if (u.getUser().getClientCertificate() != null) u.getUser().setClientCertificate(abs(dir, u.getUser().getClientCertificate()));
                    if (u.getUser().getClientKey() != null) u.getUser().setClientKey(abs(dir, u.getUser().getClientKey()));
                    if (u.getUser().getTokenFile() != null) u.getUser().setTokenFile(abs(dir, u.getUser().getTokenFile()));
                }
                users.putIfAbsent(u.getName(), u);
            }
        }
        io.fabric8.kubernetes.api.model.Config m = new io.fabric8.kubernetes.api.model.Config();
        m.setApiVersion("v1");
        m.setKind("Config");
        m.setClusters(new ArrayList<>(clusters.values()));
        m.setContexts(new ArrayList<>(contexts.values()));
        m.setUsers(new ArrayList<>(users.values()));
        m.setCurrentContext(current);
        return m;
    }

    private static String abs(Path dir, String p) {
        if (p.isEmpty() || Path.of(p).isAbsolute()) return p;
        return dir.resolve(p).toString();
    }

    public String namespace() {
        return namespace;
    }

    public Config config() {
        return config;
    }

    public synchronized KubernetesClient client() {
        if (client == null) {
            // Netty (under Vert.x) otherwise calls sun.misc.Unsafe, and JDK 24+ print a four-line WARNING on
            // stderr at every release command, where Helm prints nothing
            if (System.getProperty("io.netty.noUnsafe") == null) System.setProperty("io.netty.noUnsafe", "true");
            // no ServiceLoader scan of every model class on the class path (most of a release command's start-up);
            // the typed calls Charter makes name their classes, and generic resources need none
            KubernetesClientBuilder b = new KubernetesClientBuilder().withConfig(config)
                    .withKubernetesSerialization(new io.fabric8.kubernetes.client.utils.KubernetesSerialization(
                            new com.fasterxml.jackson.databind.ObjectMapper(), false));
            if (!config.isTrustCerts() && config.getMasterUrl().startsWith("https:")) {
                config.setDisableHostnameVerification(true);
                b.withHttpClientBuilderConsumer(this::verifyLikeGo);
            }
            client = b.build();
        }
        return client;
    }

    /**
     * Replaces the HTTP client's trust with {@link ServerNameTrustManager}: Go's chain and SAN checks against
     * the TLS server name (or the URL's host), with Go's error texts.
     */
    private void verifyLikeGo(io.fabric8.kubernetes.client.http.HttpClient.Builder builder) {
        String host = tlsServerName.isEmpty() ? java.net.URI.create(config.getMasterUrl()).getHost() : tlsServerName;
        try {
            javax.net.ssl.X509TrustManager chain = null;
            for (javax.net.ssl.TrustManager tm : trustManagers()) {
                if (tm instanceof javax.net.ssl.X509TrustManager x) chain = x;
            }
            if (chain == null) return;
            builder.sslContext(SSLUtils.keyManagers(config),
                    new javax.net.ssl.TrustManager[] {new ServerNameTrustManager(chain, host)});
        } catch (Exception e) {
            throw new KubeException("unable to load TLS configuration: " + e.getMessage(), e);
        }
    }

    /**
     * As client-go: a kubeconfig CA (data or file) is the only trust anchor — the system roots are not added
     * (and not parsed, which also saves start-up time); without one, the system roots.
     */
    private javax.net.ssl.TrustManager[] trustManagers() throws Exception {
        byte[] pem = null;
        if (config.getCaCertData() != null && !config.getCaCertData().isEmpty()) {
            pem = java.util.Base64.getDecoder().decode(config.getCaCertData().replaceAll("\\s", ""));
        } else if (config.getCaCertFile() != null && !config.getCaCertFile().isEmpty()) {
            pem = Files.readAllBytes(Path.of(config.getCaCertFile()));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        if (pem == null) {
            tmf.init((java.security.KeyStore) null);
            return tmf.getTrustManagers();
        }
        java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        ks.load(null, null);
        int i = 0;
        for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509")
                .generateCertificates(new java.io.ByteArrayInputStream(pem))) {
            ks.setCertificateEntry("ca-" + i++, c);
        }
        tmf.init(ks);
        return tmf.getTrustManagers();
    }

    /** Helm's {@code IsReachable}: the server answers /version. */
    public void checkReachable() {
        try {
            client().getKubernetesVersion();
        } catch (KubernetesClientException e) {
            // a 401 reaches client-go's discovery as a generic server response, whose text is fixed
            String detail = e.getCode() == 401 ? "the server has asked for the client to provide credentials"
                    : e.getCode() > 0 ? dev.charter.kube.storage.KubeErrors.message(e)
                    : GoNetErrors.describe("GET", config.getMasterUrl().replaceAll("/+$", "") + "/version", e);
            throw new KubeException("kubernetes cluster unreachable: " + detail, e);
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) client.close();
    }
}

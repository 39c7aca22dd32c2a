package dev.charter.kube;

import dev.charter.settings.EnvSettings;
import java.util.List;
import java.util.Map;

/**
 * How to reach the cluster, as Helm's global flags and environment say: {@code --kubeconfig}
 * (else KUBECONFIG, a path list, else ~/.kube/config), {@code --kube-context}, {@code --kube-token},
 * {@code --kube-apiserver}, impersonation, CA file, TLS options and the namespace override
 * ({@code -n} / HELM_NAMESPACE; empty means "from the kubeconfig context, else default").
 */
public record KubeOptions(String kubeconfig, String kubeconfigEnv, String home, String context, String token,
                          String apiServer, String asUser, List<String> asGroups, String caFile,
                          boolean insecureSkipTlsVerify, String tlsServerName, String namespaceOverride,
                          int burstLimit, float qps, Map<String, String> environment) {

    public KubeOptions {
        asGroups = asGroups == null ? List.of() : List.copyOf(asGroups);
        environment = environment == null ? Map.of() : Map.copyOf(environment);
    }

    /** Without the process environment (which only HELM_DRIVER=sql reads). */
    public KubeOptions(String kubeconfig, String kubeconfigEnv, String home, String context, String token,
                       String apiServer, String asUser, List<String> asGroups, String caFile,
                       boolean insecureSkipTlsVerify, String tlsServerName, String namespaceOverride,
                       int burstLimit, float qps) {
        this(kubeconfig, kubeconfigEnv, home, context, token, apiServer, asUser, asGroups, caFile,
                insecureSkipTlsVerify, tlsServerName, namespaceOverride, burstLimit, qps, Map.of());
    }

    /**
     * From Charter's settings. {@code namespaceExplicit} says whether {@code -n} was given: EnvSettings
     * falls back to "default" itself, which would hide the kubeconfig context's namespace.
     */
    public static KubeOptions from(EnvSettings s, boolean namespaceExplicit) {
        Map<String, String> env = s.environment();
        String envNs = env.getOrDefault("HELM_NAMESPACE", "");
        String ns = namespaceExplicit ? s.namespace() : envNs;
        return new KubeOptions(s.kubeConfig(), env.getOrDefault("KUBECONFIG", ""),
                env.getOrDefault("HOME", System.getProperty("user.home")), s.kubeContext(), s.kubeToken(),
                s.kubeApiServer(), s.kubeAsUser(), s.kubeAsGroups(), s.kubeCaFile(), s.kubeInsecureSkipTlsVerify(),
                s.kubeTlsServerName(), ns, s.burstLimit(), s.qps(), env);
    }

    /** Never prints the bearer token or the environment (which may hold a database password). */
    @Override
    public String toString() {
        return "KubeOptions[kubeconfig=" + kubeconfig + ", context=" + context + ", token=" + (token == null || token.isEmpty() ? "" : "*****")
                + ", environment=" + environment.size() + " variables]";
    }
}

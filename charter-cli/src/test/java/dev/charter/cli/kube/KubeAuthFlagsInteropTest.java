package dev.charter.cli.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.KubeE2E;
import dev.charter.testing.ProcessResult;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm's connection flags against the real API server, with no kubeconfig at all: {@code --kube-apiserver},
 * {@code --kube-token}, {@code --kube-ca-file}, {@code --kube-insecure-skip-tls-verify},
 * {@code --kube-tls-server-name}, {@code --kube-as-user} and {@code --kube-as-group}. The server's RBAC
 * decides, so a forbidden text naming the user proves which identity the server saw; every output is
 * compared with Helm v4.1.4's.
 */
class KubeAuthFlagsInteropTest {

    static Path kubeconfig;
    static String server;
    static String adminToken;
    static String ca;
    static String ns;
    static String saToken;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() throws Exception {
        kubeconfig = KubeE2E.kubeconfig();
        Map<String, String> env = KubeE2E.env();
        server = env.get("KUBE_E2E_SERVER");
        adminToken = env.get("KUBE_E2E_TOKEN");
        ca = env.get("KUBE_E2E_CA");
        ns = KubeE2E.uniqueNamespace("auth");
        try (KubernetesClient k = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build()) {
            k.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
            // "readers" may read Secrets (Helm's release records) and nothing else
            k.rbac().roles().inNamespace(ns).resource(new RoleBuilder().withNewMetadata().withName("reader").endMetadata()
                    .addNewRule().withApiGroups("").withResources("secrets").withVerbs("get", "list").endRule().build()).create();
            k.rbac().roleBindings().inNamespace(ns).resource(new RoleBindingBuilder().withNewMetadata().withName("readers").endMetadata()
                    .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("reader").endRoleRef()
                    .addNewSubject().withKind("Group").withName("readers").withApiGroup("rbac.authorization.k8s.io").endSubject()
                    .build()).create();
            // a ServiceAccount with no rights at all; kube-controller-manager gives it a token Secret
            k.serviceAccounts().inNamespace(ns).resource(new ServiceAccountBuilder().withNewMetadata().withName("limited")
                    .endMetadata().build()).create();
            long deadline = System.currentTimeMillis() + 60_000;
            while (saToken == null) {
                ServiceAccount sa = k.serviceAccounts().inNamespace(ns).withName("limited").get();
                if (sa.getSecrets() != null && !sa.getSecrets().isEmpty()) {
                    Secret s = k.secrets().inNamespace(ns).withName(sa.getSecrets().get(0).getName()).get();
                    if (s != null && s.getData() != null && s.getData().get("token") != null) {
                        saToken = new String(Base64.getDecoder().decode(s.getData().get("token")), StandardCharsets.UTF_8);
                    }
                }
                if (saToken == null) {
                    assertThat(System.currentTimeMillis()).as("ServiceAccount token").isLessThan(deadline);
                    Thread.sleep(200);
                }
            }
        }
    }

    /** No kubeconfig anywhere: the flags alone say where and who. */
    private Map<String, String> env() {
        return Map.of("KUBECONFIG", dir.resolve("no-such-kubeconfig").toString(), "HOME", dir.toString(), "TZ", "UTC");
    }

    private ProcessResult same(String... args) {
        ProcessResult h = HelmOracle.v4().run(dir, env(), null, args);
        ProcessResult c = new CharterRunner(env()).run(dir, args);
        assertThat(c.err()).as("stderr of %s", String.join(" ", args)).isEqualTo(h.err());
        assertThat(c.out()).as("stdout of %s", String.join(" ", args)).isEqualTo(h.out());
        assertThat(c.exitCode()).as("exit of %s", String.join(" ", args)).isEqualTo(h.exitCode());
        return c;
    }

    private static String[] args(String... parts) {
        return parts;
    }

    private static String[] with(String[] a, String... more) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(more));
        return l.toArray(String[]::new);
    }

    private Path chart() throws Exception {
        Path c = dir.resolve("auth");
        Files.createDirectories(c.resolve("templates"));
        Files.writeString(c.resolve("Chart.yaml"), "apiVersion: v2\nname: auth\nversion: 0.1.0\n");
        Files.writeString(c.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-cm\ndata:\n  a: \"1\"\n");
        return c;
    }

    @Test
    void tokenApiServerAndCaFileWithoutKubeconfig() throws Exception {
        String[] admin = args("-n", ns, "--kube-apiserver", server, "--kube-ca-file", ca, "--kube-token", adminToken);
        Path chart = chart();
        ProcessResult in = new CharterRunner(env()).run(dir, with(admin, "install", "by-flags", chart.toString()));
        assertThat(in.exitCode()).as(in.toString()).isZero();
        same(with(admin, "list"));
        same(with(admin, "get", "values", "by-flags", "-a"));
        ProcessResult un = new CharterRunner(env()).run(dir, with(admin, "uninstall", "by-flags"));
        assertThat(un.out()).as(un.toString()).isEqualTo("release \"by-flags\" uninstalled\n");

        // the ServiceAccount's token: the server names it in its refusal
        ProcessResult sa = same("list", "-n", ns, "--kube-apiserver", server, "--kube-ca-file", ca, "--kube-token", saToken);
        assertThat(sa.err()).contains("User \"system:serviceaccount:" + ns + ":limited\" cannot list resource \"secrets\"");
        // a token the server does not know
        same("list", "-n", ns, "--kube-apiserver", server, "--kube-ca-file", ca, "--kube-token", "not-a-token");
        // nothing listens there
        same("list", "-n", ns, "--kube-apiserver", "https://127.0.0.1:1", "--kube-token", adminToken);
        // no server at all: client-go's default http://localhost:8080
        same("list", "-n", ns);
    }

    @Test
    void tlsVerification() {
        String[] base = args("list", "-n", ns, "--kube-apiserver", server, "--kube-token", adminToken);
        // no CA: the server's self-signed chain is refused, unless verification is off
        same(base);
        same(with(base, "--kube-insecure-skip-tls-verify"));
        // the certificate is for 127.0.0.1, localhost and kubernetes.default...: the name checked is the flag's
        same(with(base, "--kube-ca-file", ca, "--kube-tls-server-name", "kubernetes.default.svc"));
        ProcessResult wrongName = same(with(base, "--kube-ca-file", ca, "--kube-tls-server-name", "other.example"));
        assertThat(wrongName.err()).contains("x509: certificate is valid for localhost, kubernetes,").endsWith(", not other.example\n");
        same(with(base, "--kube-ca-file", ca, "--kube-tls-server-name", "10.9.9.9"));
        // localhost instead of the IP: still in the certificate
        same("list", "-n", ns, "--kube-apiserver", server.replace("127.0.0.1", "localhost"), "--kube-ca-file", ca,
                "--kube-token", adminToken);
    }

    @Test
    void impersonation() throws Exception {
        String[] admin = args("-n", ns, "--kube-apiserver", server, "--kube-ca-file", ca, "--kube-token", adminToken);
        // the admin token impersonates alice: the server refuses alice, not the admin
        ProcessResult alice = same(with(admin, "list", "--kube-as-user", "alice"));
        assertThat(alice.err()).contains("User \"alice\" cannot list resource \"secrets\"");
        // alice in group readers may read release records
        same(with(admin, "list", "--kube-as-user", "alice", "--kube-as-group", "readers", "--kube-as-group", "other"));
        same(with(admin, "history", "nope", "--kube-as-user", "alice", "--kube-as-group", "readers"));
        // but not look at the ConfigMaps an install would create
        ProcessResult install = same(with(admin, "install", "r1", chart().toString(), "--kube-as-user", "alice",
                "--kube-as-group", "readers"));
        assertThat(install.err()).contains("could not get information about the resource ConfigMap \"r1-cm\" in namespace \""
                + ns + "\": configmaps \"r1-cm\" is forbidden: User \"alice\"");
        // impersonation from the kubeconfig's own user
        same("list", "-n", ns, "--kubeconfig", kubeconfig.toString(), "--kube-as-user", "bob");
    }
}

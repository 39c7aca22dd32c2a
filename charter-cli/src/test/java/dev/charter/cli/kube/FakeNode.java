package dev.charter.cli.kube;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.UUID;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A Node whose "kubelet" is an HTTPS server in this JVM that answers only the container-log endpoint
 * ({@code /containerLogs/NS/POD/CONTAINER}) with {@code log of POD/CONTAINER}. There is no real
 * kubelet on this machine, so this is the one faked peer: the API server is real and proxies
 * {@code pods/NAME/log} to it as it would to a kubelet (kube-e2e's apiserver has no kubelet CA, so it
 * does not verify the self-signed certificate, made here with the JDK's keytool). Pods are bound to
 * the node through the real {@code bindings} API, as the scheduler does.
 */
final class FakeNode implements AutoCloseable {
    final String name = "fake-node-" + UUID.randomUUID().toString().substring(0, 8);
    private final KubernetesClient client;
    private final HttpsServer server;

    FakeNode(KubernetesClient client, Path workDir) throws Exception {
        this.client = client;
        Path ks = workDir.resolve(name + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", "kubelet", "-keyalg", "EC", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1",
                "-validity", "2").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("keytool: " + out);
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(ks.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, "changeit".toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/containerLogs/", exchange -> {
            // /containerLogs/{namespace}/{pod}/{container}
            String[] parts = exchange.getRequestURI().getPath().split("/");
            byte[] body = parts.length >= 5
                    ? ("log of " + parts[3] + "/" + parts[4] + "\nsecond line").getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            exchange.sendResponseHeaders(parts.length >= 5 ? 200 : 404, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        client.nodes().withName(name).subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"status\":{\"addresses\":[{\"type\":\"InternalIP\",\"address\":\"127.0.0.1\"}],"
                        + "\"daemonEndpoints\":{\"kubeletEndpoint\":{\"Port\":" + server.getAddress().getPort() + "}}}}");
        Files.deleteIfExists(ks);
    }

    /** Binds a pending pod to this node, as the scheduler would. */
    void bind(String namespace, String pod) {
        client.bindings().inNamespace(namespace).resource(new io.fabric8.kubernetes.api.model.BindingBuilder()
                .withNewMetadata().withName(pod).endMetadata()
                .withNewTarget().withApiVersion("v1").withKind("Node").withName(name).endTarget().build()).create();
    }

    @Override
    public void close() {
        server.stop(0);
        try {
            client.nodes().withName(name).delete();
        } catch (RuntimeException ignored) {
            // the API server may be gone already
        }
    }
}

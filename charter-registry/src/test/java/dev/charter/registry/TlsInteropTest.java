package dev.charter.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.testing.HelmOracle;
import dev.charter.testing.Peers;
import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS with a certificate signed by a private CA, made at test time by openssl: Helm v4 and
 * skopeo trust it through {@code --ca-file} / {@code --cert-dir}, fail without it, and a
 * plain-HTTP client gets Go's 400 instead of a hang or a TLS alert.
 */
class TlsInteropTest {

    @TempDir
    static Path work;
    static Path certs;
    static RegistryServer registry;

    @BeforeAll
    static void start() throws Exception {
        for (String tool : List.of("openssl", "skopeo")) {
            if (Processes.which(tool) == null) {
                Peers.unavailable(tool);
            }
        }
        certs = Files.createDirectories(work.resolve("certs"));
        makeCertificates(certs);
        registry = RegistryServer.builder().root(work.resolve("storage")).port(0).user("alice", "s3cret")
                .tls(certs.resolve("server.crt"), certs.resolve("server.key")).start();
        assertThat(registry.baseUri().getScheme()).isEqualTo("https");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    /** A CA and a server certificate for 127.0.0.1 (SAN IP, which Go requires; CN alone is ignored). */
    static void makeCertificates(Path dir) {
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Charter Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1");
        try {
            Files.writeString(dir.resolve("server.ext"),
                    "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        openssl(dir, "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "server.ext");
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        ok(Processes.run(dir, Map.of(), null, command));
    }

    @Test
    void helmV4LogsInPushesAndPullsOverHttps() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        Path dir = Files.createDirectories(work.resolve("helm"));
        String ca = certs.resolve("ca.crt").toString();
        ok(helm.run(dir, "create", "tlschart"));
        ok(helm.run(dir, "package", "tlschart"));
        Path packaged = dir.resolve("tlschart-0.1.0.tgz");

        // without the CA Helm must refuse the certificate: proves verification is really on
        ProcessResult untrusted = helm.run(dir, Map.of(), "s3cret".getBytes(StandardCharsets.UTF_8),
                "registry", "login", registry.host(), "-u", "alice", "--password-stdin");
        assertThat(untrusted.exitCode()).as(untrusted.toString()).isNotZero();
        assertThat(untrusted.err()).contains("certificate");

        ok(helm.run(dir, Map.of(), "s3cret".getBytes(StandardCharsets.UTF_8),
                "registry", "login", registry.host(), "-u", "alice", "--password-stdin", "--ca-file", ca));
        ProcessResult push = ok(helm.run(dir, "push", packaged.toString(), "oci://" + registry.host() + "/charts", "--ca-file", ca));
        assertThat(push.err()).contains("Pushed: " + registry.host() + "/charts/tlschart:0.1.0");

        Path pulled = Files.createDirectories(dir.resolve("pulled"));
        ok(helm.run(pulled, "pull", "oci://" + registry.host() + "/charts/tlschart", "--version", "0.1.0", "--insecure-skip-tls-verify"));
        assertThat(pulled.resolve("tlschart-0.1.0.tgz")).hasSameBinaryContentAs(packaged);

        // a client that forgot TLS is told so rather than left hanging
        ProcessResult plain = helm.run(dir, "show", "chart", "oci://" + registry.host() + "/charts/tlschart", "--version", "0.1.0", "--plain-http");
        assertThat(plain.exitCode()).as(plain.toString()).isNotZero();
    }

    @Test
    void skopeoCopiesWithCertDirAndRefusesUnknownCa() throws Exception {
        Path layout = SkopeoInteropTest.createLayout(work.resolve("layout"));
        Path certDir = Files.createDirectories(work.resolve("skopeo-certs"));
        // containers/image reads every *.crt in the directory as a CA
        Files.copy(certs.resolve("ca.crt"), certDir.resolve("ca.crt"));
        String reference = "docker://" + registry.host() + "/skopeo/tls:v1";

        ProcessResult untrusted = skopeo("copy", "--dest-creds", "alice:s3cret", "oci:" + layout + ":v1", reference);
        assertThat(untrusted.exitCode()).as(untrusted.toString()).isNotZero();
        assertThat(untrusted.err()).contains("certificate");

        ok(skopeo("copy", "--dest-cert-dir", certDir.toString(), "--dest-creds", "alice:s3cret", "oci:" + layout + ":v1", reference));
        ProcessResult inspect = ok(skopeo("inspect", "--raw", "--cert-dir", certDir.toString(), "--creds", "alice:s3cret", reference));
        Path out = work.resolve("skopeo-out");
        ok(skopeo("copy", "--src-tls-verify=false", "--src-creds", "alice:s3cret", reference, "dir:" + out));
        assertThat(Http.digest(Files.readAllBytes(out.resolve("manifest.json")))).isEqualTo(Http.digest(inspect.stdout()));
    }

    @Test
    void plainHttpOnTheTlsPortGetsA400AndTheConnectionCloses() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", registry.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /v2/ HTTP/1.1\r\nHost: " + registry.host() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            // reading to EOF (not to the timeout) shows the server closed the connection itself
            try (InputStream in = socket.getInputStream()) {
                in.transferTo(received);
            }
            String answer = received.toString(StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("Client sent an HTTP request to an HTTPS server.")
                    .doesNotContain("Docker-Distribution-API-Version");
        }
        // and the port still speaks TLS afterwards
        ProcessResult curl = Processes.run(work, Map.of(), null, List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--cacert", certs.resolve("ca.crt").toString(), registry.baseUri() + "/v2/"));
        assertThat(curl.out()).isEqualTo("401");
    }

    private static ProcessResult skopeo(String... args) {
        List<String> command = new ArrayList<>(List.of("skopeo", "--insecure-policy"));
        command.addAll(List.of(args));
        return Processes.run(work, Map.of("HOME", work.toString(), "REGISTRY_AUTH_FILE", work.resolve("auth.json").toString()), null, command);
    }

    private static ProcessResult ok(ProcessResult result) {
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}

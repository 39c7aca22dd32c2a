package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against Debian's Distribution serving HTTPS (and requiring client certificates on a second
 * instance), side by side with Helm v4: CA verification and its error text, {@code --ca-file},
 * {@code --insecure-skip-tls-verify}, mutual TLS with {@code --cert-file/--key-file}, and
 * {@code registry login --ca-file}.
 */
class OciTlsTest {

    static TestPki pki;
    static DistributionRegistry tls;
    static DistributionRegistry mtls;
    static HelmOracle helm;
    static CharterRunner charter;
    static Path charts;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() throws IOException {
        pki = TestPki.create(work.resolve("pki"));
        String cert = pki.pem(pki.serverCert());
        String key = pki.pem(pki.serverKey());
        tls = DistributionRegistry.builder().tls(cert, key, null).start();
        mtls = DistributionRegistry.builder().tls(cert, key, pki.pem(pki.caCert())).start();
        helm = HelmOracle.v4();
        charter = new CharterRunner();
        charts = Files.createDirectories(work.resolve("charts"));
        OciTestSupport.packageChart(helm, charts, "mychart", "0.1.0");
        // both registries get the chart from Helm, so the pull tests do not depend on Charter's push
        ok(helm.run(charts, "push", "mychart-0.1.0.tgz", "oci://" + tls.host() + "/seed", "--ca-file", pki.caCert().toString()));
        ok(helm.run(charts, "push", "mychart-0.1.0.tgz", "oci://" + mtls.host() + "/seed", "--ca-file", pki.caCert().toString(),
                "--cert-file", pki.clientCert().toString(), "--key-file", pki.clientKey().toString()));
    }

    @AfterAll
    static void stop() {
        if (tls != null) {
            tls.close();
        }
        if (mtls != null) {
            mtls.close();
        }
    }

    private static ProcessResult[] both(String... args) throws IOException {
        Path h = Files.createTempDirectory(work, "helm-");
        Path c = Files.createTempDirectory(work, "charter-");
        return new ProcessResult[] {helm.run(h, args), charter.run(c, args)};
    }

    private static ProcessResult[] assertSame(ProcessResult[] r) {
        assertThat(r[1].err()).as("stderr").isEqualTo(r[0].err());
        assertThat(r[1].out()).as("stdout").isEqualTo(r[0].out());
        assertThat(r[1].exitCode()).as("exit code").isEqualTo(r[0].exitCode());
        return r;
    }

    private static String[] args(String... parts) {
        List<String> list = new ArrayList<>(List.of(parts));
        return list.toArray(String[]::new);
    }

    private static String chart() {
        return charts.resolve("mychart-0.1.0.tgz").toString();
    }

    @Test
    void unknownAuthorityFailsLikeHelm() throws IOException {
        ProcessResult[] push = assertSame(both("push", chart(), "oci://" + tls.host() + "/a"));
        assertThat(push[1].err()).contains("x509: certificate signed by unknown authority");
        ProcessResult[] pull = assertSame(both("pull", "oci://" + tls.host() + "/seed/mychart", "--version", "0.1.0"));
        assertThat(pull[1].exitCode()).isEqualTo(1);
        // a CA bundle that did not sign the server's certificate fails the same way
        assertSame(both("pull", "oci://" + tls.host() + "/seed/mychart", "--version", "0.1.0", "--ca-file", pki.otherCaCert().toString()));
        assertSame(both("show", "chart", "oci://" + tls.host() + "/seed/mychart", "--version", "0.1.0"));
    }

    @Test
    void caFileWorks() throws IOException {
        String ca = pki.caCert().toString();
        ProcessResult[] push = assertSame(both("push", chart(), "oci://" + tls.host() + "/cafile", "--ca-file", ca));
        assertThat(push[1].err()).startsWith("Pushed: " + tls.host() + "/cafile/mychart:0.1.0");
        assertSame(both("pull", "oci://" + tls.host() + "/seed/mychart", "--version", "0.1.0", "--ca-file", ca));
        assertSame(both("show", "chart", "oci://" + tls.host() + "/seed/mychart", "--version", "0.1.0", "--ca-file", ca));
    }

    @Test
    void insecureSkipTlsVerifyWorks() throws IOException {
        ProcessResult[] push = assertSame(both("push", chart(), "oci://" + tls.host() + "/insecure", "--insecure-skip-tls-verify"));
        assertThat(push[1].exitCode()).isZero();
        assertSame(both("pull", "oci://" + tls.host() + "/seed/mychart", "--version", "0.1.0", "--insecure-skip-tls-verify"));
    }

    @Test
    void mutualTlsRequiresAndAcceptsClientCertificates() throws IOException {
        String ca = pki.caCert().toString();
        ProcessResult[] without = assertSame(both("pull", "oci://" + mtls.host() + "/seed/mychart", "--version", "0.1.0", "--ca-file", ca));
        assertThat(without[1].exitCode()).isEqualTo(1);
        ProcessResult[] with = assertSame(both("pull", "oci://" + mtls.host() + "/seed/mychart", "--version", "0.1.0", "--ca-file", ca,
                "--cert-file", pki.clientCert().toString(), "--key-file", pki.clientKey().toString()));
        assertThat(with[1].exitCode()).isZero();
        ProcessResult[] push = assertSame(both("push", chart(), "oci://" + mtls.host() + "/mtls", "--ca-file", ca,
                "--cert-file", pki.clientCert().toString(), "--key-file", pki.clientKey().toString()));
        assertThat(push[1].exitCode()).isZero();
    }

    @Test
    void registryLoginWithCaFile() throws IOException {
        String ca = pki.caCert().toString();
        ProcessResult[] good = assertSame(both("registry", "login", tls.host(), "-u", "u", "-p", "p", "--ca-file", ca));
        assertThat(good[1].err()).endsWith("Login Succeeded\n");
        ProcessResult[] bad = assertSame(both("registry", "login", tls.host(), "-u", "u", "-p", "p"));
        assertThat(bad[1].exitCode()).isEqualTo(1);
        assertSame(both("registry", "login", tls.host(), "-u", "u", "-p", "p", "--insecure"));
        assertSame(both("registry", "logout", tls.host()));
    }
}

package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.oci.auth.CredentialProvider;
import dev.charter.oci.reference.Reference;
import dev.charter.oci.registry.Manifest;
import dev.charter.oci.registry.RegistryClient;
import dev.charter.oci.transport.TransportOptions;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expired bearer tokens against Distribution's {@code auth.token}: a cached token that expires
 * between two requests is renewed once, transparently; an issuer that only hands out expired
 * tokens ends in Helm's error, not a loop.
 */
class TokenExpiryTest {

    /** Distribution accepts a token up to 60 s after its {@code exp} (registry/auth/token Leeway). */
    private static final long LEEWAY = 60;

    static TokenIssuer issuer;
    static DistributionRegistry registry;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Files.createTempDirectory("oci-token-expiry-");
        issuer = new TokenIssuer(dir, "admin", "secret");
        registry = DistributionRegistry.builder().extraConfig(issuer.registryConfig()).start();
        Path chart = OciTestSupport.packageChart(HelmOracle.v4(), dir, "mychart", "0.1.0");
        CharterRunner pusher = new CharterRunner();
        ok(pusher.run(dir, Map.of(), "secret".getBytes(StandardCharsets.UTF_8),
                "registry", "login", registry.host(), "-u", "admin", "--password-stdin", "--plain-http"));
        ok(pusher.run(dir, "push", chart.toString(), "oci://" + registry.host() + "/charts", "--plain-http"));
    }

    @AfterAll
    static void stop() {
        registry.close();
        issuer.close();
    }

    @AfterEach
    void freshTokens() {
        issuer.lifetimes.clear();
        issuer.defaultLifetime = 600;
    }

    @Test
    void aCachedTokenThatExpiresIsRenewedOnce() throws Exception {
        Reference ref = Reference.parse(registry.host() + "/charts/mychart:0.1.0");
        try (RegistryClient client = new RegistryClient(TransportOptions.defaults().withPlainHttp(true), CredentialProvider.anonymous())) {
            issuer.lifetimes.add(2 - LEEWAY); // the registry takes it for about two more seconds
            issuer.requests.clear();
            Manifest first = client.manifests().fetch(ref);
            assertThat(issuer.requests).hasSize(1);
            long deadline = issuer.lastExpiry + LEEWAY + 1;
            // waiting on the clock is the condition here: the cached token must be past the registry's leeway
            while (Instant.now().getEpochSecond() <= deadline) {
                Thread.sleep(100);
            }
            Manifest second = client.manifests().fetch(ref);
            assertThat(second.digest()).isEqualTo(first.digest());
            assertThat(issuer.requests).as("one renewal, no loop").hasSize(2);
            Manifest third = client.manifests().fetch(ref);
            assertThat(third.digest()).isEqualTo(first.digest());
            assertThat(issuer.requests).as("the renewed token is cached").hasSize(2);
        }
    }

    @Test
    void anIssuerOfExpiredTokensEndsInHelmsError(@TempDir Path dir) throws Exception {
        issuer.defaultLifetime = -2 * LEEWAY;
        HelmOracle helm = HelmOracle.v4();
        CharterRunner charter = new CharterRunner();
        for (String[] args : new String[][] {
                {"pull", "oci://" + registry.host() + "/charts/mychart", "--version", "0.1.0", "--plain-http"},
                {"show", "chart", "oci://" + registry.host() + "/charts/mychart", "--plain-http"}}) {
            Path hd = Files.createDirectories(dir.resolve("h" + args[0]));
            Path cd = Files.createDirectories(dir.resolve("c" + args[0]));
            issuer.requests.clear();
            ProcessResult h = helm.run(hd, args);
            int helmTokens = issuer.requests.size();
            issuer.requests.clear();
            ProcessResult c = charter.run(cd, args);
            assertThat(c.err()).as(String.join(" ", args)).isEqualTo(h.err());
            assertThat(c.exitCode()).isEqualTo(h.exitCode()).isEqualTo(1);
            assertThat(issuer.requests.size()).as("token requests, Helm made %d", helmTokens).isLessThanOrEqualTo(Math.max(helmTokens, 2));
            try (var files = Files.list(cd)) {
                assertThat(files).as("no partial file").isEmpty();
            }
        }
    }
}

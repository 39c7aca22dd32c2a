package dev.charter.cli.oci;

import static dev.charter.cli.oci.OciTestSupport.ok;
import static dev.charter.cli.oci.OciTestSupport.packageChart;
import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.oci.OciTestSupport.CharterRunner;
import dev.charter.testing.DistributionRegistry;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --debug} request logging compared with Helm v4.1.4's against Debian's Distribution: the
 * structure of every line (by regex), the request/response pairing by id, the logged request set
 * and the masking of credentials. Header order and some header names differ (see RequestLog).
 */
class OciDebugLogTest {

    private static final String QUOTED = "\"(?:[^\"\\\\]|\\\\.)*\"";
    private static final Pattern REQUEST = Pattern.compile(
            "level=DEBUG msg=(GET|HEAD|POST|PUT|PATCH|DELETE) id=(\\d+) url=(\\S+|" + QUOTED + ") header=(" + QUOTED + ")");
    private static final Pattern RESPONSE = Pattern.compile(
            "level=DEBUG msg=(Res|Resp|Respo|Respon) id=(\\d+) status=\"(\\d{3}) [A-Za-z ]+\" header=(" + QUOTED + ") body=(" + QUOTED + "|\\S+)");
    private static final Pattern HEADER_LINE = Pattern.compile("   \\\\\"([A-Za-z0-9-]+)\\\\\": \\\\\"(.*)\\\\\"");

    @TempDir
    Path dir;

    private record Parsed(List<String> requests, Map<Long, String> methods, List<String> other, String raw) {
    }

    /** Checks every DEBUG line's shape and pairs responses to requests; returns "METHOD path" per request. */
    private static Parsed parse(String stderr) {
        List<String> requests = new ArrayList<>();
        Map<Long, String> methods = new java.util.HashMap<>();
        List<String> other = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            Matcher rq = REQUEST.matcher(line);
            Matcher rs = RESPONSE.matcher(line);
            if (rq.matches()) {
                String url = rq.group(3).replace("\"", "");
                String path = url.replaceFirst("^https?://[^/]+", "").replaceFirst("\\?.*", "");
                path = path.replaceAll("uploads/[0-9a-f-]{36}", "uploads/UUID");
                requests.add(rq.group(1) + " " + path);
                methods.put(Long.parseLong(rq.group(2)), rq.group(1));
                for (String h : rq.group(4).substring(1, rq.group(4).length() - 1).split("\\\\n")) {
                    assertThat(h).as(line).matches(HEADER_LINE);
                }
            } else if (rs.matches()) {
                String method = methods.get(Long.parseLong(rs.group(2)));
                assertThat(method).as("request for " + line).isNotNull();
                assertThat(rs.group(1)).isEqualTo("Response".substring(0, method.length()));
                for (String h : rs.group(4).substring(1, rs.group(4).length() - 1).split("\\\\n")) {
                    assertThat(h).as(line).matches(HEADER_LINE);
                }
            } else if (line.startsWith("level=DEBUG")) {
                other.add(line.replaceFirst(" .*", ""));
            } else {
                other.add(line);
            }
        }
        return new Parsed(requests, methods, other, stderr);
    }

    @Test
    void pullDebugLinesHaveHelmsShape() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        try (DistributionRegistry registry = DistributionRegistry.startOpen()) {
            String host = registry.host();
            Path tgz = packageChart(helm, dir, "dbg", "0.1.0");
            ok(helm.run(dir, "push", tgz.toString(), "oci://" + host + "/charts", "--plain-http"));

            Path hd = Files.createDirectories(dir.resolve("h"));
            Path cd = Files.createDirectories(dir.resolve("c"));
            ProcessResult h = ok(helm.run(hd, "pull", "oci://" + host + "/charts/dbg", "--version", "0.1.0", "--plain-http", "--debug"));
            ProcessResult c = ok(new CharterRunner().run(cd, "pull", "oci://" + host + "/charts/dbg", "--version", "0.1.0", "--plain-http", "--debug"));

            Parsed hp = parse(h.err());
            Parsed cp = parse(c.err());
            assertThat(new TreeSet<>(cp.requests())).as(c.err()).isEqualTo(new TreeSet<>(hp.requests()));
            assertThat(cp.requests()).hasSameSizeAs(hp.requests());
            assertThat(cp.other()).contains("Pulled: " + host + "/charts/dbg:0.1.0");
            // the manifest body is printed, blobs are not
            assertThat(c.err()).contains("body=\"{\\\"schemaVersion\\\":2,");
            assertThat(c.err()).contains("body=\"   Response body of content type \\\"application/octet-stream\\\" is not printed\"");
            assertThat(c.err()).contains("\\\"User-Agent\\\": \\\"Helm/4.1.4\\\"");
            assertThat(c.err()).contains("\\\"Docker-Content-Digest\\\": \\\"sha256:");
            // HELM_DEBUG=true does the same
            ProcessResult env = ok(new CharterRunner().run(Files.createDirectories(dir.resolve("e")), Map.of("HELM_DEBUG", "true"), null,
                    "pull", "oci://" + host + "/charts/dbg", "--version", "0.1.0", "--plain-http"));
            assertThat(parse(env.err()).requests()).isEqualTo(cp.requests());
        }
    }

    @Test
    void pushDebugLinesHaveHelmsShape() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        try (DistributionRegistry hr = DistributionRegistry.startOpen(); DistributionRegistry cr = DistributionRegistry.startOpen()) {
            Path tgz = packageChart(helm, dir, "pd", "0.2.0");
            ProcessResult h = ok(helm.run(dir, "push", tgz.toString(), "oci://" + hr.host() + "/charts", "--plain-http", "--debug"));
            ProcessResult c = ok(new CharterRunner().run(dir, "push", tgz.toString(), "oci://" + cr.host() + "/charts", "--plain-http", "--debug"));
            Parsed hp = parse(h.err());
            Parsed cp = parse(c.err());
            assertThat(new TreeSet<>(cp.requests())).as(c.err()).isEqualTo(new TreeSet<>(hp.requests()));
            assertThat(cp.requests()).hasSameSizeAs(hp.requests());
        }
    }

    @Test
    void credentialsAreMasked() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        try (DistributionRegistry registry = DistributionRegistry.builder().htpasswd("admin", "s3cret-pass").start()) {
            String host = registry.host();
            Path tgz = packageChart(helm, dir, "sec", "0.1.0");
            ok(helm.run(dir, "push", tgz.toString(), "oci://" + host + "/charts", "--plain-http", "--username", "admin", "--password", "s3cret-pass"));
            Path hd = Files.createDirectories(dir.resolve("h"));
            Path cd = Files.createDirectories(dir.resolve("c"));
            String[] args = {"pull", "oci://" + host + "/charts/sec", "--version", "0.1.0", "--plain-http", "--debug",
                    "--username", "admin", "--password", "s3cret-pass"};
            ProcessResult h = ok(helm.run(hd, args));
            ProcessResult c = ok(new CharterRunner().run(cd, args));
            String basic = Base64.getEncoder().encodeToString("admin:s3cret-pass".getBytes(StandardCharsets.UTF_8));
            for (ProcessResult r : List.of(h, c)) {
                parse(r.err());
                assertThat(r.err()).contains("\\\"Authorization\\\": \\\"*****\\\"");
                assertThat(r.err()).doesNotContain(basic).doesNotContain("s3cret-pass");
                assertThat(r.err()).contains("msg=Res id=0 status=\"401 Unauthorized\"");
            }
            assertThat(new TreeSet<>(parse(c.err()).requests())).isEqualTo(new TreeSet<>(parse(h.err()).requests()));
        }
    }

    @Test
    void withoutDebugNothingExtraIsPrinted() throws Exception {
        HelmOracle helm = HelmOracle.v4();
        try (DistributionRegistry registry = DistributionRegistry.startOpen()) {
            String host = registry.host();
            Path tgz = packageChart(helm, dir, "quiet", "0.1.0");
            CharterRunner charter = new CharterRunner();
            ProcessResult push = ok(charter.run(dir, "push", tgz.toString(), "oci://" + host + "/charts", "--plain-http"));
            assertThat(push.err()).doesNotContain("level=").doesNotContain("\r");
            Path hd = Files.createDirectories(dir.resolve("h"));
            Path cd = Files.createDirectories(dir.resolve("c"));
            ProcessResult h = ok(helm.run(hd, "pull", "oci://" + host + "/charts/quiet", "--version", "0.1.0", "--plain-http"));
            ProcessResult c = ok(charter.run(cd, "pull", "oci://" + host + "/charts/quiet", "--version", "0.1.0", "--plain-http"));
            assertThat(c.err()).isEqualTo(h.err());
            assertThat(c.out()).isEqualTo(h.out());
            assertThat(c.err()).doesNotContain("\r").doesNotContain("level=DEBUG");
        }
    }
}

package dev.charter.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.charter.cli.CharterRunner;
import dev.charter.testing.HelmOracle;
import dev.charter.testing.ProcessResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Sprig's generated secrets through {@code charter template}: the output is random, so instead of
 * bytes the test compares the <em>shape</em> of every value with Helm's output for the same chart —
 * PEM block types, certificate subject/issuer/SANs/validity/CA flag/key usages, key algorithms and
 * sizes, lengths and alphabets — and checks what must hold regardless of randomness: the PEMs parse,
 * signed certificates verify against the CA, self-signed ones against themselves, and the private
 * keys match the certificates' public keys.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCryptoTest {
    static final String TEMPLATE = """
            {{- $ca := genCA "my-ca" 365 }}
            {{- $srv := genSignedCert "srv.example.com" (list "10.0.0.1" "::1") (list "srv" "srv.ns.svc") 90 $ca }}
            {{- $self := genSelfSignedCert "self.example.com" (list "127.0.0.1") (list "self.local") 30 }}
            {{- $key := genPrivateKey "rsa" }}
            {{- $caKeyed := genCAWithKey "keyed-ca" 10 (genPrivateKey "ecdsa") }}
            {{- $leaf2 := genSignedCertWithKey "leaf2" nil (list "leaf2.local") 5 $caKeyed (genPrivateKey "ed25519") }}
            ca.crt: {{ $ca.Cert | b64enc }}
            ca.key: {{ $ca.Key | b64enc }}
            srv.crt: {{ $srv.Cert | b64enc }}
            srv.key: {{ $srv.Key | b64enc }}
            self.crt: {{ $self.Cert | b64enc }}
            self.key: {{ $self.Key | b64enc }}
            rsa.key: {{ $key | b64enc }}
            ecdsa.key: {{ genPrivateKey "ecdsa" | b64enc }}
            ed25519.key: {{ genPrivateKey "ed25519" | b64enc }}
            keyedca.crt: {{ $caKeyed.Cert | b64enc }}
            keyedca.key: {{ $caKeyed.Key | b64enc }}
            leaf2.crt: {{ $leaf2.Cert | b64enc }}
            leaf2.key: {{ $leaf2.Key | b64enc }}
            derived: {{ derivePassword 1 "long" "password" "user" "example.com" }}
            htpasswd: {{ htpasswd "user" "secret" }}
            rand: {{ randAlphaNum 24 }}
            uuid: {{ uuidv4 }}
            """;

    HelmOracle helm;
    Path chart;

    @BeforeAll
    void setUp() throws IOException {
        helm = HelmOracle.v4();
        chart = Files.createTempDirectory("crypto-");
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: crypto\nversion: 0.1.0\n");
        Files.writeString(chart.resolve("templates/secrets.yaml"), TEMPLATE);
    }

    static Map<String, String> values(String out) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : out.split("\n")) {
            int i = line.indexOf(": ");
            if (!line.startsWith("#") && !line.startsWith("---") && i > 0) {
                m.put(line.substring(0, i), line.substring(i + 2));
            }
        }
        return m;
    }

    static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----\n([A-Za-z0-9+/=\n]+)-----END \\1-----\n?");

    record Block(String type, byte[] der) {}

    static List<Block> pem(String b64) {
        String text = new String(Base64.getDecoder().decode(b64), StandardCharsets.US_ASCII);
        List<Block> out = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        int end = 0;
        while (m.find()) {
            assertThat(m.start()).as("only PEM blocks in " + text).isEqualTo(end);
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            end = m.end();
        }
        assertThat(end).as("PEM text fully consumed").isEqualTo(text.length());
        return out;
    }

    static X509Certificate cert(String b64) throws Exception {
        List<Block> blocks = pem(b64);
        assertThat(blocks).hasSize(1);
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(blocks.get(0).der()));
    }

    /** What a key looks like: PEM type, algorithm, size/curve, and the public key it implies. */
    static Map<String, Object> keyShape(String b64, StringBuilder publicOut) throws Exception {
        List<Block> blocks = pem(b64);
        assertThat(blocks).hasSize(1);
        Block b = blocks.get(0);
        Map<String, Object> s = new TreeMap<>();
        s.put("pem", b.type());
        switch (b.type()) {
            case "RSA PRIVATE KEY" -> {
                RSAPrivateKey k = RSAPrivateKey.getInstance(ASN1Sequence.getInstance(b.der()));
                s.put("bits", k.getModulus().bitLength());
                publicOut.append(k.getModulus().toString(16));
            }
            case "EC PRIVATE KEY" -> {
                ECPrivateKey k = ECPrivateKey.getInstance(ASN1Sequence.getInstance(b.der()));
                s.put("curve", String.valueOf(k.getParametersObject()));
                // Go's MarshalECPrivateKey always embeds the public key
                s.put("embedsPublicKey", k.getPublicKey() != null);
            }
            case "PRIVATE KEY" -> {
                var k = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(b.der()));
                s.put("alg", k.getAlgorithm());
            }
            default -> throw new AssertionError("unexpected key block " + b.type());
        }
        return s;
    }

    static Map<String, Object> certShape(X509Certificate c) throws Exception {
        Map<String, Object> s = new TreeMap<>();
        s.put("subject", c.getSubjectX500Principal().getName());
        s.put("issuer", c.getIssuerX500Principal().getName());
        s.put("version", c.getVersion());
        s.put("sigAlg", c.getSigAlgName());
        s.put("days", Duration.between(c.getNotBefore().toInstant(), c.getNotAfter().toInstant()).toDays());
        s.put("ca", c.getBasicConstraints());
        s.put("keyUsage", c.getKeyUsage() == null ? null : List.of(toObjects(c.getKeyUsage())));
        s.put("extKeyUsage", c.getExtendedKeyUsage());
        s.put("sans", c.getSubjectAlternativeNames() == null ? null : String.valueOf(c.getSubjectAlternativeNames()));
        s.put("serialBits", c.getSerialNumber().bitLength() > 64 ? "large" : "small");
        PublicKey pk = c.getPublicKey();
        s.put("keyAlg", pk.getAlgorithm());
        if (pk instanceof RSAPublicKey r) {
            s.put("keyBits", r.getModulus().bitLength());
        } else if (pk instanceof ECPublicKey e) {
            s.put("keyBits", e.getParams().getCurve().getField().getFieldSize());
        }
        s.put("critical", c.getCriticalExtensionOIDs());
        return s;
    }

    static Object[] toObjects(boolean[] b) {
        Object[] o = new Object[b.length];
        for (int i = 0; i < b.length; i++) {
            o[i] = b[i];
        }
        return o;
    }

    /** Everything checkable about one rendering; returns the shape to compare with the other tool. */
    static Map<String, Object> analyse(String out) throws Exception {
        Map<String, String> v = values(out);
        Map<String, Object> shape = new TreeMap<>();
        X509Certificate ca = cert(v.get("ca.crt"));
        X509Certificate srv = cert(v.get("srv.crt"));
        X509Certificate self = cert(v.get("self.crt"));
        X509Certificate keyedCa = cert(v.get("keyedca.crt"));
        X509Certificate leaf2 = cert(v.get("leaf2.crt"));
        ca.verify(ca.getPublicKey());
        srv.verify(ca.getPublicKey());
        self.verify(self.getPublicKey());
        keyedCa.verify(keyedCa.getPublicKey());
        leaf2.verify(keyedCa.getPublicKey());
        for (X509Certificate c : List.of(ca, srv, self, keyedCa, leaf2)) {
            c.checkValidity();
        }
        shape.put("ca", certShape(ca));
        shape.put("srv", certShape(srv));
        shape.put("self", certShape(self));
        shape.put("keyedca", certShape(keyedCa));
        shape.put("leaf2", certShape(leaf2));
        for (String k : List.of("ca", "srv", "self", "rsa", "ecdsa", "ed25519", "keyedca", "leaf2")) {
            StringBuilder pub = new StringBuilder();
            shape.put(k + ".key", keyShape(v.get(k + ".key"), pub));
            if (!pub.isEmpty() && v.containsKey(k + ".crt")) {
                // the key in .Key is the one the certificate was issued for
                PublicKey certKey = cert(v.get(k + ".crt")).getPublicKey();
                String expected = certKey instanceof RSAPublicKey r ? r.getModulus().toString(16) : null;
                if (expected != null) {
                    assertThat(pub.toString()).as(k + " key matches certificate").isEqualTo(expected);
                }
            }
        }
        shape.put("derived", v.get("derived"));
        String ht = v.get("htpasswd");
        assertThat(ht).matches("user:\\$2a\\$10\\$[./A-Za-z0-9]{53}");
        shape.put("htpasswd", ht.substring(0, 12));
        assertThat(v.get("rand")).matches("[A-Za-z0-9]{24}");
        assertThat(v.get("uuid")).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        return shape;
    }

    @Test
    void generatedSecretsHaveHelmsShape() throws Exception {
        String[] argv = {"template", "x", chart.toString()};
        ProcessResult h = helm.run(chart, argv);
        ProcessResult c = new CharterRunner(helm.environment()).run(chart, argv);
        assertThat(h.exitCode()).as(h.err()).isZero();
        assertThat(c.exitCode()).as(c.err()).isZero();
        Map<String, Object> helmShape = analyse(h.out());
        Map<String, Object> charterShape = analyse(c.out());
        assertThat(charterShape).isEqualTo(helmShape);
        // derivePassword is deterministic: the same bytes as Helm
        assertThat(values(c.out()).get("derived")).isEqualTo(values(h.out()).get("derived"));
    }
}

package dev.charter.cli.oci;

import dev.charter.testing.ProcessResult;
import dev.charter.testing.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A throw-away PKI made with the openssl CLI: a CA, a server certificate for {@code 127.0.0.1}
 * (IP SAN, as Go refuses CN-only certificates) and a client certificate, all signed by the CA,
 * plus an unrelated second CA for the negative cases.
 */
record TestPki(Path dir, Path caCert, Path otherCaCert, Path serverCert, Path serverKey, Path clientCert, Path clientKey) {

    static TestPki create(Path dir) {
        try {
            Files.createDirectories(dir);
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Charter Test CA",
                    "-keyout", "ca.key", "-out", "ca.crt");
            openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Other CA",
                    "-keyout", "other.key", "-out", "other.crt");
            Files.writeString(dir.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n");
            Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
            for (String who : List.of("server", "client")) {
                openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + (who.equals("server") ? "127.0.0.1" : "charter-client"),
                        "-keyout", who + ".key", "-out", who + ".csr");
                openssl(dir, "x509", "-req", "-in", who + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                        "-days", "2", "-extfile", who + ".ext", "-out", who + ".crt");
            }
            return new TestPki(dir, dir.resolve("ca.crt"), dir.resolve("other.crt"), dir.resolve("server.crt"), dir.resolve("server.key"),
                    dir.resolve("client.crt"), dir.resolve("client.key"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String pem(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        ProcessResult r = Processes.run(dir, Map.of(), null, command);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + r.err());
        }
    }
}

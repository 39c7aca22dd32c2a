package dev.charter.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Helm's provenance entry points as the CLI uses them, with Helm's error texts. Paths are passed as
 * the user typed them (they appear in messages) and resolved against a working directory.
 */
public final class Provenance {

    private Provenance() {
    }

    /** Helm's {@code defaultKeyring()}: {@code $GNUPGHOME/pubring.gpg}, else {@code ~/.gnupg/pubring.gpg}. */
    public static String defaultKeyring(Map<String, String> env) {
        String gnupgHome = env.get("GNUPGHOME");
        if (gnupgHome != null) {
            return gnupgHome.isEmpty() ? "pubring.gpg" : Path.of(gnupgHome).resolve("pubring.gpg").toString();
        }
        String home = env.getOrDefault("HOME", System.getProperty("user.home"));
        return Path.of(home, ".gnupg", "pubring.gpg").toString();
    }

    /**
     * Helm's {@code downloader.VerifyChart(path, provfile, keyring)}; {@code helm verify} prints
     * {@link Verification#report()} on success.
     */
    public static Verification verifyChart(Path workingDir, String path, String provfile, String keyring) {
        Path chart = workingDir.resolve(path);
        if (!Files.exists(chart)) {
            throw new ProvenanceException("stat " + path + ": no such file or directory");
        }
        if (Files.isDirectory(chart)) {
            throw new ProvenanceException("unpacked charts cannot be verified");
        }
        if (!isTar(path)) {
            throw new ProvenanceException("chart must be a tgz file");
        }
        Path prov = workingDir.resolve(provfile);
        if (!Files.exists(prov)) {
            throw new ProvenanceException("could not load provenance file " + provfile + ": stat " + provfile
                    + ": no such file or directory");
        }
        Signatory sig;
        try {
            sig = Signatory.fromKeyring(workingDir.resolve(keyring), keyring, "");
        } catch (ProvenanceException e) {
            throw new ProvenanceException("failed to load keyring: " + e.getMessage(), e);
        }
        byte[] archive;
        try {
            archive = Files.readAllBytes(chart);
        } catch (IOException e) {
            throw new ProvenanceException("failed to read chart archive: " + e.getMessage(), e);
        }
        byte[] provData;
        try {
            provData = Files.readAllBytes(prov);
        } catch (IOException e) {
            throw new ProvenanceException("failed to read provenance file: " + e.getMessage(), e);
        }
        return sig.verify(archive, provData, chart.getFileName().toString());
    }

    /** {@link #verifyChart(Path, String, String, String)} with the provenance file next to the chart. */
    public static Verification verifyChart(Path workingDir, String path, String keyring) {
        return verifyChart(workingDir, path, path + ".prov", keyring);
    }

    /**
     * Helm 4's {@code Package.Clearsign(filename)}: selects the key, unlocks it, signs the archive
     * and writes {@code <archive>.prov} next to it. Returns the provenance file written.
     */
    public static Path signChart(Path chartTgz, Path workingDir, String keyring, String keyName, PassphraseFetcher passphrase) {
        Signatory signer = Signatory.fromKeyring(workingDir.resolve(keyring), keyring, keyName);
        signer.decryptKey(passphrase);
        String prov = signer.sign(chartTgz);
        Path out = chartTgz.resolveSibling(chartTgz.getFileName() + ".prov");
        try {
            Files.writeString(out, prov);
        } catch (IOException e) {
            throw new ProvenanceException("open " + out + ": " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Helm's {@code passphraseFileFetcher}: reads the first line of {@code passphraseFile} (or of
     * {@code stdin} for {@code -}) right away, so errors surface before the key is touched.
     */
    public static PassphraseFetcher passphraseFile(Path workingDir, String passphraseFile, InputStream stdin) {
        byte[] line;
        if (passphraseFile.equals("-")) {
            line = readLine(stdin);
            if (line == null) {
                throw new ProvenanceException("specified reading passphrase from stdin, without input on stdin");
            }
        } else {
            try (InputStream in = Files.newInputStream(workingDir.resolve(passphraseFile))) {
                line = readLine(in);
            } catch (NoSuchFileException e) {
                throw new ProvenanceException("open " + passphraseFile + ": no such file or directory", e);
            } catch (IOException e) {
                throw new ProvenanceException("open " + passphraseFile + ": " + e.getMessage(), e);
            }
            if (line == null) {
                throw new ProvenanceException("EOF");
            }
        }
        return PassphraseFetcher.of(line);
    }

    /** bufio's {@code ReadLine}: one line without its LF or CRLF; null at immediate end of input. */
    static byte[] readLine(InputStream in) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            int b;
            boolean any = false;
            while ((b = in.read()) >= 0) {
                any = true;
                if (b == '\n') {
                    break;
                }
                buf.write(b);
            }
            if (!any) {
                return null;
            }
        } catch (IOException e) {
            throw new ProvenanceException(e.getMessage(), e);
        }
        byte[] line = buf.toByteArray();
        if (line.length > 0 && line[line.length - 1] == '\r') {
            return java.util.Arrays.copyOf(line, line.length - 1);
        }
        return line;
    }

    /** Helm's {@code isTar}: the extension is {@code .tgz}, case-insensitively. */
    static boolean isTar(String path) {
        String base = path;
        int slash = base.lastIndexOf('/');
        if (slash >= 0) {
            base = base.substring(slash + 1);
        }
        int dot = base.lastIndexOf('.');
        return dot >= 0 && base.substring(dot).toLowerCase(Locale.ROOT).equals(".tgz");
    }
}

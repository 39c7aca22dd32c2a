package dev.charter.cli.provenance;

import dev.charter.cli.CliContext;
import dev.charter.cli.CliException;
import dev.charter.provenance.PassphraseFetcher;
import dev.charter.provenance.Provenance;
import dev.charter.provenance.ProvenanceException;
import dev.charter.provenance.Verification;
import java.nio.file.Path;

/**
 * The provenance steps other commands share, with Helm's CLI behaviour: {@code package --sign}
 * and the {@code --verify} of pull/install. Library errors become {@link CliException}s.
 */
public final class ProvenanceCli {

    private static final java.util.Map<CliContext, PassphraseFetcher> CACHED =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private ProvenanceCli() {
    }

    /** The keyring flag's value, or Helm's default ({@code $GNUPGHOME/pubring.gpg}, else {@code ~/.gnupg/pubring.gpg}). */
    public static String keyringOrDefault(CliContext ctx, String keyring) {
        return keyring != null ? keyring : Provenance.defaultKeyring(ctx.env());
    }

    /**
     * {@code package --sign}: signs {@code chartTgz} with key {@code keyName} from {@code keyring},
     * writing {@code <chart>.tgz.prov}. The passphrase comes from {@code passphraseFile} ({@code -}
     * is stdin) or, when empty and the key is encrypted, a prompt on stdout answered on stdin.
     */
    public static Path sign(CliContext ctx, Path chartTgz, String keyring, String keyName, String passphraseFile) {
        try {
            PassphraseFetcher fetcher;
            if (passphraseFile == null || passphraseFile.isEmpty()) {
                fetcher = prompt(ctx);
            } else {
                // like Helm, the passphrase is read once per invocation and reused for further charts
                fetcher = CACHED.computeIfAbsent(ctx,
                        c -> Provenance.passphraseFile(c.workingDirectory(), passphraseFile, c.in()));
            }
            return Provenance.signChart(chartTgz, ctx.workingDirectory(), keyringOrDefault(ctx, keyring), keyName, fetcher);
        } catch (ProvenanceException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    /** Helm's {@code promptUser}: {@code Password for key "NAME" >  } on stdout, the answer read from stdin. */
    static PassphraseFetcher prompt(CliContext ctx) {
        return name -> {
            ctx.out().print("Password for key \"" + name + "\" >  ");
            ctx.out().flush();
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            try {
                int b;
                while ((b = ctx.in().read()) >= 0 && b != '\n') {
                    if (b != '\r') {
                        line.write(b);
                    }
                }
            } catch (java.io.IOException e) {
                throw new ProvenanceException(e.getMessage(), e);
            }
            ctx.out().println();
            return line.toByteArray();
        };
    }

    /**
     * {@code --verify} after a download (Helm's {@code VerifyChart}); returns the report lines Helm
     * prints on stdout ({@code Signed by: ...}). {@code chart} and {@code prov} are as the user sees them.
     */
    public static Verification verify(CliContext ctx, String chart, String prov, String keyring) {
        try {
            return Provenance.verifyChart(ctx.workingDirectory(), chart, prov, keyringOrDefault(ctx, keyring));
        } catch (ProvenanceException e) {
            throw new CliException(e.getMessage(), e);
        }
    }
}

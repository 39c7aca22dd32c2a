package dev.charter.cli.provenance;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.provenance.Provenance;
import dev.charter.provenance.ProvenanceException;
import dev.charter.provenance.Verification;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter verify PATH}: checks a chart archive against its provenance file, as {@code helm verify}. */
@Command(name = "verify", description = "verify that a chart at the given path has been signed and is valid",
        customSynopsis = "charter verify PATH [flags]")
public final class VerifyCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Option(names = "--keyring", paramLabel = "string",
            description = "keyring containing public keys (default \"$GNUPGHOME/pubring.gpg\" or \"~/.gnupg/pubring.gpg\")")
    String keyring;

    @Override
    protected int run() {
        requireExactArgs(args, 1);
        String ring = keyring != null ? keyring : Provenance.defaultKeyring(ctx().env());
        Verification verification;
        try {
            verification = Provenance.verifyChart(ctx().workingDirectory(), args.get(0), ring);
        } catch (ProvenanceException e) {
            throw new CliException(e.getMessage(), e);
        }
        ctx().out().print(verification.report());
        return 0;
    }
}

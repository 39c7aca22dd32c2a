package dev.charter.cli.registry;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.registry.auth.HtpasswdFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code charter registry htpasswd FILE USER}: adds or replaces a bcrypt entry in an htpasswd file
 * for {@code registry serve --htpasswd}, so setting up an authenticated registry needs no
 * {@code apache2-utils}. The file is written atomically with mode 0600.
 */
@Command(name = "htpasswd", description = "add or update a user in an htpasswd file (bcrypt)",
        customSynopsis = "charter registry htpasswd FILE USER [flags]")
public final class RegistryHtpasswdCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Option(names = "--password-stdin", description = "read the password from stdin")
    boolean passwordStdin;

    @Option(names = {"-p", "--password"}, paramLabel = "string", description = "the password (prefer --password-stdin)")
    String password;

    @Override
    protected int run() throws IOException {
        requireExactArgs(args, 2);
        char[] secret;
        if (passwordStdin) {
            String text = new String(ctx().in().readAllBytes(), StandardCharsets.UTF_8);
            // like `registry login --password-stdin`: one trailing newline is not part of the password
            text = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
            text = text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            secret = text.toCharArray();
        } else if (password != null) {
            secret = password.toCharArray();
        } else if (System.console() != null && ctx().in() == System.in) {
            secret = System.console().readPassword("Password: ");
        } else {
            throw new CliException("password required: use --password-stdin or -p");
        }
        if (secret == null || secret.length == 0) {
            throw new CliException("password required");
        }
        Path file = ctx().resolve(args.get(0));
        boolean replaced;
        try {
            replaced = HtpasswdFile.putUser(file, args.get(1), secret);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), e);
        }
        ctx().err().println((replaced ? "Updated" : "Added") + " user " + args.get(1) + " in " + file);
        return 0;
    }
}

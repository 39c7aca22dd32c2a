package dev.charter.cli.oci;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.credentials.HelmCredentials;
import dev.charter.oci.credentials.RegistryLogin;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code charter registry logout HOST}: removes a login from Helm's registry config only. */
@Command(name = "logout", description = "logout from a registry", customSynopsis = "charter registry logout [host] [flags]")
public final class RegistryLogoutCommand extends BaseCommand {

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() {
        HelmCredentials store = OciSupport.credentials(ctx());
        requireExactArgs(args, 1);
        String host = args.get(0);
        try {
            RegistryLogin.logout(host, store);
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
        ctx().err().println("Removing login credentials for " + host);
        ctx().err().flush();
        return 0;
    }
}

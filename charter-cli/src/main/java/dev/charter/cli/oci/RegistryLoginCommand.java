package dev.charter.cli.oci;

import dev.charter.cli.BaseCommand;
import dev.charter.cli.CliException;
import dev.charter.oci.OciException;
import dev.charter.oci.auth.Credential;
import dev.charter.oci.credentials.HelmCredentials;
import dev.charter.oci.credentials.RegistryLogin;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code charter registry login HOST}: Helm v4's {@code helm registry login}. */
@Command(name = "login", description = "login to a registry", customSynopsis = "charter registry login [host] [flags]")
public final class RegistryLoginCommand extends BaseCommand {

    @Option(names = {"-u", "--username"}, paramLabel = "string", description = "registry username")
    String username = "";

    @Option(names = {"-p", "--password"}, paramLabel = "string", description = "registry password or identity token")
    String password = "";

    @Option(names = "--password-stdin", description = "read password or identity token from stdin")
    boolean passwordStdin;

    @Option(names = "--insecure", description = "allow connections to TLS registry without certs")
    boolean insecure;

    @Option(names = "--cert-file", paramLabel = "string", description = "identify registry client using this SSL certificate file")
    String certFile = "";

    @Option(names = "--key-file", paramLabel = "string", description = "identify registry client using this SSL key file")
    String keyFile = "";

    @Option(names = "--ca-file", paramLabel = "string", description = "verify certificates of HTTPS-enabled servers using this CA bundle")
    String caFile = "";

    @Option(names = "--plain-http", description = "use insecure HTTP connections for the chart upload")
    boolean plainHttp;

    @Parameters(hidden = true)
    List<String> args = new ArrayList<>();

    @Override
    protected int run() throws IOException {
        HelmCredentials store = OciSupport.credentials(ctx());
        requireExactArgs(args, 1);
        String host = args.get(0);
        String[] userPass = usernamePassword();
        if (host.contains("/")) {
            ctx().err().println("level=WARN msg=\"registry login currently only supports registry hostname, not a repository path\" host="
                    + OciSupport.slogValue(host) + " suggested=" + OciSupport.slogValue(host.substring(0, host.indexOf('/'))));
        }
        // unlike push/pull, login keeps --plain-http even with TLS flags (Helm sets PlainHTTP on the registry itself)
        OciSupport.TlsFlags tls = new OciSupport.TlsFlags(plainHttp, insecure, caFile, certFile, keyFile);
        try {
            RegistryLogin.login(host, Credential.basic(userPass[0], userPass[1]), OciSupport.transport(ctx(), tls), store);
        } catch (OciException e) {
            throw new CliException(e.getMessage(), e);
        }
        ctx().err().println("Login Succeeded");
        ctx().err().flush();
        return 0;
    }

    /** Helm's {@code getUsernamePassword}: stdin, flag, or prompts (on stdout, password without echo). */
    private String[] usernamePassword() throws IOException {
        String user = username;
        String pass = password;
        if (passwordStdin) {
            String all = new String(ctx().in().readAllBytes(), StandardCharsets.UTF_8);
            if (all.endsWith("\n")) {
                all = all.substring(0, all.length() - 1);
            }
            if (all.endsWith("\r")) {
                all = all.substring(0, all.length() - 1);
            }
            pass = all;
        } else if (pass.isEmpty()) {
            if (user.isEmpty()) {
                user = readLine("Username: ", false).strip();
            }
            if (user.isEmpty()) {
                pass = readLine("Token: ", true);
                if (pass.isEmpty()) {
                    throw new CliException("token required");
                }
            } else {
                pass = readLine("Password: ", true);
                if (pass.isEmpty()) {
                    throw new CliException("password required");
                }
            }
        } else {
            ctx().err().println("level=WARN msg=\"using --password via the CLI is insecure. Use --password-stdin\"");
        }
        return new String[] {user, pass};
    }

    private String readLine(String prompt, boolean silent) throws IOException {
        ctx().out().print(prompt);
        ctx().out().flush();
        Console console = System.console();
        // Only the real terminal can hide typing; in-process runs read the context's input.
        if (silent && console != null && ctx().in() == System.in) {
            char[] typed = console.readPassword();
            ctx().out().println();
            if (typed == null) {
                throw new CliException("EOF");
            }
            return new String(typed);
        }
        String line = readLine(ctx().in());
        if (silent) {
            ctx().out().println();
        }
        return line;
    }

    /** Reads one line byte by byte (no read-ahead, so a later prompt still sees the rest); EOF before any byte is an error. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            if (b == '\n') {
                break;
            }
            line.write(b);
        }
        if (!any) {
            throw new CliException("EOF");
        }
        String text = line.toString(StandardCharsets.UTF_8);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }
}

package dev.charter.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The CLI as a library call: {@link #execute} runs one {@code charter} invocation against the given
 * streams and environment and returns the exit code. {@link Main} is a thin wrapper over it; tests
 * call it in-process.
 */
public final class Charter {

    private Charter() {
    }

    public static int execute(String[] args, Map<String, String> env, Path workingDirectory,
                              InputStream in, PrintStream out, PrintStream err) {
        CliContext ctx = new CliContext(in, out, err, env, workingDirectory);
        // Helm v4 reads the registry config before parsing anything; a broken one fails every command
        java.util.OptionalInt startup = dev.charter.cli.oci.OciSupport.startupCheck(ctx, args);
        if (startup.isPresent()) {
            return startup.getAsInt();
        }
        ContextFactory factory = new ContextFactory(ctx);
        CommandLine cli = new CommandLine(new RootCommand(ctx), factory);
        registerSubcommands(cli, factory, args);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setCaseInsensitiveEnumValuesAllowed(false);
        cli.setParameterExceptionHandler((ex, arguments) -> {
            err.println("Error: " + helmParameterMessage(ex, arguments));
            err.flush();
            return 1;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = ex instanceof CliException ? ex.getMessage() : describe(ex);
            err.println("Error: " + message);
            if (ctx.settings().debug() && !(ex instanceof CliException)) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * Adds the invoked top-level command only, or every command when none is recognisable (help,
     * usage errors) or when completion scripts need the whole tree.
     */
    private static void registerSubcommands(CommandLine cli, IFactory factory, String[] args) {
        String first = firstCommandWord(cli, args);
        java.util.List<Class<?>> wanted = new java.util.ArrayList<>();
        if (first != null && !first.equals("completion") && !first.equals("help")) {
            for (Class<?> type : RootCommand.SUBCOMMANDS) {
                picocli.CommandLine.Command command = type.getAnnotation(picocli.CommandLine.Command.class);
                if (command.name().equals(first) || java.util.Arrays.asList(command.aliases()).contains(first)) {
                    wanted.add(type);
                }
            }
        }
        if (wanted.isEmpty()) {
            wanted.addAll(RootCommand.SUBCOMMANDS);
        }
        for (Class<?> type : wanted) {
            try {
                cli.addSubcommand(factory.create(type));
            } catch (Exception e) {
                throw new IllegalStateException("cannot create command " + type.getName(), e);
            }
        }
    }

    /** The first argument that is not a root option or a root option's value. */
    private static String firstCommandWord(CommandLine cli, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                return arg;
            }
            if (arg.contains("=")) {
                continue;
            }
            CommandLine.Model.OptionSpec option = cli.getCommandSpec().findOption(arg);
            if (option == null) {
                return null; // an unknown flag: let picocli report it with the full tree
            }
            if (option.arity().min() > 0) {
                i++;
            }
        }
        return null;
    }

    /** A library exception's message, or its type when it has none, so no failure is silent. */
    private static String describe(Exception ex) {
        String message = ex.getMessage();
        return message == null || message.isBlank() ? ex.getClass().getSimpleName() : message;
    }

    /** Rewrites picocli's parse errors into cobra's (Helm's) wording. */
    static String helmParameterMessage(ParameterException ex, String[] arguments) {
        CommandLine command = ex.getCommandLine();
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            String arg = unmatched.getUnmatched().get(0);
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                return "unknown flag: " + (eq > 0 ? arg.substring(0, eq) : arg);
            }
            if (arg.startsWith("-") && arg.length() > 1) {
                return "unknown shorthand flag: '" + arg.charAt(1) + "' in " + arg;
            }
            return "unknown command \"" + arg + "\" for \"" + command.getCommandSpec().qualifiedName(" ")
                    + "\"\nRun '" + command.getCommandSpec().qualifiedName(" ") + " --help' for usage.";
        }
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()
                && missing.getMissing().get(0) instanceof CommandLine.Model.OptionSpec option) {
            // cobra names the flag as typed: "--namespace", or "'n' in -n" for the shorthand
            String typed = option.longestName();
            for (String argument : arguments) {
                for (String name : option.names()) {
                    if (argument.equals(name)) {
                        typed = name.startsWith("--") ? name : "'" + name.substring(1) + "' in " + name;
                    }
                }
            }
            return "flag needs an argument: " + typed;
        }
        if (ex.getArgSpec() != null && ex.getArgSpec().isOption() && ex.getValue() != null) {
            String name = ((CommandLine.Model.OptionSpec) ex.getArgSpec()).longestName();
            return "invalid argument \"" + ex.getValue() + "\" for \"" + name + "\" flag: " + ex.getMessage();
        }
        return ex.getMessage();
    }

    /** Creates commands and hands each one the invocation's context. */
    private static final class ContextFactory implements IFactory {
        private final CliContext ctx;
        private final IFactory fallback = CommandLine.defaultFactory();

        ContextFactory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            K instance = fallback.create(type);
            if (instance instanceof BaseCommand command) {
                command.attach(ctx);
            }
            return instance;
        }
    }
}

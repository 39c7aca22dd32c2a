package dev.charter.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code charter registry}: login to or logout from a registry, and run Charter's own registry. */
@Command(name = "registry", description = "login to or logout from a registry, or serve one",
        subcommands = {
            dev.charter.cli.registry.RegistryServeCommand.class,
            dev.charter.cli.registry.RegistryGcCommand.class,
            dev.charter.cli.registry.RegistryHtpasswdCommand.class,
            dev.charter.cli.oci.RegistryLoginCommand.class,
            dev.charter.cli.oci.RegistryLogoutCommand.class,
        })
public final class RegistryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }
}

package dev.charter.cli;

import picocli.CommandLine.Command;

/** {@code charter registry}: login to or logout from a registry, and run Charter's own registry. */
@Command(name = "registry", description = "login to or logout from a registry, or serve one",
        subcommands = {
            dev.charter.cli.registry.RegistryServeCommand.class,
            dev.charter.cli.registry.RegistryGcCommand.class,
            dev.charter.cli.registry.RegistryHtpasswdCommand.class,
            dev.charter.cli.oci.RegistryLoginCommand.class,
            dev.charter.cli.oci.RegistryLogoutCommand.class,
        })
public final class RegistryCommand extends GroupCommand {
}

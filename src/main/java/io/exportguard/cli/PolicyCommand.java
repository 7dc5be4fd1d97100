package io.exportguard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code exportguard policy}: groups the policy author's subcommands. */
@Command(name = "policy", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Policy author tools.",
    subcommands = {PolicyTestCommand.class, PolicyBuildCommand.class, HelpCommand.class})
public final class PolicyCommand extends GroupCommand {}

package io.exportguard.cli;

import picocli.CommandLine.Command;

/** {@code exportguard policy}: groups the policy author's subcommands. */
@Command(name = "policy", description = "Policy author tools.", subcommands = {PolicyTestCommand.class, PolicyBuildCommand.class})
public final class PolicyCommand {}

package io.exportguard.cli;

import picocli.CommandLine.Command;

/** {@code exportguard rego}: groups the engine's own tools. */
@Command(name = "rego", description = "Tools for the embedded Rego engine.", subcommands = {RegoCasesCommand.class, RegoCheckCommand.class,
    RegoEvalCommand.class})
public final class RegoCommand {}

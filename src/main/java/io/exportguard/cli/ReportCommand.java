package io.exportguard.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code exportguard report}: tools for reports already written. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Tools for written reports.", subcommands = {ReportMergeCommand.class, HelpCommand.class})
public final class ReportCommand extends GroupCommand {}

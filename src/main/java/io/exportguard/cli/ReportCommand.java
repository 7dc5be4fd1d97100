package io.exportguard.cli;

import picocli.CommandLine.Command;

/** {@code exportguard report}: tools for reports already written. */
@Command(name = "report", description = "Tools for written reports.", subcommands = {ReportMergeCommand.class})
public final class ReportCommand {}

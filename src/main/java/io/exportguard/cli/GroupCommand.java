package io.exportguard.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command that only groups subcommands ({@code policy}, {@code rego}): run on its own it is a
 * usage error naming the subcommands it has, exit 2, like a mistyped one.
 */
abstract class GroupCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "'" + spec.qualifiedName() + "' needs a subcommand: "
        + String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList()));
  }
}

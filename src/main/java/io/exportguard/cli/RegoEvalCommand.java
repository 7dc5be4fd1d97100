package io.exportguard.cli;

import io.exportguard.policy.LoadedPolicies;
import io.exportguard.policy.PolicyLoadException;
import io.exportguard.policy.PolicyLoader;
import io.exportguard.rego.PolicySet;
import io.exportguard.rego.QueryResult;
import io.exportguard.rego.Rego;
import io.exportguard.rego.RegoError;
import io.exportguard.rego.RegoException;
import io.exportguard.rego.tool.RegoEval;
import io.exportguard.rego.value.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code exportguard rego eval -d PATH... [-i FILE] QUERY}: evaluate a query like {@code opa eval}. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate a Rego query (like opa eval) and print OPA's result document.",
        "Exit 0 with a result or undefined ({}), 2 on bad input or an evaluation error."})
public final class RegoEvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin RegoFlags rego;

  @Option(names = {"-d", "--data"}, paramLabel = "PATH",
      description = "Rego files and data files (data.json/data.yaml in folders), repeatable.")
  List<Path> data = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "The input document (JSON or YAML).")
  Path input;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "json",
      description = "json or pretty (default: ${DEFAULT-VALUE}).")
  String format;

  @Parameters(index = "0", paramLabel = "QUERY", description = "The query, e.g. data.example.allow")
  String query;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("json") && !format.equals("pretty")) {
      err.println("exportguard rego eval: --format must be json or pretty, not " + format);
      return ExitCodes.ERROR;
    }
    try {
      Rego.Builder settings = rego.builder();
      LoadedPolicies loaded = PolicyLoader.load(new PolicyLoader.Sources(data, false, List.of(), true));
      Value in = input == null ? null : PolicyLoader.readDocument(input);
      PolicySet policies = settings.modules(loaded.modules()).data(loaded.data()).compile();
      QueryResult result = policies.eval(query, in);
      out.println(format.equals("json") ? RegoEval.json(result) : RegoEval.pretty(result));
      return ExitCodes.PASS;
    } catch (PolicyLoadException e) {
      err.println("exportguard rego eval: " + e.format());
    } catch (IOException e) {
      err.println("exportguard rego eval: " + e.getMessage());
    } catch (RegoException e) {
      for (RegoError r : e.errors()) err.println(r.format());
    }
    return ExitCodes.ERROR;
  }
}

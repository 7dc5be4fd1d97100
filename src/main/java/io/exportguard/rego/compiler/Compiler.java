package io.exportguard.rego.compiler;

import io.exportguard.rego.RegoException;
import io.exportguard.rego.ast.Module;
import io.exportguard.rego.builtins.BuiltinRegistry;
import java.util.List;

/** Runs the compiler stages over parsed modules. */
public final class Compiler {
  private Compiler() {}

  /** Compiles the modules together; every error found by the stages is reported. */
  public static CompiledPolicy compile(List<Module> modules, BuiltinRegistry builtins) throws RegoException {
    throw new UnsupportedOperationException("compiler not implemented yet");
  }
}

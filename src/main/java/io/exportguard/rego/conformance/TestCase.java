package io.exportguard.rego.conformance;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One case of OPA's test-case YAML, as read (values still plain Java objects).
 *
 * @param folder the case file's folder relative to the run root (OPA's category)
 * @param file the YAML file the case is in
 * @param note the case's {@code note}
 * @param modules Rego sources, compiled as {@code test-<i>.rego}
 * @param data base document, or null
 * @param input input document, or null
 * @param inputTerm input as Rego term text, or null
 * @param query the query to evaluate
 * @param wantResult expected bindings, compared as a set; empty means undefined; null when not given
 * @param wantDefined expected definedness, or null
 * @param wantErrorCode exact expected error code, or null
 * @param wantError expected substring of the error, or null
 * @param strictError builtin errors are errors
 * @param sortBindings sort array values in bindings before comparing
 * @param skip why the case is skipped, or null to run it
 * @param v0Compatible the modules and query are Rego v0 ({@code v0_compatible: true}, OPA's --v0-compatible)
 * @param capabilities OPA capabilities (the JSON document as YAML), or null for everything the engine knows
 */
public record TestCase(String folder, Path file, String note, List<String> modules, Object data, Object input,
                       String inputTerm, String query, List<Map<String, Object>> wantResult, Boolean wantDefined,
                       String wantErrorCode, String wantError, boolean strictError, boolean sortBindings,
                       String skip, boolean v0Compatible, Object capabilities) {

  public TestCase(String folder, Path file, String note, List<String> modules, Object data, Object input,
                  String inputTerm, String query, List<Map<String, Object>> wantResult, Boolean wantDefined,
                  String wantErrorCode, String wantError, boolean strictError, boolean sortBindings, String skip) {
    this(folder, file, note, modules, data, input, inputTerm, query, wantResult, wantDefined, wantErrorCode,
        wantError, strictError, sortBindings, skip, false, null);
  }
}

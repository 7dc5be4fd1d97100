package io.exportguard.facts;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.redact.RedactedValues;
import io.exportguard.redact.Redactor;

/**
 * A facts document in both forms: the typed model (request, errors, skipped drive the verdict) and
 * the JSON tree handed to the policies as {@code input} (a loaded file keeps fields the model
 * does not know, so users' extra facts reach their policies).
 */
public record FactsDocument(Facts facts, JsonNode json) {
  /**
   * Whatever made them, facts are redacted here, once: the document is what policies, an OPA
   * server, {@code --save-facts} and the evidence hash see ({@code json} is redacted in place).
   */
  public FactsDocument {
    facts = RedactedValues.of(facts);
    if (json != null) RedactedValues.inPlace(json, Redactor.process());
  }

  public static FactsDocument of(Facts facts) {
    return new FactsDocument(facts, FactsTree.of(facts));
  }
}

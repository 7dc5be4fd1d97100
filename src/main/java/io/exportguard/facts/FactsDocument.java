package io.exportguard.facts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A facts document in both forms: the typed model (request, errors, skipped drive the verdict) and
 * the JSON tree handed to the policies as {@code input} (a loaded file keeps fields the model
 * does not know, so users' extra facts reach their policies).
 */
public record FactsDocument(Facts facts, JsonNode json) {
  public static FactsDocument of(Facts facts) {
    return new FactsDocument(facts, FactsJson.mapper().valueToTree(facts));
  }
}

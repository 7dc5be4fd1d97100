package io.exportguard.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FactsJsonTest {
  @TempDir Path dir;

  static Facts sample() {
    return new Facts(Facts.SCHEMA, Request.of("cn-hangzhou", "m-1", "b-1", null, null, null),
        new RegionFacts("cn-hangzhou", true, "Hangzhou", "ecs.cn-hangzhou.aliyuncs.com", "available", List.of("cn-hangzhou")),
        ImageFacts.missing("m-1"), RoleFacts.missing("AliyunECSImageExportDefaultRole"), BucketFacts.missing("b-1"),
        new TaskFacts(List.of(), List.of()),
        List.of(new FactError("tasks", "ecs:DescribeTasks", "Throttling.User", "slow down")),
        List.of(new Skipped("snapshots", "image m-1 does not exist")));
  }

  @Test
  void savedFactsLoadBackEqual() throws Exception {
    Path file = dir.resolve("sub/facts.json");
    FactsDocument doc = FactsDocument.of(sample());
    FactsJson.save(doc, file);
    FactsDocument loaded = FactsJson.load(file);
    // JSON null reads back as NullNode in JsonNode fields, so compare the JSON forms
    assertThat(FactsDocument.of(loaded.facts()).json()).isEqualTo(doc.json());
    assertThat(loaded.facts().errors()).isEqualTo(sample().errors());
    assertThat(FactsJson.sha256(loaded)).isEqualTo(FactsJson.sha256(doc)).hasSize(64);
    String text = Files.readString(file);
    assertThat(text).contains("\"schema\" : \"exportguard.facts/v1\"", "\"roleName\" : \"AliyunECSImageExportDefaultRole\"",
        "\"imageFormat\" : \"raw\"");
  }

  @Test
  void loadedDocumentKeepsFieldsTheModelDoesNotKnow() throws Exception {
    FactsDocument d = FactsJson.parse("{\"schema\":\"exportguard.facts/v1\",\"custom\":{\"x\":1}}", "f.json");
    assertThat(d.json().path("custom").path("x").asInt()).isEqualTo(1);
    assertThat(d.facts().errors()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{not json                                   | f.json:1:",
      "[1,2]                                       | not a facts document",
      "{\"schema\":\"exportguard.facts/v2\"}       | schema is \"exportguard.facts/v2\"",
      "{\"request\":{}}                            | schema is missing",
      "{\"schema\":\"exportguard.facts/v1\",\"errors\":\"x\"} | not a valid facts document at",
  })
  void badDocumentsAreRejectedWithTheirPlace(String text, String message) {
    assertThatThrownBy(() -> FactsJson.parse(text, "f.json"))
        .isInstanceOf(FactsFormatException.class).hasMessageContaining(message);
  }

  @Test
  void missingFileIsAFormatError() {
    assertThatThrownBy(() -> FactsJson.load(dir.resolve("nope.json")))
        .isInstanceOf(FactsFormatException.class).hasMessageContaining("no such file");
  }
}

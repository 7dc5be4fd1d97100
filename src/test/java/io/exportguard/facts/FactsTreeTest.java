package io.exportguard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FactsTree} gives exactly the tree Jackson's bean serialization of the facts records gives. */
class FactsTreeTest {
  private static JsonNode policy(String json) {
    return PolicyDocuments.parse(json);
  }

  static Facts full() {
    ImageFacts.Snapshot snap = new ImageFacts.Snapshot("s-1", true, Boolean.TRUE, "kms-1", "pc", "accomplished");
    ImageFacts image = new ImageFacts("m-1", true, "img", "desc", "Available", "self", "pc-1", "linux", "Ubuntu",
        "x86_64", 40, List.of(new ImageFacts.Tag("k", "v"), new ImageFacts.Tag("k2", null)),
        Arrays.asList(new ImageFacts.Disk("/dev/xvda", "system", 40, "s-1", snap),
            new ImageFacts.Disk("/dev/xvdb", "data", null, null, null),
            new ImageFacts.Disk("/dev/xvdc", "data", 5, "s-9", new ImageFacts.Snapshot("s-9", false, null, null, null, null))),
        2);
    RoleFacts role = new RoleFacts("R", true, "acs:ram::1:role/r", "1",
        policy("{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs.aliyuncs.com\"},\"Action\":\"sts:AssumeRole\"},\"Version\":\"1\",\"n\":1.5,\"big\":12345678901234}"),
        "{...}", List.of(new RoleFacts.AttachedPolicy("P", "System", "v1", policy("{\"Statement\":[]}"), "{}"),
            new RoleFacts.AttachedPolicy("Q", "Custom", null, null, null),
            new RoleFacts.AttachedPolicy("N", "Custom", "v2", NullNode.instance, "null")));
    BucketFacts bucket = new BucketFacts("b", true, "oss-cn-hangzhou", "cn-hangzhou", "private", "Standard",
        new BucketFacts.Encryption("KMS", "k"), "Enabled", policy("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\"}]}"),
        "{\"Version\":\"1\"}");
    TaskFacts tasks = new TaskFacts(List.of(new TaskFacts.Task("t-1", "m-1", "Processing", "2026-01-01T00:00:00Z")),
        List.of(new TaskFacts.Task("t-2", null, null, null)));
    return new Facts(Facts.SCHEMA, Request.of("cn-hangzhou", "m-1", "b", "pre/", "qcow2", "R"),
        new RegionFacts("cn-hangzhou", true, "Hangzhou", "e", "available", Arrays.asList("cn-hangzhou", null)),
        image, role, bucket, tasks,
        List.of(new FactError("tasks", "ecs:DescribeTasks", "Throttling", "slow")),
        List.of(new Skipped("snapshots", "why"), Skipped.outOfScope("bucket", "not in scope"),
            new Skipped("role", "no", Boolean.FALSE)),
        List.of(new Unknown("bucket.policy", "computed")));
  }

  static List<Facts> cases() {
    return List.of(full(), FactsJsonTest.sample(),
        new Facts(Facts.SCHEMA, null, null, null, null, null, null, null, null),
        new Facts(Facts.SCHEMA, Request.of(null, null, null, null, null, null), null, ImageFacts.missing("m"),
            RoleFacts.missing("r"), BucketFacts.missing("b"), new TaskFacts(null, List.of()), List.of(), List.of()),
        new Facts(null, null, new RegionFacts(null, false, null, null, null, null),
            full().image().withDisks(null), full().role().withAttachedPolicies(null), null, null, List.of(), List.of()));
  }

  @Test
  void givesTheTreeJacksonsBeanSerializationGives() throws Exception {
    for (Facts f : cases()) {
      JsonNode jackson = FactsJson.mapper().valueToTree(f);
      JsonNode ours = FactsTree.of(f);
      // The text compares order as well as content; equals compares node types.
      assertThat(FactsJson.mapper().writeValueAsString(ours)).isEqualTo(FactsJson.mapper().writeValueAsString(jackson));
      assertThat(ours).isEqualTo(jackson);
    }
  }

  @Test
  void givesTheTreeJacksonsBeanSerializationGivesForTheAuditsAreas() throws Exception {
    RoleFacts.AttachedPolicy p = full().role().attachedPolicies().get(0);
    List<Object> records = List.of(
        new ExportTaskFacts("t-1", "cn-hangzhou", "m-1", "Finished", "2026-01-01T00:00:00Z", "2026-01-01T01:00:00Z",
            "b", "qcow2", List.of("o1", "o2"), null, null),
        new ExportTaskFacts(null, null, null, null, null, null, null, null, null, "E", "msg"),
        new ExportTaskFacts("t-2", null, null, null, null, null, null, null, List.of(), null, null),
        new ExportBucketFacts("b", ExportBucketFacts.ACCOUNT, "123", "cn-hangzhou", "private",
            policy("{\"Statement\":[{\"Effect\":\"Allow\",\"n\":1.5}]}"), "{...}"),
        new ExportBucketFacts(null, null, null, null, null, null, null),
        new ExportBucketFacts("b", ExportBucketFacts.NONE, null, null, null, NullNode.instance, "null"),
        new PrincipalFacts(PrincipalFacts.USER, "u", "acs:ram::1:user/u", "1", List.of(p, new RoleFacts.AttachedPolicy(
            "Q", "Custom", null, null, null)), List.of(new PrincipalFacts.Group("g", List.of(p)),
            new PrincipalFacts.Group(null, null))),
        new PrincipalFacts(null, null, null, null, null, null),
        new PrincipalFacts(PrincipalFacts.ROLE, "r", null, null, List.of(p), List.of(
            new PrincipalFacts.Group("g", Arrays.asList(p, null)))));
    for (Object r : records) {
      JsonNode jackson = FactsJson.mapper().valueToTree(r);
      JsonNode ours = r instanceof ExportTaskFacts t ? FactsTree.of(t)
          : r instanceof ExportBucketFacts b ? FactsTree.of(b) : FactsTree.of((PrincipalFacts) r);
      assertThat(FactsJson.mapper().writeValueAsString(ours)).isEqualTo(FactsJson.mapper().writeValueAsString(jackson));
      assertThat(ours).isEqualTo(jackson);
    }
  }

  @Test
  void aLoadedDocumentBuildsTheSameTreeAgain() throws Exception {
    FactsDocument doc = FactsDocument.of(full());
    FactsDocument loaded = FactsJson.parse(new String(FactsJson.toBytes(doc), java.nio.charset.StandardCharsets.UTF_8), "f");
    assertThat(FactsTree.of(loaded.facts())).isEqualTo(FactsJson.mapper().valueToTree(loaded.facts()));
  }

  @Test
  void theTreeOwnsItsPolicyNodes() {
    Facts f = full();
    JsonNode tree = FactsTree.of(f);
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.path("role").path("trustPolicy")).put("Version", "changed");
    assertThat(f.role().trustPolicy().path("Version").asText()).isEqualTo("1");
  }
}

package io.exportguard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: the shards' Indexed Job runs one shard per completion index (as many shards as
 * completions, counted from 1), each into the folder the merge Job reads, with the flags audit and
 * report merge take.
 */
class DeployExampleTest {
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Test
  void theIndexedJobRunsEveryShardOnceAndTheMergeReadsWhatTheyWrite() throws Exception {
    JsonNode shards = YAML.readTree(Path.of("deploy/kubernetes/audit-shards.yaml").toFile());
    JsonNode merge = YAML.readTree(Path.of("deploy/kubernetes/audit-merge.yaml").toFile());
    assertThat(shards.path("spec").path("completionMode").asText()).isEqualTo("Indexed");
    int completions = shards.path("spec").path("completions").asInt();
    String audit = shards.path("spec").path("template").path("spec").path("containers").get(0).path("args").get(0).asText();
    Matcher m = Pattern.compile("audit --shard \"\\$\\(\\(JOB_COMPLETION_INDEX \\+ 1\\)\\)/(\\d+)\"").matcher(audit);
    assertThat(m.find()).as(audit).isTrue();
    assertThat(Integer.parseInt(m.group(1))).isEqualTo(completions);
    assertThat(audit).contains("--report json").contains("--out \"/reports/shard-$JOB_COMPLETION_INDEX\"");

    String merging = merge.path("spec").path("template").path("spec").path("containers").get(0).path("args").get(0).asText();
    assertThat(merging).contains("report merge").contains("/reports/shard-*/exportguard-*.json");
    assertThat(shards.path("spec").path("template").path("spec").path("volumes").get(0).path("persistentVolumeClaim")
        .path("claimName").asText())
        .isEqualTo(merge.path("spec").path("template").path("spec").path("volumes").get(0).path("persistentVolumeClaim")
            .path("claimName").asText());
  }
}

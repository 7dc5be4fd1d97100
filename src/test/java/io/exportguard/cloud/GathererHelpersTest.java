package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GathererHelpersTest {
  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {
      "acs:ram::1234567890123456:role/AliyunECSImageExportDefaultRole,1234567890123456",
      "acs:ram:::role/x,-", "not-an-arn,-", "-,-"})
  void accountIdComesFromTheRoleArn(String arn, String account) {
    assertThat(RoleGatherer.accountId(arn)).isEqualTo(account);
  }

  @ParameterizedTest
  @CsvSource(nullValues = "-", value = {"oss-cn-hangzhou,cn-hangzhou", "cn-beijing,cn-beijing", "-,-"})
  void regionOfAnOssLocation(String location, String region) {
    assertThat(BucketGatherer.regionOf(location)).isEqualTo(region);
  }

  @Test
  void ossErrorFieldsTravelWithTheError() {
    var e = new com.aliyun.oss.OSSException("m", "AccessDenied", "r", "h", null, null, null);
    e.setErrorFields(Map.of("Endpoint", "oss-cn-shanghai.aliyuncs.com"));
    ApiException a = ApiErrors.from("oss:GetBucketInfo", e);
    assertThat(a.code()).isEqualTo("AccessDenied");
    assertThat(a.fields()).containsEntry("Endpoint", "oss-cn-shanghai.aliyuncs.com");
    assertThat(a.retryable()).isFalse();
  }

  @Test
  void aCoreErrorWithoutACodeKeepsTheFirstLineOfItsMessage() {
    var e = new com.aliyuncs.exceptions.ClientException("Server response has a bad format type: RAW;\nThe original");
    ApiException a = ApiErrors.from("ecs:DescribeImages", e);
    assertThat(a.code()).isEqualTo("SDK.BadResponse");
    assertThat(a.getMessage()).doesNotContain("\n");
  }
}

package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyuncs.http.ProtocolType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

  @Test
  void alibabaCloudIsHttpsToRegionalEndpoints() {
    Endpoints e = Endpoints.alibabaCloud();
    assertThat(e.protocol()).isEqualTo(ProtocolType.HTTPS);
    assertThat(e.ecs("cn-shanghai")).isEqualTo("ecs.cn-shanghai.aliyuncs.com");
    assertThat(e.ram()).isEqualTo("ram.aliyuncs.com");
    assertThat(e.oss("cn-shanghai")).isEqualTo("https://oss-cn-shanghai.aliyuncs.com");
  }

  @ParameterizedTest
  @CsvSource({"http://127.0.0.1:8080,HTTP", "http://localhost:8080,HTTP", "http://[::1]:9,HTTP",
      "https://example.com:443,HTTPS"})
  void emulatorEndpoints(String url, ProtocolType protocol) {
    Endpoints e = Endpoints.emulator(url);
    assertThat(e.protocol()).isEqualTo(protocol);
    assertThat(e.isEmulator()).isTrue();
    assertThat(e.ecs("cn-hangzhou")).isEqualTo(e.ram()).doesNotContain("://");
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://10.0.0.1:80", "http://example.com:80", "ftp://127.0.0.1:21", "127.0.0.1:80",
      "http://127.0.0.1", "http://127.0.0.1:80/path"})
  void plainHttpOnlyToLoopbackAndWellFormed(String url) {
    assertThatThrownBy(() -> Endpoints.emulator(url)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource({"cn-hangzhou,true", "ap-southeast-1,true", "us-east-1,true", "'',false", "cn hangzhou,false",
      "CN-HANGZHOU,false", "x,false", "../evil,false"})
  void plausibleRegions(String id, boolean plausible) {
    assertThat(Endpoints.plausibleRegion(id)).isEqualTo(plausible);
  }

  @ParameterizedTest
  @CsvSource({"my-export-bucket,true", "abc,true", "ab,false", "-abc,false", "abc-,false", "My-Bucket,false",
      "a_b_c,false"})
  void bucketNames(String name, boolean valid) {
    assertThat(BucketNames.valid(name)).isEqualTo(valid);
  }
}

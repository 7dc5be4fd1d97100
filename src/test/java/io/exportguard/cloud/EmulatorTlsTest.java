package io.exportguard.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Clients for a plain-HTTP loopback emulator refuse TLS entirely; real endpoints keep the SDK's TLS. */
class EmulatorTlsTest {
  @Test
  void theEmulatorsSocketFactoryRefusesEveryConnectionAndNoHostIsVerified() throws Exception {
    assertThatThrownBy(() -> EmulatorTls.NO_SOCKETS.createSocket("ecs.aliyuncs.com", 443)).isInstanceOf(IOException.class);
    assertThatThrownBy(() -> EmulatorTls.NO_SOCKETS.createSocket(InetAddress.getLoopbackAddress(), 443))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> EmulatorTls.NO_SOCKETS.createSocket(null, "ram.aliyuncs.com", 443, true))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(EmulatorTls.NO_SOCKETS::createSocket).isInstanceOf(IOException.class);
    assertThat(EmulatorTls.NO_SOCKETS.getSupportedCipherSuites()).isEmpty();
    assertThat(EmulatorTls.NO_HOSTS.verify("127.0.0.1", null)).isFalse();
    assertThat(EmulatorTls.noTrustAnchors().size()).isZero();
  }

  @ParameterizedTest
  @CsvSource({"http://127.0.0.1:8080, true", "https://127.0.0.1:8443, false", "https://emulator.example.com:443, false"})
  void onlyAPlainHttpEmulatorGoesWithoutTls(String url, boolean plain) {
    assertThat(Endpoints.emulator(url).plainHttpOnly()).isEqualTo(plain);
  }

  @Test
  void alibabaCloudEndpointsKeepTls() {
    assertThat(Endpoints.alibabaCloud().plainHttpOnly()).isFalse();
  }
}

package io.exportguard.sandbox.oss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RangeTest {
  @ParameterizedTest
  @CsvSource(nullValues = "none", value = {
      "bytes=0-9, 100, 0-9",
      "bytes=90-, 100, 90-99",
      "bytes=-10, 100, 90-99",
      "bytes=-500, 100, 0-99",
      "bytes=50-500, 100, 50-99",
      "bytes=100-200, 100, none",
      "bytes=9-0, 100, none",
      "'bytes=0-1,5-6', 100, none",
      "items=0-1, 100, none",
      "bytes=x-1, 100, none",
      "none, 100, none"})
  void singleRangesOnly(String header, long length, String expected) {
    long[] span = OssOperations.range(header, length);
    assertThat(span == null ? null : span[0] + "-" + span[1]).isEqualTo(expected);
  }
}

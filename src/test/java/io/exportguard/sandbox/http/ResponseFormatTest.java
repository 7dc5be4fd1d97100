package io.exportguard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseFormatTest {

  @Test
  void theClientsFormatParameterWinsThenItsAcceptHeaderThenJson() {
    assertThat(ResponseFormat.requested("XML", "application/json")).isEqualTo(ResponseFormat.XML);
    assertThat(ResponseFormat.requested("json", "text/xml")).isEqualTo(ResponseFormat.JSON);
    assertThat(ResponseFormat.requested(null, "application/xml")).isEqualTo(ResponseFormat.XML);
    assertThat(ResponseFormat.requested(null, "application/json, text/xml")).isEqualTo(ResponseFormat.JSON);
    assertThat(ResponseFormat.requested("", null)).isEqualTo(ResponseFormat.JSON);
    assertThat(ResponseFormat.XML.contentType()).isEqualTo("text/xml;charset=utf-8");
  }

  @Test
  void xmlRepeatsListItemsUnderTheirKeyAndEscapesText() {
    Map<String, Object> image = new LinkedHashMap<>();
    image.put("ImageId", "m-1");
    image.put("Tags", Map.of("Tag", List.of(Map.of("TagKey", "a<b"))));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RequestId", "R");
    body.put("Images", Map.of("Image", List.of(image, Map.of("ImageId", "m-2"))));
    body.put("TotalCount", 2);
    body.put("Empty", List.of());
    String xml = new String(ResponseFormat.XML.encode("DescribeImagesResponse", body), StandardCharsets.UTF_8);
    assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<DescribeImagesResponse><RequestId>R</RequestId>"
        + "<Images><Image><ImageId>m-1</ImageId><Tags><Tag><TagKey>a&lt;b</TagKey></Tag></Tags></Image>"
        + "<Image><ImageId>m-2</ImageId></Image></Images><TotalCount>2</TotalCount></DescribeImagesResponse>");
    assertThat(new String(ResponseFormat.JSON.encode("ignored", body), StandardCharsets.UTF_8)).startsWith("{\"RequestId\":\"R\",\"Images\"");
  }

  record Owner(String id, int size) {}

  @Test
  void jsonIsWhatJacksonsMapperWrites() throws Exception {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("Text", "caf\u00e9 \u4e2d\u6587 \"q\" \\ \n\t\u0001 </tag>");
    inner.put("Null", null);
    inner.put("Int", 7);
    inner.put("Long", 12345678901234L);
    inner.put("Negative", -3);
    inner.put("Double", 2.5);
    inner.put("Big", new java.math.BigDecimal("1.50"));
    inner.put("True", true);
    inner.put("Short", (short) 4);
    inner.put("Record", new Owner("o", 2));
    inner.put("Numbered", Map.of(1, "one"));
    inner.put("Set", new java.util.TreeSet<>(List.of("b", "a")));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RequestId", "R");
    body.put("Items", List.of(inner, List.of(), Map.of()));
    body.put("Nested", List.of(List.of(1, "x", false)));
    assertThat(new String(ResponseFormat.JSON.encode("ignored", body), StandardCharsets.UTF_8))
        .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body));
  }
}

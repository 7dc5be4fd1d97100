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
}

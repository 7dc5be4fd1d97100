package io.exportguard.sandbox.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class XmlTest {
  @Test
  void everyTextRoundTripsThroughAnXmlParser() throws Exception {
    String nasty = "a&b<c>d\"e'f 镜像 \u0001 end";
    byte[] bytes = new Xml().open("R").leaf("Key", nasty).leaf("Empty", null).close("R").bytes();
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    assertThat(doc.getElementsByTagName("Key").item(0).getTextContent()).isEqualTo("a&b<c>d\"e'f 镜像 \uFFFD end");
    assertThat(doc.getElementsByTagName("Empty").item(0).getTextContent()).isEmpty();
  }
}

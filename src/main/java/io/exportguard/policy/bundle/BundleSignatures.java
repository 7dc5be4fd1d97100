package io.exportguard.policy.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import java.io.IOException;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.PrivateKey;
import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * OPA's bundle signing format: {@code .signatures.json} holds {@code {"signatures": [JWT]}}, exactly
 * one compact JWS whose payload lists every other file of the bundle with its digest
 * ({@code {"files": [{"name", "hash", "algorithm"}], "scope"?, "keyid"?}}). A bundle verifies when
 * the JWS verifies with the given key and algorithm, the scope matches, and the files listed are
 * exactly the files present, each with a matching digest (see {@link FileHasher}).
 */
public final class BundleSignatures {
  static final String FILE = ".signatures.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private BundleSignatures() {}

  /** Verifies {@code .signatures.json} against the bundle's other files (name without leading slash to content). */
  static void verify(String bundle, byte[] signatures, Map<String, byte[]> files, BundleKey key, String scope)
      throws BundleException {
    JsonNode doc;
    try {
      doc = JSON.readTree(signatures);
    } catch (IOException e) {
      throw new BundleException(bundle + ": " + FILE + ": invalid JSON");
    }
    JsonNode list = doc == null ? null : doc.get("signatures");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new BundleException(bundle + ": " + FILE + ": missing JWT (expected exactly one)");
    }
    if (list.size() > 1) {
      throw new BundleException(bundle + ": " + FILE + ": multiple JWTs not supported (expected exactly one)");
    }
    JWSObject jws;
    try {
      jws = JWSObject.parse(list.get(0).asText());
    } catch (ParseException e) {
      throw new BundleException(bundle + ": " + FILE + ": not a compact JWS: " + e.getMessage());
    }
    if (!jws.getHeader().getAlgorithm().equals(key.algorithm())) {
      throw new BundleException(bundle + ": signature uses " + jws.getHeader().getAlgorithm() + ", but the"
          + " verification key is for " + key.algorithm());
    }
    try {
      if (!jws.verify(verifier(key))) throw new BundleException(bundle + ": bundle signature verification failed");
    } catch (JOSEException e) {
      throw new BundleException(bundle + ": bundle signature verification failed: " + e.getMessage());
    }
    JsonNode payload;
    try {
      payload = JSON.readTree(jws.getPayload().toString());
    } catch (IOException e) {
      throw new BundleException(bundle + ": signature payload is not JSON");
    }
    String claimed = payload.path("scope").asText("");
    if (!claimed.equals(scope == null ? "" : scope)) {
      throw new BundleException(bundle + ": bundle signature scope mismatch (signed for '" + claimed + "')");
    }
    Map<String, JsonNode> listed = new HashMap<>();
    for (JsonNode f : payload.path("files")) listed.put(strip(f.path("name").asText()), f);
    for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(files).entrySet()) {
      JsonNode f = listed.remove(e.getKey());
      if (f == null) throw new BundleException(bundle + ": file " + e.getKey() + " not included in bundle signature");
      String alg = f.path("algorithm").asText("");
      if (alg.isEmpty()) throw new BundleException(bundle + ": no hashing algorithm provided for file " + e.getKey());
      if (!FileHasher.supported(alg)) throw new BundleException(bundle + ": unsupported hashing algorithm: " + alg);
      String got = FileHasher.hash(e.getKey(), e.getValue(), alg);
      if (!got.equalsIgnoreCase(f.path("hash").asText())) {
        throw new BundleException(bundle + ": " + e.getKey() + ": digest mismatch (want: " + f.path("hash").asText()
            + ", got: " + got + ")");
      }
    }
    if (!listed.isEmpty()) {
      throw new BundleException(bundle + ": file(s) " + new TreeSet<>(listed.keySet())
          + " specified in bundle signatures but not found in the target bundle");
    }
  }

  /** The {@code .signatures.json} text for these files, SHA-256 digests, signed with the key. */
  static String sign(Map<String, byte[]> files, BundleKey key) throws BundleException {
    ObjectNode payload = JSON.createObjectNode();
    ArrayNode list = payload.putArray("files");
    for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(files).entrySet()) {
      list.addObject().put("name", e.getKey()).put("hash", FileHasher.hash(e.getKey(), e.getValue(), "SHA-256"))
          .put("algorithm", "SHA-256");
    }
    JWSObject jws = new JWSObject(new JWSHeader(key.algorithm()), new Payload(payload.toString()));
    try {
      jws.sign(signer(key));
    } catch (JOSEException e) {
      throw new BundleException("cannot sign the bundle: " + e.getMessage());
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.putArray("signatures").add(jws.serialize());
    return doc.toString();
  }

  static String strip(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }

  private static JWSVerifier verifier(BundleKey key) throws JOSEException {
    if (key.hmac()) return new MACVerifier(key.secret());
    if (key.key() instanceof ECPublicKey ec) return new ECDSAVerifier(ec);
    if (key.key() instanceof RSAPublicKey rsa) return new RSASSAVerifier(rsa);
    throw new JOSEException("the key does not fit " + key.algorithm());
  }

  private static JWSSigner signer(BundleKey key) throws JOSEException {
    if (key.hmac()) return new MACSigner(key.secret());
    if (key.key() instanceof ECPrivateKey ec) return new ECDSASigner(ec);
    if (key.key() instanceof PrivateKey rsa) return new RSASSASigner(rsa);
    throw new JOSEException("the key does not fit " + key.algorithm());
  }
}

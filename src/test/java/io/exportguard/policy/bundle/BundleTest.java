package io.exportguard.policy.bundle;

import static io.exportguard.policy.bundle.TestBundles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exportguard.rego.value.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleTest {
  @TempDir Path tmp;

  private Path policyDir() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("src/authz/rules"));
    Files.writeString(dir.resolve("allow.rego"), "package authz.rules\n\nallow if input.user == data.authz.admins[_]\n");
    Files.writeString(dir.resolve("allow_test.rego"), "package authz.rules_test\n\ntest_x if true\n");
    Files.writeString(Files.createDirectories(tmp.resolve("src/authz")).resolve("data.json"),
        "{\"admins\": [\"alice\"]}");
    Files.writeString(tmp.resolve("src/README.md"), "ignored");
    return tmp.resolve("src");
  }

  @Test
  void writtenBundlesReadBackWithManifestModulesAndMountedData() throws Exception {
    Path out = tmp.resolve("b.tar.gz");
    BundleWriter.Written w = BundleWriter.write(policyDir(), out, new BundleWriter.Options("v1", List.of(), null));
    assertThat(w.modules()).isEqualTo(1);
    assertThat(w.manifest().roots()).containsExactly("authz");
    Bundle b = BundleReader.read(out, null, "");
    assertThat(b.manifest().revision()).isEqualTo("v1");
    assertThat(b.modules()).extracting(m -> m.file()).containsExactly(out + "/authz/rules/allow.rego");
    assertThat(Json.write(b.data())).isEqualTo("{\"authz\":{\"admins\":[\"alice\"]}}");
    assertThat(b.signature()).isEqualTo("none");
    // The same directory gives the same bytes, and so the same default revision.
    Path again = tmp.resolve("c.tar.gz");
    BundleWriter.write(policyDir(), again, new BundleWriter.Options(null, List.of(), null));
    Path third = tmp.resolve("d.tar.gz");
    BundleWriter.write(policyDir(), third, new BundleWriter.Options(null, List.of(), null));
    assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(third));
  }

  @Test
  void rootsMustCoverEveryPackageAndDataPath() throws Exception {
    Path pkg = TestBundles.tarGz(tmp.resolve("p.tar.gz"), Map.of(".manifest", utf8("{\"roots\": [\"a\"]}"),
        "b/x.rego", utf8("package b\n\np := 1\n")));
    assertThatThrownBy(() -> BundleReader.read(pkg, null, "")).hasMessageContaining(
        "manifest roots [a] do not permit 'package b' in module '/b/x.rego'");
    Path data = TestBundles.tarGz(tmp.resolve("d.tar.gz"), Map.of(".manifest", utf8("{\"roots\": [\"a/b\"]}"),
        "data.json", utf8("{\"a\": {\"b\": 1, \"c\": 2}}")));
    assertThatThrownBy(() -> BundleReader.read(data, null, "")).hasMessageContaining("do not permit data at path '/a/c'");
    Path ok = TestBundles.tarGz(tmp.resolve("ok.tar.gz"), Map.of(".manifest", utf8("{\"roots\": [\"a/b\"]}"),
        "data.json", utf8("{\"a\": {\"b\": {\"c\": 2}}}")));
    assertThat(Json.write(BundleReader.read(ok, null, "").data())).isEqualTo("{\"a\":{\"b\":{\"c\":2}}}");
    Path overlapping = TestBundles.tarGz(tmp.resolve("o.tar.gz"), Map.of(".manifest",
        utf8("{\"roots\": [\"a\", \"a/b\"]}")));
    assertThatThrownBy(() -> BundleReader.read(overlapping, null, "")).hasMessageContaining("overlapped roots");
  }

  @Test
  void bundlesWithOverlappingRootsAreRefusedTogether() throws Exception {
    Bundle a = BundleReader.read(TestBundles.tarGz(tmp.resolve("a.tar.gz"), Map.of(".manifest",
        utf8("{\"roots\": [\"x/y\"]}"))), null, "");
    Bundle b = BundleReader.read(TestBundles.tarGz(tmp.resolve("b.tar.gz"), Map.of(".manifest",
        utf8("{\"roots\": [\"x\"]}"))), null, "");
    Bundle c = BundleReader.read(TestBundles.tarGz(tmp.resolve("c.tar.gz"), Map.of(".manifest",
        utf8("{\"roots\": [\"z\"]}"))), null, "");
    Bundle all = BundleReader.read(TestBundles.tarGz(tmp.resolve("all.tar.gz"), Map.of("data.json",
        utf8("{}"))), null, "");
    assertThatThrownBy(() -> BundleSet.checkRoots(List.of(a, b), false)).hasMessageContaining("overlapping roots");
    assertThatThrownBy(() -> BundleSet.checkRoots(List.of(c, all), false)).hasMessageContaining("overlapping roots");
    BundleSet.checkRoots(List.of(a, c), false);
    Bundle pack = BundleReader.read(TestBundles.tarGz(tmp.resolve("e.tar.gz"), Map.of(".manifest",
        utf8("{\"roots\": [\"exportguard\"]}"))), null, "");
    assertThatThrownBy(() -> BundleSet.checkRoots(List.of(pack), true)).hasMessageContaining("--no-default-policies");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../evil.rego", "a/../../evil.rego", "a\\..\\evil.rego"})
  void entriesThatClimbOutAreRefused(String name) throws Exception {
    Path evil = TestBundles.tarGz(tmp.resolve("evil.tar.gz"), Map.of(name, utf8("package evil\n")));
    assertThatThrownBy(() -> BundleReader.read(evil, null, "")).isInstanceOf(BundleException.class)
        .hasMessageMatching("(?s).*(escapes the bundle root|invalid file name).*");
  }

  @Test
  void linksMalformedArchivesAndBombsAreRefused() throws Exception {
    assertThatThrownBy(() -> BundleReader.read(TestBundles.withSymlink(tmp.resolve("l.tar.gz")), null, ""))
        .hasMessageContaining("links and special files are not allowed");
    Path notGzip = Files.writeString(tmp.resolve("n.tar.gz"), "this is not a bundle");
    assertThatThrownBy(() -> BundleReader.read(notGzip, null, "")).hasMessageContaining("not a readable gzip");
    Path good = BundleWriter.write(policyDir(), tmp.resolve("g.tar.gz"), new BundleWriter.Options("1", List.of(), null))
        == null ? null : tmp.resolve("g.tar.gz");
    byte[] bytes = Files.readAllBytes(good);
    Path truncated = Files.write(tmp.resolve("t.tar.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
    assertThatThrownBy(() -> BundleReader.read(truncated, null, "")).isInstanceOf(BundleException.class);
    Path bomb = TestBundles.bomb(tmp.resolve("bomb.tar.gz"), BundleReader.MAX_FILE_BYTES + (1 << 20));
    assertThat(Files.size(bomb)).isLessThan(1 << 20);
    assertThatThrownBy(() -> BundleReader.read(bomb, null, "")).hasMessageContaining("too large once unpacked");
    assertThatThrownBy(() -> BundleReader.read(tmp.resolve("missing.tar.gz"), null, ""))
        .hasMessageContaining("no such file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"RS256", "ES256", "PS384"})
  void signedBundlesVerifyWithTheirPublicKeyAndNoOther(String alg) throws Exception {
    TestBundles.Keys keys = TestBundles.keys(tmp, "k", alg);
    TestBundles.Keys other = TestBundles.keys(tmp, "other", alg);
    Path out = tmp.resolve("s.tar.gz");
    BundleWriter.write(policyDir(), out, new BundleWriter.Options("r", List.of(),
        BundleKey.load(keys.privateKey().toString(), alg, true)));
    assertThat(BundleReader.read(out, BundleKey.load(keys.publicKey().toString(), alg, false), "").signature())
        .isEqualTo("verified");
    assertThatThrownBy(() -> BundleReader.read(out, BundleKey.load(other.publicKey().toString(), alg, false), ""))
        .hasMessageContaining("bundle signature verification failed");
    assertThatThrownBy(() -> BundleReader.read(out, null, "")).hasMessageContaining("bundle is signed");
  }

  @Test
  void hmacSignaturesAndEveryFileIsCovered() throws Exception {
    String secret = "a-shared-secret-of-at-least-32-bytes!!";
    Path out = tmp.resolve("h.tar.gz");
    BundleWriter.write(policyDir(), out, new BundleWriter.Options("r", List.of(), BundleKey.load(secret, "HS256", true)));
    BundleKey key = BundleKey.load(secret, "HS256", false);
    assertThat(BundleReader.read(out, key, "").signature()).isEqualTo("verified");
    // Re-pack with one file changed, the signature kept: a digest mismatch.
    Map<String, byte[]> files = unpack(out);
    files.put("authz/data.json", utf8("{\"admins\": [\"mallory\"]}"));
    Path tampered = TestBundles.tarGz(tmp.resolve("tampered.tar.gz"), files);
    assertThatThrownBy(() -> BundleReader.read(tampered, key, "")).hasMessageContaining("authz/data.json: digest mismatch");
    // Whitespace and key order do not matter for a data file (OPA hashes its canonical form).
    files.put("authz/data.json", utf8("{ \"admins\" : [ \"alice\" ] }"));
    assertThat(BundleReader.read(TestBundles.tarGz(tmp.resolve("spaced.tar.gz"), files), key, "").signature())
        .isEqualTo("verified");
    // A file the signature does not list.
    files.put("extra.rego", utf8("package authz.extra\n"));
    assertThatThrownBy(() -> BundleReader.read(TestBundles.tarGz(tmp.resolve("extra.tar.gz"), files), key, ""))
        .hasMessageContaining("file extra.rego not included in bundle signature");
    // A listed file that is gone.
    files.remove("extra.rego");
    files.remove("authz/rules/allow.rego");
    assertThatThrownBy(() -> BundleReader.read(TestBundles.tarGz(tmp.resolve("gone.tar.gz"), files), key, ""))
        .hasMessageContaining("specified in bundle signatures but not found");
    // A key for an unsigned bundle.
    Path unsigned = BundleWriter.write(policyDir(), tmp.resolve("u.tar.gz"), new BundleWriter.Options("r", List.of(),
        null)) == null ? null : tmp.resolve("u.tar.gz");
    assertThatThrownBy(() -> BundleReader.read(unsigned, key, "")).hasMessageContaining("bundle is not signed");
  }

  @Test
  void structuredFilesHashInOpasCanonicalForm() throws Exception {
    String canonical = "{\"a\":[true,\"x<&>\",1.50,null],\"b\":{\"c\":\"line\\nbreak\"}}";
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(canonical.getBytes(StandardCharsets.UTF_8)));
    String text = "{ \"b\": {\"c\": \"line\\nbreak\"},\n  \"a\": [true, \"x<&>\", 1.50, null] }";
    assertThat(FileHasher.hash("data.json", utf8(text), "SHA-256")).isEqualTo(expected);
    assertThat(FileHasher.hash("x/data.yaml", utf8("b:\n  c: \"line\\nbreak\"\na: [true, \"x<&>\", 1.50, null]\n"),
        "SHA-256")).isEqualTo(expected);
    // Go escapes U+2028 and U+2029 even with HTML escaping off.
    assertThat(FileHasher.hash("data.json", utf8("{\"s\": \"a\u2028b\"}"), "SHA-256")).isEqualTo(HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(utf8("{\"s\":\"a\\u2028b\"}"))));
    // Policies are hashed byte for byte.
    assertThat(FileHasher.hash("p.rego", utf8(text), "SHA-256")).isEqualTo(HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(utf8(text))));
  }

  @Test
  void aManifestsRegoVersionZeroReadsItsModulesAsV0() throws Exception {
    Path v0 = TestBundles.tarGz(tmp.resolve("v0.tar.gz"), Map.of(".manifest", utf8("{\"rego_version\": 0}"),
        "b/x.rego", utf8("package b\n\np { input.x == 1 }\n")));
    Bundle b = BundleReader.read(v0, null, "");
    assertThat(io.exportguard.rego.Rego.builder().modules(b.modules()).compile()
        .eval("data.b.p", io.exportguard.rego.value.Json.parse("{\"x\": 1}")).defined()).isTrue();
    Path v1 = TestBundles.tarGz(tmp.resolve("v1.tar.gz"), Map.of("b/x.rego", utf8("package b\n\np { input.x == 1 }\n")));
    assertThatThrownBy(() -> io.exportguard.rego.Rego.builder().modules(BundleReader.read(v1, null, "").modules())
        .compile()).isInstanceOf(io.exportguard.rego.RegoException.class);
  }

  @Test
  void packageDeclarationsAreReadWithoutCompiling() {
    assertThat(PackagePath.of("# METADATA\n# title: x\npackage a.b[\"c-d\"].e\n")).containsExactly("a", "b", "c-d", "e");
    assertThat(PackagePath.of("package x\n")).containsExactly("x");
    assertThat(PackagePath.of("p := 1\n")).isNull();
  }

  private static Map<String, byte[]> unpack(Path bundle) throws Exception {
    Map<String, byte[]> out = new LinkedHashMap<>();
    try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
        new org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream(Files.newInputStream(bundle)))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        out.put(BundleReader.cleanName("t", e.getName()), in.readAllBytes());
      }
    }
    return out;
  }
}

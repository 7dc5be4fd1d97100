package io.exportguard.scan;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.SourceLocation;
import java.util.Locale;

/**
 * Reads RAM and OSS policy documents under review on their own ({@code --trust-policy},
 * {@code --role-policy}, {@code --bucket-policy}, or found in a scanned folder) into
 * {@link Declarations}, as the policies of the request's role and bucket: a trust policy is the
 * role's (which then exists), a role policy a custom policy attached to it (named after its file),
 * a bucket policy the bucket's. A document found in a folder is told apart by its statements: a
 * trust policy's all allow {@code sts:AssumeRole} to a principal, a bucket policy's name principals,
 * a role policy's do not.
 */
final class PolicyFileReader {
  /** What a policy document is for. */
  enum Kind {
    TRUST("trust-policy"), ROLE("role-policy"), BUCKET("bucket-policy");

    final String id;

    Kind(String id) { this.id = id; }
  }

  private PolicyFileReader() {}

  /** True when a parsed file is a policy document: an object with a Statement. */
  static boolean isPolicy(JsonNode root) {
    return root.isObject() && root.has("Statement") && !root.has("ROSTemplateFormatVersion")
        && !root.has("format_version");
  }

  /** What a document found in a folder is, by its statements. */
  static Kind classify(JsonNode doc) {
    JsonNode statements = doc.get("Statement");
    if (statements == null) return Kind.ROLE;
    if (!statements.isArray()) statements = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(statements);
    boolean allAssume = statements.size() > 0;
    boolean anyPrincipal = false;
    for (JsonNode s : statements) {
      boolean principal = s.has("Principal") || s.has("NotPrincipal");
      anyPrincipal |= principal;
      allAssume &= principal && mentionsAssumeRole(s.get("Action"));
    }
    return allAssume ? Kind.TRUST : anyPrincipal ? Kind.BUCKET : Kind.ROLE;
  }

  private static boolean mentionsAssumeRole(JsonNode action) {
    if (action == null) return false;
    if (action.isTextual()) {
      String a = action.asText().toLowerCase(Locale.ROOT);
      return a.equals("sts:assumerole") || a.equals("sts:*") || a.equals("*");
    }
    for (JsonNode a : action) if (mentionsAssumeRole(a)) return true;
    return false;
  }

  /**
   * The declarations of one document for the request's role and bucket.
   *
   * @param roleName the request's role (its default when not given)
   * @param bucket the request's bucket, unknown when not given
   */
  static Declarations read(SourceFile file, Kind kind, String roleName, Fact<String> bucket) {
    Declarations out = new Declarations();
    JsonNode doc = file.root();
    SourceLocation at = file.at(doc, kind.id);
    String text = Policies.text(doc);
    switch (kind) {
      case TRUST -> out.roles.add(new Declarations.Role(file.file() + "#trust", Fact.known(roleName),
          Policies.fromTree(doc), text, Fact.unknown("the role's ARN needs the account id: pass --account-id"),
          Fact.known(true), true, at));
      case ROLE -> {
        String name = policyName(file.file());
        String key = file.file() + "#policy";
        out.policies.add(new Declarations.Policy(key, Fact.known(name), Policies.fromTree(doc), text, at));
        out.attachments.add(new Declarations.Attachment(Fact.known(roleName), null, Fact.known(name), key,
            Fact.known("Custom"), at));
      }
      case BUCKET -> out.bucketSettings.add(new Declarations.BucketSetting(Declarations.Setting.POLICY, bucket, null,
          Policies.fromTree(doc).map(v -> (Object) v), text, false, at));
    }
    return out;
  }

  /** A policy named after its file: {@code policies/export-oss.json} is {@code export-oss}. */
  static String policyName(String file) {
    String base = file.replace('\\', '/');
    base = base.substring(base.lastIndexOf('/') + 1);
    int dot = base.indexOf('.');
    return dot > 0 ? base.substring(0, dot) : base;
  }
}

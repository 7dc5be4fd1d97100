package io.exportguard.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import io.exportguard.facts.JsonTreeReader;
import java.io.IOException;
import java.util.Set;

/**
 * Who the run's credentials belong to, from STS GetCallerIdentity: asked once, and answered before
 * any fact is used, so a wrong or expired key is one clear error instead of an error on every check.
 */
public record CallerIdentity(String accountId, String identityType, String arn) {
  /** Codes that mean the credentials themselves are wrong, not that a call failed. */
  private static final Set<String> CREDENTIAL_CODES = Set.of("InvalidAccessKeyId.NotFound", "InvalidAccessKeyId",
      "InvalidAccessKeyId.Inactive", "SignatureDoesNotMatch", "SDK.InvalidAccessKeySecret",
      "InvalidSecurityToken.Expired", "InvalidSecurityToken.Mismatch", "InvalidSecurityToken.Malformed",
      "InvalidSecurityToken", "SDK.NoCredentials", "Forbidden.AccessKeyDisabled");

  /** Asks STS; throws {@link ApiException} as any call does. */
  public static CallerIdentity ask(CloudClients clients) throws ApiException {
    String json = clients.sts("GetCallerIdentity");
    JsonNode body;
    try {
      body = JsonTreeReader.read(json);
    } catch (IOException e) {
      throw new ApiException("sts:GetCallerIdentity", "SDK.BadResponse", "the reply is not JSON", false);
    }
    return new CallerIdentity(body.path("AccountId").asText(""), body.path("IdentityType").asText(""),
        body.path("Arn").asText(""));
  }

  /** True when the failure says the credentials are wrong (rather than that STS could not be reached). */
  public static boolean credentialsRejected(ApiException e) {
    return CREDENTIAL_CODES.contains(e.code());
  }

  /** {@code account 1234567890123456, Account acs:ram::1234567890123456:root} — never a key or secret. */
  public String describe() {
    return "account " + accountId + ", " + identityType + " " + arn;
  }
}

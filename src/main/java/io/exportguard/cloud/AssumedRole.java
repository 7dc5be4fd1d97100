package io.exportguard.cloud;

import com.aliyuncs.auth.AlibabaCloudCredentials;
import com.aliyuncs.auth.AlibabaCloudCredentialsProvider;
import com.aliyuncs.auth.BasicSessionCredentials;
import com.aliyuncs.auth.sts.AssumeRoleRequest;
import com.aliyuncs.auth.sts.AssumeRoleResponse;
import com.aliyuncs.exceptions.ClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Credentials of a RAM role, for auditing another account ({@code --assume-role ARN}): STS
 * AssumeRole (the core SDK's own request and response classes) signed with the run's own
 * credentials, through the same clients, endpoint and retries as every other call; a new session is
 * asked for a few minutes before the current one expires, so a long audit never signs with an
 * expired token.
 */
public final class AssumedRole implements AlibabaCloudCredentialsProvider {
  /** {@code acs:ram::<account>:role/<name>}, as AssumeRole takes it. */
  public static final Pattern ARN = Pattern.compile("acs:ram::(\\d+):role/([\\w.@+=,-]{1,64})");
  static final long SESSION_SECONDS = 3600;
  static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final CloudClients base;
  private final String roleArn;
  private final String sessionName;
  private BasicSessionCredentials current;
  private Instant expiration = Instant.MIN;

  /** @param base the clients signing with the run's own credentials */
  public AssumedRole(CloudClients base, String roleArn, String sessionName) {
    if (!ARN.matcher(roleArn).matches()) {
      throw new IllegalArgumentException("'" + roleArn + "' is not a role ARN like acs:ram::1234567890123456:role/AuditReader");
    }
    this.base = base;
    this.roleArn = roleArn;
    this.sessionName = sessionName;
  }

  /** The account the role belongs to. */
  public String accountId() {
    var m = ARN.matcher(roleArn);
    return m.matches() ? m.group(1) : null;
  }

  @Override
  public synchronized AlibabaCloudCredentials getCredentials() throws ClientException {
    if (current != null && Instant.now().isBefore(expiration.minus(RENEW_BEFORE))) return current;
    AssumeRoleRequest req = new AssumeRoleRequest();
    req.setRoleArn(roleArn);
    req.setRoleSessionName(sessionName);
    req.setDurationSeconds(SESSION_SECONDS);
    AssumeRoleResponse.Credentials c;
    try {
      c = base.sts("AssumeRole", req).getCredentials();
    } catch (ApiException e) {
      throw new ClientException(e.code(), "STS AssumeRole " + roleArn + ": " + e.getMessage());
    }
    current = new BasicSessionCredentials(c.getAccessKeyId(), c.getAccessKeySecret(), c.getSecurityToken(), SESSION_SECONDS);
    expiration = expiration(c.getExpiration());
    return current;
  }

  private static Instant expiration(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException | NullPointerException e) {
      return Instant.now().plusSeconds(SESSION_SECONDS);
    }
  }
}

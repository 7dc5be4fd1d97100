package io.exportguard.sandbox.rpc;

import io.exportguard.sandbox.policy.Statement;
import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.Scenario.AccessKey;
import io.exportguard.sandbox.scenario.Scenario.Role;
import io.exportguard.sandbox.state.AccountState;
import io.exportguard.sandbox.state.SessionKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS (Version 2015-04-01): GetCallerIdentity and AssumeRole. AssumeRole hands out temporary
 * credentials ({@code STS.}-prefixed key, secret, token) that the sandbox then accepts on every
 * product until they expire, so a client's credential chain can be tested end to end. It checks,
 * in order: RoleArn and RoleSessionName given ({@code MissingParameter}) and well formed
 * ({@code InvalidParameter.RoleArn}, {@code InvalidParameter.RoleSessionName}), DurationSeconds within
 * 900 s and the role's maximum ({@code InvalidParameter.DurationSeconds}), the role exists in this
 * account ({@code EntityNotExist.Role}), and its trust policy lets this account assume it
 * ({@code NoPermission}).
 */
public final class StsApi {
  private static final Pattern ROLE_ARN = Pattern.compile("acs:ram::(\\d+):role/([\\w.@+=,-]{1,64})");
  private static final Pattern OIDC_PROVIDER_ARN = Pattern.compile("acs:ram::(\\d+):oidc-provider/[\\w.@+=,-]{1,128}");
  private static final Pattern JWT = Pattern.compile("[\\w-]+\\.[\\w-]+\\.[\\w-]*");
  private static final Pattern SESSION_NAME = Pattern.compile("[\\w.@-]{2,64}");
  private static final int MAX_SESSION_SECONDS = 3600;
  /** Made on first use: only AssumeRole and the credentials URI hand out keys, and a first SecureRandom is slow to make. */
  private static final class Random {
    static final SecureRandom INSTANCE = new SecureRandom();
  }

  private final AccountState state;

  public StsApi(AccountState state) {
    this.state = state;
  }

  public Map<String, RpcAction> actions() {
    Map<String, RpcAction> actions = new LinkedHashMap<>();
    actions.put("GetCallerIdentity", this::getCallerIdentity);
    actions.put("AssumeRole", this::assumeRole);
    actions.put("AssumeRoleWithOIDC", this::assumeRoleWithOidc);
    return actions;
  }

  /** Actions STS answers without a signature: the OIDC token is the caller's proof. */
  static boolean anonymous(String action) {
    return "AssumeRoleWithOIDC".equals(action);
  }

  /**
   * AssumeRoleWithOIDC: RoleArn, OIDCProviderArn ({@code acs:ram::<account>:oidc-provider/<name>})
   * and OIDCToken (a JWT: three dot-separated parts; its signature is not checked, the sandbox has
   * no identity provider) given and well formed; the role exists and its trust policy allows
   * sts:AssumeRole to that provider as a {@code Federated} principal ({@code NoPermission} otherwise).
   */
  private Map<String, Object> assumeRoleWithOidc(RpcCall call) {
    String provider = call.required("OIDCProviderArn");
    String token = call.required("OIDCToken");
    Matcher p = OIDC_PROVIDER_ARN.matcher(provider);
    if (!p.matches()) {
      throw new RpcError(400, "InvalidParameter.OIDCProviderArn", "The parameter OIDCProviderArn is wrongly formed.");
    }
    if (!JWT.matcher(token).matches()) {
      throw new RpcError(400, "InvalidParameter.OIDCToken", "The parameter OIDCToken is wrongly formed.");
    }
    if (!p.group(1).equals(state.scenario().account().id())) {
      throw new RpcError(404, "EntityNotExist.OIDCProvider", "The OIDC provider does not exist: " + provider + ".");
    }
    return session(call, role -> trustsPrincipal(role, "Federated", provider));
  }

  private Map<String, Object> getCallerIdentity(RpcCall call) {
    String account = state.scenario().account().id();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("AccountId", account);
    Optional<SessionKey> session = call.caller() == null ? Optional.empty() : state.sessionKey(call.caller().id());
    if (session.isPresent()) {
      SessionKey s = session.get();
      String roleId = RamApi.numericId(s.roleName());
      body.put("IdentityType", "AssumedRoleUser");
      body.put("Arn", "acs:ram::" + account + ":assumed-role/" + s.roleName().toLowerCase(Locale.ROOT) + "/" + s.sessionName());
      body.put("RoleId", roleId);
      body.put("PrincipalId", roleId + ":" + s.sessionName());
      body.put("UserId", roleId + ":" + s.sessionName());
    } else {
      // The scenario's own keys belong to the account itself.
      body.put("IdentityType", "Account");
      body.put("Arn", "acs:ram::" + account + ":root");
      body.put("PrincipalId", account);
      body.put("UserId", account);
    }
    return body;
  }

  private Map<String, Object> assumeRole(RpcCall call) {
    return session(call, role -> trustsAccount(role, state.scenario().account().id()));
  }

  /** The checks and the reply both AssumeRole calls share; {@code trusted} decides NoPermission. */
  private Map<String, Object> session(RpcCall call, java.util.function.Predicate<Role> trusted) {
    Scenario scenario = state.scenario();
    String arn = call.required("RoleArn");
    String sessionName = call.required("RoleSessionName");
    Matcher m = ROLE_ARN.matcher(arn);
    if (!m.matches()) {
      throw new RpcError(400, "InvalidParameter.RoleArn", "The parameter RoleArn is wrongly formed.");
    }
    if (!SESSION_NAME.matcher(sessionName).matches()) {
      throw new RpcError(400, "InvalidParameter.RoleSessionName", "The parameter RoleSessionName is wrongly formed.");
    }
    int seconds = duration(call);
    String account = scenario.account().id();
    // RAM role names are case-insensitive in an ARN.
    Role role = m.group(1).equals(account)
        ? scenario.roles().stream().filter(r -> r.name().equalsIgnoreCase(m.group(2))).findFirst().orElse(null)
        : null;
    if (role == null) {
      throw new RpcError(404, "EntityNotExist.Role", "The role not exists: " + arn + ".");
    }
    if (!trusted.test(role)) {
      throw new RpcError(403, "NoPermission", "You are not authorized to do this action. You should be authorized by RAM.");
    }
    Instant expiration = state.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    AccessKey key = new AccessKey("STS." + random(12), random(20), "CAIS" + random(60));
    state.addSessionKey(new SessionKey(key, role.name(), sessionName, expiration));
    String roleId = RamApi.numericId(role.name());
    Map<String, Object> credentials = new LinkedHashMap<>();
    credentials.put("AccessKeyId", key.id());
    credentials.put("AccessKeySecret", key.secret());
    credentials.put("SecurityToken", key.securityToken());
    credentials.put("Expiration", expiration.toString());
    Map<String, Object> user = new LinkedHashMap<>();
    user.put("Arn", "acs:ram::" + account + ":assumed-role/" + role.name().toLowerCase(Locale.ROOT) + "/" + sessionName);
    user.put("AssumedRoleId", roleId + ":" + sessionName);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Credentials", credentials);
    body.put("AssumedRoleUser", user);
    return body;
  }

  /**
   * What a credentials URI ({@code ALIBABA_CLOUD_CREDENTIALS_URI}, the aliyun CLI's
   * {@code CredentialsURI} mode) answers: session credentials of the named role in the shape the
   * credentials library reads ({@code Code: Success}, key, secret, token, Expiration). Like an
   * instance's role, the role is the server's to hand out, so its trust policy is not consulted.
   * Null when the scenario has no such role.
   */
  public Map<String, Object> credentialsUri(String roleName) {
    Role role = state.scenario().roles().stream().filter(r -> r.name().equalsIgnoreCase(roleName)).findFirst()
        .orElse(null);
    if (role == null) {
      return null;
    }
    Instant expiration = state.now().plusSeconds(MAX_SESSION_SECONDS).truncatedTo(ChronoUnit.SECONDS);
    AccessKey key = new AccessKey("STS." + random(12), random(20), "CAIS" + random(60));
    state.addSessionKey(new SessionKey(key, role.name(), "credentials-uri", expiration));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("Code", "Success");
    body.put("AccessKeyId", key.id());
    body.put("AccessKeySecret", key.secret());
    body.put("SecurityToken", key.securityToken());
    body.put("Expiration", expiration.toString());
    body.put("LastUpdated", state.now().truncatedTo(ChronoUnit.SECONDS).toString());
    return body;
  }

  private static int duration(RpcCall call) {
    String v = call.param("DurationSeconds");
    if (v == null) {
      return MAX_SESSION_SECONDS;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n >= 900 && n <= MAX_SESSION_SECONDS) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the service's error
    }
    throw new RpcError(400, "InvalidParameter.DurationSeconds",
        "The Min/Max value of DurationSeconds is 15min/" + MAX_SESSION_SECONDS / 3600 + "hr.");
  }

  /**
   * True when a certain Allow of sts:AssumeRole names this account (root ARN, bare id or {@code *})
   * as a RAM principal and no statement that may deny it could apply to the account (fail closed).
   */
  static boolean trustsAccount(Role role, String account) {
    boolean allowed = false;
    for (Statement s : Statement.parse(role.trustPolicy())) {
      if (s.mayDeny() && s.actionMayCover("sts:AssumeRole")
          && (s.principalUnbounded() || s.principals().stream().anyMatch(p -> namesAccount(p, account)))) {
        return false;
      }
      List<Statement.Principal> principals = s.documentedPrincipals();
      allowed |= s.grants() && s.actionCovers("sts:AssumeRole") && principals != null
          && principals.stream().anyMatch(p -> namesAccount(p, account));
    }
    return allowed;
  }

  /** True when a certain Allow of sts:AssumeRole names {@code value} as a {@code kind} principal and nothing denies it. */
  static boolean trustsPrincipal(Role role, String kind, String value) {
    boolean allowed = false;
    for (Statement s : Statement.parse(role.trustPolicy())) {
      boolean names = s.principals().stream().anyMatch(p -> p.isText() && kind.equalsIgnoreCase(p.kind())
          && (p.text().equals(value) || p.text().equals("*")));
      if (s.mayDeny() && s.actionMayCover("sts:AssumeRole") && (s.principalUnbounded() || names)) {
        return false;
      }
      List<Statement.Principal> principals = s.documentedPrincipals();
      allowed |= s.grants() && s.actionCovers("sts:AssumeRole") && principals != null
          && principals.stream().anyMatch(p -> p.isText() && kind.equalsIgnoreCase(p.kind()) && p.text().equals(value));
    }
    return allowed;
  }

  private static boolean namesAccount(Statement.Principal p, String account) {
    if (!p.isText()) {
      return false;
    }
    String v = p.text();
    boolean ram = p.kind() == null || p.kind().equalsIgnoreCase("RAM") || v.equals("*");
    return ram && (v.equals("*") || v.equals(account) || v.equals("acs:ram::" + account + ":root"));
  }

  private static String random(int length) {
    byte[] bytes = new byte[(length + 1) / 2];
    Random.INSTANCE.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes).substring(0, length);
  }
}

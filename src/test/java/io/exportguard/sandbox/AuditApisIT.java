package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.Bucket;
import com.aliyun.oss.model.BucketList;
import com.aliyun.oss.model.ListBucketsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeResponse;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.ListGroupsForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListGroupsForUserResponse;
import com.aliyuncs.ram.model.v20150501.ListGroupsRequest;
import com.aliyuncs.ram.model.v20150501.ListGroupsResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForGroupRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForGroupResponse;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserRequest;
import com.aliyuncs.ram.model.v20150501.ListPoliciesForUserResponse;
import com.aliyuncs.ram.model.v20150501.ListRolesRequest;
import com.aliyuncs.ram.model.v20150501.ListRolesResponse;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The APIs an account audit uses, through the real SDKs: RAM listings with Marker paging, ListBuckets, export history. */
class AuditApisIT {
  static Sandbox sandbox;
  static SdkClients sdk;
  static OSS oss;

  @BeforeAll
  static void start() {
    StringBuilder yaml = new StringBuilder("""
        account: { id: "1234567890123456", accessKeys: [ { id: ak, secret: sk } ] }
        regions: [ { id: cn-hangzhou }, { id: cn-beijing } ]
        images:
          - { id: m-1, region: cn-hangzhou, name: one, disks: [ { device: /dev/xvda, type: system, sizeGiB: 20, snapshotId: s-1 },
              { device: /dev/xvdb, type: data, sizeGiB: 30, snapshotId: s-2 } ] }
        snapshots: [ { id: s-1 }, { id: s-2 } ]
        policies:
          - { name: ImageExporter, document: { Version: "1", Statement: [ { Effect: Allow, Action: "ecs:ExportImage", Resource: "*" } ] } }
          - { name: ReadOnly, type: System, document: { Version: "1", Statement: [ { Effect: Allow, Action: "ecs:Describe*", Resource: "*" } ] } }
        groups:
          - { name: exporters, attachedPolicies: [ ImageExporter ] }
          - { name: readers, attachedPolicies: [ ReadOnly ] }
        roles:
          - { name: r-a, trustPolicy: { Version: "1", Statement: [] }, attachedPolicies: [ ReadOnly ] }
          - { name: r-b, trustPolicy: { Version: "1", Statement: [] } }
        buckets:
          - { name: own-a, region: cn-hangzhou }
          - { name: own-b, region: cn-beijing }
          - { name: own-c, region: cn-hangzhou }
          - { name: theirs, region: cn-hangzhou, owner: "9876543210987654" }
        tasks:
          - { id: t-ok, imageId: m-1, status: Finished, ossBucket: own-a, ossPrefix: nightly, imageFormat: qcow2 }
          - { id: t-failed, imageId: m-1, status: Failed, ossBucket: theirs, errorCode: NoSetRoletoECSServiceAcount,
              errorMessage: "The role is not authorized." }
        users:
        """);
    for (int i = 0; i < 7; i++) {
      yaml.append("  - { name: user-").append(i).append(i % 2 == 0 ? ", attachedPolicies: [ ImageExporter ]" : "")
          .append(", groups: [ ").append(i % 3 == 0 ? "exporters, readers" : "readers").append(" ] }\n");
    }
    sandbox = Sandbox.start(ScenarioLoader.parse("audit-apis.yaml", yaml.toString()), 0);
    sdk = new SdkClients(sandbox);
    oss = SdkClients.ossV4(sandbox, "cn-hangzhou");
  }

  @AfterAll
  static void stop() {
    oss.shutdown();
    sdk.shutdown();
    sandbox.close();
  }

  @Test
  void listUsersPagesWithAMarkerUntilNotTruncated() throws ClientException {
    List<String> names = new ArrayList<>();
    List<Boolean> truncated = new ArrayList<>();
    String marker = null;
    do {
      ListUsersRequest r = new ListUsersRequest();
      r.setMaxItems(3);
      r.setMarker(marker);
      ListUsersResponse page = sdk.call(r);
      page.getUsers().forEach(u -> names.add(u.getUserName()));
      truncated.add(page.getIsTruncated());
      marker = page.getIsTruncated() ? page.getMarker() : null;
      assertThat(page.getUsers()).allSatisfy(u -> assertThat(u.getUserId()).matches("\\d{16}"));
    } while (marker != null);
    assertThat(names).containsExactly("user-0", "user-1", "user-2", "user-3", "user-4", "user-5", "user-6");
    assertThat(truncated).containsExactly(true, true, false);
  }

  @Test
  void groupsAndRolesListWithTheDefaultPageSize() throws ClientException {
    ListGroupsResponse groups = sdk.call(new ListGroupsRequest());
    assertThat(groups.getIsTruncated()).isFalse();
    assertThat(groups.getGroups()).extracting(ListGroupsResponse.Group::getGroupName).containsExactly("exporters", "readers");
    ListRolesResponse roles = sdk.call(new ListRolesRequest());
    assertThat(roles.getRoles()).extracting(ListRolesResponse.Role::getArn)
        .containsExactly("acs:ram::1234567890123456:role/r-a", "acs:ram::1234567890123456:role/r-b");
  }

  @Test
  void aForgedMarkerIsRefused() {
    ListUsersRequest r = new ListUsersRequest();
    r.setMarker("not-a-marker");
    ClientException e = catchThrowableOfType(() -> sdk.call(r), ClientException.class);
    assertThat(e.getErrCode()).isEqualTo("InvalidParameter.Marker");
  }

  @Test
  void attachedPoliciesAndMembershipOfAUser() throws ClientException {
    ListPoliciesForUserRequest p = new ListPoliciesForUserRequest();
    p.setUserName("user-0");
    assertThat(sdk.call(p).getPolicies()).extracting(ListPoliciesForUserResponse.Policy::getPolicyName)
        .containsExactly("ImageExporter");
    ListGroupsForUserRequest g = new ListGroupsForUserRequest();
    g.setUserName("user-3");
    assertThat(sdk.call(g).getGroups()).extracting(ListGroupsForUserResponse.Group::getGroupName)
        .containsExactly("exporters", "readers");
    ListPoliciesForGroupRequest gp = new ListPoliciesForGroupRequest();
    gp.setGroupName("readers");
    assertThat(sdk.call(gp).getPolicies()).singleElement().satisfies(pol -> {
      assertThat(pol.getPolicyName()).isEqualTo("ReadOnly");
      assertThat(pol.getPolicyType()).isEqualTo("System");
      assertThat(pol.getDefaultVersion()).isEqualTo("v1");
    });
    ListPoliciesForUserRequest missing = new ListPoliciesForUserRequest();
    missing.setUserName("nobody");
    assertThat(catchThrowableOfType(() -> sdk.call(missing), ClientException.class).getErrCode())
        .isEqualTo("EntityNotExist.User");
    ListPoliciesForGroupResponse none = sdk.call(groupPolicies("exporters"));
    assertThat(none.getPolicies()).hasSize(1);
  }

  private static ListPoliciesForGroupRequest groupPolicies(String group) {
    ListPoliciesForGroupRequest r = new ListPoliciesForGroupRequest();
    r.setGroupName(group);
    return r;
  }

  @Test
  void listBucketsListsOnlyTheAccountsOwnBucketsPageByPage() {
    List<String> names = new ArrayList<>();
    String marker = null;
    int pages = 0;
    do {
      BucketList page = oss.listBuckets(new ListBucketsRequest(null, marker, 2));
      page.getBucketList().forEach(b -> names.add(b.getName()));
      marker = page.isTruncated() ? page.getNextMarker() : null;
      pages++;
    } while (marker != null);
    assertThat(names).containsExactly("own-a", "own-b", "own-c");
    assertThat(pages).isEqualTo(2);
    Bucket b = oss.listBuckets(new ListBucketsRequest("own-b", null, 10)).getBucketList().get(0);
    assertThat(b.getLocation()).isEqualTo("oss-cn-beijing");
    assertThat(b.getOwner().getId()).isEqualTo("1234567890123456");
  }

  @Test
  void anotherAccountsBucketRefusesThisAccount() {
    OSSException e = catchThrowableOfType(() -> oss.getBucketInfo("theirs"), OSSException.class);
    assertThat(e.getErrorCode()).isEqualTo("AccessDenied");
    assertThat(e.getErrorFields()).doesNotContainKey("Endpoint");
  }

  @Test
  void exportHistoryNamesTheBucketObjectsAndAFailuresErrorCode() throws ClientException {
    DescribeTaskAttributeResponse ok = sdk.call(taskAttribute("t-ok"));
    assertThat(ok.getTaskStatus()).isEqualTo("Finished");
    assertThat(ok.getOperationProgressSet()).hasSize(2).allSatisfy(op -> {
      assertThat(op.getOperationStatus()).isEqualTo("Success");
      assertThat(op.getRelatedItemSet()).anySatisfy(i -> {
        assertThat(i.getName()).isEqualTo("OSSBucket");
        assertThat(i.getValue()).isEqualTo("own-a");
      });
    });
    assertThat(ok.getOperationProgressSet().get(0).getRelatedItemSet())
        .anySatisfy(i -> assertThat(i.getValue()).isEqualTo("nightly_m-1_system.qcow2"));
    DescribeTaskAttributeResponse failed = sdk.call(taskAttribute("t-failed"));
    assertThat(failed.getTaskStatus()).isEqualTo("Failed");
    assertThat(failed.getFailedCount()).isEqualTo(2);
    assertThat(failed.getOperationProgressSet()).allSatisfy(op -> {
      assertThat(op.getOperationStatus()).isEqualTo("Failed");
      assertThat(op.getErrorCode()).isEqualTo("NoSetRoletoECSServiceAcount");
      assertThat(op.getErrorMsg()).isEqualTo("The role is not authorized.");
    });
  }

  private static DescribeTaskAttributeRequest taskAttribute(String id) {
    DescribeTaskAttributeRequest r = new DescribeTaskAttributeRequest();
    r.setTaskId(id);
    return r;
  }
}

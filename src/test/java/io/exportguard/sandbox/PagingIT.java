package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.ListObjectsRequest;
import com.aliyun.oss.model.ListObjectsV2Request;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeTasksRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTasksResponse;
import com.aliyuncs.exceptions.ClientException;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Paging and filtering of every list API, through the real SDKs, over a scenario with many resources. */
class PagingIT {
  static Sandbox sandbox;
  static SdkClients sdk;
  static OSS oss;
  static final List<String> KEYS = List.of("a/1.txt", "a/2.txt", "b/1.txt", "c.txt", "d.txt", "dir/ä b+c.txt", "e.txt", "f.txt");

  @BeforeAll
  static void start() {
    StringBuilder yaml = new StringBuilder("""
        account: { id: "1234567890123456", accessKeys: [ { id: ak, secret: sk } ] }
        regions: [ { id: cn-hangzhou }, { id: cn-beijing } ]
        images:
        """);
    StringBuilder snapshots = new StringBuilder("snapshots:\n");
    StringBuilder tasks = new StringBuilder("tasks:\n");
    for (int i = 0; i < 25; i++) {
      String n = String.format("%02d", i);
      yaml.append("  - { id: m-page").append(n).append(", region: cn-hangzhou, name: img").append(n)
          .append(i % 5 == 0 ? ", status: Creating" : "").append(", ownerAlias: ").append(i % 2 == 0 ? "self" : "others")
          .append(", disks: [ { device: /dev/xvda, type: system, sizeGiB: 20, snapshotId: s-page").append(n).append(" } ] }\n");
      snapshots.append("  - { id: s-page").append(n).append(i % 3 == 0 ? ", encrypted: true" : "").append(" }\n");
      if (i < 15) {
        tasks.append("  - { id: t-page").append(n).append(", imageId: m-page").append(n).append(", status: ")
            .append(i % 2 == 0 ? "Finished" : "Processing").append(" }\n");
      }
    }
    yaml.append("  - { id: m-bj, region: cn-beijing, name: bj, disks: [ { device: /dev/xvda, type: system, sizeGiB: 20, snapshotId: s-bj } ] }\n");
    snapshots.append("  - { id: s-bj }\n");
    yaml.append(snapshots).append(tasks).append("buckets: [ { name: pages, region: cn-hangzhou } ]\nobjects:\n");
    for (String key : KEYS) {
      yaml.append("  - { bucket: pages, key: \"").append(key).append("\", size: 3 }\n");
    }
    sandbox = Sandbox.start(ScenarioLoader.parse("paging.yaml", yaml.toString()), 0);
    sdk = new SdkClients(sandbox);
    oss = SdkClients.ossV1(sandbox);
  }

  @AfterAll
  static void stop() {
    oss.shutdown();
    sdk.shutdown();
    sandbox.close();
  }

  private static DescribeImagesResponse images(String status, Integer page, Integer size) throws ClientException {
    DescribeImagesRequest r = new DescribeImagesRequest();
    r.setStatus(status);
    r.setPageNumber(page);
    r.setPageSize(size);
    return sdk.call(r);
  }

  @Test
  void describeImagesPagesThroughAllStatuses() throws ClientException {
    List<String> ids = new ArrayList<>();
    for (int page = 1; page <= 3; page++) {
      DescribeImagesResponse r = images("ALL", page, 10);
      assertThat(r.getTotalCount()).isEqualTo(25);
      assertThat(r.getPageNumber()).isEqualTo(page);
      r.getImages().forEach(i -> ids.add(i.getImageId()));
    }
    assertThat(ids).hasSize(25).doesNotHaveDuplicates().doesNotContain("m-bj");
    assertThat(images("ALL", 4, 10).getImages()).isEmpty();
  }

  @Test
  void describeImagesDefaultsToAvailableAndFilters() throws ClientException {
    DescribeImagesResponse r = images(null, null, 100);
    assertThat(r.getTotalCount()).isEqualTo(20);
    assertThat(r.getPageSize()).isEqualTo(100);
    assertThat(images(null, null, null).getImages()).hasSize(10);
    assertThat(images("Creating", null, 100).getTotalCount()).isEqualTo(5);
    assertThat(images("Creating,Available", null, 100).getTotalCount()).isEqualTo(25);
    DescribeImagesRequest self = new DescribeImagesRequest();
    self.setImageOwnerAlias("self");
    self.setStatus("ALL");
    self.setPageSize(50);
    assertThat(sdk.call(self).getImages()).allMatch(i -> i.getImageOwnerAlias().equals("self")).hasSize(13);
    DescribeImagesRequest two = new DescribeImagesRequest();
    two.setImageId("m-page01,m-page02");
    assertThat(sdk.call(two).getImages()).extracting(DescribeImagesResponse.Image::getImageId).containsExactly("m-page01", "m-page02");
    DescribeImagesRequest beijing = new DescribeImagesRequest();
    beijing.setSysRegionId("cn-beijing");
    assertThat(sdk.call(beijing).getImages()).extracting(DescribeImagesResponse.Image::getImageId).containsExactly("m-bj");
  }

  @Test
  void pageSizeAbove100AndUnknownRegionsAreRejected() {
    assertThat(catchThrowableOfType(ClientException.class, () -> images("ALL", 1, 101)).getErrCode()).isEqualTo("InvalidParameter");
    assertThat(catchThrowableOfType(ClientException.class, () -> images("Broken", 1, 10)).getErrCode()).isEqualTo("InvalidParameter");
    DescribeImagesRequest nowhere = new DescribeImagesRequest();
    nowhere.setSysRegionId("cn-nowhere");
    assertThat(catchThrowableOfType(ClientException.class, () -> sdk.call(nowhere)).getErrCode()).isEqualTo("InvalidRegionId.NotFound");
  }

  @Test
  void describeSnapshotsPagesByNumberAndByToken() throws ClientException {
    DescribeSnapshotsRequest third = new DescribeSnapshotsRequest();
    third.setPageNumber(3);
    third.setPageSize(10);
    DescribeSnapshotsResponse r = sdk.call(third);
    assertThat(r.getTotalCount()).isEqualTo(25);
    assertThat(r.getSnapshots()).hasSize(5);

    List<String> ids = new ArrayList<>();
    String token = null;
    do {
      DescribeSnapshotsRequest byToken = new DescribeSnapshotsRequest();
      byToken.setMaxResults(7);
      byToken.setNextToken(token);
      DescribeSnapshotsResponse page = sdk.call(byToken);
      page.getSnapshots().forEach(s -> ids.add(s.getSnapshotId()));
      token = page.getNextToken();
    } while (token != null && !token.isEmpty());
    assertThat(ids).hasSize(25).doesNotHaveDuplicates();

    DescribeSnapshotsRequest encrypted = new DescribeSnapshotsRequest();
    encrypted.setEncrypted(true);
    encrypted.setPageSize(100);
    assertThat(sdk.call(encrypted).getSnapshots()).hasSize(9).allMatch(DescribeSnapshotsResponse.Snapshot::getEncrypted);
  }

  @Test
  void describeSnapshotsTakesAtMost100Ids() {
    StringBuilder ids = new StringBuilder("[");
    for (int i = 0; i < 101; i++) {
      ids.append(i == 0 ? "" : ",").append("\"s-").append(i).append('"');
    }
    DescribeSnapshotsRequest r = new DescribeSnapshotsRequest();
    r.setSnapshotIds(ids.append(']').toString());
    assertThat(catchThrowableOfType(ClientException.class, () -> sdk.call(r)).getErrCode()).isEqualTo("InvalidParameter");
    DescribeSnapshotsRequest bad = new DescribeSnapshotsRequest();
    bad.setSnapshotIds("s-1,s-2");
    assertThat(catchThrowableOfType(ClientException.class, () -> sdk.call(bad)).getErrCode()).isEqualTo("InvalidParameter");
  }

  @Test
  void describeTasksFiltersAndPages() throws ClientException {
    DescribeTasksRequest all = new DescribeTasksRequest();
    all.setTaskAction("ExportImage");
    all.setPageSize(4);
    all.setPageNumber(4);
    DescribeTasksResponse last = sdk.call(all);
    assertThat(last.getTotalCount()).isEqualTo(15);
    assertThat(last.getTaskSet()).hasSize(3);
    DescribeTasksRequest processing = new DescribeTasksRequest();
    processing.setTaskStatus("Processing");
    processing.setPageSize(100);
    DescribeTasksResponse p = sdk.call(processing);
    assertThat(p.getTaskSet()).hasSize(7).allMatch(t -> t.getTaskStatus().equals("Processing") && t.getSupportCancel().equals("true"));
    assertThat(p.getTaskSet().get(0).getCreationTime()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\dZ");
    DescribeTasksRequest ids = new DescribeTasksRequest();
    ids.setTaskIds("t-page00,t-page03");
    assertThat(sdk.call(ids).getTaskSet()).extracting(DescribeTasksResponse.Task::getTaskId).containsExactly("t-page00", "t-page03");
  }

  @Test
  void describeTasksFiltersByTimeAndResource() throws ClientException {
    java.time.Instant now = java.time.Instant.now();
    java.time.format.DateTimeFormatter minutes = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
        .withZone(java.time.ZoneOffset.UTC);
    DescribeTasksRequest lastHour = new DescribeTasksRequest();
    lastHour.setStartTime(minutes.format(now.minusSeconds(3600)));
    lastHour.setEndTime(minutes.format(now.plusSeconds(3600)));
    lastHour.setPageSize(100);
    assertThat(sdk.call(lastHour).getTotalCount()).isEqualTo(15);
    DescribeTasksRequest future = new DescribeTasksRequest();
    future.setStartTime(minutes.format(now.plusSeconds(3600)));
    assertThat(sdk.call(future).getTotalCount()).isZero();
    DescribeTasksRequest byImage = new DescribeTasksRequest();
    byImage.setResourceIdss(List.of("m-page04", "m-page05"));
    assertThat(sdk.call(byImage).getTaskSet()).extracting(DescribeTasksResponse.Task::getResourceId).containsExactly("m-page04", "m-page05");
    DescribeTasksRequest bad = new DescribeTasksRequest();
    bad.setStartTime("last tuesday");
    assertThat(catchThrowableOfType(ClientException.class, () -> sdk.call(bad)).getErrCode()).isEqualTo("InvalidParameter");
  }

  @Test
  void listObjectsV1PagesWithMarkersAndDelimiters() {
    List<String> seen = new ArrayList<>();
    String marker = null;
    ObjectListing page;
    do {
      page = oss.listObjects(new ListObjectsRequest("pages").withMarker(marker).withMaxKeys(3));
      page.getObjectSummaries().forEach(o -> seen.add(o.getKey()));
      marker = page.getNextMarker();
    } while (page.isTruncated());
    assertThat(seen).containsExactlyElementsOf(KEYS);

    ObjectListing top = oss.listObjects(new ListObjectsRequest("pages").withDelimiter("/").withMaxKeys(100));
    assertThat(top.getCommonPrefixes()).containsExactly("a/", "b/", "dir/");
    assertThat(top.getObjectSummaries()).extracting(OSSObjectSummary::getKey).containsExactly("c.txt", "d.txt", "e.txt", "f.txt");
    ObjectListing inA = oss.listObjects(new ListObjectsRequest("pages").withPrefix("a/").withDelimiter("/"));
    assertThat(inA.getObjectSummaries()).extracting(OSSObjectSummary::getKey).containsExactly("a/1.txt", "a/2.txt");
    assertThat(inA.getObjectSummaries().get(0).getSize()).isEqualTo(3);
  }

  @Test
  void listObjectsV2PagesWithContinuationTokens() {
    List<String> seen = new ArrayList<>();
    String token = null;
    ListObjectsV2Result page;
    do {
      ListObjectsV2Request r = new ListObjectsV2Request("pages").withMaxKeys(2).withDelimiter("/");
      r.setContinuationToken(token);
      page = oss.listObjectsV2(r);
      page.getObjectSummaries().forEach(o -> seen.add(o.getKey()));
      seen.addAll(page.getCommonPrefixes());
      assertThat(page.getKeyCount()).isLessThanOrEqualTo(2);
      token = page.getNextContinuationToken();
    } while (page.isTruncated());
    assertThat(seen).containsExactlyInAnyOrder("a/", "b/", "c.txt", "d.txt", "dir/", "e.txt", "f.txt");
    ListObjectsV2Result after = oss.listObjectsV2(new ListObjectsV2Request("pages").withStartAfter("dir/ä b+c.txt"));
    assertThat(after.getObjectSummaries()).extracting(OSSObjectSummary::getKey).containsExactly("e.txt", "f.txt");
    ListObjectsV2Result unicode = oss.listObjectsV2(new ListObjectsV2Request("pages").withPrefix("dir/"));
    assertThat(unicode.getObjectSummaries()).extracting(OSSObjectSummary::getKey).containsExactly("dir/ä b+c.txt");
  }
}

package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.ListObjectsV2Result;
import com.aliyun.oss.model.OSSObject;
import com.aliyun.oss.model.OSSObjectSummary;
import com.aliyun.oss.model.ObjectListing;
import com.aliyun.oss.model.ObjectMetadata;
import com.aliyuncs.ecs.model.v20140526.CancelTaskRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTaskAttributeResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeTasksRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeTasksResponse;
import com.aliyuncs.ecs.model.v20140526.ExportImageRequest;
import com.aliyuncs.ecs.model.v20140526.ExportImageResponse;
import com.aliyuncs.exceptions.ClientException;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** ExportImage through the real ECS SDK: one built-in scenario per error code, and a full export. */
class ExportImageIT {
  private static final long GIB = 1L << 30;

  static Stream<String> errorCodes() {
    return Stream.of("MissingParameter", "InvalidOSSPrefix.Malformed", "InvalidImageFormat.Malformed", "InvalidRegionId.NotFound",
        "InvalidRegion.NotSupport", "InvalidImageId.NotFound", "InvalidImageName.Malformed", "IncorrectImageStatus",
        "ImageNotSupported", "InvalidImage.DiskAmountOrSize", "ImageIsExporting", "ConcurrentQuotaExceed.ExportImage",
        "WeeklyQuotaExceed.ExportImage", "UserNotInTheWhiteList", "NoSetRoletoECSServiceAcount", "InvalidOSSBucket.NotFound",
        "InvalidOSSBucket.NotMatched", "InvalidImageLicense.NotSupported");
  }

  /** Builds the request the scenario's first line describes ({@code # request: k=v ...}). */
  static ExportImageRequest requestFromFirstLine(String scenario) {
    String first = ScenarioLoader.builtInText(scenario).lines().findFirst().orElseThrow();
    Map<String, String> kv = new HashMap<>();
    for (String word : first.substring("# request:".length()).trim().split("\\s+")) {
      int eq = word.indexOf('=');
      kv.put(word.substring(0, eq), word.substring(eq + 1));
    }
    ExportImageRequest req = new ExportImageRequest();
    req.setSysRegionId(kv.get("regionId"));
    req.setImageId(kv.get("imageId"));
    req.setOSSBucket(kv.get("ossBucket"));
    req.setOSSPrefix(kv.get("ossPrefix"));
    req.setImageFormat(kv.get("imageFormat"));
    req.setRoleName(kv.get("roleName"));
    return req;
  }

  @ParameterizedTest
  @MethodSource("errorCodes")
  void eachErrorScenarioAnswersItsCode(String code) {
    try (Sandbox sandbox = Sandbox.start(code, 0)) {
      SdkClients sdk = new SdkClients(sandbox);
      ClientException e = catchThrowableOfType(ClientException.class, () -> sdk.call(requestFromFirstLine(code)));
      assertThat(e).as("ExportImage in scenario " + code).isNotNull();
      assertThat(e.getErrCode()).isEqualTo(code);
      sdk.shutdown();
    }
  }

  @Test
  void demoFailAnswersTheFirstRuleThatFails() {
    try (Sandbox sandbox = Sandbox.start("demo-fail", 0)) {
      SdkClients sdk = new SdkClients(sandbox);
      ClientException e = catchThrowableOfType(ClientException.class, () -> sdk.call(requestFromFirstLine("demo-fail")));
      assertThat(e.getErrCode()).isEqualTo("ImageNotSupported");
      sdk.shutdown();
    }
  }

  @Test
  void demoPassExportsAndTheObjectsAppearInTheBucket() throws Exception {
    try (Sandbox sandbox = Sandbox.start("demo-pass", 0)) {
      SdkClients sdk = new SdkClients(sandbox);
      OSS oss = SdkClients.ossV1(sandbox);
      ExportImageRequest req = requestFromFirstLine("demo-pass");
      req.setOSSPrefix("nightly");
      ExportImageResponse started = sdk.call(req);
      assertThat(started.getTaskId()).startsWith("t-");

      DescribeTaskAttributeResponse processing = attribute(sdk, started.getTaskId());
      assertThat(processing.getTaskStatus()).isEqualTo("Processing");
      assertThat(processing.getSupportCancel()).isEqualTo("true");
      assertThat(oss.listObjects("my-export-bucket").getObjectSummaries()).isEmpty();
      ClientException again = catchThrowableOfType(ClientException.class, () -> sdk.call(requestFromFirstLine("demo-pass")));
      assertThat(again.getErrCode()).isEqualTo("ImageIsExporting");

      DescribeTaskAttributeResponse done = waitForFinish(sdk, started.getTaskId());
      assertThat(done.getTaskProcess()).isEqualTo("100%");
      assertThat(done.getSuccessCount()).isEqualTo(2);
      List<String> objects = new ArrayList<>();
      for (DescribeTaskAttributeResponse.OperationProgress op : done.getOperationProgressSet()) {
        assertThat(op.getOperationStatus()).isEqualTo("Success");
        op.getRelatedItemSet().stream().filter(i -> i.getName().equals("OSSObject")).forEach(i -> objects.add(i.getValue()));
      }
      assertThat(objects).containsExactly("nightly_m-bp1demo0001_system.raw.tar.gz", "nightly_m-bp1demo0001_data-xvdb.raw.tar.gz");

      ObjectListing listing = oss.listObjects("my-export-bucket", "nightly_");
      assertThat(listing.getObjectSummaries()).extracting(OSSObjectSummary::getKey).containsExactlyInAnyOrderElementsOf(objects);
      assertThat(listing.getObjectSummaries()).extracting(OSSObjectSummary::getSize).containsExactlyInAnyOrder(40 * GIB, 100 * GIB);
      ObjectMetadata head = oss.getObjectMetadata("my-export-bucket", "nightly_m-bp1demo0001_system.raw.tar.gz");
      assertThat(head.getContentLength()).isEqualTo(40 * GIB);
      try (OSSObject object = oss.getObject("my-export-bucket", "nightly_m-bp1demo0001_system.raw.tar.gz")) {
        String content = new String(object.getObjectContent().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(content).contains("placeholder").contains("m-bp1demo0001");
      }
      DescribeTasksRequest finished = new DescribeTasksRequest();
      finished.setTaskAction("ExportImage");
      finished.setTaskStatus("Finished");
      DescribeTasksResponse tasks = sdk.call(finished);
      assertThat(tasks.getTaskSet()).extracting(DescribeTasksResponse.Task::getTaskId).containsExactly(started.getTaskId());
      assertThat(tasks.getTaskSet().get(0).getResourceId()).isEqualTo("m-bp1demo0001");
      oss.shutdown();
      sdk.shutdown();
    }
  }

  @Test
  void rawIsTheDefaultFormatAndOtherFormatsKeepTheirExtension() throws Exception {
    try (Sandbox sandbox = Sandbox.start("demo-pass", 0)) {
      SdkClients sdk = new SdkClients(sandbox);
      ExportImageRequest req = requestFromFirstLine("demo-pass");
      req.setImageFormat("qcow2");
      DescribeTaskAttributeResponse done = waitForFinish(sdk, sdk.call(req).getTaskId());
      assertThat(done.getOperationProgressSet().get(0).getRelatedItemSet())
          .anyMatch(i -> i.getName().equals("OSSObject") && i.getValue().equals("m-bp1demo0001_system.qcow2"))
          .anyMatch(i -> i.getName().equals("ImageFormat") && i.getValue().equals("qcow2"))
          .anyMatch(i -> i.getName().equals("OSSBucket") && i.getValue().equals("my-export-bucket"));
      sdk.shutdown();
    }
  }

  @Test
  void cancelTaskStopsTheExportBeforeAnyObjectIsWritten() throws Exception {
    String slow = ScenarioLoader.builtInText("demo-pass") + "behaviour: { exportSeconds: 600 }\n";
    try (Sandbox sandbox = Sandbox.start(ScenarioLoader.parse("slow.yaml", slow), 0)) {
      SdkClients sdk = new SdkClients(sandbox);
      OSS oss = SdkClients.ossV1(sandbox);
      String taskId = sdk.call(requestFromFirstLine("demo-pass")).getTaskId();
      CancelTaskRequest cancel = new CancelTaskRequest();
      cancel.setTaskId(taskId);
      sdk.call(cancel);
      DescribeTaskAttributeResponse after = attribute(sdk, taskId);
      assertThat(after.getTaskStatus()).isEqualTo("Cancelled");
      assertThat(after.getSupportCancel()).isEqualTo("false");
      ClientException twice = catchThrowableOfType(ClientException.class, () -> sdk.call(cancel));
      assertThat(twice.getErrCode()).isEqualTo("IncorrectTaskStatus");
      CancelTaskRequest unknown = new CancelTaskRequest();
      unknown.setTaskId("t-nope");
      assertThat(catchThrowableOfType(ClientException.class, () -> sdk.call(unknown)).getErrCode()).isEqualTo("InvalidTaskId.NotFound");
      ListObjectsV2Result listing = oss.listObjectsV2("my-export-bucket");
      assertThat(listing.getObjectSummaries()).isEmpty();
      OSSException noKey = catchThrowableOfType(OSSException.class,
          () -> oss.getObjectMetadata("my-export-bucket", "m-bp1demo0001_system.raw.tar.gz"));
      assertThat(noKey.getErrorCode()).isEqualTo("NoSuchKey");
      oss.shutdown();
      sdk.shutdown();
    }
  }

  static DescribeTaskAttributeResponse attribute(SdkClients sdk, String taskId) throws ClientException {
    DescribeTaskAttributeRequest req = new DescribeTaskAttributeRequest();
    req.setTaskId(taskId);
    return sdk.call(req);
  }

  static DescribeTaskAttributeResponse waitForFinish(SdkClients sdk, String taskId) throws ClientException, InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      DescribeTaskAttributeResponse r = attribute(sdk, taskId);
      if (!r.getTaskStatus().equals("Processing") || System.currentTimeMillis() > deadline) {
        assertThat(r.getTaskStatus()).isEqualTo("Finished");
        return r;
      }
      Thread.sleep(200);
    }
  }

}

package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsRequest;
import com.aliyuncs.exceptions.ClientException;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An audit-sized account: 10,000 images with two disks each, paged through with the SDK. */
class LargeAccountIT {
  @Test
  void tenThousandImagesPageQuickly() throws ClientException {
    StringBuilder images = new StringBuilder("images:\n");
    StringBuilder snapshots = new StringBuilder("snapshots:\n");
    for (int i = 0; i < 10_000; i++) {
      images.append("  - { id: m-big").append(i).append(", region: cn-hangzhou, name: img").append(i)
          .append(", disks: [ { device: /dev/xvda, type: system, sizeGiB: 20, snapshotId: s-sys").append(i)
          .append(" }, { device: /dev/xvdb, type: data, sizeGiB: 50, snapshotId: s-data").append(i).append(" } ] }\n");
      snapshots.append("  - { id: s-sys").append(i).append(" }\n  - { id: s-data").append(i).append(" }\n");
    }
    String yaml = "account: { id: \"1\", accessKeys: [ { id: ak, secret: sk } ] }\n" + images + snapshots;
    long loadStart = System.nanoTime();
    try (Sandbox s = Sandbox.start(ScenarioLoader.parse("big.yaml", yaml), 0)) {
      long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
      SdkClients sdk = new SdkClients(s);
      long start = System.nanoTime();
      Set<String> seen = new HashSet<>();
      for (int page = 1; page <= 100; page++) {
        DescribeImagesRequest r = new DescribeImagesRequest();
        r.setPageNumber(page);
        r.setPageSize(100);
        DescribeImagesResponse images100 = sdk.call(r);
        images100.getImages().forEach(i -> seen.add(i.getImageId()));
        StringBuilder ids = new StringBuilder("[");
        images100.getImages().forEach(i -> ids.append(ids.length() > 1 ? "," : "").append('"')
            .append(i.getDiskDeviceMappings().get(1).getSnapshotId()).append('"'));
        DescribeSnapshotsRequest snaps = new DescribeSnapshotsRequest();
        snaps.setSnapshotIds(ids.append(']').toString());
        snaps.setPageSize(100);
        assertThat(sdk.call(snaps).getSnapshots()).hasSize(100);
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("10,000 images: loaded and started in %d ms; 100 DescribeImages + 100 DescribeSnapshots pages in %d ms%n",
          loadMillis, millis);
      assertThat(seen).hasSize(10_000);
      assertThat(loadMillis).as("loading 10,000 images").isLessThan(15_000);
      assertThat(millis).as("200 paged calls").isLessThan(60_000);
      sdk.shutdown();
    }
  }
}

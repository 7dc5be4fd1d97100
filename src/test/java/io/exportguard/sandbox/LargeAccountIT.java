package io.exportguard.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyuncs.ecs.model.v20140526.DescribeImagesRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeImagesResponse;
import com.aliyuncs.ecs.model.v20140526.DescribeSnapshotsRequest;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.ram.model.v20150501.ListUsersRequest;
import com.aliyuncs.ram.model.v20150501.ListUsersResponse;
import io.exportguard.sandbox.scenario.AccountGenerator;
import io.exportguard.sandbox.scenario.Scenario;
import io.exportguard.sandbox.scenario.ScenarioLoader;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An audit-sized account from {@link AccountGenerator}: 20 regions and 10,000 images with one to three
 * disks each, paged through with the SDK as the audit does (DescribeImages by 100 per region,
 * DescribeSnapshots by 100 ids, ListUsers by Marker).
 */
class LargeAccountIT {
  @Test
  void twentyRegionsAndTenThousandImagesPageQuickly() throws ClientException {
    long loadStart = System.nanoTime();
    java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
    long loadCpu = cpu.getCurrentThreadCpuTime();
    Scenario scenario = ScenarioLoader.parse("big.yaml", AccountGenerator.yaml(AccountGenerator.Spec.of(20, 10_000)));
    long loadCpuMillis = (cpu.getCurrentThreadCpuTime() - loadCpu) / 1_000_000;
    try (Sandbox s = Sandbox.start(scenario, 0)) {
      long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
      SdkClients sdk = new SdkClients(s);
      long start = System.nanoTime();
      Set<String> seen = new HashSet<>();
      int snapshots = 0;
      int calls = 0;
      for (Scenario.Region region : scenario.regions()) {
        for (int page = 1; ; page++) {
          DescribeImagesRequest r = new DescribeImagesRequest();
          r.setSysRegionId(region.id());
          r.setImageOwnerAlias("self");
          r.setStatus("ALL");
          r.setPageNumber(page);
          r.setPageSize(100);
          DescribeImagesResponse images100 = sdk.call(r);
          calls++;
          images100.getImages().forEach(i -> seen.add(i.getImageId()));
          StringBuilder ids = new StringBuilder("[");
          images100.getImages().forEach(i -> i.getDiskDeviceMappings().forEach(d -> {
            if (ids.length() > 1) ids.append(',');
            ids.append('"').append(d.getSnapshotId()).append('"');
          }));
          String[] all = ids.append(']').toString().substring(1, ids.length() - 1).split(",");
          for (int from = 0; from < all.length; from += 100) {
            DescribeSnapshotsRequest snaps = new DescribeSnapshotsRequest();
            snaps.setSysRegionId(region.id());
            String[] batch = java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + 100));
            snaps.setSnapshotIds("[" + String.join(",", batch) + "]");
            snaps.setMaxResults(100);
            int n = sdk.call(snaps).getSnapshots().size();
            calls++;
            assertThat(n).isEqualTo(batch.length);
            snapshots += n;
          }
          if (page * 100 >= images100.getTotalCount()) break;
        }
      }
      int users = 0;
      String marker = null;
      do {
        ListUsersRequest r = new ListUsersRequest();
        r.setMarker(marker);
        ListUsersResponse page = sdk.call(r);
        calls++;
        users += page.getUsers().size();
        marker = page.getIsTruncated() ? page.getMarker() : null;
      } while (marker != null);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf("20 regions, 10,000 images: generated, loaded and started in %d ms (%d ms of CPU); %d paged calls in %d ms%n",
          loadMillis, loadCpuMillis, calls, millis);
      assertThat(seen).hasSize(10_000);
      assertThat(snapshots).isEqualTo(scenario.snapshots().size());
      assertThat(users).isEqualTo(scenario.users().size()).isEqualTo(200);
      // Bounded in CPU time: on the shared 2-core machine the wall time depends on everyone else's load.
      assertThat(loadCpuMillis).as("CPU time generating and loading 10,000 images").isLessThan(20_000);
      assertThat(millis).as("the paged calls").isLessThan(120_000);
      sdk.shutdown();
    }
  }
}

package io.exportguard.cloud;

import com.aliyuncs.ecs.model.v20140526.DescribeRegionsRequest;
import com.aliyuncs.ecs.model.v20140526.DescribeRegionsResponse;
import io.exportguard.facts.Area;
import io.exportguard.facts.RegionFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The {@code region} area: DescribeRegions, and whether the request's region is among them. */
final class RegionGatherer {
  private final CloudClients clients;
  private final Executor executor;
  private final FactSink sink;

  RegionGatherer(CloudClients clients, Executor executor, FactSink sink) {
    this.clients = clients;
    this.executor = executor;
    this.sink = sink;
  }

  CompletableFuture<RegionFacts> gather(String regionId) {
    // DescribeRegions needs some valid region to be signed for; an implausible id still gets its answer.
    String signingRegion = Endpoints.plausibleRegion(regionId) ? regionId : "cn-hangzhou";
    return Async.run(executor, () -> clients.ecsCentral("DescribeRegions", signingRegion, new DescribeRegionsRequest()))
        .handle((resp, failure) -> {
          if (failure != null) {
            sink.error(Area.REGION, Async.cause(failure, "ecs:DescribeRegions"));
            return null;
          }
          return toFacts(regionId, resp);
        });
  }

  static RegionFacts toFacts(String regionId, DescribeRegionsResponse resp) {
    List<String> known = new ArrayList<>();
    DescribeRegionsResponse.Region match = null;
    for (DescribeRegionsResponse.Region r : resp.getRegions()) {
      known.add(r.getRegionId());
      if (r.getRegionId().equals(regionId)) match = r;
    }
    known.sort(null);
    if (match == null) return new RegionFacts(regionId, false, null, null, null, known);
    return new RegionFacts(regionId, true, match.getLocalName(), match.getRegionEndpoint(), match.getStatus(), known);
  }
}

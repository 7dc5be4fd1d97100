package io.exportguard.sandbox.rpc;

import java.util.List;
import java.util.Map;

/** PageNumber/PageSize paging as the ECS Describe* actions do it (PageSize at most 100). */
record Page(int number, int size) {

  static Page of(RpcCall call, int defaultSize) {
    return new Page(call.integer("PageNumber", 1, 1, Integer.MAX_VALUE), call.integer("PageSize", defaultSize, 1, 100));
  }

  <T> List<T> slice(List<T> all) {
    long from = (long) (number - 1) * size;
    if (from >= all.size()) {
      return List.of();
    }
    return all.subList((int) from, (int) Math.min(all.size(), from + size));
  }

  void describe(Map<String, Object> body, int total) {
    body.put("TotalCount", total);
    body.put("PageNumber", number);
    body.put("PageSize", size);
  }
}

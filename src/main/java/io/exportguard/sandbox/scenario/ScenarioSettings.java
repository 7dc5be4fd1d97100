package io.exportguard.sandbox.scenario;

import io.exportguard.sandbox.scenario.Scenario.Behaviour;
import io.exportguard.sandbox.scenario.Scenario.Fault;
import io.exportguard.sandbox.scenario.Scenario.Quotas;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The scenario keys that set how the sandbox behaves rather than what the account holds: quotas, behaviour, faults. */
final class ScenarioSettings {
  private static final Pattern API = Pattern.compile("\\*|(ecs|ram|oss):[A-Za-z0-9]+");

  private ScenarioSettings() {}

  static Quotas quotas(Node root) {
    Node q = root.object("quotas");
    if (q == null) {
      return new Quotas(5, 100, true);
    }
    q.onlyKeys("concurrentExports", "weeklyExports", "exportWhitelisted");
    return new Quotas((int) q.integer("concurrentExports", 5, 0, 10_000), (int) q.integer("weeklyExports", 100, 0, 1_000_000),
        q.bool("exportWhitelisted", true));
  }

  static Behaviour behaviour(Node root) {
    Node b = root.object("behaviour");
    if (b == null) {
      return new Behaviour(2);
    }
    b.onlyKeys("exportSeconds");
    return new Behaviour(b.number("exportSeconds", 2.0, 0, 86_400));
  }

  static List<Fault> faults(Node root) {
    List<Fault> out = new ArrayList<>();
    for (Node f : root.objects("faults")) {
      f.onlyKeys("api", "error", "message", "httpStatus", "times", "probability", "seed", "latencyMs", "jitterMs",
          "ratePerSecond", "perApi", "hang");
      String api = f.string("api");
      if (!API.matcher(api).matches()) {
        throw f.error("api", "must be ecs:<Action>, ram:<Action>, oss:<Operation> or *, not '" + api + "'");
      }
      String error = f.string("error", null);
      Integer times = f.has("times") ? (int) f.integer("times", 1, 1, Integer.MAX_VALUE) : null;
      Double probability = f.number("probability", null, 0, 1);
      if (times != null && probability != null) {
        throw f.error("probability", "give either times or probability, not both");
      }
      if (error == null && (times != null || probability != null || f.has("message") || f.has("httpStatus"))) {
        throw f.error("error", "is required when times, probability, message or httpStatus is given");
      }
      Double rate = f.number("ratePerSecond", null, 0.001, 1_000_000);
      boolean hang = f.bool("hang", false);
      boolean perApi = f.bool("perApi", false);
      if (perApi && rate == null) {
        throw f.error("perApi", "only applies to a ratePerSecond fault");
      }
      long latency = f.integer("latencyMs", 0, 0, 600_000);
      long jitter = f.integer("jitterMs", 0, 0, 600_000);
      if (error == null && rate == null && !hang && latency == 0 && jitter == 0) {
        throw f.error(null, "a fault needs error, latencyMs/jitterMs, ratePerSecond or hang");
      }
      Integer status = f.has("httpStatus") ? (int) f.integer("httpStatus", 400, 400, 599) : null;
      out.add(new Fault(api, error, f.string("message", null), status, times, probability, f.integer("seed", 0, Long.MIN_VALUE, Long.MAX_VALUE),
          latency, jitter, rate, perApi, hang));
    }
    return List.copyOf(out);
  }
}

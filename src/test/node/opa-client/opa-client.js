// The OPA TypeScript SDK (@open-policy-agent/opa) against `exportguard serve`: every call's outcome,
// as JSON on stdout, for OpaNodeClientIT to check. Environment: OPA_URL, OPA_TOKEN, FACTS (a path).
"use strict";
const fs = require("fs");
const { OPAClient } = require("@open-policy-agent/opa");

async function outcome(call) {
  try {
    const value = await call();
    return value === undefined ? { undefined: true } : { value };
  } catch (e) {
    return { error: e.name || e.constructor.name, message: String(e.message || e),
      code: (e.data$ && e.data$.code) || e.code || null, status: e.httpMeta?.response?.status ?? e.statusCode ?? null };
  }
}

(async () => {
  const url = process.env.OPA_URL;
  const auth = { headers: { Authorization: "Bearer " + process.env.OPA_TOKEN } };
  const opa = new OPAClient(url, auth);
  const facts = JSON.parse(fs.readFileSync(process.env.FACTS, "utf8"));
  const out = {};
  out.permissions = await outcome(() => opa.evaluate("exportguard/role/permissions", facts));
  out.allowOwn = await outcome(() => opa.evaluate("nodeclient/allow", { user: "alice", owner: "alice" }));
  out.allowOther = await outcome(() => opa.evaluate("nodeclient/allow", { user: "bob", owner: "alice" }));
  out.reason = await outcome(() => opa.evaluate("nodeclient/decision", { user: "bob", owner: "alice" },
    { fromResult: (r) => r.reason }));
  out.undefinedDoc = await outcome(() => opa.evaluate("nodeclient/nothing", {}));
  out.defaultDecision = await outcome(() => opa.evaluateDefault({ user: "alice", owner: "alice" }));
  out.batch = await outcome(() => opa.evaluateBatch("nodeclient/allow",
    { own: { user: "alice", owner: "alice" }, other: { user: "bob", owner: "alice" } }, { fallback: true }));
  out.evalError = await outcome(() => opa.evaluate("nodeclient/conflict", {}));
  out.badToken = await outcome(() => new OPAClient(url, { headers: { Authorization: "Bearer wrong" } })
    .evaluate("nodeclient/allow", {}));
  process.stdout.write(JSON.stringify(out));
})().catch((e) => { console.error(e); process.exit(1); });
